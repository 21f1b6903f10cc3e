#include "core/dataset.h"

#include "core/csv.h"
#include "core/idx.h"
#include "core/rng.h"

#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>

namespace layerlens::core {

namespace {

constexpr double kPi = std::numbers::pi;

std::vector<std::string> splitSpec(const std::string &spec)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t colon = spec.find(':', start);
        parts.push_back(spec.substr(start, colon - start));
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    return parts;
}

int parseCount(const std::string &text, const std::string &what, int lo, int hi)
{
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (used != text.size() || text.empty() || value < lo || value > hi)
        throw std::invalid_argument("dataset: " + what + " must be an integer in [" + std::to_string(lo) + ", "
                                    + std::to_string(hi) + "], got '" + text + "'");
    return static_cast<int>(value);
}

void checkSamples(int n, int classes)
{
    if (n < 2 * classes || n > kMaxGeneratedSamples)
        throw std::invalid_argument("samples: must be in [" + std::to_string(2 * classes) + ", "
                                    + std::to_string(kMaxGeneratedSamples) + "] for " + std::to_string(classes)
                                    + " classes, got " + std::to_string(n));
}

Dataset fromFileData(const std::string &name, LabelledData data, const DatasetSpec &spec)
{
    Dataset out;
    splitDataset(data.features, data.labels, spec.split, spec.seed, out);
    out.name = name;
    out.classes = std::max(out.classes, data.classes);
    out.imageRows = data.imageRows;
    out.imageCols = data.imageCols;
    return out;
}

} // namespace

void makeSpiral(int n, int classes, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y)
{
    // Arms leave the origin at equal angles and wind 4 radians outwards, as in CS231n's example.
    Rng rng(seed, RngStream::Data);
    x.resize(2, n);
    y.resize(n);
    for (int i = 0; i < n; ++i) {
        const int c = i % classes;
        const double t = static_cast<double>(i / classes) / std::max(1, (n - 1) / classes);
        const double angle = 2.0 * kPi * c / classes + 4.0 * t + noise * rng.normal();
        x(0, i) = static_cast<float>(t * std::cos(angle));
        x(1, i) = static_cast<float>(t * std::sin(angle));
        y[i] = c;
    }
}

void makeCircles(int n, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y)
{
    // Outer circle radius 1 (class 0), inner radius 0.5 (class 1), as scikit-learn's make_circles.
    Rng rng(seed, RngStream::Data);
    x.resize(2, n);
    y.resize(n);
    for (int i = 0; i < n; ++i) {
        const int c = i % 2;
        const double angle = 2.0 * kPi * rng.uniform();
        const double r = c == 0 ? 1.0 : 0.5;
        x(0, i) = static_cast<float>(r * std::cos(angle) + noise * rng.normal());
        x(1, i) = static_cast<float>(r * std::sin(angle) + noise * rng.normal());
        y[i] = c;
    }
}

void makeMoons(int n, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y)
{
    // Two interleaving half circles, as scikit-learn's make_moons.
    Rng rng(seed, RngStream::Data);
    x.resize(2, n);
    y.resize(n);
    for (int i = 0; i < n; ++i) {
        const int c = i % 2;
        const double angle = kPi * rng.uniform();
        const double px = c == 0 ? std::cos(angle) : 1.0 - std::cos(angle);
        const double py = c == 0 ? std::sin(angle) : 0.5 - std::sin(angle);
        x(0, i) = static_cast<float>(px + noise * rng.normal());
        x(1, i) = static_cast<float>(py + noise * rng.normal());
        y[i] = c;
    }
}

void makeXor(int n, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y)
{
    // Class 1 where the coordinates have the same sign; drawn so the classes are balanced.
    Rng rng(seed, RngStream::Data);
    x.resize(2, n);
    y.resize(n);
    for (int i = 0; i < n; ++i) {
        const int c = i % 2;
        const double a = rng.uniform(0.05, 1.0) * (rng.uniform() < 0.5 ? -1 : 1);
        const double b = rng.uniform(0.05, 1.0) * ((a > 0) == (c == 1) ? 1 : -1);
        x(0, i) = static_cast<float>(a + noise * rng.normal());
        x(1, i) = static_cast<float>(b + noise * rng.normal());
        y[i] = c;
    }
}

void makeBlobs(int n, int classes, double noise, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y)
{
    // Centres evenly on a circle of radius 2; spread 0.3 plus the noise level.
    Rng rng(seed, RngStream::Data);
    x.resize(2, n);
    y.resize(n);
    const double spread = 0.3 + noise;
    for (int i = 0; i < n; ++i) {
        const int c = i % classes;
        const double angle = 2.0 * kPi * c / classes;
        x(0, i) = static_cast<float>(2.0 * std::cos(angle) + spread * rng.normal());
        x(1, i) = static_cast<float>(2.0 * std::sin(angle) + spread * rng.normal());
        y[i] = c;
    }
}

void makeGaussian(int n, int dims, int classes, std::uint64_t seed, Matrix<float> &x, std::vector<int> &y)
{
    Rng rng(seed, RngStream::Data);
    Matrix<double> teacher(classes, dims);
    for (Eigen::Index i = 0; i < teacher.size(); ++i)
        teacher.data()[i] = rng.normal();
    x.resize(dims, n);
    y.resize(n);
    Eigen::VectorXd sample(dims);
    for (int i = 0; i < n; ++i) {
        for (int d = 0; d < dims; ++d)
            sample(d) = rng.normal();
        x.col(i) = sample.cast<float>();
        Eigen::Index best = 0;
        (teacher * sample).maxCoeff(&best);
        y[i] = static_cast<int>(best);
    }
}

void splitDataset(const Matrix<float> &x, const std::vector<int> &y, double split, std::uint64_t seed, Dataset &out)
{
    const int n = static_cast<int>(x.cols());
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    Rng rng(seed ^ 0x5EEDULL, RngStream::Data);
    for (int i = n - 1; i > 0; --i)
        std::swap(order[i], order[rng.below(static_cast<std::uint64_t>(i) + 1)]);
    const int train = split >= 1.0 ? n : std::clamp(static_cast<int>(std::lround(split * n)), 1, n);
    out.trainX.resize(x.rows(), train);
    out.trainY.resize(train);
    out.testX.resize(x.rows(), n - train);
    out.testY.resize(n - train);
    for (int i = 0; i < n; ++i) {
        const int src = order[i];
        if (i < train) {
            out.trainX.col(i) = x.col(src);
            out.trainY[i] = y[src];
        } else {
            out.testX.col(i - train) = x.col(src);
            out.testY[i - train] = y[src];
        }
    }
    int maxLabel = -1;
    for (int label : y)
        maxLabel = std::max(maxLabel, label);
    out.classes = maxLabel + 1;
}

void standardize(Dataset &data)
{
    const Eigen::Index n = data.trainX.cols();
    if (n == 0)
        return;
    const Eigen::VectorXd mean = data.trainX.cast<double>().rowwise().mean();
    Eigen::VectorXd std = (data.trainX.cast<double>().colwise() - mean).rowwise().squaredNorm() / static_cast<double>(n);
    std = std.cwiseSqrt().unaryExpr([](double s) { return s > 0.0 ? s : 1.0; });
    const Eigen::VectorXf m = mean.cast<float>(), inv = std.cwiseInverse().cast<float>();
    for (Matrix<float> *x : {&data.trainX, &data.testX})
        *x = (x->colwise() - m).array().colwise() * inv.array();
}

Dataset makeDataset(const DatasetSpec &spec)
{
    if (!(spec.split > 0.0 && spec.split <= 1.0))
        throw std::invalid_argument("split: must be in (0, 1]");
    if (!(std::isfinite(spec.noise) && spec.noise >= 0.0))
        throw std::invalid_argument("noise: must be a finite number >= 0");
    const auto parts = splitSpec(spec.spec);
    const std::string &kind = parts.front();
    auto expectParts = [&](std::size_t lo, std::size_t hi) {
        if (parts.size() < lo || parts.size() > hi)
            throw std::invalid_argument("dataset: '" + spec.spec + "' has the wrong number of ':' fields");
    };
    Matrix<float> x;
    std::vector<int> y;
    Dataset out;
    if (kind == "spiral" || kind == "blobs") {
        expectParts(1, 2);
        const int k = parts.size() == 2 ? parseCount(parts[1], "the number of classes", 2, 50) : kDefaultToyClasses;
        checkSamples(spec.samples, k);
        if (kind == "spiral")
            makeSpiral(spec.samples, k, spec.noise, spec.seed, x, y);
        else
            makeBlobs(spec.samples, k, spec.noise, spec.seed, x, y);
    } else if (kind == "circles" || kind == "moons" || kind == "xor") {
        expectParts(1, 1);
        checkSamples(spec.samples, 2);
        if (kind == "circles")
            makeCircles(spec.samples, spec.noise, spec.seed, x, y);
        else if (kind == "moons")
            makeMoons(spec.samples, spec.noise, spec.seed, x, y);
        else
            makeXor(spec.samples, spec.noise, spec.seed, x, y);
    } else if (kind == "gaussian") {
        if (parts.size() != 1 && parts.size() != 4)
            throw std::invalid_argument("dataset: gaussian takes no fields or N:D:C, got '" + spec.spec + "'");
        const int n = parts.size() == 4 ? parseCount(parts[1], "gaussian N", 2, kMaxGeneratedSamples) : spec.samples;
        const int d = parts.size() == 4 ? parseCount(parts[2], "gaussian D", 1, 4096) : 500;
        const int c = parts.size() == 4 ? parseCount(parts[3], "gaussian C", 2, 1000) : 10;
        if (static_cast<long long>(n) * d > 200'000'000LL)
            throw std::invalid_argument("dataset: gaussian N·D must be at most 2·10⁸ values");
        checkSamples(n, c);
        makeGaussian(n, d, c, spec.seed, x, y);
    } else if (kind == "fashion-mnist") {
        const std::string dir = parts.size() > 1 ? spec.spec.substr(kind.size() + 1) : std::string(kFashionMnistDir);
        TrainTest data = loadFashionMnist(dir);
        out.name = spec.spec;
        out.trainX = std::move(data.train.features);
        out.trainY = std::move(data.train.labels);
        out.testX = std::move(data.test.features);
        out.testY = std::move(data.test.labels);
        out.classes = std::max(data.train.classes, data.test.classes);
        out.imageRows = data.train.imageRows;
        out.imageCols = data.train.imageCols;
        if (spec.standardize)
            standardize(out);
        return out;
    } else if (kind == "idx" || kind == "csv") {
        if (parts.size() < 2 || spec.spec.size() <= kind.size() + 1)
            throw std::invalid_argument("dataset: " + kind + " needs a path, as " + kind + ":PATH");
        const std::string path = spec.spec.substr(kind.size() + 1);
        out = fromFileData(spec.spec, kind == "idx" ? loadIdxPrefix(path) : loadCsv(path), spec);
        if (spec.standardize)
            standardize(out);
        return out;
    } else {
        throw std::invalid_argument("dataset: unknown '" + spec.spec
                                    + "' (expected spiral[:K], circles, moons, xor, blobs[:K], gaussian[:N:D:C], "
                                      "fashion-mnist[:DIR], idx:PREFIX or csv:PATH)");
    }
    splitDataset(x, y, spec.split, spec.seed, out);
    out.name = spec.spec;
    if (spec.standardize)
        standardize(out);
    return out;
}

} // namespace layerlens::core
