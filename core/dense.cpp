#include "core/dense.h"

#include "core/matrixproduct.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace layerlens::core {

template <typename S>
Dense<S>::Dense(int fanIn, int fanOut)
{
    if (fanIn < 1)
        throw std::invalid_argument("Dense: fan_in must be > 0");
    if (fanOut < 1)
        throw std::invalid_argument("Dense: fan_out must be > 0");
    m_weight = Matrix<S>::Zero(fanOut, fanIn);
    m_bias = Matrix<S>::Zero(fanOut, 1);
    m_weightGrad = Matrix<S>::Zero(fanOut, fanIn);
    m_biasGrad = Matrix<S>::Zero(fanOut, 1);
}

template <typename S>
const Matrix<S> &Dense<S>::prepareForward(const Matrix<S> &input)
{
    if (input.rows() != m_weight.cols())
        throw std::invalid_argument("Dense: input has " + std::to_string(input.rows())
                                    + " features, expected " + std::to_string(m_weight.cols()));
    m_input = &input;
    m_output.resize(m_weight.rows(), input.cols());
    return m_output;
}

template <typename S>
const Matrix<S> &Dense<S>::forward(const Matrix<S> &input)
{
    prepareForward(input);
    // Z starts as b in every column and the product accumulates onto it (β = 1): the bias costs
    // no pass of its own over Z.
    m_output.colwise() = m_bias.col(0);
    multiply(m_weight, Op::AsIs, input, Op::AsIs, S(1), m_output); // out × batch
    return m_output;
}

template <typename S>
void Dense<S>::forwardColumns(Eigen::Index begin, Eigen::Index count)
{
    m_output.middleCols(begin, count).colwise() = m_bias.col(0);
    multiplyColumns(m_weight, Op::AsIs, *m_input, S(1), m_output, begin, count);
}

template <typename S>
const Matrix<S> &Dense<S>::backward(const Matrix<S> &gradOutput)
{
    const Matrix<S> &x = *m_input;                                     // in × batch
    if (m_computeInputGrad) {
        m_gradInput.resize(x.rows(), x.cols());
        multiplyPair(gradOutput, Op::AsIs, x, Op::Transposed, S(0), m_weightGrad, // dW = dZ·Xᵀ, out × in
                     m_weight, Op::Transposed, gradOutput, Op::AsIs, S(0), m_gradInput); // dX = Wᵀ·dZ
    } else {
        multiply(gradOutput, Op::AsIs, x, Op::Transposed, S(0), m_weightGrad);
        m_gradInput.resize(0, 0);
    }
    m_biasGrad = gradOutput.rowwise().sum();                            // db = Σ_batch dZ
    // Each entry of dW and db is a sum of `batch` terms no larger than max|dZ|·max|X| and max|dZ|.
    // While batch·max|dZ|·max(max|X|, 1) stays below half the largest float (the other half covers
    // the rounding of up to millions of additions), none can be NaN or Inf; a NaN in dZ or X makes
    // the bound NaN and the test false. Reading dZ and X costs (out + in)·batch, reading dW out·in.
    const double bound = static_cast<double>(x.cols()) * maxAbs(gradOutput) * std::max(maxAbs(x), 1.0);
    m_gradientsKnownFinite = bound < 0.5 * static_cast<double>(std::numeric_limits<S>::max());
    return m_gradInput;
}

template <typename S>
std::vector<Parameter<S>> Dense<S>::parameters()
{
    return {{"weight", &m_weight, &m_weightGrad, true}, {"bias", &m_bias, &m_biasGrad, false}};
}

template class Dense<float>;
template class Dense<double>;

} // namespace layerlens::core
