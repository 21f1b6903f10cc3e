#pragma once

#include "core/layer.h"

#include <string_view>

namespace layerlens::core {

/// The activation functions LayerLens teaches. Maxout is a layer of its own (`Maxout`).
enum class ActivationKind { Sigmoid, Tanh, Relu, LeakyRelu, Elu, Maxout, Linear };

/// Config name of a kind ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "maxout", "linear").
std::string_view activationName(ActivationKind kind);
/// Parses a config name; throws std::invalid_argument naming the `activation` field.
ActivationKind activationFromName(std::string_view name);

/// Element-wise activation a = f(z). Every derivative is written in terms of the output a,
/// so only a is kept for backward:
///   sigmoid f' = a(1−a); tanh f' = 1−a²; ReLU f' = [a>0]; Leaky ReLU f' = [a>0] + slope·[a≤0];
///   ELU f' = [a>0] + (a+α)·[a≤0] (since α·eᶻ = a+α for z ≤ 0); linear f' = 1.
/// The kinks of ReLU and Leaky ReLU at 0 take the left derivative, as PyTorch does.
template <typename S>
class Activation final : public Layer<S> {
public:
    /// `parameter` is the Leaky ReLU slope or the ELU α (ignored otherwise). Maxout is refused.
    explicit Activation(ActivationKind kind, double parameter = 0.0);

    const Matrix<S> &forward(const Matrix<S> &input) override;
    const Matrix<S> &backward(const Matrix<S> &gradOutput) override;
    bool columnwise() const override { return true; }
    const Matrix<S> &prepareForward(const Matrix<S> &input) override;
    void forwardColumns(Eigen::Index begin, Eigen::Index count) override;
    bool backwardColumnwise() const override { return true; }
    const Matrix<S> &prepareBackward(const Matrix<S> &gradOutput) override;
    void backwardColumns(Eigen::Index begin, Eigen::Index count) override;
    std::string kind() const override { return std::string(activationName(m_kind)); }

    /// The function kind.
    ActivationKind activationKind() const { return m_kind; }
    /// Slope (Leaky ReLU) or α (ELU).
    double parameter() const { return m_parameter; }
    /// The output a of the last forward.
    const Matrix<S> &output() const { return m_output; }
    /// f'(z) expressed from a = f(z), element-wise.
    void derivativeFromOutput(const Matrix<S> &a, Matrix<S> &derivative) const;

private:
    ActivationKind m_kind;
    double m_parameter;
    Matrix<S> m_output, m_gradInput;
    const Matrix<S> *m_input = nullptr; // of the last prepareForward
    const Matrix<S> *m_gradOutput = nullptr; // of the last prepareBackward
};

/// Maxout over k pieces: the input holds k·units rows, piece p of unit j at row p·units + j
/// (a `Dense` with k·units outputs computes all pieces in one product); the output is the
/// element-wise maximum over the pieces, units × batch. The gradient flows to the winning piece
/// only (the first one on ties).
template <typename S>
class Maxout final : public Layer<S> {
public:
    /// Throws std::invalid_argument when units < 1 or pieces < 2.
    Maxout(int units, int pieces);

    const Matrix<S> &forward(const Matrix<S> &input) override;  // units × batch
    const Matrix<S> &backward(const Matrix<S> &gradOutput) override; // k·units × batch
    bool columnwise() const override { return true; }
    const Matrix<S> &prepareForward(const Matrix<S> &input) override;
    void forwardColumns(Eigen::Index begin, Eigen::Index count) override;
    bool backwardColumnwise() const override { return true; }
    const Matrix<S> &prepareBackward(const Matrix<S> &gradOutput) override;
    void backwardColumns(Eigen::Index begin, Eigen::Index count) override;
    std::string kind() const override { return "maxout"; }

    /// Number of output units.
    int units() const { return m_units; }
    /// Number of linear pieces per unit.
    int pieces() const { return m_pieces; }
    /// The output of the last forward.
    const Matrix<S> &output() const { return m_output; }

private:
    int m_units, m_pieces;
    Matrix<S> m_output, m_gradInput;
    Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic> m_winner; // units × batch, piece index
    const Matrix<S> *m_input = nullptr; // of the last prepareForward
    const Matrix<S> *m_gradOutput = nullptr; // of the last prepareBackward
};

} // namespace layerlens::core
