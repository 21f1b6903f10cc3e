#pragma once

#include "core/dataset.h"
#include "core/json.h"
#include "core/network.h"
#include "core/optimizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace layerlens::core {

/// Limits of the run keys.
inline constexpr int kMaxBatchSize = 1 << 16;
inline constexpr long long kMaxSteps = 1'000'000'000LL;
inline constexpr int kMaxBins = 1000;

/// Every setting of a run; one key each in the config file (docs/config.md).
struct RunConfig {
    DatasetSpec data;            ///< dataset, samples, noise, split, standardize (seed mirrors `seed`)
    NetworkConfig network;       ///< depth, width, activation, ..., dropout, loss (inputs/classes from the data)
    OptimizerConfig optimizer;   ///< optimizer, lr, momentum, weight_decay, adam_beta1, adam_beta2
    int batchSize = 32;          ///< `batch_size`; larger than the training set means full batch
    long long steps = 2000;      ///< `steps`: the run stops after this many updates
    int every = 10;              ///< `every`: statistics every K steps
    int evalEvery = 100;         ///< `eval_every`: test evaluation every E steps
    int bins = 50;               ///< `bins`: histogram bins
    std::uint64_t seed = 1;      ///< `seed`: initialisation, data, shuffling, dropout

    /// Throws std::invalid_argument naming the first bad key. Also copies the seed into the parts.
    void validate() const;
    /// The seed copied into `data` and `network`.
    void syncSeed();
};

/// Description of one config key, for validation messages, --help and docs/config.md.
struct ConfigKey {
    std::string_view name;
    std::string_view type;       ///< "integer", "number", "boolean", "string", "name", "integer or list"
    std::string_view range;      ///< allowed values
    std::string_view help;       ///< one line
};

/// All keys, in documentation order.
const std::vector<ConfigKey> &configKeys();

/// The config as a JSON object with every key.
json::Value toJson(const RunConfig &config);
/// Reads a JSON object: unknown keys, wrong types and out-of-range values are errors
/// (std::invalid_argument "key: cause"); absent keys keep their defaults.
RunConfig configFromJson(const json::Value &object);
/// Sets one key from command-line text (`--set key=value`): numbers, true/false, names, and for
/// `width` a number or a comma-separated list. Throws std::invalid_argument "key: cause".
void setConfigValue(RunConfig &config, std::string_view key, std::string_view value);
/// The value of one key as JSON text (for messages and captions).
std::string configValueText(const RunConfig &config, std::string_view key);

/// True when going from `a` to `b` needs a new network (architecture, activation, initialiser,
/// BatchNorm, loss, data or seed changed); false when only live settings (learning rate,
/// batch size, dropout rate, optimizer parameters, intervals) differ.
bool needsRebuild(const RunConfig &a, const RunConfig &b);

/// Reads a config file (JSON). Errors name the file: json::ParseError or std::invalid_argument.
RunConfig loadConfigFile(const std::string &path);
/// Writes the config as pretty JSON, atomically.
void saveConfigFile(const RunConfig &config, const std::string &path);

} // namespace layerlens::core
