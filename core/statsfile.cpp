#include "core/statsfile.h"

#include "core/atomicfile.h"
#include "core/fileerror.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace layerlens::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

json::Value histogramJson(const Histogram &h)
{
    json::Value o = json::Value::object();
    o["lo"] = h.lo;
    o["hi"] = h.hi;
    json::Value counts = json::Value::array();
    for (auto c : h.counts)
        counts.push_back(static_cast<long long>(c));
    o["counts"] = std::move(counts);
    o["underflow"] = static_cast<unsigned long long>(h.underflow);
    o["overflow"] = static_cast<unsigned long long>(h.overflow);
    o["non_finite"] = static_cast<unsigned long long>(h.nonFinite);
    return o;
}

json::Value summaryJson(const Summary &s)
{
    json::Value o = json::Value::object();
    o["mean"] = s.mean;
    o["std"] = s.std;
    o["p15"] = s.p15;
    o["p50"] = s.p50;
    o["p85"] = s.p85;
    o["min"] = s.min;
    o["max"] = s.max;
    o["hist"] = histogramJson(s.hist);
    return o;
}

// Reading helpers: every access names its path for the error message.
const json::Value &at(const json::Value &o, const std::string &where, const char *key)
{
    const json::Value *v = o.isObject() ? o.find(key) : nullptr;
    if (!v)
        throw std::invalid_argument(where + ": missing \"" + key + "\"");
    return *v;
}

double num(const json::Value &o, const std::string &where, const char *key)
{
    const json::Value &v = at(o, where, key);
    if (v.isNull())
        return kNaN;
    if (!v.isNumber())
        throw std::invalid_argument(where + "." + key + ": expected a number");
    return v.asNumber();
}

Histogram histogramFrom(const json::Value &o, const std::string &where)
{
    Histogram h;
    h.lo = num(o, where, "lo");
    h.hi = num(o, where, "hi");
    const json::Value &counts = at(o, where, "counts");
    if (!counts.isArray())
        throw std::invalid_argument(where + ".counts: expected a list");
    for (const auto &c : counts.asArray()) {
        if (!c.isNumber() || !c.isInteger() || c.asNumber() < 0)
            throw std::invalid_argument(where + ".counts: expected non-negative integers");
        h.counts.push_back(static_cast<std::uint32_t>(c.asUint64()));
    }
    h.underflow = static_cast<std::uint64_t>(num(o, where, "underflow"));
    h.overflow = static_cast<std::uint64_t>(num(o, where, "overflow"));
    h.nonFinite = static_cast<std::uint64_t>(num(o, where, "non_finite"));
    return h;
}

Summary summaryFrom(const json::Value &o, const std::string &where)
{
    Summary s;
    s.mean = num(o, where, "mean");
    s.std = num(o, where, "std");
    s.p15 = num(o, where, "p15");
    s.p50 = num(o, where, "p50");
    s.p85 = num(o, where, "p85");
    s.min = num(o, where, "min");
    s.max = num(o, where, "max");
    s.hist = histogramFrom(at(o, where, "hist"), where + ".hist");
    return s;
}

std::string csvNumber(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

/// The CSV columns: name and value getter, in order.
struct Column {
    const char *name;
    double (*get)(const Snapshot &, const LayerStats &);
};

const std::vector<Column> &columns()
{
    static const std::vector<Column> c = {
        {"step", [](const Snapshot &s, const LayerStats &) { return static_cast<double>(s.step); }},
        {"epoch", [](const Snapshot &s, const LayerStats &) { return s.epoch; }},
        {"train_loss", [](const Snapshot &s, const LayerStats &) { return s.trainLoss; }},
        {"train_acc", [](const Snapshot &s, const LayerStats &) { return s.trainAcc; }},
        {"test_loss", [](const Snapshot &s, const LayerStats &) { return s.testStep >= 0 ? s.testLoss : kNaN; }},
        {"test_acc", [](const Snapshot &s, const LayerStats &) { return s.testStep >= 0 ? s.testAcc : kNaN; }},
        {"diverged", [](const Snapshot &s, const LayerStats &) { return s.diverged ? 1.0 : 0.0; }},
        {"layer", [](const Snapshot &, const LayerStats &l) { return static_cast<double>(l.index); }},
        {"width", [](const Snapshot &, const LayerStats &l) { return static_cast<double>(l.width); }},
        {"pre_mean", [](const Snapshot &, const LayerStats &l) { return l.pre.mean; }},
        {"pre_std", [](const Snapshot &, const LayerStats &l) { return l.pre.std; }},
        {"pre_p15", [](const Snapshot &, const LayerStats &l) { return l.pre.p15; }},
        {"pre_p50", [](const Snapshot &, const LayerStats &l) { return l.pre.p50; }},
        {"pre_p85", [](const Snapshot &, const LayerStats &l) { return l.pre.p85; }},
        {"pre_min", [](const Snapshot &, const LayerStats &l) { return l.pre.min; }},
        {"pre_max", [](const Snapshot &, const LayerStats &l) { return l.pre.max; }},
        {"act_mean", [](const Snapshot &, const LayerStats &l) { return l.act.mean; }},
        {"act_std", [](const Snapshot &, const LayerStats &l) { return l.act.std; }},
        {"act_p15", [](const Snapshot &, const LayerStats &l) { return l.act.p15; }},
        {"act_p50", [](const Snapshot &, const LayerStats &l) { return l.act.p50; }},
        {"act_p85", [](const Snapshot &, const LayerStats &l) { return l.act.p85; }},
        {"act_min", [](const Snapshot &, const LayerStats &l) { return l.act.min; }},
        {"act_max", [](const Snapshot &, const LayerStats &l) { return l.act.max; }},
        {"saturated", [](const Snapshot &, const LayerStats &l) { return l.saturated; }},
        {"dead", [](const Snapshot &, const LayerStats &l) { return l.dead; }},
        {"grad_weight_norm", [](const Snapshot &, const LayerStats &l) { return l.grad.weightNorm; }},
        {"grad_bias_norm", [](const Snapshot &, const LayerStats &l) { return l.grad.biasNorm; }},
        {"grad_back_std", [](const Snapshot &, const LayerStats &l) { return l.grad.backStd; }},
        {"update_ratio", [](const Snapshot &, const LayerStats &l) { return l.grad.updateRatio; }},
        {"weight_mean", [](const Snapshot &, const LayerStats &l) { return l.weight.mean; }},
        {"weight_std", [](const Snapshot &, const LayerStats &l) { return l.weight.std; }},
        {"distinct_neurons", [](const Snapshot &, const LayerStats &l) { return static_cast<double>(l.weight.distinctNeurons); }},
        {"bn_batch_mean", [](const Snapshot &, const LayerStats &l) { return l.hasBatchNorm ? l.bn.batchMean : kNaN; }},
        {"bn_batch_var", [](const Snapshot &, const LayerStats &l) { return l.hasBatchNorm ? l.bn.batchVar : kNaN; }},
        {"bn_running_mean", [](const Snapshot &, const LayerStats &l) { return l.hasBatchNorm ? l.bn.runningMean : kNaN; }},
        {"bn_running_var", [](const Snapshot &, const LayerStats &l) { return l.hasBatchNorm ? l.bn.runningVar : kNaN; }},
        {"bn_gamma_mean", [](const Snapshot &, const LayerStats &l) { return l.hasBatchNorm ? l.bn.gammaMean : kNaN; }},
        {"bn_beta_mean", [](const Snapshot &, const LayerStats &l) { return l.hasBatchNorm ? l.bn.betaMean : kNaN; }},
        {"bn_batch_loss", [](const Snapshot &s, const LayerStats &) { return s.hasBnModes ? s.bnModes.batchLoss : kNaN; }},
        {"bn_running_loss", [](const Snapshot &s, const LayerStats &) { return s.hasBnModes ? s.bnModes.runningLoss : kNaN; }},
        {"bn_batch_acc", [](const Snapshot &s, const LayerStats &) { return s.hasBnModes ? s.bnModes.batchAcc : kNaN; }},
        {"bn_running_acc", [](const Snapshot &s, const LayerStats &) { return s.hasBnModes ? s.bnModes.runningAcc : kNaN; }},
        {"bn_disagreement", [](const Snapshot &s, const LayerStats &) { return s.hasBnModes ? s.bnModes.disagreement : kNaN; }},
    };
    return c;
}

} // namespace

json::Value snapshotToJson(const Snapshot &s)
{
    json::Value o = json::Value::object();
    o["step"] = s.step;
    o["epoch"] = s.epoch;
    o["config_id"] = static_cast<unsigned long long>(s.configId);
    o["train_loss"] = s.trainLoss;
    o["train_acc"] = s.trainAcc;
    o["test_loss"] = s.testStep >= 0 ? json::Value(s.testLoss) : json::Value();
    o["test_acc"] = s.testStep >= 0 ? json::Value(s.testAcc) : json::Value();
    o["test_step"] = s.testStep;
    o["diverged"] = s.diverged;
    o["diverged_at"] = s.diverged ? json::Value(s.divergedAt) : json::Value();
    o["divergence"] = s.divergence;
    o["steps_per_second"] = s.stepsPerSecond;
    if (s.hasBnModes) {
        json::Value m = json::Value::object();
        m["batch_loss"] = s.bnModes.batchLoss;
        m["batch_acc"] = s.bnModes.batchAcc;
        m["running_loss"] = s.bnModes.runningLoss;
        m["running_acc"] = s.bnModes.runningAcc;
        m["disagreement"] = s.bnModes.disagreement;
        o["bn_modes"] = std::move(m);
    } else {
        o["bn_modes"] = json::Value();
    }
    json::Value diagnostics = json::Value::array();
    for (const auto &d : s.diagnostics) {
        json::Value j = json::Value::object();
        j["kind"] = std::string(diagnosticName(d.kind));
        j["layer"] = d.layer;
        j["since"] = d.since;
        j["value"] = d.value;
        j["threshold"] = d.threshold;
        j["message"] = d.message;
        diagnostics.push_back(std::move(j));
    }
    o["diagnostics"] = std::move(diagnostics);
    json::Value layers = json::Value::array();
    for (const auto &l : s.layers) {
        json::Value j = json::Value::object();
        j["index"] = l.index;
        j["width"] = l.width;
        j["pre"] = summaryJson(l.pre);
        j["act"] = summaryJson(l.act);
        j["act"]["saturated"] = l.saturated;
        j["act"]["dead"] = l.dead;
        j["act"]["dead_units"] = l.deadUnits;
        j["act"]["flat_below_zero"] = l.flatBelowZero;
        json::Value g = json::Value::object();
        g["weight_norm"] = l.grad.weightNorm;
        g["bias_norm"] = l.grad.biasNorm;
        g["back_std"] = l.grad.backStd;
        g["back_hist"] = histogramJson(l.grad.backHist);
        g["update_ratio"] = l.grad.updateRatio;
        j["grad"] = std::move(g);
        json::Value w = json::Value::object();
        w["mean"] = l.weight.mean;
        w["std"] = l.weight.std;
        w["hist"] = histogramJson(l.weight.hist);
        w["distinct_neurons"] = l.weight.distinctNeurons;
        j["weight"] = std::move(w);
        if (l.hasBatchNorm) {
            json::Value b = json::Value::object();
            b["batch_mean"] = l.bn.batchMean;
            b["batch_var"] = l.bn.batchVar;
            b["running_mean"] = l.bn.runningMean;
            b["running_var"] = l.bn.runningVar;
            b["mean_gap"] = l.bn.meanGap;
            b["var_gap"] = l.bn.varGap;
            b["gamma_mean"] = l.bn.gammaMean;
            b["gamma_std"] = l.bn.gammaStd;
            b["beta_mean"] = l.bn.betaMean;
            b["beta_std"] = l.bn.betaStd;
            j["bn"] = std::move(b);
        } else {
            j["bn"] = json::Value();
        }
        layers.push_back(std::move(j));
    }
    o["layers"] = std::move(layers);
    return o;
}

Snapshot snapshotFromJson(const json::Value &o)
{
    Snapshot s;
    const std::string w = "snapshot";
    s.step = static_cast<long long>(num(o, w, "step"));
    s.epoch = num(o, w, "epoch");
    s.configId = static_cast<std::uint64_t>(num(o, w, "config_id"));
    s.trainLoss = num(o, w, "train_loss");
    s.trainAcc = num(o, w, "train_acc");
    s.testLoss = num(o, w, "test_loss");
    s.testAcc = num(o, w, "test_acc");
    s.testStep = static_cast<long long>(num(o, w, "test_step"));
    const json::Value &diverged = at(o, w, "diverged");
    if (!diverged.isBool())
        throw std::invalid_argument("snapshot.diverged: expected true or false");
    s.diverged = diverged.asBool();
    s.divergedAt = s.diverged ? static_cast<long long>(num(o, w, "diverged_at")) : 0;
    const json::Value &reason = at(o, w, "divergence");
    s.divergence = reason.isString() ? reason.asString() : std::string();
    s.stepsPerSecond = num(o, w, "steps_per_second");
    // Files written before the BatchNorm mode check have no "bn_modes": read as null.
    if (const json::Value *modes = o.find("bn_modes"); modes && !modes->isNull()) {
        const std::string mw = w + ".bn_modes";
        s.hasBnModes = true;
        s.bnModes = {num(*modes, mw, "batch_loss"), num(*modes, mw, "batch_acc"), num(*modes, mw, "running_loss"),
                     num(*modes, mw, "running_acc"), num(*modes, mw, "disagreement")};
    }
    const json::Value &diagnostics = at(o, w, "diagnostics");
    if (!diagnostics.isArray())
        throw std::invalid_argument("snapshot.diagnostics: expected a list");
    for (const auto &d : diagnostics.asArray()) {
        Diagnostic diag;
        const json::Value &kind = at(d, "diagnostic", "kind");
        if (!kind.isString())
            throw std::invalid_argument("diagnostic.kind: expected a string");
        diag.kind = diagnosticFromName(kind.asString());
        diag.layer = static_cast<int>(num(d, "diagnostic", "layer"));
        diag.since = static_cast<long long>(num(d, "diagnostic", "since"));
        diag.value = num(d, "diagnostic", "value");
        diag.threshold = num(d, "diagnostic", "threshold");
        const json::Value &message = at(d, "diagnostic", "message");
        diag.message = message.isString() ? message.asString() : std::string();
        s.diagnostics.push_back(std::move(diag));
    }
    const json::Value &layers = at(o, w, "layers");
    if (!layers.isArray())
        throw std::invalid_argument("snapshot.layers: expected a list");
    for (std::size_t i = 0; i < layers.asArray().size(); ++i) {
        const json::Value &j = layers.asArray()[i];
        const std::string lw = "layers[" + std::to_string(i) + "]";
        LayerStats l;
        l.index = static_cast<int>(num(j, lw, "index"));
        l.width = static_cast<int>(num(j, lw, "width"));
        l.pre = summaryFrom(at(j, lw, "pre"), lw + ".pre");
        const json::Value &act = at(j, lw, "act");
        l.act = summaryFrom(act, lw + ".act");
        l.saturated = num(act, lw + ".act", "saturated");
        l.dead = num(act, lw + ".act", "dead");
        l.deadUnits = static_cast<int>(num(act, lw + ".act", "dead_units"));
        // Absent in files written before it existed: read as false.
        const json::Value *flat = act.find("flat_below_zero");
        if (flat && !flat->isBool())
            throw std::invalid_argument(lw + ".act.flat_below_zero: expected true or false");
        l.flatBelowZero = flat && flat->asBool();
        const json::Value &g = at(j, lw, "grad");
        l.grad.weightNorm = num(g, lw + ".grad", "weight_norm");
        l.grad.biasNorm = num(g, lw + ".grad", "bias_norm");
        l.grad.backStd = num(g, lw + ".grad", "back_std");
        l.grad.backHist = histogramFrom(at(g, lw + ".grad", "back_hist"), lw + ".grad.back_hist");
        l.grad.updateRatio = num(g, lw + ".grad", "update_ratio");
        const json::Value &wt = at(j, lw, "weight");
        l.weight.mean = num(wt, lw + ".weight", "mean");
        l.weight.std = num(wt, lw + ".weight", "std");
        l.weight.hist = histogramFrom(at(wt, lw + ".weight", "hist"), lw + ".weight.hist");
        l.weight.distinctNeurons = static_cast<int>(num(wt, lw + ".weight", "distinct_neurons"));
        const json::Value &b = at(j, lw, "bn");
        l.hasBatchNorm = !b.isNull();
        if (l.hasBatchNorm) {
            const std::string bw = lw + ".bn";
            l.bn = {num(b, bw, "batch_mean"), num(b, bw, "batch_var"), num(b, bw, "running_mean"),
                    num(b, bw, "running_var"), num(b, bw, "mean_gap"),  num(b, bw, "var_gap"),
                    num(b, bw, "gamma_mean"),  num(b, bw, "gamma_std"), num(b, bw, "beta_mean"),
                    num(b, bw, "beta_std")};
        }
        s.layers.push_back(std::move(l));
    }
    return s;
}

std::string statsCsvHeader()
{
    std::string header;
    for (const auto &c : columns()) {
        if (!header.empty())
            header += ',';
        header += c.name;
    }
    return header;
}

std::string statsCsvRows(const Snapshot &s)
{
    std::string out;
    for (const auto &layer : s.layers) {
        bool first = true;
        for (const auto &c : columns()) {
            if (!first)
                out += ',';
            first = false;
            out += csvNumber(c.get(s, layer));
        }
        out += '\n';
    }
    return out;
}

void writeStatsJsonl(const std::vector<Snapshot> &snapshots, const std::string &path)
{
    std::string text;
    for (const auto &s : snapshots)
        text += json::serialize(snapshotToJson(s)) + "\n";
    writeFileAtomically(path, text);
}

void writeStatsCsv(const std::vector<Snapshot> &snapshots, const std::string &path)
{
    std::string text = statsCsvHeader() + "\n";
    for (const auto &s : snapshots)
        text += statsCsvRows(s);
    writeFileAtomically(path, text);
}

std::vector<Snapshot> readStatsJsonl(const std::string &path)
{
    const auto bytes = readFile(path, 1u << 30);
    const std::string_view text(reinterpret_cast<const char *>(bytes.data()), bytes.size());
    std::vector<Snapshot> out;
    std::size_t start = 0;
    int line = 0;
    while (start < text.size()) {
        ++line;
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view row = text.substr(start, end - start);
        start = end + 1;
        if (row.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        try {
            out.push_back(snapshotFromJson(json::parse(row, path + ":" + std::to_string(line))));
        } catch (const std::invalid_argument &e) {
            throw FileError(path, "line " + std::to_string(line), e.what());
        }
    }
    return out;
}

std::vector<std::vector<std::pair<std::string, double>>> readStatsCsv(const std::string &path)
{
    const auto bytes = readFile(path, 1u << 30);
    std::istringstream in(std::string(reinterpret_cast<const char *>(bytes.data()), bytes.size()));
    std::string row;
    std::vector<std::string> names;
    std::vector<std::vector<std::pair<std::string, double>>> rows;
    int line = 0;
    while (std::getline(in, row)) {
        ++line;
        if (!row.empty() && row.back() == '\r')
            row.pop_back();
        if (row.empty())
            continue;
        std::vector<std::string> cells;
        std::stringstream cellStream(row);
        std::string cell;
        while (std::getline(cellStream, cell, ','))
            cells.push_back(cell);
        if (names.empty()) {
            names = cells;
            continue;
        }
        if (cells.size() != names.size())
            throw FileError(path, "line " + std::to_string(line),
                            std::to_string(cells.size()) + " cells, expected " + std::to_string(names.size()));
        std::vector<std::pair<std::string, double>> values;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            double v = 0.0;
            if (cells[i] == "nan")
                v = kNaN;
            else if (cells[i] == "inf" || cells[i] == "-inf")
                v = cells[i][0] == '-' ? -INFINITY : INFINITY;
            else {
                const auto result = std::from_chars(cells[i].data(), cells[i].data() + cells[i].size(), v);
                if (result.ec != std::errc() || result.ptr != cells[i].data() + cells[i].size())
                    throw FileError(path, "line " + std::to_string(line),
                                    "column " + names[i] + ": '" + cells[i] + "' is not a number");
            }
            values.emplace_back(names[i], v);
        }
        rows.push_back(std::move(values));
    }
    return rows;
}

} // namespace layerlens::core
