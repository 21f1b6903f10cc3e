#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <exception>
#include <limits>
#include <span>
#include <string>

namespace layerlens::core {

/// Column-major dynamic matrix. Activations are stored features × batch (one sample per column),
/// so `Dense` computes Z = W·X with W out × in, exactly PyTorch's weight layout.
template <typename S>
using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

/// Column vector (per-feature quantities: biases, BatchNorm γ/β and statistics).
template <typename S>
using Vector = Eigen::Matrix<S, Eigen::Dynamic, 1>;

/// True when every entry of `m` is finite, in one vectorised pass: x − x is +0 for a finite x and
/// NaN for ±Inf or NaN, and a single NaN makes the sum NaN. (Eigen's allFinite() tests entry by
/// entry, several times slower on the large weight matrices.) True for an empty matrix.
template <typename Derived>
bool isFinite(const Eigen::DenseBase<Derived> &m)
{
    return (m.derived().array() - m.derived().array()).sum() == typename Derived::Scalar(0);
}

/// Largest |entry| of `m` as a double, NaN when any entry is NaN or Inf, 0 for an empty matrix.
template <typename Derived>
double maxAbs(const Eigen::DenseBase<Derived> &m)
{
    if (m.size() == 0)
        return 0.0;
    // Two vectorised passes; maxCoeff<PropagateNaN>() runs one scalar pass, several times slower.
    if (!isFinite(m))
        return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(m.derived().array().abs().maxCoeff());
}

/// Class labels of a mini-batch, one per column of the input.
using Labels = std::span<const int>;

/// Thrown by a forward or backward pass when its interrupt flag is raised (see
/// Network::setInterruptFlag): the step is abandoned half-way and must not be continued.
struct Interrupted : std::exception {
    const char *what() const noexcept override { return "interrupted"; }
};

/// Outcome of a training step. Numeric trouble is a status, not an exception.
enum class StepStatus { Ok, Diverged };

} // namespace layerlens::core
