#include "core/activation.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace layerlens::core {

namespace {

constexpr std::array<std::pair<ActivationKind, std::string_view>, 7> kNames{{
    {ActivationKind::Sigmoid, "sigmoid"},
    {ActivationKind::Tanh, "tanh"},
    {ActivationKind::Relu, "relu"},
    {ActivationKind::LeakyRelu, "leaky_relu"},
    {ActivationKind::Elu, "elu"},
    {ActivationKind::Maxout, "maxout"},
    {ActivationKind::Linear, "linear"},
}};

} // namespace

std::string_view activationName(ActivationKind kind)
{
    for (const auto &[k, name] : kNames)
        if (k == kind)
            return name;
    return "unknown";
}

ActivationKind activationFromName(std::string_view name)
{
    for (const auto &[kind, n] : kNames)
        if (n == name)
            return kind;
    std::string expected;
    for (const auto &entry : kNames)
        expected += (expected.empty() ? "" : ", ") + std::string(entry.second);
    throw std::invalid_argument("activation: unknown name '" + std::string(name) + "' (expected one of "
                                + expected + ")");
}

template <typename S>
Activation<S>::Activation(ActivationKind kind, double parameter)
    : m_kind(kind), m_parameter(parameter)
{
    if (kind == ActivationKind::Maxout)
        throw std::invalid_argument("Activation: maxout is a layer of its own (class Maxout)");
}

template <typename S>
const Matrix<S> &Activation<S>::forward(const Matrix<S> &z)
{
    prepareForward(z);
    forwardColumns(0, z.cols());
    return m_output;
}

template <typename S>
const Matrix<S> &Activation<S>::prepareForward(const Matrix<S> &z)
{
    m_input = &z;
    m_output.resize(z.rows(), z.cols());
    return m_output;
}

template <typename S>
void Activation<S>::forwardColumns(Eigen::Index begin, Eigen::Index count)
{
    const S p = static_cast<S>(m_parameter);
    auto a = m_output.middleCols(begin, count).array();
    const auto x = m_input->middleCols(begin, count).array();
    switch (m_kind) {
    case ActivationKind::Sigmoid:
        // 1/(1+e^{−z}) saturates cleanly: e^{−z} → ∞ gives 0, never NaN.
        a = (S(1) + (-x).exp()).inverse();
        break;
    case ActivationKind::Tanh:
        a = x.tanh();
        break;
    case ActivationKind::Relu:
        a = x.max(S(0));
        break;
    case ActivationKind::LeakyRelu:
        a = (x > S(0)).select(x, p * x);
        break;
    case ActivationKind::Elu:
        // expm1 keeps α(eᶻ−1) accurate for small |z|.
        a = (x > S(0)).select(x, p * x.min(S(0)).unaryExpr([](S v) { return std::expm1(v); }));
        break;
    case ActivationKind::Linear:
        a = x;
        break;
    case ActivationKind::Maxout:
        break;
    }
}

template <typename S>
void Activation<S>::derivativeFromOutput(const Matrix<S> &aMat, Matrix<S> &d) const
{
    d.resize(aMat.rows(), aMat.cols());
    const S p = static_cast<S>(m_parameter);
    const auto a = aMat.array();
    auto out = d.array();
    switch (m_kind) {
    case ActivationKind::Sigmoid:
        out = a * (S(1) - a);
        break;
    case ActivationKind::Tanh:
        out = S(1) - a.square();
        break;
    case ActivationKind::Relu:
        out = (a > S(0)).template cast<S>();
        break;
    case ActivationKind::LeakyRelu:
        out = (a > S(0)).select(Matrix<S>::Ones(a.rows(), a.cols()).array(), p);
        break;
    case ActivationKind::Elu:
        out = (a > S(0)).select(Matrix<S>::Ones(a.rows(), a.cols()).array(), a + p);
        break;
    case ActivationKind::Linear:
    case ActivationKind::Maxout:
        out.setOnes();
        break;
    }
}

template <typename S>
const Matrix<S> &Activation<S>::backward(const Matrix<S> &gradOutput)
{
    prepareBackward(gradOutput);
    backwardColumns(0, gradOutput.cols());
    return m_gradInput;
}

template <typename S>
const Matrix<S> &Activation<S>::prepareBackward(const Matrix<S> &gradOutput)
{
    m_gradOutput = &gradOutput;
    m_gradInput.resize(gradOutput.rows(), gradOutput.cols());
    return m_gradInput;
}

template <typename S>
void Activation<S>::backwardColumns(Eigen::Index begin, Eigen::Index count)
{
    const S p = static_cast<S>(m_parameter);
    const auto a = m_output.middleCols(begin, count).array();
    const auto g = m_gradOutput->middleCols(begin, count).array();
    auto out = m_gradInput.middleCols(begin, count).array();
    // Fused g ⊙ f'(a), no temporary for f'.
    switch (m_kind) {
    case ActivationKind::Sigmoid:
        out = g * a * (S(1) - a);
        break;
    case ActivationKind::Tanh:
        out = g * (S(1) - a.square());
        break;
    case ActivationKind::Relu:
        out = (a > S(0)).select(g, S(0));
        break;
    case ActivationKind::LeakyRelu:
        out = (a > S(0)).select(g, p * g);
        break;
    case ActivationKind::Elu:
        out = (a > S(0)).select(g, (a + p) * g);
        break;
    case ActivationKind::Linear:
    case ActivationKind::Maxout:
        out = g;
        break;
    }
}

template <typename S>
Maxout<S>::Maxout(int units, int pieces) : m_units(units), m_pieces(pieces)
{
    if (units < 1)
        throw std::invalid_argument("Maxout: units must be > 0");
    if (pieces < 2)
        throw std::invalid_argument("Maxout: maxout_pieces must be >= 2");
}

template <typename S>
const Matrix<S> &Maxout<S>::forward(const Matrix<S> &input)
{
    prepareForward(input);
    forwardColumns(0, input.cols());
    return m_output;
}

template <typename S>
const Matrix<S> &Maxout<S>::prepareForward(const Matrix<S> &input)
{
    if (input.rows() != static_cast<Eigen::Index>(m_units) * m_pieces)
        throw std::invalid_argument("Maxout: input has " + std::to_string(input.rows()) + " rows, expected "
                                    + std::to_string(m_units * m_pieces));
    m_input = &input;
    m_output.resize(m_units, input.cols());
    m_winner.resize(m_units, input.cols());
    return m_output;
}

template <typename S>
void Maxout<S>::forwardColumns(Eigen::Index begin, Eigen::Index count)
{
    const Matrix<S> &input = *m_input;
    m_output.middleCols(begin, count) = input.topRows(m_units).middleCols(begin, count);
    m_winner.middleCols(begin, count).setZero();
    for (int p = 1; p < m_pieces; ++p) {
        const auto piece = input.middleRows(static_cast<Eigen::Index>(p) * m_units, m_units);
        for (Eigen::Index c = begin; c < begin + count; ++c)
            for (Eigen::Index r = 0; r < m_units; ++r)
                if (piece(r, c) > m_output(r, c)) {
                    m_output(r, c) = piece(r, c);
                    m_winner(r, c) = p;
                }
    }
}

template <typename S>
const Matrix<S> &Maxout<S>::backward(const Matrix<S> &gradOutput)
{
    prepareBackward(gradOutput);
    backwardColumns(0, gradOutput.cols());
    return m_gradInput;
}

template <typename S>
const Matrix<S> &Maxout<S>::prepareBackward(const Matrix<S> &gradOutput)
{
    m_gradOutput = &gradOutput;
    m_gradInput.resize(static_cast<Eigen::Index>(m_units) * m_pieces, gradOutput.cols());
    return m_gradInput;
}

template <typename S>
void Maxout<S>::backwardColumns(Eigen::Index begin, Eigen::Index count)
{
    const Matrix<S> &gradOutput = *m_gradOutput;
    m_gradInput.middleCols(begin, count).setZero();
    for (Eigen::Index c = begin; c < begin + count; ++c)
        for (Eigen::Index r = 0; r < m_units; ++r)
            m_gradInput(static_cast<Eigen::Index>(m_winner(r, c)) * m_units + r, c) = gradOutput(r, c);
}

template class Activation<float>;
template class Activation<double>;
template class Maxout<float>;
template class Maxout<double>;

} // namespace layerlens::core
