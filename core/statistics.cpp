#include "core/statistics.h"

#include "core/diagnostics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace layerlens::core {

namespace {

/// Fine bins used to locate the percentiles' order statistics.
constexpr int kLocatorBins = 4096;
constexpr double kPercentiles[3] = {0.15, 0.50, 0.85};

template <typename S>
Histogram fillHistogram(const S *data, Eigen::Index n, int bins, double lo, double hi)
{
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts.assign(static_cast<std::size_t>(std::max(1, bins)), 0);
    const double scale = hi > lo ? h.counts.size() / (hi - lo) : 0.0;
    const auto last = static_cast<std::ptrdiff_t>(h.counts.size()) - 1;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double v = static_cast<double>(data[i]);
        if (!std::isfinite(v)) {
            ++h.nonFinite;
        } else if (v < lo) {
            ++h.underflow;
        } else if (v > hi) {
            ++h.overflow;
        } else {
            // v == hi belongs to the last bin.
            const auto bin = std::min(last, static_cast<std::ptrdiff_t>((v - lo) * scale));
            ++h.counts[static_cast<std::size_t>(bin)];
        }
    }
    return h;
}

HistogramRange resolveRange(const HistogramRange &range, double min, double max)
{
    if (range.fixed)
        return range;
    const double extent = std::max(std::abs(min), std::abs(max));
    if (!(extent > 0.0) || !std::isfinite(extent))
        return {true, -1.0, 1.0};
    const double r = niceCeiling(extent);
    return {true, min >= 0.0 ? 0.0 : -r, r};
}

} // namespace

std::uint64_t Histogram::total() const
{
    return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0}) + underflow + overflow + nonFinite;
}

HistogramRange activationRange(ActivationKind kind)
{
    switch (kind) {
    case ActivationKind::Sigmoid:
        return {true, 0.0, 1.0};
    case ActivationKind::Tanh:
        return {true, -1.0, 1.0};
    default:
        return {};
    }
}

double niceCeiling(double x)
{
    if (!(x > 0.0) || !std::isfinite(x))
        return 1.0;
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * power >= x * (1.0 - 1e-12))
            return step * power;
    return 10.0 * power;
}

template <typename S>
Histogram histogram(const Matrix<S> &values, int bins, const HistogramRange &range)
{
    double min = std::numeric_limits<double>::infinity(), max = -min;
    if (!range.fixed)
        for (Eigen::Index i = 0; i < values.size(); ++i) {
            const double v = static_cast<double>(values.data()[i]);
            if (std::isfinite(v)) {
                min = std::min(min, v);
                max = std::max(max, v);
            }
        }
    const HistogramRange r = resolveRange(range, min, max);
    return fillHistogram(values.data(), values.size(), bins, r.lo, r.hi);
}

template <typename S>
Summary summarize(const Matrix<S> &values, int bins, const HistogramRange &range)
{
    Summary s;
    const S *data = values.data();
    const Eigen::Index n = values.size();
    double min = std::numeric_limits<double>::infinity(), max = -min, sum = 0.0;
    std::uint64_t finite = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double v = static_cast<double>(data[i]);
        if (std::isfinite(v)) {
            min = std::min(min, v);
            max = std::max(max, v);
            sum += v;
            ++finite;
        }
    }
    s.count = finite;
    s.nonFinite = static_cast<std::uint64_t>(n) - finite;
    const HistogramRange display = resolveRange(range, min, max);
    if (finite == 0) {
        s.hist = fillHistogram(data, n, bins, display.lo, display.hi);
        s.mean = s.std = s.p15 = s.p50 = s.p85 = s.min = s.max = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    s.min = min;
    s.max = max;
    s.mean = sum / static_cast<double>(finite);
    double squares = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double v = static_cast<double>(data[i]);
        if (std::isfinite(v))
            squares += (v - s.mean) * (v - s.mean);
    }
    s.std = std::sqrt(squares / static_cast<double>(finite));
    s.hist = fillHistogram(data, n, bins, display.lo, display.hi);

    // Locate the order statistics k and k+1 of each percentile in fine bins over [min, max] ...
    if (max == min) {
        s.p15 = s.p50 = s.p85 = min;
        return s;
    }
    const Histogram fine = fillHistogram(data, n, kLocatorBins, min, max);
    std::vector<std::uint64_t> below(fine.counts.size() + 1, 0); // values in bins before b
    for (std::size_t b = 0; b < fine.counts.size(); ++b)
        below[b + 1] = below[b] + fine.counts[b];
    auto binOf = [&](std::uint64_t rank) {
        return static_cast<std::size_t>(std::upper_bound(below.begin(), below.end(), rank) - below.begin() - 1);
    };
    struct Wanted {
        std::uint64_t rank;
        double fraction;
        std::size_t firstBin, lastBin;
    };
    Wanted wanted[3];
    for (int p = 0; p < 3; ++p) {
        const double position = kPercentiles[p] * static_cast<double>(finite - 1);
        const auto k = static_cast<std::uint64_t>(std::floor(position));
        const std::uint64_t next = std::min<std::uint64_t>(k + 1, finite - 1);
        wanted[p] = {k, position - static_cast<double>(k), binOf(k), binOf(next)};
    }
    // ... then gather just the values of those bins and select inside them.
    const double scale = kLocatorBins / (max - min);
    std::vector<double> gathered[3];
    for (Eigen::Index i = 0; i < n; ++i) {
        const double v = static_cast<double>(data[i]);
        if (!std::isfinite(v))
            continue;
        const auto bin = std::min<std::size_t>(kLocatorBins - 1, static_cast<std::size_t>((v - min) * scale));
        for (int p = 0; p < 3; ++p)
            if (bin >= wanted[p].firstBin && bin <= wanted[p].lastBin)
                gathered[p].push_back(v);
    }
    double *targets[3] = {&s.p15, &s.p50, &s.p85};
    for (int p = 0; p < 3; ++p) {
        auto &g = gathered[p];
        const std::uint64_t offset = below[wanted[p].firstBin];
        const auto k = static_cast<std::ptrdiff_t>(wanted[p].rank - offset);
        std::nth_element(g.begin(), g.begin() + k, g.end());
        const double low = g[static_cast<std::size_t>(k)];
        double high = low;
        if (wanted[p].fraction > 0.0 && k + 1 < static_cast<std::ptrdiff_t>(g.size()))
            high = *std::min_element(g.begin() + k + 1, g.end());
        *targets[p] = low + wanted[p].fraction * (high - low);
    }
    return s;
}

template <typename S>
int distinctRows(const Matrix<S> &weight, const Matrix<S> &bias, double tolerance)
{
    const Eigen::Index rows = weight.rows();
    if (rows <= 1)
        return static_cast<int>(rows);
    Matrix<double> neurons(rows, weight.cols() + 1);
    neurons.leftCols(weight.cols()) = weight.template cast<double>();
    neurons.col(weight.cols()) = bias.col(0).template cast<double>();
    const double scale = std::max(neurons.cwiseAbs().maxCoeff(), std::numeric_limits<double>::min());
    const double tol = tolerance * scale;
    // Sort by a fixed projection; rows equal within tol have projections within tol·Σ|p|, so
    // comparing each row with the cluster it would join finds them without O(n²) work.
    Eigen::VectorXd projection(neurons.cols());
    for (Eigen::Index j = 0; j < projection.size(); ++j)
        projection(j) = 1.0 + 0.618033988749895 * static_cast<double>(j % 7);
    const Eigen::VectorXd keys = neurons * projection;
    std::vector<Eigen::Index> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return keys(a) < keys(b); });
    int distinct = 1;
    Eigen::Index representative = order.front();
    for (std::size_t i = 1; i < order.size(); ++i) {
        const Eigen::Index r = order[i];
        if ((neurons.row(r) - neurons.row(representative)).cwiseAbs().maxCoeff() > tol) {
            ++distinct;
            representative = r;
        }
    }
    return distinct;
}

template Summary summarize<float>(const Matrix<float> &, int, const HistogramRange &);
template Summary summarize<double>(const Matrix<double> &, int, const HistogramRange &);
template Histogram histogram<float>(const Matrix<float> &, int, const HistogramRange &);
template Histogram histogram<double>(const Matrix<double> &, int, const HistogramRange &);
template int distinctRows<float>(const Matrix<float> &, const Matrix<float> &, double);
template int distinctRows<double>(const Matrix<double> &, const Matrix<double> &, double);

} // namespace layerlens::core

namespace layerlens::core {

template <typename S>
double saturatedFraction(const Matrix<S> &a, ActivationKind kind, double eluAlpha)
{
    if (a.size() == 0)
        return 0.0;
    const double limit = thresholds::kSaturationDerivative;
    Eigen::Index count = 0;
    switch (kind) {
    case ActivationKind::Sigmoid: // f' = a(1 − a), max 1/4
        count = (a.array() * (S(1) - a.array()) < static_cast<S>(0.25 * limit)).count();
        break;
    case ActivationKind::Tanh: // f' = 1 − a², max 1
        count = (S(1) - a.array().square() < static_cast<S>(limit)).count();
        break;
    case ActivationKind::Elu: // f' = a + α for z ≤ 0, max 1
        count = ((a.array() <= S(0)) && (a.array() + static_cast<S>(eluAlpha) < static_cast<S>(limit))).count();
        break;
    default:
        return 0.0;
    }
    return static_cast<double>(count) / static_cast<double>(a.size());
}

template <typename S>
int deadUnits(const Matrix<S> &z, ActivationKind kind)
{
    if (kind != ActivationKind::Relu && kind != ActivationKind::LeakyRelu && kind != ActivationKind::Elu)
        return 0;
    int dead = 0;
    for (Eigen::Index r = 0; r < z.rows(); ++r)
        dead += (z.row(r).array() > S(0)).any() ? 0 : 1;
    return dead;
}

template double saturatedFraction<float>(const Matrix<float> &, ActivationKind, double);
template double saturatedFraction<double>(const Matrix<double> &, ActivationKind, double);
template int deadUnits<float>(const Matrix<float> &, ActivationKind);
template int deadUnits<double>(const Matrix<double> &, ActivationKind);

} // namespace layerlens::core
