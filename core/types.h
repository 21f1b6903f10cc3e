#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <exception>
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
