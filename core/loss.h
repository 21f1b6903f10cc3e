#pragma once

#include "core/types.h"

#include <memory>
#include <string_view>

namespace layerlens::core {

/// The losses on the network's output (classes × batch) and integer labels.
enum class LossKind { CrossEntropy, MeanSquaredError };

/// Config name ("cross_entropy", "mse").
std::string_view lossName(LossKind kind);
/// Parses a config name; throws std::invalid_argument naming the `loss` field.
LossKind lossFromName(std::string_view name);

/// A loss L(output, labels) and its gradient with respect to the output.
template <typename S>
class Loss {
public:
    virtual ~Loss() = default;
    /// The loss of the batch; keeps what `backward` needs. Throws on a label outside [0, classes).
    virtual S forward(const Matrix<S> &output, Labels labels) = 0;
    /// ∂L/∂output for the last forward, classes × batch.
    virtual const Matrix<S> &backward() = 0;
    /// Which loss this is.
    virtual LossKind kind() const = 0;
    /// Creates the loss of the given kind.
    static std::unique_ptr<Loss<S>> create(LossKind kind);
};

/// Softmax cross-entropy averaged over the batch (PyTorch's CrossEntropyLoss on logits):
/// L = −(1/m)·Σ log softmax(z)_y, ∂L/∂z = (softmax(z) − onehot(y))/m. Softmax subtracts each
/// column's maximum first, so large logits never overflow.
template <typename S>
class SoftmaxCrossEntropy final : public Loss<S> {
public:
    S forward(const Matrix<S> &logits, Labels labels) override;
    const Matrix<S> &backward() override { return m_grad; }
    LossKind kind() const override { return LossKind::CrossEntropy; }
    /// Class probabilities of the last forward.
    const Matrix<S> &probabilities() const { return m_probabilities; }

private:
    Matrix<S> m_probabilities, m_grad;
};

/// Mean squared error against one-hot targets, averaged over every element like PyTorch's
/// MSELoss(reduction='mean'): L = Σ(y − t)²/(C·m), ∂L/∂y = 2(y − t)/(C·m).
template <typename S>
class MeanSquaredError final : public Loss<S> {
public:
    S forward(const Matrix<S> &output, Labels labels) override;
    const Matrix<S> &backward() override { return m_grad; }
    LossKind kind() const override { return LossKind::MeanSquaredError; }

private:
    Matrix<S> m_grad;
};

/// Fraction of columns whose largest output is the label.
template <typename S>
double accuracy(const Matrix<S> &output, Labels labels);

} // namespace layerlens::core
