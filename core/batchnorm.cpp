#include "core/batchnorm.h"

#include <cmath>
#include <stdexcept>

namespace layerlens::core {

std::string_view bnInferenceName(BnInference mode)
{
    return mode == BnInference::Ema ? "ema" : "population";
}

BnInference bnInferenceFromName(std::string_view name)
{
    if (name == "ema")
        return BnInference::Ema;
    if (name == "population")
        return BnInference::Population;
    throw std::invalid_argument("bn_inference: unknown name '" + std::string(name)
                                + "' (expected one of ema, population)");
}

template <typename S>
BatchNorm<S>::BatchNorm(int features, BnInference mode, double momentum, int window, double eps)
    : m_mode(mode), m_momentum(momentum), m_window(window), m_eps(eps)
{
    if (features < 1)
        throw std::invalid_argument("BatchNorm: features must be > 0");
    if (!(momentum > 0.0 && momentum <= 1.0))
        throw std::invalid_argument("BatchNorm: bn_momentum must be in (0, 1]");
    if (window < 1)
        throw std::invalid_argument("BatchNorm: bn_window must be >= 1");
    if (!(eps > 0.0))
        throw std::invalid_argument("BatchNorm: eps must be > 0");
    m_gamma = Matrix<S>::Ones(features, 1);
    m_beta = Matrix<S>::Zero(features, 1);
    m_gammaGrad = Matrix<S>::Zero(features, 1);
    m_betaGrad = Matrix<S>::Zero(features, 1);
    m_runningMean = Vector<S>::Zero(features);
    m_runningVar = Vector<S>::Ones(features);
    m_batchMean = Vector<S>::Zero(features);
    m_batchVar = Vector<S>::Zero(features);
    m_history.reserve(static_cast<std::size_t>(window));
}

template <typename S>
const Matrix<S> &BatchNorm<S>::forward(const Matrix<S> &x)
{
    if (x.rows() != m_gamma.rows())
        throw std::invalid_argument("BatchNorm: input has " + std::to_string(x.rows()) + " features, expected "
                                    + std::to_string(m_gamma.rows()));
    const Eigen::Index batch = x.cols();
    m_output.resize(x.rows(), batch);
    m_xhat.resize(x.rows(), batch);
    if (this->m_training) {
        if (batch < 2)
            throw std::invalid_argument("BatchNorm: batch_size must be > 1 in training mode "
                                        "(the batch variance of one sample is undefined)");
        m_batchMean = x.rowwise().mean();
        m_xhat = x.colwise() - m_batchMean;
        m_batchVar = m_xhat.rowwise().squaredNorm() / static_cast<S>(batch); // biased
        m_invStd = (m_batchVar.array() + static_cast<S>(m_eps)).rsqrt();
        if (m_updateRunning)
            updateRunningStatistics(batch);
    } else {
        const Vector<S> mean = runningMean();
        m_xhat = x.colwise() - mean;
        m_invStd = (runningVariance().array() + static_cast<S>(m_eps)).rsqrt();
    }
    // x̂ ← x̂·σ⁻¹ and y = γ·x̂ + β in one pass, column by column while the column is in L1.
    for (Eigen::Index c = 0; c < batch; ++c) {
        auto xhat = m_xhat.col(c).array();
        xhat *= m_invStd.array();
        m_output.col(c).array() = xhat * m_gamma.col(0).array() + m_beta.col(0).array();
    }
    m_lastForwardTrained = this->m_training;
    return m_output;
}

template <typename S>
void BatchNorm<S>::updateRunningStatistics(Eigen::Index batch)
{
    const S correction = static_cast<S>(batch) / static_cast<S>(batch - 1);
    const S m = static_cast<S>(m_momentum);
    if (m_history.size() < static_cast<std::size_t>(m_window))
        m_history.emplace_back(); // allocated once per slot; later batches reuse the slots
    auto &[mean, unbiased] = m_history[m_historyNext];
    m_historyNext = (m_historyNext + 1) % static_cast<std::size_t>(m_window);
    mean = m_batchMean;
    unbiased = m_batchVar * correction;
    m_runningMean = (S(1) - m) * m_runningMean + m * m_batchMean;
    m_runningVar = (S(1) - m) * m_runningVar + m * unbiased;
}

template <typename S>
Vector<S> BatchNorm<S>::runningMean() const
{
    if (m_mode == BnInference::Ema || m_history.empty())
        return m_runningMean;
    // Oldest first, as the batches came.
    Vector<S> sum = Vector<S>::Zero(m_runningMean.size());
    const std::size_t n = m_history.size(), oldest = n < static_cast<std::size_t>(m_window) ? 0 : m_historyNext;
    for (std::size_t i = 0; i < n; ++i)
        sum += m_history[(oldest + i) % n].first;
    return sum / static_cast<S>(n);
}

template <typename S>
Vector<S> BatchNorm<S>::runningVariance() const
{
    if (m_mode == BnInference::Ema || m_history.empty())
        return m_runningVar;
    Vector<S> sum = Vector<S>::Zero(m_runningVar.size());
    const std::size_t n = m_history.size(), oldest = n < static_cast<std::size_t>(m_window) ? 0 : m_historyNext;
    for (std::size_t i = 0; i < n; ++i)
        sum += m_history[(oldest + i) % n].second;
    return sum / static_cast<S>(n);
}

template <typename S>
void BatchNorm<S>::setRunningStatistics(const Vector<S> &mean, const Vector<S> &variance)
{
    if (mean.size() != m_gamma.rows() || variance.size() != m_gamma.rows())
        throw std::invalid_argument("BatchNorm: running statistics have the wrong size");
    m_runningMean = mean;
    m_runningVar = variance;
    m_history.clear();
    m_historyNext = 0;
}

template <typename S>
const Matrix<S> &BatchNorm<S>::backward(const Matrix<S> &dy)
{
    const Eigen::Index batch = dy.cols();
    m_betaGrad = dy.rowwise().sum();
    m_gammaGrad = dy.cwiseProduct(m_xhat).rowwise().sum();
    m_gradInput.resize(dy.rows(), batch);
    if (!m_lastForwardTrained) {
        // Inference mode: the statistics are constants, y is affine in x.
        m_gradInput = dy.array().colwise() * (m_gamma.col(0).array() * m_invStd.array());
        return m_gradInput;
    }
    // With dx̂ = γ·dy:  dx = (1/m)·σ⁻¹·(m·dx̂ − Σdx̂ − x̂·Σ(dx̂·x̂)), written with the γ-free sums
    // Σdy = ∂L/∂β and Σ(dy·x̂) = ∂L/∂γ already at hand.
    const S invBatch = S(1) / static_cast<S>(batch);
    m_scale = m_gamma.col(0).array() * m_invStd.array();
    m_betaGradScaled = m_betaGrad.col(0) * invBatch;
    // One pass, column by column: dx = (dy − x̂·(∂L/∂γ)/m − (∂L/∂β)/m)·γσ⁻¹.
    for (Eigen::Index c = 0; c < batch; ++c)
        m_gradInput.col(c).array() = ((dy.col(c).array() - (m_xhat.col(c).array() * m_gammaGrad.col(0).array()) * invBatch)
                                      - m_betaGradScaled.array())
                                     * m_scale.array();
    return m_gradInput;
}

template <typename S>
std::vector<Parameter<S>> BatchNorm<S>::parameters()
{
    return {{"gamma", &m_gamma, &m_gammaGrad, false}, {"beta", &m_beta, &m_betaGrad, false}};
}

template class BatchNorm<float>;
template class BatchNorm<double>;

} // namespace layerlens::core
