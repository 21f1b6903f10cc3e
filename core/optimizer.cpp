#include "core/optimizer.h"

#include "core/matrixproduct.h"
#include "core/statistics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace layerlens::core {

namespace {
/// step() works in chunks of 2048 entries (8 KiB in float): the finite check and the update
/// norms re-read each chunk from L1 right after updating it, instead of more passes over the
/// weights from memory.
constexpr Eigen::Index kChunk = 2048;
/// From this many entries in all parameters on, step() shares them between two threads.
constexpr Eigen::Index kShareEntries = Eigen::Index{1} << 17;
} // namespace

std::string_view optimizerName(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Sgd:
        return "sgd";
    case OptimizerKind::Momentum:
        return "momentum";
    case OptimizerKind::Adam:
        return "adam";
    }
    return "unknown";
}

OptimizerKind optimizerFromName(std::string_view name)
{
    if (name == "sgd")
        return OptimizerKind::Sgd;
    if (name == "momentum")
        return OptimizerKind::Momentum;
    if (name == "adam")
        return OptimizerKind::Adam;
    throw std::invalid_argument("optimizer: unknown name '" + std::string(name)
                                + "' (expected one of sgd, momentum, adam)");
}

void OptimizerConfig::validate() const
{
    if (!(std::isfinite(lr) && lr > 0.0))
        throw std::invalid_argument("lr: must be a finite number > 0");
    if (!(momentum >= 0.0 && momentum < 1.0))
        throw std::invalid_argument("momentum: must be in [0, 1)");
    if (!(std::isfinite(weightDecay) && weightDecay >= 0.0))
        throw std::invalid_argument("weight_decay: must be a finite number >= 0");
    if (!(beta1 >= 0.0 && beta1 < 1.0))
        throw std::invalid_argument("adam_beta1: must be in [0, 1)");
    if (!(beta2 >= 0.0 && beta2 < 1.0))
        throw std::invalid_argument("adam_beta2: must be in [0, 1)");
    if (!(std::isfinite(eps) && eps > 0.0))
        throw std::invalid_argument("adam_eps: must be a finite number > 0");
}

template <typename S>
Optimizer<S>::Optimizer(std::vector<Parameter<S>> parameters, const OptimizerConfig &config)
    : m_parameters(std::move(parameters)), m_config(config)
{
    m_config.validate();
    m_leftFinite.assign(m_parameters.size(), 0);
    m_updateNorms.assign(m_parameters.size(), UpdateNorms{});
    for (const auto &p : m_parameters)
        m_entries += p.value->size();
    resetState();
}

template <typename S>
void Optimizer<S>::resetState()
{
    m_steps = 0;
    m_first.clear();
    m_second.clear();
    for (const auto &p : m_parameters) {
        m_first.push_back(Matrix<S>::Zero(p.value->rows(), p.value->cols()));
        m_second.push_back(Matrix<S>::Zero(p.value->rows(), p.value->cols()));
    }
}

template <typename S>
void Optimizer<S>::setConfig(const OptimizerConfig &config)
{
    config.validate();
    const bool kindChanged = config.kind != m_config.kind;
    m_config = config;
    if (kindChanged)
        resetState();
}

template <typename S>
void Optimizer<S>::setLearningRate(double lr)
{
    OptimizerConfig next = m_config;
    next.lr = lr;
    setConfig(next);
}

template <typename S>
void Optimizer<S>::step(bool shared)
{
    ++m_steps;
    const double b1 = m_config.beta1, b2 = m_config.beta2;
    const double t = static_cast<double>(m_steps);
    m_step = StepConstants{static_cast<S>(m_config.lr),
                           static_cast<S>(m_config.weightDecay),
                           static_cast<S>(m_config.momentum),
                           static_cast<S>(b1),
                           static_cast<S>(1.0 - b1),
                           static_cast<S>(b2),
                           static_cast<S>(1.0 - b2),
                           static_cast<S>(1.0 - std::pow(b1, t)),
                           static_cast<S>(std::sqrt(1.0 - std::pow(b2, t))),
                           static_cast<S>(m_config.eps)};
    m_leftFinite.assign(m_parameters.size(), 0);
    m_measured = m_measureNext;
    m_measureNext = false;
    // Each parameter is updated on its own, so large networks share them between this thread and
    // the products' helper; a parameter gets the same bits on either thread.
    if (shared && m_entries >= kShareEntries)
        shareWork(static_cast<int>(m_parameters.size()), [this](int i) { update(static_cast<std::size_t>(i)); });
    else
        for (std::size_t i = 0; i < m_parameters.size(); ++i)
            update(i);
}

template <typename S>
void Optimizer<S>::update(std::size_t i)
{
    const StepConstants &k = m_step;
    const S lr = k.lr, decay = k.decay, mu = k.mu, c1 = k.c1, sqrtC2 = k.sqrtC2, eps = k.eps;
    Matrix<S> &value = *m_parameters[i].value;
    const Matrix<S> &gradient = *m_parameters[i].gradient;
    const bool decays = m_parameters[i].decays && m_config.weightDecay > 0.0;
    // One chunk of W before its update, when measured: on the stack, so each thread that updates
    // has its own.
    alignas(64) S chunkBefore[kChunk];
    bool finite = true;
    UpdateNorms norms;
    double gradientSquared = 0.0;
    for (Eigen::Index start = 0; start < value.size(); start += kChunk) {
        const Eigen::Index n = std::min(kChunk, value.size() - start);
        Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>> w(value.data() + start, n);
        Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>> before(chunkBefore, n);
        if (m_measured)
            before = w;
        const Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>> g0(gradient.data() + start, n);
        // g + λW, without touching the gradient the statistics will read (evaluated in each
        // expression below; the same float operations as a separate g + λW array).
        const auto g = g0 + (decays ? decay : S(0)) * w;
        switch (m_config.kind) {
        case OptimizerKind::Sgd:
            if (decays)
                w -= lr * g;
            else
                w -= lr * g0;
            break;
        case OptimizerKind::Momentum: {
            // v starts at 0, so the first step gives v = g exactly as PyTorch's clone(g).
            Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>> v(m_first[i].data() + start, n);
            if (decays)
                v = mu * v + g;
            else
                v = mu * v + g0;
            w -= lr * v;
            break;
        }
        case OptimizerKind::Adam: {
            Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>> m(m_first[i].data() + start, n);
            Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>> v(m_second[i].data() + start, n);
            if (decays) {
                m = k.beta1 * m + k.oneMinusBeta1 * g;
                v = k.beta2 * v + k.oneMinusBeta2 * g.square();
            } else {
                m = k.beta1 * m + k.oneMinusBeta1 * g0;
                v = k.beta2 * v + k.oneMinusBeta2 * g0.square();
            }
            // PyTorch: denom = √v/√(1−β₂ᵗ) + ε, W ← W − (η/(1−β₁ᵗ))·m/denom.
            w -= (lr / c1) * m / (v.sqrt() / sqrtC2 + eps);
            break;
        }
        }
        finite = finite && isFinite(w);
        if (m_measured) {
            norms.beforeSquared += blockSumSquares(chunkBefore, n);
            norms.changeSquared += blockSquaredDistance(w.data(), chunkBefore, n);
            gradientSquared += blockSumSquares(g0.data(), n);
        }
    }
    if (m_measured)
        norms.gradientSquared = gradientSquared;
    m_leftFinite[i] = finite;
    m_updateNorms[i] = norms;
}

template <typename S>
bool Optimizer<S>::leftFinite(const Matrix<S> *value) const
{
    // Callers ask in parameter order, so the search starts after the previous answer.
    const std::size_t n = m_leftFinite.size();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (m_lookup + k) % n;
        if (m_parameters[i].value == value) {
            m_lookup = i + 1;
            return m_leftFinite[i] != 0;
        }
    }
    return false;
}

template <typename S>
const UpdateNorms *Optimizer<S>::updateNorms(const Matrix<S> *value) const
{
    // Called by the statistics from two threads at once (shareWork), so it changes nothing, not
    // even leftFinite()'s search hint: a plain search over the few parameters.
    if (!m_measured)
        return nullptr;
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
        if (m_parameters[i].value == value)
            return &m_updateNorms[i];
    return nullptr;
}

template class Optimizer<float>;
template class Optimizer<double>;

} // namespace layerlens::core
