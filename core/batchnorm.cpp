#include "core/batchnorm.h"

#include <cmath>
#include <stdexcept>

namespace layerlens::core {

namespace {

/// Rows of one feature block of the training-mode kernels: 256 bytes of a column (four AVX-512
/// registers), so that a block's per-feature sums and constants stay in registers while the
/// kernels stream the batch's columns.
template <typename S>
constexpr int kRowBlock = static_cast<int>(256 / sizeof(S));

/// A block of Rows features, or of at most kRowBlock (Rows = Dynamic: still on the stack).
template <typename S, int Rows>
using RowBlock = Eigen::Array<S, Rows, 1, 0, Rows == Eigen::Dynamic ? kRowBlock<S> : Rows, 1>;

/// Calls f.template operator()<Rows>(first row, rows) for the blocks of [begin, begin + count):
/// full blocks from `begin`, then blocks of one register (kRowBlock / 4), then the rest. A row's
/// result depends only on where its range starts, so the same ranges give the same bits on any
/// thread.
template <typename S, typename F>
void forEachRowBlock(Eigen::Index begin, Eigen::Index count, F &&f)
{
    constexpr int kRegister = kRowBlock<S> / 4;
    const Eigen::Index end = begin + count;
    Eigen::Index r = begin;
    for (; r + kRowBlock<S> <= end; r += kRowBlock<S>)
        f.template operator()<kRowBlock<S>>(r, kRowBlock<S>);
    for (; r + kRegister <= end; r += kRegister)
        f.template operator()<kRegister>(r, kRegister);
    if (r < end)
        f.template operator()<Eigen::Dynamic>(r, end - r);
}

} // namespace

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
Eigen::Index BatchNorm<S>::featureCut(Eigen::Index features)
{
    return features / 2 / kRowBlock<S> * kRowBlock<S>;
}

template <typename S>
const Matrix<S> &BatchNorm<S>::prepareForward(const Matrix<S> &x)
{
    if (x.rows() != m_gamma.rows())
        throw std::invalid_argument("BatchNorm: input has " + std::to_string(x.rows()) + " features, expected "
                                    + std::to_string(m_gamma.rows()));
    const Eigen::Index batch = x.cols();
    if (this->m_training && batch < 2)
        throw std::invalid_argument("BatchNorm: batch_size must be > 1 in training mode "
                                    "(the batch variance of one sample is undefined)");
    m_input = &x;
    m_output.resize(x.rows(), batch);
    m_xhat.resize(x.rows(), batch);
    m_invStd.resize(x.rows());
    if (!this->m_training) {
        m_inferenceMean = runningMean();
        const Vector<S> variance = runningVariance();
        for (Eigen::Index i = 0; i < variance.size(); ++i)
            m_invStd[i] = static_cast<S>(1.0 / std::sqrt(static_cast<double>(variance[i]) + m_eps));
    }
    m_lastForwardTrained = this->m_training;
    return m_output;
}

template <typename S>
const Matrix<S> &BatchNorm<S>::forward(const Matrix<S> &x)
{
    prepareForward(x);
    if (this->m_training) {
        const Eigen::Index cut = featureCut(x.rows());
        forwardFeatures(0, cut);
        forwardFeatures(cut, x.rows() - cut);
        finishForward();
    } else {
        forwardColumns(0, x.cols());
    }
    return m_output;
}

template <typename S>
void BatchNorm<S>::forwardFeatures(Eigen::Index begin, Eigen::Index count)
{
    const S *x = m_input->data();
    S *xhat = m_xhat.data(), *out = m_output.data();
    const Eigen::Index rows = m_input->rows(), batch = m_input->cols();
    const S columns = static_cast<S>(batch);
    forEachRowBlock<S>(begin, count, [&]<int Rows>(Eigen::Index r, Eigen::Index n) {
        using Block = RowBlock<S, Rows>;
        using In = Eigen::Map<const Block>;
        using Out = Eigen::Map<Block>;
        Block sum = Block::Zero(n);
        for (Eigen::Index c = 0; c < batch; ++c)
            sum += In(x + c * rows + r, n);
        const Block mean = sum / columns;
        Block squares = Block::Zero(n); // about the mean: a second pass, no cancellation
        for (Eigen::Index c = 0; c < batch; ++c)
            squares += (In(x + c * rows + r, n) - mean).square();
        const Block var = squares / columns; // biased
        // 1/√(σ² + ε) in double, rounded once, as PyTorch's InvStd (Eigen's fast-math AVX-512
        // rsqrt and sqrt are approximations).
        Block invStd(n);
        for (Eigen::Index i = 0; i < n; ++i)
            invStd[i] = static_cast<S>(1.0 / std::sqrt(static_cast<double>(var[i]) + m_eps));
        Out(m_batchMean.data() + r, n) = mean;
        Out(m_batchVar.data() + r, n) = var;
        Out(m_invStd.data() + r, n) = invStd;
        const Block gamma = In(m_gamma.data() + r, n), beta = In(m_beta.data() + r, n);
        for (Eigen::Index c = 0; c < batch; ++c) {
            const Block normalized = (In(x + c * rows + r, n) - mean) * invStd;
            Out(xhat + c * rows + r, n) = normalized;
            Out(out + c * rows + r, n) = normalized * gamma + beta;
        }
    });
}

template <typename S>
void BatchNorm<S>::finishForward()
{
    if (m_updateRunning)
        updateRunningStatistics(m_input->cols());
}

template <typename S>
void BatchNorm<S>::forwardColumns(Eigen::Index begin, Eigen::Index count)
{
    // Inference: x̂ = (x − μ)·σ⁻¹ and y = γ·x̂ + β with the statistics prepareForward fixed.
    const auto gamma = m_gamma.col(0).array();
    const auto beta = m_beta.col(0).array();
    for (Eigen::Index c = begin; c < begin + count; ++c) {
        auto xhat = m_xhat.col(c).array();
        xhat = (m_input->col(c) - m_inferenceMean).array() * m_invStd.array();
        m_output.col(c).array() = xhat * gamma + beta;
    }
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
    if (!m_lastForwardTrained) {
        // Inference mode: the statistics are constants, y is affine in x.
        m_betaGrad = dy.rowwise().sum();
        m_gammaGrad = dy.cwiseProduct(m_xhat).rowwise().sum();
        m_gradInput.resize(dy.rows(), dy.cols());
        m_gradInput = dy.array().colwise() * (m_gamma.col(0).array() * m_invStd.array());
        return m_gradInput;
    }
    prepareBackwardFeatures(dy);
    const Eigen::Index cut = featureCut(dy.rows());
    backwardFeatures(0, cut);
    backwardFeatures(cut, dy.rows() - cut);
    return m_gradInput;
}

template <typename S>
const Matrix<S> &BatchNorm<S>::prepareBackwardFeatures(const Matrix<S> &dy)
{
    if (!m_lastForwardTrained)
        throw std::logic_error("BatchNorm: a backward by features needs a training-mode forward");
    if (dy.rows() != m_xhat.rows() || dy.cols() != m_xhat.cols())
        throw std::invalid_argument("BatchNorm: gradient shape differs from the forward's");
    m_gradOutput = &dy;
    m_gradInput.resize(dy.rows(), dy.cols());
    return m_gradInput;
}

template <typename S>
void BatchNorm<S>::backwardFeatures(Eigen::Index begin, Eigen::Index count)
{
    const S *dy = m_gradOutput->data(), *xhat = m_xhat.data();
    S *dx = m_gradInput.data();
    const Eigen::Index rows = m_xhat.rows(), batch = m_xhat.cols();
    const S invBatch = S(1) / static_cast<S>(batch);
    forEachRowBlock<S>(begin, count, [&]<int Rows>(Eigen::Index r, Eigen::Index n) {
        using Block = RowBlock<S, Rows>;
        using In = Eigen::Map<const Block>;
        using Out = Eigen::Map<Block>;
        Block betaGrad = Block::Zero(n), gammaGrad = Block::Zero(n);
        for (Eigen::Index c = 0; c < batch; ++c) {
            const Block g = In(dy + c * rows + r, n);
            betaGrad += g;
            gammaGrad += g * In(xhat + c * rows + r, n);
        }
        Out(m_betaGrad.data() + r, n) = betaGrad;
        Out(m_gammaGrad.data() + r, n) = gammaGrad;
        // With dx̂ = γ·dy:  dx = (1/m)·σ⁻¹·(m·dx̂ − Σdx̂ − x̂·Σ(dx̂·x̂)), written with the γ-free sums
        // Σdy = ∂L/∂β and Σ(dy·x̂) = ∂L/∂γ just computed: dx = (dy − x̂·(∂L/∂γ)/m − (∂L/∂β)/m)·γσ⁻¹.
        const Block scale = In(m_gamma.data() + r, n) * In(m_invStd.data() + r, n);
        const Block betaMean = betaGrad * invBatch, gammaMean = gammaGrad * invBatch;
        for (Eigen::Index c = 0; c < batch; ++c)
            Out(dx + c * rows + r, n)
                = (In(dy + c * rows + r, n) - In(xhat + c * rows + r, n) * gammaMean - betaMean) * scale;
    });
}

template <typename S>
std::vector<Parameter<S>> BatchNorm<S>::parameters()
{
    return {{"gamma", &m_gamma, &m_gammaGrad, false}, {"beta", &m_beta, &m_betaGrad, false}};
}

template class BatchNorm<float>;
template class BatchNorm<double>;

} // namespace layerlens::core
