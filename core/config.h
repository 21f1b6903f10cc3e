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

/// Largest estimated memory of a run (docs/config.md, "Memory"): 8 GiB, so that the largest
/// network (depth 50, width 2048) trains with any optimizer on a 16 GB machine, and a config that
/// would need more is refused with a message instead of swapping or being killed.
inline constexpr double kMemoryLimitBytes = 8.0 * 1024 * 1024 * 1024;

/// The shape of a run's data, as far as it is known before loading it.
struct DataShape {
    bool known = false;          ///< false for idx: and csv: files before they are read
    long long samples = 0;       ///< training and test samples together
    long long trainSamples = 0;
    int inputs = 0, classes = 0;
    bool planar = false;         ///< 2 inputs: the window draws the decision field
};

/// Estimated peak memory of a run in bytes, by part (the formulas are in docs/config.md).
struct MemoryEstimate {
    double parameters = 0.0;    ///< weights, biases, BatchNorm γ/β/statistics, their gradients, the trainer's copy of W
    double optimizer = 0.0;     ///< two state buffers per parameter (allocated for every optimizer)
    double activations = 0.0;   ///< per-layer forward and backward buffers for the largest pass
    double dataset = 0.0;       ///< features and labels, twice while the split is made
    double statistics = 0.0;    ///< snapshots the window keeps, the history and its published copy
    double total() const { return parameters + optimizer + activations + dataset + statistics; }
};

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

    /// Throws std::invalid_argument naming the first bad key, or "memory" when the estimated
    /// memory (estimateMemory) exceeds kMemoryLimitBytes for data whose shape the spec tells.
    void validate() const;
    /// The seed copied into `data` and `network`.
    void syncSeed();
};

/// What the data set named by `spec` will hold (known for the generated sets and Fashion-MNIST).
DataShape dataShapeOf(const DatasetSpec &spec);
/// The memory a run of `config` on data of `shape` needs, estimated from above.
MemoryEstimate estimateMemory(const RunConfig &config, const DataShape &shape);
/// Throws std::invalid_argument ("memory: ...", naming the estimate and the limit) when the
/// estimate exceeds kMemoryLimitBytes.
void checkMemory(const RunConfig &config, const DataShape &shape);

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
