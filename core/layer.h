#pragma once

#include "core/types.h"

#include <stdexcept>
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
    /// True when, in the current mode, output column j depends on input column j alone, so that
    /// a forward can be computed in column ranges on two threads (Network::forward): first
    /// prepareForward on one thread, then forwardColumns for disjoint ranges, concurrently.
    /// Together they do what forward does for those columns (a product over fewer columns may
    /// round differently in the last place). BatchNorm in training (batch statistics: Network
    /// shares its features instead) and Dropout drawing masks (one random stream) are not.
    virtual bool columnwise() const { return false; }
    /// Sizes the output for `input` and keeps `input` for forwardColumns and backward; computes
    /// nothing. Only for columnwise() layers (and a training-mode BatchNorm, before its
    /// forwardFeatures).
    virtual const Matrix<S> &prepareForward(const Matrix<S> &input)
    {
        (void)input;
        throw std::logic_error(kind() + ": forward cannot be split by columns");
    }
    /// Computes output columns [begin, begin + count) of the prepared forward. Calls for disjoint
    /// ranges may run concurrently; nothing is allocated.
    virtual void forwardColumns(Eigen::Index begin, Eigen::Index count)
    {
        (void)begin;
        (void)count;
        throw std::logic_error(kind() + ": forward cannot be split by columns");
    }
    /// True when input-gradient column j depends on output-gradient column j (and this layer's
    /// own column j) alone, so that a backward can be computed in column ranges on two threads
    /// (Network::backward): first prepareBackward on one thread, then backwardColumns for
    /// disjoint ranges, concurrently, with the same bits as backward. The element-wise
    /// activations and Maxout; not Dense, whose weight gradient sums over the columns.
    virtual bool backwardColumnwise() const { return false; }
    /// Sizes the input gradient for `gradOutput` and keeps `gradOutput` for backwardColumns;
    /// computes nothing, returns the buffer the columns are written to. Only for
    /// backwardColumnwise() layers.
    virtual const Matrix<S> &prepareBackward(const Matrix<S> &gradOutput)
    {
        (void)gradOutput;
        throw std::logic_error(kind() + ": backward cannot be split by columns");
    }
    /// Computes input-gradient columns [begin, begin + count) of the prepared backward. Calls
    /// for disjoint ranges may run concurrently; nothing is allocated.
    virtual void backwardColumns(Eigen::Index begin, Eigen::Index count)
    {
        (void)begin;
        (void)count;
        throw std::logic_error(kind() + ": backward cannot be split by columns");
    }
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
