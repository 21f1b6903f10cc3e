#include "core/dropout.h"

#include <stdexcept>

namespace layerlens::core {

namespace {
void checkRate(double rate)
{
    if (!(rate >= 0.0 && rate < 1.0))
        throw std::invalid_argument("Dropout: dropout must be in [0, 1)");
}
} // namespace

template <typename S>
Dropout<S>::Dropout(double rate, Rng rng) : m_rate(rate), m_rng(rng)
{
    checkRate(rate);
}

template <typename S>
void Dropout<S>::setRate(double rate)
{
    checkRate(rate);
    m_rate = rate;
}

template <typename S>
void Dropout<S>::freezeMask(const Matrix<S> &mask)
{
    m_mask = mask;
    m_frozen = true;
}

template <typename S>
const Matrix<S> &Dropout<S>::forward(const Matrix<S> &input)
{
    m_lastForwardMasked = masks();
    if (!m_lastForwardMasked)
        return input; // identity: no copy
    if (!m_frozen) {
        const S keepScale = static_cast<S>(1.0 / (1.0 - m_rate));
        m_mask.resize(input.rows(), input.cols());
        for (Eigen::Index i = 0; i < m_mask.size(); ++i)
            m_mask.data()[i] = m_rng.uniform() >= m_rate ? keepScale : S(0);
    } else if (m_mask.rows() != input.rows() || m_mask.cols() != input.cols()) {
        throw std::invalid_argument("Dropout: frozen mask does not match the input shape");
    }
    m_output = input.cwiseProduct(m_mask);
    return m_output;
}

template <typename S>
const Matrix<S> &Dropout<S>::prepareForward(const Matrix<S> &input)
{
    if (masks())
        throw std::logic_error("Dropout: a masked forward cannot be split by columns");
    return forward(input);
}

template <typename S>
const Matrix<S> &Dropout<S>::backward(const Matrix<S> &gradOutput)
{
    if (!m_lastForwardMasked)
        return gradOutput;
    m_gradInput = gradOutput.cwiseProduct(m_mask);
    return m_gradInput;
}

template class Dropout<float>;
template class Dropout<double>;

} // namespace layerlens::core
