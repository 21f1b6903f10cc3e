#pragma once

#include "core/layer.h"

namespace layerlens::core {

/// Fully connected layer Z = W·X + b, W stored out × in as in PyTorch.
template <typename S>
class Dense final : public Layer<S> {
public:
    /// Throws std::invalid_argument when a size is < 1. Weights and bias start at zero.
    Dense(int fanIn, int fanOut);

    const Matrix<S> &forward(const Matrix<S> &input) override;   // out × batch
    const Matrix<S> &backward(const Matrix<S> &gradOutput) override; // in × batch
    bool columnwise() const override { return true; }
    const Matrix<S> &prepareForward(const Matrix<S> &input) override;
    void forwardColumns(Eigen::Index begin, Eigen::Index count) override;
    std::vector<Parameter<S>> parameters() override;
    std::string kind() const override { return "dense"; }

    /// Number of inputs.
    int fanIn() const { return static_cast<int>(m_weight.cols()); }
    /// Number of outputs.
    int fanOut() const { return static_cast<int>(m_weight.rows()); }
    /// Weight, out × in.
    Matrix<S> &weight() { return m_weight; }
    const Matrix<S> &weight() const { return m_weight; }
    /// Bias, out × 1.
    Matrix<S> &bias() { return m_bias; }
    const Matrix<S> &bias() const { return m_bias; }
    /// ∂L/∂W of the last backward, out × in.
    const Matrix<S> &weightGradient() const { return m_weightGrad; }
    /// ∂L/∂b of the last backward, out × 1.
    const Matrix<S> &biasGradient() const { return m_biasGrad; }
    /// The first layer of a network does not need ∂L/∂input; skipping it saves one product.
    void setComputeInputGradient(bool compute) { m_computeInputGrad = compute; }
    /// True when the last backward's inputs prove every entry of ∂L/∂W and ∂L/∂b finite (see
    /// backward), so that a divergence check need not read them; false means "not proven".
    bool gradientsKnownFinite() const { return m_gradientsKnownFinite; }

private:
    Matrix<S> m_weight, m_bias, m_weightGrad, m_biasGrad;
    Matrix<S> m_output, m_gradInput;
    const Matrix<S> *m_input = nullptr;
    bool m_computeInputGrad = true;
    bool m_gradientsKnownFinite = false;
};

} // namespace layerlens::core
