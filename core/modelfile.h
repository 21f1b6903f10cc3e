#pragma once

#include "core/config.h"
#include "core/json.h"
#include "core/network.h"

#include <string>

namespace layerlens::core {

/// Model file format name and version (docs/model-format.md).
inline constexpr const char *kModelFormat = "layerlens-model";
inline constexpr int kModelVersion = 1;

/// A model read from a file: the config it was trained with and its layers as JSON.
struct ModelFile {
    RunConfig config;
    json::Value layers; ///< the "layers" array, checked for structure
};

/// The model as JSON: format, version, config and, per layer in order, its type and parameters.
json::Value modelToJson(const Network<float> &network, const RunConfig &config);
/// Writes the model atomically.
void saveModel(const Network<float> &network, const RunConfig &config, const std::string &path);
/// Parses a model document; throws std::invalid_argument naming the field ("layers[3].weight: ...").
ModelFile modelFromJson(const json::Value &document);
/// Reads a model file; errors name the file.
ModelFile loadModel(const std::string &path);
/// Copies the parameters of `model` into `network`, which must have the same architecture
/// (built from model.config with the same data shape); throws std::invalid_argument otherwise.
void applyModel(const ModelFile &model, Network<float> &network);

} // namespace layerlens::core
