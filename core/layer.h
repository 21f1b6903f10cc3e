#pragma once

#include "core/types.h"

#include <string>
#include <vector>

namespace layerlens::core {

/// A learnable tensor and its gradient, as the optimizer sees it.
template <typename S>
struct Parameter {
    std::string name;          ///< e.g. "hidden3.dense.weight"
    Matrix<S> *value = nullptr;
    Matrix<S> *gradient = nullptr;
    bool decays = false;       ///< L2 weight decay applies (Dense weights only, not biases or γ/β)
};

/// One layer of the network. Inputs and outputs are features × batch.
///
/// `forward` keeps a pointer to its input for `backward`, so the input must stay alive and
/// unchanged until the matching `backward` (inside a network it is the previous layer's output
/// buffer). Output and input-gradient buffers belong to the layer and are reused between steps:
/// they are resized only when the batch size changes.
template <typename S>
class Layer {
public:
    virtual ~Layer() = default;

    /// Computes the output for `input` (features × batch); valid until the next forward.
    virtual const Matrix<S> &forward(const Matrix<S> &input) = 0;
    /// Takes ∂L/∂output, stores the parameter gradients and returns ∂L/∂input.
    virtual const Matrix<S> &backward(const Matrix<S> &gradOutput) = 0;
    /// Learnable tensors with their gradients (empty for parameter-free layers).
    virtual std::vector<Parameter<S>> parameters() { return {}; }
    /// Switches between training (true) and inference (false) behaviour.
    virtual void setTraining(bool training) { m_training = training; }
    /// True in training mode.
    bool isTraining() const { return m_training; }
    /// Short kind name ("dense", "batchnorm", "tanh", ...).
    virtual std::string kind() const = 0;

protected:
    bool m_training = true;
};

} // namespace layerlens::core
