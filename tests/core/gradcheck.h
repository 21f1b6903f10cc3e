#pragma once

// Central finite differences in double, shared by the gradient tests.

#include "core/rng.h"
#include "core/types.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace layerlens::test {

using core::Matrix;

/// Relative error |a − n| / max(|a|, |n|, floor). The floor (1e-3) keeps entries that are zero to
/// rounding from dividing by ~0: below it the comparison is absolute, at 1e-9 for a 1e-6 bound.
inline double relativeError(double analytic, double numeric, double floor = 1e-3)
{
    return std::abs(analytic - numeric) / std::max({std::abs(analytic), std::abs(numeric), floor});
}

/// Largest relative error between `analytic` and the central difference (f(x+h) − f(x−h))/2h
/// taken entry by entry of `x`; `x` is restored afterwards.
inline double maxGradientError(Matrix<double> &x, const Matrix<double> &analytic,
                               const std::function<double()> &f, double h = 1e-6)
{
    double worst = 0.0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const double saved = x.data()[i];
        x.data()[i] = saved + h;
        const double plus = f();
        x.data()[i] = saved - h;
        const double minus = f();
        x.data()[i] = saved;
        worst = std::max(worst, relativeError(analytic.data()[i], (plus - minus) / (2.0 * h)));
    }
    return worst;
}

/// A matrix of N(0, scale²) entries from a fixed seed, for test inputs.
inline Matrix<double> randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed, double scale = 1.0)
{
    core::Rng rng(seed, core::RngStream::Data);
    Matrix<double> m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = scale * rng.normal();
    return m;
}

} // namespace layerlens::test
