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

/// The display range of activations a = f(z): [0, 1] for sigmoid, [−1, 1] for tanh, adaptive otherwise.
HistogramRange activationRange(ActivationKind kind);

/// Summarises `values` (any shape, non-finite entries counted apart and left out) in O(n):
/// one pass for min/max/mean, one into a 4096-bin histogram over [min, max] that locates the
/// order statistics of the three percentiles, and a selection among the few values of the bins
/// that hold them, so the percentiles are exact, not interpolated from bins.
template <typename S>
Summary summarize(const Matrix<S> &values, int bins, const HistogramRange &range);

/// Histogram of `values` with `bins` bins over `range` (adaptive ranges as described above).
template <typename S>
Histogram histogram(const Matrix<S> &values, int bins, const HistogramRange &range);

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
