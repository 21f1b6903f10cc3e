// Fuzz target: a config file (JSON) through the parser, configFromJson and validate().

#include "tests/fuzz/fuzztargets.h"

#include "core/config.h"
#include "core/json.h"

#include <stdexcept>

namespace layerlens::fuzz {

std::string runConfig(Bytes input)
{
    try {
        const core::json::Value document = core::json::parse(textOf(input), "<fuzz config>");
        const core::RunConfig config = core::configFromJson(document);
        config.validate();
        // The writer must take whatever the reader accepted, and read it back.
        core::configFromJson(core::json::parse(core::json::serialize(core::toJson(config))));
        return {};
    } catch (const core::json::ParseError &e) {
        return refusal(e);
    } catch (const std::invalid_argument &e) {
        return refusal(e);
    }
}

} // namespace layerlens::fuzz

LAYERLENS_FUZZ_ENTRY(layerlens::fuzz::runConfig)
