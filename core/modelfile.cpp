#include "core/modelfile.h"

#include "core/atomicfile.h"
#include "core/fileerror.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace layerlens::core {

namespace {

json::Value vectorJson(const Matrix<float> &v)
{
    json::Value list = json::Value::array();
    for (Eigen::Index i = 0; i < v.size(); ++i)
        list.push_back(static_cast<double>(v.data()[i]));
    return list;
}

json::Value vectorJson(const Vector<float> &v)
{
    json::Value list = json::Value::array();
    for (Eigen::Index i = 0; i < v.size(); ++i)
        list.push_back(static_cast<double>(v(i)));
    return list;
}

json::Value matrixJson(const Matrix<float> &m)
{
    json::Value rows = json::Value::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        json::Value row = json::Value::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            row.push_back(static_cast<double>(m(r, c)));
        rows.push_back(std::move(row));
    }
    return rows;
}

json::Value denseJson(const Dense<float> &dense)
{
    json::Value d = json::Value::object();
    d["type"] = "dense";
    d["in"] = dense.fanIn();
    d["out"] = dense.fanOut();
    d["weight"] = matrixJson(dense.weight());
    d["bias"] = vectorJson(dense.bias());
    return d;
}

[[noreturn]] void bad(const std::string &where, const std::string &cause)
{
    throw std::invalid_argument(where + ": " + cause);
}

const json::Value &member(const json::Value &object, const std::string &where, const char *key)
{
    const json::Value *v = object.find(key);
    if (!v)
        bad(where, std::string("missing \"") + key + "\"");
    return *v;
}

float floatOf(const json::Value &v, const std::string &where)
{
    if (!v.isNumber())
        bad(where, "expected a number");
    const double x = v.asNumber();
    if (!std::isfinite(x) || std::abs(x) > static_cast<double>(std::numeric_limits<float>::max()))
        bad(where, "not a finite float");
    return static_cast<float>(x);
}

void readVector(const json::Value &v, const std::string &where, Eigen::Index size, float *out)
{
    if (!v.isArray())
        bad(where, "expected a list");
    if (static_cast<Eigen::Index>(v.asArray().size()) != size)
        bad(where, "has " + std::to_string(v.asArray().size()) + " values, expected " + std::to_string(size));
    for (Eigen::Index i = 0; i < size; ++i)
        out[i] = floatOf(v.asArray()[static_cast<std::size_t>(i)], where + "[" + std::to_string(i) + "]");
}

void readMatrix(const json::Value &v, const std::string &where, Matrix<float> &m)
{
    if (!v.isArray() || static_cast<Eigen::Index>(v.asArray().size()) != m.rows())
        bad(where, "expected a list of " + std::to_string(m.rows()) + " rows");
    Eigen::Matrix<float, 1, Eigen::Dynamic> row(m.cols());
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        readVector(v.asArray()[static_cast<std::size_t>(r)], where + "[" + std::to_string(r) + "]", m.cols(), row.data());
        m.row(r) = row;
    }
}

void readDense(const json::Value &layer, const std::string &where, Dense<float> &dense)
{
    readMatrix(member(layer, where, "weight"), where + ".weight", dense.weight());
    readVector(member(layer, where, "bias"), where + ".bias", dense.fanOut(), dense.bias().data());
}

std::string typeOf(const json::Value &layer, const std::string &where)
{
    if (!layer.isObject())
        bad(where, "expected an object");
    const json::Value &type = member(layer, where, "type");
    if (!type.isString())
        bad(where + ".type", "expected a string");
    return type.asString();
}

} // namespace

json::Value modelToJson(const Network<float> &network, const RunConfig &config)
{
    json::Value doc = json::Value::object();
    doc["format"] = kModelFormat;
    doc["version"] = kModelVersion;
    doc["config"] = toJson(config);
    doc["inputs"] = network.config().inputs;
    doc["classes"] = network.config().classes;
    json::Value layers = json::Value::array();
    for (const auto &h : network.hiddenLayers()) {
        layers.push_back(denseJson(*h.dense));
        if (h.batchNorm) {
            const BatchNorm<float> &bn = *h.batchNorm;
            json::Value b = json::Value::object();
            b["type"] = "batchnorm";
            b["features"] = bn.features();
            b["gamma"] = vectorJson(bn.gamma());
            b["beta"] = vectorJson(bn.beta());
            b["running_mean"] = vectorJson(bn.runningMean());
            b["running_var"] = vectorJson(bn.runningVariance());
            b["momentum"] = bn.momentum();
            b["eps"] = bn.eps();
            b["inference"] = std::string(bnInferenceName(bn.inferenceMode()));
            layers.push_back(std::move(b));
        }
        json::Value a = json::Value::object();
        if (const auto *maxout = dynamic_cast<const Maxout<float> *>(h.activation.get())) {
            a["type"] = "maxout";
            a["units"] = maxout->units();
            a["pieces"] = maxout->pieces();
        } else {
            const auto &act = static_cast<const Activation<float> &>(*h.activation);
            a["type"] = "activation";
            a["kind"] = std::string(activationName(act.activationKind()));
            a["parameter"] = act.parameter();
        }
        layers.push_back(std::move(a));
        json::Value d = json::Value::object();
        d["type"] = "dropout";
        d["rate"] = h.dropout->rate();
        layers.push_back(std::move(d));
    }
    layers.push_back(denseJson(network.outputLayer()));
    doc["layers"] = std::move(layers);
    return doc;
}

void saveModel(const Network<float> &network, const RunConfig &config, const std::string &path)
{
    writeFileAtomically(path, json::serialize(modelToJson(network, config), json::Style::Pretty) + "\n");
}

ModelFile modelFromJson(const json::Value &doc)
{
    if (!doc.isObject())
        bad("model", "expected a JSON object");
    const json::Value &format = member(doc, "model", "format");
    if (!format.isString() || format.asString() != kModelFormat)
        bad("format", std::string("expected \"") + kModelFormat + "\"");
    const json::Value &version = member(doc, "model", "version");
    if (!version.isNumber() || !version.isInteger() || version.asInt64() != kModelVersion)
        bad("version", "unsupported (this LayerLens reads version " + std::to_string(kModelVersion) + ")");
    ModelFile model;
    try {
        model.config = configFromJson(member(doc, "model", "config"));
    } catch (const std::invalid_argument &e) {
        bad("config", e.what());
    }
    model.layers = member(doc, "model", "layers");
    if (!model.layers.isArray() || model.layers.asArray().empty())
        bad("layers", "expected a non-empty list");
    for (std::size_t i = 0; i < model.layers.asArray().size(); ++i)
        typeOf(model.layers.asArray()[i], "layers[" + std::to_string(i) + "]");
    return model;
}

ModelFile loadModel(const std::string &path)
{
    const auto bytes = readFile(path, 1u << 30);
    const json::Value doc = json::parse(std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()), path);
    try {
        return modelFromJson(doc);
    } catch (const std::invalid_argument &e) {
        throw std::invalid_argument(path + ": " + e.what());
    }
}

void applyModel(const ModelFile &model, Network<float> &network)
{
    const auto &layers = model.layers.asArray();
    std::size_t next = 0;
    auto take = [&](const char *expected) -> const json::Value & {
        const std::string where = "layers[" + std::to_string(next) + "]";
        if (next >= layers.size())
            bad("layers", "ends early: expected a " + std::string(expected) + " layer");
        const json::Value &layer = layers[next++];
        const std::string type = typeOf(layer, where);
        if (type != expected)
            bad(where, "is a " + type + " layer, expected " + expected);
        return layer;
    };
    auto where = [&] { return "layers[" + std::to_string(next - 1) + "]"; };
    for (auto &h : network.hiddenLayers()) {
        const json::Value &dense = take("dense");
        readDense(dense, where(), *h.dense);
        if (h.batchNorm) {
            const json::Value &b = take("batchnorm");
            const std::string at = where();
            BatchNorm<float> &bn = *h.batchNorm;
            readVector(member(b, at, "gamma"), at + ".gamma", bn.features(), bn.gamma().data());
            readVector(member(b, at, "beta"), at + ".beta", bn.features(), bn.beta().data());
            Vector<float> mean(bn.features()), var(bn.features());
            readVector(member(b, at, "running_mean"), at + ".running_mean", bn.features(), mean.data());
            readVector(member(b, at, "running_var"), at + ".running_var", bn.features(), var.data());
            if ((var.array() < 0.0f).any())
                bad(at + ".running_var", "has a negative variance");
            bn.setRunningStatistics(mean, var);
        }
        take(dynamic_cast<const Maxout<float> *>(h.activation.get()) ? "maxout" : "activation");
        take("dropout");
    }
    const json::Value &output = take("dense");
    readDense(output, where(), network.outputLayer());
    if (next != layers.size())
        bad("layers", "has " + std::to_string(layers.size() - next) + " more layers than the config describes");
}

} // namespace layerlens::core
