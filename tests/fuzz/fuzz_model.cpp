// Fuzz target: a model file (JSON) through the parser and modelFromJson; a small model is then applied
// to a network built from its own config, as `--load-model` does.

#include "tests/fuzz/fuzztargets.h"

#include "core/json.h"
#include "core/modelfile.h"
#include "core/network.h"

#include <algorithm>
#include <stdexcept>

namespace layerlens::fuzz {

namespace {

/// An integer member in [1, 64], or `fallback`: the data shape the model was trained on.
int shapeOf(const core::json::Value &document, const char *key, int fallback)
{
    const core::json::Value *v = document.find(key);
    if (!v || !v->isInteger() || v->asInt64() < 1 || v->asInt64() > 64)
        return fallback;
    return static_cast<int>(v->asInt64());
}

/// Weights of the network `config` describes, from above; only small networks are built here, so that
/// one input costs milliseconds.
double weightCount(const core::NetworkConfig &config)
{
    double count = 0.0;
    int fanIn = config.inputs;
    for (int layer = 0; layer < config.depth; ++layer) {
        const int width = config.widthOf(layer);
        count += static_cast<double>(fanIn) * width * std::max(config.maxoutPieces, 1);
        fanIn = width;
    }
    return count + static_cast<double>(fanIn) * config.classes;
}

} // namespace

std::string runModel(Bytes input)
{
    try {
        const core::json::Value document = core::json::parse(textOf(input), "<fuzz model>");
        const core::ModelFile model = core::modelFromJson(document);
        core::NetworkConfig config = model.config.network;
        config.inputs = shapeOf(document, "inputs", 2);
        config.classes = shapeOf(document, "classes", 2);
        if (weightCount(config) <= 20000) {
            core::Network<float> network(config);
            core::applyModel(model, network);
        }
        return {};
    } catch (const core::json::ParseError &e) {
        return refusal(e);
    } catch (const std::invalid_argument &e) {
        return refusal(e);
    }
}

} // namespace layerlens::fuzz

LAYERLENS_FUZZ_ENTRY(layerlens::fuzz::runModel)
