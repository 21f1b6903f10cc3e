// Fuzz target: a lesson preset (JSON) through ui::parseLesson, the body of ui::lesson().

#include "tests/fuzz/fuzztargets.h"

#include "core/json.h"
#include "ui/presets.h"

#include <QByteArray>

#include <stdexcept>

namespace layerlens::fuzz {

std::string runPreset(Bytes input)
{
    try {
        const QByteArray document(reinterpret_cast<const char *>(input.data()), static_cast<qsizetype>(input.size()));
        const ui::Lesson lesson = ui::parseLesson(QStringLiteral("fuzz"), document);
        lesson.config.validate();
        if (lesson.compare)
            lesson.compare->config.validate();
        return {};
    } catch (const core::json::ParseError &e) {
        return refusal(e);
    } catch (const std::invalid_argument &e) {
        return refusal(e);
    }
}

} // namespace layerlens::fuzz

LAYERLENS_FUZZ_ENTRY(layerlens::fuzz::runPreset)
