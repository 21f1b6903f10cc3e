#include "core/config.h"

#include "core/atomicfile.h"
#include "core/fileerror.h"
#include "core/history.h"
#include "core/idx.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <stdexcept>

namespace layerlens::core {

namespace {

[[noreturn]] void fail(std::string_view key, const std::string &cause)
{
    throw std::invalid_argument(std::string(key) + ": " + cause);
}

long long integerOf(std::string_view key, const json::Value &v, long long lo, long long hi)
{
    if (!v.isNumber() || !v.isInteger())
        fail(key, "expected an integer, got " + (v.isNumber() ? json::serialize(v) : std::string(json::Value::typeName(v.type()))));
    if (v.asNumber() < static_cast<double>(lo) || v.asNumber() > static_cast<double>(hi))
        fail(key, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + json::serialize(v));
    return v.asInt64();
}

double numberOf(std::string_view key, const json::Value &v)
{
    if (!v.isNumber())
        fail(key, "expected a number, got " + std::string(json::Value::typeName(v.type())));
    return v.asNumber();
}

double numberIn(std::string_view key, const json::Value &v, double lo, double hi, bool openLo, bool openHi)
{
    const double x = numberOf(key, v);
    if (!std::isfinite(x) || (openLo ? x <= lo : x < lo) || (openHi ? x >= hi : x > hi))
        fail(key, std::string("must be in ") + (openLo ? "(" : "[") + json::serialize(lo) + ", " + json::serialize(hi)
                      + (openHi ? ")" : "]") + ", got " + json::serialize(v));
    return x;
}

bool boolOf(std::string_view key, const json::Value &v)
{
    if (!v.isBool())
        fail(key, "expected true or false, got " + std::string(json::Value::typeName(v.type())));
    return v.asBool();
}

std::string stringOf(std::string_view key, const json::Value &v)
{
    if (!v.isString())
        fail(key, "expected a string, got " + std::string(json::Value::typeName(v.type())));
    return v.asString();
}

/// Runs a name parser, replacing its field prefix with `key` is unnecessary: the parsers already
/// name the field, which equals the key.
template <typename F>
auto nameOf(std::string_view key, const json::Value &v, F parse)
{
    return parse(stringOf(key, v));
}

struct KeyHandler {
    ConfigKey doc;
    std::function<json::Value(const RunConfig &)> get;
    std::function<void(RunConfig &, const json::Value &)> set;
};

const std::vector<KeyHandler> &handlers()
{
    static const std::vector<KeyHandler> table = [] {
        std::vector<KeyHandler> t;
        auto add = [&t](ConfigKey doc, std::function<json::Value(const RunConfig &)> get,
                        std::function<void(RunConfig &, const json::Value &)> set) {
            t.push_back({doc, std::move(get), std::move(set)});
        };
        add({"dataset", "string", "spiral[:K], circles, moons, xor, blobs[:K], gaussian[:N:D:C], fashion-mnist[:DIR], idx:PREFIX, csv:PATH",
             "the data set"},
            [](const RunConfig &c) { return json::Value(c.data.spec); },
            [](RunConfig &c, const json::Value &v) {
                c.data.spec = stringOf("dataset", v);
                if (c.data.spec.empty())
                    fail("dataset", "must not be empty");
            });
        add({"samples", "integer", "[4, 1000000]", "points generated for the toy sets and gaussian without N"},
            [](const RunConfig &c) { return json::Value(c.data.samples); },
            [](RunConfig &c, const json::Value &v) { c.data.samples = static_cast<int>(integerOf("samples", v, 4, kMaxGeneratedSamples)); });
        add({"noise", "number", "[0, 10]", "standard deviation of the noise added to the toy sets"},
            [](const RunConfig &c) { return json::Value(c.data.noise); },
            [](RunConfig &c, const json::Value &v) { c.data.noise = numberIn("noise", v, 0, 10, false, false); });
        add({"split", "number", "(0, 1]", "fraction of the samples used for training; 1 = no test split (Fashion-MNIST keeps its own test set)"},
            [](const RunConfig &c) { return json::Value(c.data.split); },
            [](RunConfig &c, const json::Value &v) { c.data.split = numberIn("split", v, 0, 1, true, false); });
        add({"standardize", "boolean", "true, false", "scale each feature to mean 0 and std 1 with the training split's statistics"},
            [](const RunConfig &c) { return json::Value(c.data.standardize); },
            [](RunConfig &c, const json::Value &v) { c.data.standardize = boolOf("standardize", v); });
        add({"depth", "integer", "[1, 50]", "hidden layers"},
            [](const RunConfig &c) { return json::Value(c.network.depth); },
            [](RunConfig &c, const json::Value &v) { c.network.depth = static_cast<int>(integerOf("depth", v, 1, kMaxDepth)); });
        add({"width", "integer or list", "[1, 2048], or a list of one width per hidden layer", "units per hidden layer"},
            [](const RunConfig &c) {
                if (c.network.widths.size() == 1)
                    return json::Value(c.network.widths.front());
                json::Value list = json::Value::array();
                for (int w : c.network.widths)
                    list.push_back(w);
                return list;
            },
            [](RunConfig &c, const json::Value &v) {
                std::vector<int> widths;
                if (v.isArray()) {
                    if (v.asArray().empty())
                        fail("width", "the list is empty");
                    for (const auto &w : v.asArray())
                        widths.push_back(static_cast<int>(integerOf("width", w, 1, kMaxWidth)));
                } else {
                    widths.push_back(static_cast<int>(integerOf("width", v, 1, kMaxWidth)));
                }
                c.network.widths = widths;
            });
        add({"activation", "name", "sigmoid, tanh, relu, leaky_relu, elu, maxout, linear", "hidden-layer activation"},
            [](const RunConfig &c) { return json::Value(std::string(activationName(c.network.activation))); },
            [](RunConfig &c, const json::Value &v) { c.network.activation = nameOf("activation", v, activationFromName); });
        add({"leaky_slope", "number", "[0, 1]", "Leaky ReLU slope for z < 0"},
            [](const RunConfig &c) { return json::Value(c.network.leakySlope); },
            [](RunConfig &c, const json::Value &v) { c.network.leakySlope = numberIn("leaky_slope", v, 0, 1, false, false); });
        add({"elu_alpha", "number", "(0, 10]", "ELU α: the value approached for z → −∞ is −α"},
            [](const RunConfig &c) { return json::Value(c.network.eluAlpha); },
            [](RunConfig &c, const json::Value &v) { c.network.eluAlpha = numberIn("elu_alpha", v, 0, 10, true, false); });
        add({"maxout_pieces", "integer", "[2, 16]", "linear pieces per Maxout unit"},
            [](const RunConfig &c) { return json::Value(c.network.maxoutPieces); },
            [](RunConfig &c, const json::Value &v) {
                c.network.maxoutPieces = static_cast<int>(integerOf("maxout_pieces", v, 2, kMaxMaxoutPieces));
            });
        add({"init", "name", "zeros, constant, normal, uniform, xavier_normal, xavier_uniform, he_normal, he_uniform, lecun_normal, orthogonal",
             "weight initialiser (biases start at 0)"},
            [](const RunConfig &c) { return json::Value(std::string(initName(c.network.init.kind))); },
            [](RunConfig &c, const json::Value &v) { c.network.init.kind = nameOf("init", v, initFromName); });
        add({"init_std", "number", "(0, 100]", "σ of init = normal"},
            [](const RunConfig &c) { return json::Value(c.network.init.std); },
            [](RunConfig &c, const json::Value &v) { c.network.init.std = numberIn("init_std", v, 0, 100, true, false); });
        add({"init_bound", "number", "(0, 100]", "a of init = uniform: U(−a, a)"},
            [](const RunConfig &c) { return json::Value(c.network.init.bound); },
            [](RunConfig &c, const json::Value &v) { c.network.init.bound = numberIn("init_bound", v, 0, 100, true, false); });
        add({"init_constant", "number", "[−100, 100]", "c of init = constant"},
            [](const RunConfig &c) { return json::Value(c.network.init.constant); },
            [](RunConfig &c, const json::Value &v) { c.network.init.constant = numberIn("init_constant", v, -100, 100, false, false); });
        add({"batchnorm", "boolean", "true, false", "Batch Normalization between each hidden Dense and its activation"},
            [](const RunConfig &c) { return json::Value(c.network.batchNorm); },
            [](RunConfig &c, const json::Value &v) { c.network.batchNorm = boolOf("batchnorm", v); });
        add({"bn_inference", "name", "ema, population", "inference statistics: moving average or average of the last bn_window batches"},
            [](const RunConfig &c) { return json::Value(std::string(bnInferenceName(c.network.bnInference))); },
            [](RunConfig &c, const json::Value &v) { c.network.bnInference = nameOf("bn_inference", v, bnInferenceFromName); });
        add({"bn_momentum", "number", "(0, 1]", "EMA weight of the newest batch (PyTorch's momentum)"},
            [](const RunConfig &c) { return json::Value(c.network.bnMomentum); },
            [](RunConfig &c, const json::Value &v) { c.network.bnMomentum = numberIn("bn_momentum", v, 0, 1, true, false); });
        add({"bn_window", "integer", "[1, 10000]", "batches averaged in population mode"},
            [](const RunConfig &c) { return json::Value(c.network.bnWindow); },
            [](RunConfig &c, const json::Value &v) { c.network.bnWindow = static_cast<int>(integerOf("bn_window", v, 1, 10000)); });
        add({"dropout", "number", "[0, 1)", "probability of dropping a hidden unit while training (inverted dropout)"},
            [](const RunConfig &c) { return json::Value(c.network.dropout); },
            [](RunConfig &c, const json::Value &v) { c.network.dropout = numberIn("dropout", v, 0, 1, false, true); });
        add({"loss", "name", "cross_entropy, mse", "softmax cross-entropy or mean squared error against one-hot labels"},
            [](const RunConfig &c) { return json::Value(std::string(lossName(c.network.loss))); },
            [](RunConfig &c, const json::Value &v) { c.network.loss = nameOf("loss", v, lossFromName); });
        add({"optimizer", "name", "sgd, momentum, adam", "update rule"},
            [](const RunConfig &c) { return json::Value(std::string(optimizerName(c.optimizer.kind))); },
            [](RunConfig &c, const json::Value &v) { c.optimizer.kind = nameOf("optimizer", v, optimizerFromName); });
        add({"lr", "number", "(0, 100]", "learning rate"},
            [](const RunConfig &c) { return json::Value(c.optimizer.lr); },
            [](RunConfig &c, const json::Value &v) { c.optimizer.lr = numberIn("lr", v, 0, 100, true, false); });
        add({"momentum", "number", "[0, 1)", "momentum coefficient of optimizer = momentum"},
            [](const RunConfig &c) { return json::Value(c.optimizer.momentum); },
            [](RunConfig &c, const json::Value &v) { c.optimizer.momentum = numberIn("momentum", v, 0, 1, false, true); });
        add({"weight_decay", "number", "[0, 10]", "L2 coefficient λ on the Dense weights (added to the gradient)"},
            [](const RunConfig &c) { return json::Value(c.optimizer.weightDecay); },
            [](RunConfig &c, const json::Value &v) { c.optimizer.weightDecay = numberIn("weight_decay", v, 0, 10, false, false); });
        add({"adam_beta1", "number", "[0, 1)", "Adam β₁"},
            [](const RunConfig &c) { return json::Value(c.optimizer.beta1); },
            [](RunConfig &c, const json::Value &v) { c.optimizer.beta1 = numberIn("adam_beta1", v, 0, 1, false, true); });
        add({"adam_beta2", "number", "[0, 1)", "Adam β₂"},
            [](const RunConfig &c) { return json::Value(c.optimizer.beta2); },
            [](RunConfig &c, const json::Value &v) { c.optimizer.beta2 = numberIn("adam_beta2", v, 0, 1, false, true); });
        add({"batch_size", "integer", "[1, 65536]", "mini-batch size; 1 is SGD, the training-set size or more is full-batch GD"},
            [](const RunConfig &c) { return json::Value(c.batchSize); },
            [](RunConfig &c, const json::Value &v) { c.batchSize = static_cast<int>(integerOf("batch_size", v, 1, kMaxBatchSize)); });
        add({"seed", "integer", "[0, 18446744073709551615]", "drives the data, the initial weights, the shuffling and the dropout masks"},
            [](const RunConfig &c) { return json::Value(static_cast<unsigned long long>(c.seed)); },
            [](RunConfig &c, const json::Value &v) {
                if (!v.isNumber() || !v.isInteger() || v.asNumber() < 0)
                    fail("seed", "expected an integer in [0, 2⁶⁴−1]");
                c.seed = v.asUint64();
            });
        add({"steps", "integer", "[0, 1000000000]", "training steps of a run; 0 computes only the step-0 statistics"},
            [](const RunConfig &c) { return json::Value(c.steps); },
            [](RunConfig &c, const json::Value &v) { c.steps = integerOf("steps", v, 0, kMaxSteps); });
        add({"every", "integer", "[1, 100000]", "statistics every K steps"},
            [](const RunConfig &c) { return json::Value(c.every); },
            [](RunConfig &c, const json::Value &v) { c.every = static_cast<int>(integerOf("every", v, 1, 100000)); });
        add({"eval_every", "integer", "[1, 1000000]", "test evaluation every E steps"},
            [](const RunConfig &c) { return json::Value(c.evalEvery); },
            [](RunConfig &c, const json::Value &v) { c.evalEvery = static_cast<int>(integerOf("eval_every", v, 1, 1000000)); });
        add({"bins", "integer", "[2, 1000]", "histogram bins"},
            [](const RunConfig &c) { return json::Value(c.bins); },
            [](RunConfig &c, const json::Value &v) { c.bins = static_cast<int>(integerOf("bins", v, 2, kMaxBins)); });
        return t;
    }();
    return table;
}

const KeyHandler *handlerFor(std::string_view key)
{
    for (const auto &h : handlers())
        if (h.doc.name == key)
            return &h;
    return nullptr;
}

/// The key as written, or as a JSON string literal when it is empty or holds anything but printable ASCII:
/// what() is a C string, so a key starting with "\u0000" would otherwise leave an empty message.
std::string keyText(std::string_view key)
{
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 127; });
    return plain ? std::string(key) : json::serialize(json::Value(std::string(key)));
}

[[noreturn]] void unknownKey(std::string_view key)
{
    throw std::invalid_argument(keyText(key) + ": unknown key (see docs/config.md for the keys)");
}

} // namespace

void RunConfig::syncSeed()
{
    data.seed = seed;
    network.seed = seed;
}

namespace {

/// Snapshots the window keeps of a run at most (ui/retainedsnapshots.h); headless runs keep none.
constexpr double kRetainedSnapshots = 2048;
/// Bytes of a snapshot's per-layer record besides its four histograms, and of its global part.
constexpr double kSnapshotLayerBytes = 1024, kSnapshotBytes = 1024;
/// Columns of the passes besides training: test evaluation chunks, the BatchNorm mode probe, the
/// image samples; the decision field's grid (planar data) is kFieldBudget / parameters points,
/// at least 24² and at most 96² (ui/frame.cpp).
constexpr double kEvalChunk = 1024, kBnProbe = 128, kImageSamples = 16, kFieldBudget = 3e7;

std::string gib(double bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    return text;
}

/// The integer field `part` of a dataset spec, or `fallback` when it is not a plain number
/// (makeDataset reports a malformed spec; the estimate only needs a plausible size).
long long specNumber(const std::string &part, long long fallback)
{
    long long value = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    return error == std::errc() && end == part.data() + part.size() && value > 0 ? value : fallback;
}

} // namespace

DataShape dataShapeOf(const DatasetSpec &spec)
{
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
        const std::size_t colon = spec.spec.find(':', start);
        parts.push_back(spec.spec.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    DataShape shape;
    const std::string &kind = parts.front();
    auto generated = [&](long long samples, int inputs, int classes) {
        shape.known = true;
        shape.samples = samples;
        shape.trainSamples = std::max(1LL, static_cast<long long>(std::ceil(spec.split * static_cast<double>(samples))));
        shape.inputs = inputs;
        shape.classes = classes;
        shape.planar = inputs == 2;
    };
    if (kind == "spiral" || kind == "blobs")
        generated(spec.samples, 2, static_cast<int>(parts.size() > 1 ? specNumber(parts[1], kDefaultToyClasses) : kDefaultToyClasses));
    else if (kind == "circles" || kind == "moons" || kind == "xor")
        generated(spec.samples, 2, 2);
    else if (kind == "gaussian" && parts.size() == 4)
        generated(specNumber(parts[1], spec.samples), static_cast<int>(specNumber(parts[2], 500)),
                  static_cast<int>(specNumber(parts[3], 10)));
    else if (kind == "gaussian")
        generated(spec.samples, 500, 10);
    else if (kind == "fashion-mnist") {
        shape = {true, 70000, 60000, 784, 10, false}; // its own 60 000/10 000 split
    }
    return shape; // idx: and csv: are known only once read: the Trainer checks them then
}

MemoryEstimate estimateMemory(const RunConfig &config, const DataShape &shape)
{
    constexpr double f = sizeof(float);
    const NetworkConfig &net = config.network;
    const double pieces = net.activation == ActivationKind::Maxout ? net.maxoutPieces : 1;
    const double classes = std::max(2, shape.classes);
    double weights = 0, parameters = 0, bnExtra = 0, forward = 0, backward = 0;
    double in = std::max(1, shape.inputs), width = 0;
    for (int l = 0; l < net.depth; ++l) {
        width = net.widthOf(l);
        const double rows = width * pieces; // Dense outputs (all Maxout pieces)
        weights += rows * in;
        parameters += rows * in + rows;
        if (net.batchNorm) {
            parameters += 2 * rows;                                  // γ, β
            bnExtra += 5 * rows + 2 * rows * net.bnWindow;           // running/batch statistics, population window
        }
        // Per sample: Dense output, BatchNorm's x̂ and output, activation output (+ Maxout's winner),
        // dropout mask and output; backward: the gradients into Dense, BatchNorm, activation, dropout.
        forward += rows + (net.batchNorm ? 2 * rows : 0) + width + (pieces > 1 ? width : 0) + 2 * width;
        backward += in + (net.batchNorm ? rows : 0) + rows + width;
        in = width;
    }
    parameters += classes * width + classes;
    forward += 2 * classes;            // output logits, softmax probabilities
    backward += width + classes;       // gradient into the output Dense, loss gradient

    const double train = static_cast<double>(std::max(1LL, shape.trainSamples));
    const double test = static_cast<double>(std::max(0LL, shape.samples - shape.trainSamples));
    const double batch = std::min<double>(config.batchSize, train);
    double columns = std::max({batch, std::min(kEvalChunk, test > 0 ? test : train), kImageSamples});
    if (net.batchNorm)
        columns = std::max(columns, std::min(kBnProbe, train));
    if (shape.planar) {
        const double side = std::clamp(std::floor(std::sqrt(kFieldBudget / std::max(1.0, parameters))), 24.0, 96.0);
        columns = std::max(columns, side * side);
    }

    MemoryEstimate m;
    m.parameters = f * (2 * parameters + weights + bnExtra);
    // Optimizer<S> keeps two state buffers per parameter whatever the kind (resetState()), so that
    // switching the optimizer live needs no allocation: 2P, measured as such for SGD too.
    m.optimizer = f * 2 * parameters;
    m.activations = f * (columns * forward + batch * backward + batch * std::max(1, shape.inputs));
    m.dataset = 2 * static_cast<double>(shape.samples) * (f * std::max(1, shape.inputs) + sizeof(int));
    const double snapshots = static_cast<double>(config.steps / config.every) + 2;
    const double kept = std::min(kRetainedSnapshots, snapshots);
    const double perSnapshot = kSnapshotBytes + net.depth * (4 * f * config.bins + kSnapshotLayerBytes);
    const double series = 4 + 10.0 * net.depth + (net.batchNorm ? 5 : 0);
    const double capacity = static_cast<double>(Series::kCapacity);
    const double points = 4 * std::min(capacity, static_cast<double>(config.steps) + 1)
                          + (series - 4) * std::min(capacity, snapshots);
    m.statistics = kept * perSnapshot + 2 * points * sizeof(Series::Point);
    return m;
}

void checkMemory(const RunConfig &config, const DataShape &shape)
{
    const MemoryEstimate m = estimateMemory(config, shape);
    if (m.total() > kMemoryLimitBytes)
        fail("memory", "this run would need about " + gib(m.total()) + " (parameters and gradients " + gib(m.parameters)
                           + ", optimizer " + gib(m.optimizer) + ", activations " + gib(m.activations) + ", data "
                           + gib(m.dataset) + ", statistics " + gib(m.statistics) + "), more than the limit of "
                           + gib(kMemoryLimitBytes) + "; reduce width, depth, batch_size, maxout_pieces, bn_window or the data set "
                             "(docs/config.md, Memory)");
}

void RunConfig::validate() const
{
    // Every key's own range is checked as it is read; here the cross-key rules.
    network.validate();
    optimizer.validate();
    if (batchSize < 1 || batchSize > kMaxBatchSize)
        fail("batch_size", "must be in [1, " + std::to_string(kMaxBatchSize) + "]");
    if (batchSize == 1 && network.batchNorm)
        fail("batch_size", "BatchNorm needs at least 2 samples per batch in training (set batchnorm=false or batch_size >= 2)");
    if (steps < 0 || steps > kMaxSteps)
        fail("steps", "must be in [0, " + std::to_string(kMaxSteps) + "]");
    if (every < 1)
        fail("every", "must be >= 1");
    if (evalEvery < 1)
        fail("eval_every", "must be >= 1");
    if (bins < 2 || bins > kMaxBins)
        fail("bins", "must be in [2, " + std::to_string(kMaxBins) + "]");
    if (!(data.split > 0.0 && data.split <= 1.0))
        fail("split", "must be in (0, 1]");
    if (const DataShape shape = dataShapeOf(data); shape.known)
        checkMemory(*this, shape);
}

const std::vector<ConfigKey> &configKeys()
{
    static const std::vector<ConfigKey> keys = [] {
        std::vector<ConfigKey> k;
        for (const auto &h : handlers())
            k.push_back(h.doc);
        return k;
    }();
    return keys;
}

json::Value toJson(const RunConfig &config)
{
    json::Value object = json::Value::object();
    for (const auto &h : handlers())
        object[h.doc.name] = h.get(config);
    return object;
}

RunConfig configFromJson(const json::Value &object)
{
    if (!object.isObject())
        throw std::invalid_argument("config: expected a JSON object, got " + std::string(json::Value::typeName(object.type())));
    RunConfig config;
    for (const auto &[key, value] : object.asObject()) {
        const KeyHandler *h = handlerFor(key);
        if (!h)
            unknownKey(key);
        h->set(config, value);
    }
    config.syncSeed();
    config.validate();
    return config;
}

void setConfigValue(RunConfig &config, std::string_view key, std::string_view text)
{
    const KeyHandler *h = handlerFor(key);
    if (!h)
        unknownKey(key);
    json::Value value;
    if (h->doc.type == "string" || h->doc.type == "name") {
        value = json::Value(std::string(text));
    } else if (key == "width" && text.find(',') != std::string_view::npos) {
        value = json::Value::array();
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = std::min(text.find(',', start), text.size());
            try {
                value.push_back(json::parse(text.substr(start, comma - start), "width"));
            } catch (const json::ParseError &) {
                fail(key, "'" + std::string(text) + "' is not a list of integers");
            }
            start = comma + 1;
        }
    } else {
        try {
            value = json::parse(text, std::string(key));
        } catch (const json::ParseError &) {
            fail(key, "'" + std::string(text) + "' is not a " + std::string(h->doc.type));
        }
    }
    RunConfig next = config;
    h->set(next, value);
    next.syncSeed();
    next.validate();
    config = next;
}

std::string configValueText(const RunConfig &config, std::string_view key)
{
    const KeyHandler *h = handlerFor(key);
    if (!h)
        unknownKey(key);
    const json::Value v = h->get(config);
    return v.isString() ? v.asString() : json::serialize(v);
}

bool needsRebuild(const RunConfig &a, const RunConfig &b)
{
    const NetworkConfig &x = a.network, &y = b.network;
    return a.seed != b.seed || a.data.spec != b.data.spec || a.data.samples != b.data.samples
           || a.data.noise != b.data.noise || a.data.split != b.data.split || a.data.standardize != b.data.standardize
           || x.depth != y.depth || x.widths != y.widths || x.activation != y.activation || x.leakySlope != y.leakySlope
           || x.eluAlpha != y.eluAlpha || x.maxoutPieces != y.maxoutPieces || x.init.kind != y.init.kind
           || x.init.std != y.init.std || x.init.bound != y.init.bound || x.init.constant != y.init.constant
           || x.batchNorm != y.batchNorm || x.bnInference != y.bnInference || x.bnMomentum != y.bnMomentum
           || x.bnWindow != y.bnWindow || x.loss != y.loss;
}

RunConfig loadConfigFile(const std::string &path)
{
    const auto bytes = readFile(path, 16u << 20);
    const json::Value document = json::parse(std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()), path);
    try {
        return configFromJson(document);
    } catch (const std::invalid_argument &e) {
        throw std::invalid_argument(path + ": " + e.what());
    }
}

void saveConfigFile(const RunConfig &config, const std::string &path)
{
    writeFileAtomically(path, json::serialize(toJson(config), json::Style::Pretty) + "\n");
}

} // namespace layerlens::core
