#pragma once

#include "core/activation.h"
#include "core/types.h"

#include <cstdint>
#include <vector>

namespace layerlens::core {

/// Counts of values in `bins` equal-width bins over [lo, hi]. Values outside the range are
/// counted in `underflow`/`overflow`, not folded into the end bins; NaN/Inf in `nonFinite`.
struct Histogram {
    double lo = 0.0, hi = 1.0;
    std::vector<std::uint32_t> counts;
    std::uint64_t underflow = 0, overflow = 0, nonFinite = 0;

    /// Width of one bin.
    double binWidth() const { return counts.empty() ? 0.0 : (hi - lo) / static_cast<double>(counts.size()); }
    /// Sum of all counts, the out-of-range ones included.
    std::uint64_t total() const;
};

/// Summary of a set of values. Percentiles follow numpy's default ("linear"): the p-th
/// percentile of n sorted values v is v[k] + f·(v[k+1] − v[k]) with k + f = p·(n − 1).
struct Summary {
    double mean = 0.0, std = 0.0;   ///< std is the population std (divides by n)
    double p15 = 0.0, p50 = 0.0, p85 = 0.0;
    double min = 0.0, max = 0.0;
    std::uint64_t count = 0, nonFinite = 0;
    Histogram hist;
};

/// The range a histogram of values uses: fixed [lo, hi] when `fixed`, otherwise symmetric
/// (or [0, R] when all values are ≥ 0) with R = max |value| rounded up to 1, 2 or 5 × 10ᵏ, so the
/// axis stays put while the values move a little and every value is inside it.
struct HistogramRange {
    bool fixed = false;
    double lo = 0.0, hi = 1.0;
};

/// Where the order statistics behind the three percentiles sit in the summarised matrix:
/// p = v[low] + fraction·(v[high] − v[low]), positions into its data. Valid only when every
/// value was finite.
struct PercentileOrder {
    bool valid = false;
    Eigen::Index low[3] = {0, 0, 0}, high[3] = {0, 0, 0};
    double fraction[3] = {0, 0, 0};
};

/// The display range of activations a = f(z): [0, 1] for sigmoid, [−1, 1] for tanh, adaptive otherwise.
HistogramRange activationRange(ActivationKind kind);

/// Summarises `values` (any shape, non-finite entries counted apart and left out) in O(n):
/// two passes for mean, std, min and max, one count into about 4096 fine bins that locates the
/// order statistics of the three percentiles, and a selection among the few values of the bins
/// that hold them (found by computing the bins again), so the percentiles are exact, not
/// interpolated from bins.
template <typename S>
Summary summarize(const Matrix<S> &values, int bins, const HistogramRange &range, PercentileOrder *order = nullptr,
                  bool percentiles = true);

/// Summarises a = f(z) for an element-wise non-decreasing f, z summarised with `order`. f keeps
/// the order of the values, so the entries of a at the positions of z's order statistics are a's
/// order statistics: a's percentiles follow without locating them again, read from a itself.
template <typename S>
Summary summarizeMonotone(const Matrix<S> &a, int bins, const HistogramRange &range, const PercentileOrder &order)
{
    if (!order.valid)
        return summarize(a, bins, range);
    Summary s = summarize(a, bins, range, nullptr, false);
    double *targets[3] = {&s.p15, &s.p50, &s.p85};
    for (int p = 0; p < 3; ++p) {
        const auto low = static_cast<double>(a.data()[order.low[p]]);
        const auto high = static_cast<double>(a.data()[order.high[p]]);
        *targets[p] = low + order.fraction[p] * (high - low);
    }
    return s;
}

/// Histogram of `values` with `bins` bins over `range` (adaptive ranges as described above).
template <typename S>
Histogram histogram(const Matrix<S> &values, int bins, const HistogramRange &range);

/// Σ (v − c)² and Σ (a − b)², accumulated in double over blocks of 256 values that are summed
/// vectorised in the values' own type (for float a relative error around 1e-7, never the
/// 65 536-term float chain of a naive sum).
template <typename S>
double blockSumSquares(const S *data, Eigen::Index n, double center = 0.0);
template <typename S>
double blockSquaredDistance(const S *a, const S *b, Eigen::Index n);

/// Rounds x > 0 up to 1, 2 or 5 × 10ᵏ.
double niceCeiling(double x);

/// Number of distinct rows of `weight` with `bias` (neurons with the same incoming weights and
/// bias compute the same function). Rows closer than `tolerance`·max|W| in every entry count as
/// one, so that rows kept equal by symmetry but off by float rounding are not counted apart.
template <typename S>
int distinctRows(const Matrix<S> &weight, const Matrix<S> &bias, double tolerance = 1e-6);

/// Fraction of the entries of a = f(z) where f'(z) < 1% of the maximum of f' (sigmoid, tanh,
/// ELU; 0 for the others, whose flat parts count as dead instead).
template <typename S>
double saturatedFraction(const Matrix<S> &activation, ActivationKind kind, double eluAlpha);

/// Units (rows) with z ≤ 0 on every sample (ReLU, Leaky ReLU, ELU; 0 for the others).
template <typename S>
int deadUnits(const Matrix<S> &preActivation, ActivationKind kind);

} // namespace layerlens::core
