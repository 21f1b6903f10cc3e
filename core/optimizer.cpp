#include "core/optimizer.h"

#include <cmath>
#include <stdexcept>

namespace layerlens::core {

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
void Optimizer<S>::step()
{
    ++m_steps;
    const S lr = static_cast<S>(m_config.lr);
    const S decay = static_cast<S>(m_config.weightDecay);
    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        Matrix<S> &w = *m_parameters[i].value;
        const bool decays = m_parameters[i].decays && m_config.weightDecay > 0.0;
        // g + λW, without touching the gradient the statistics will read.
        const Matrix<S> *g = m_parameters[i].gradient;
        if (decays) {
            m_scratch = *g + decay * w;
            g = &m_scratch;
        }
        switch (m_config.kind) {
        case OptimizerKind::Sgd:
            w.noalias() -= lr * *g;
            break;
        case OptimizerKind::Momentum: {
            // v starts at 0, so the first step gives v = g exactly as PyTorch's clone(g).
            Matrix<S> &v = m_first[i];
            v = static_cast<S>(m_config.momentum) * v + *g;
            w.noalias() -= lr * v;
            break;
        }
        case OptimizerKind::Adam: {
            const double b1 = m_config.beta1, b2 = m_config.beta2;
            Matrix<S> &m = m_first[i];
            Matrix<S> &v = m_second[i];
            m = static_cast<S>(b1) * m + static_cast<S>(1.0 - b1) * *g;
            v = static_cast<S>(b2) * v + static_cast<S>(1.0 - b2) * g->cwiseAbs2();
            const double t = static_cast<double>(m_steps);
            const S c1 = static_cast<S>(1.0 - std::pow(b1, t));
            const S sqrtC2 = static_cast<S>(std::sqrt(1.0 - std::pow(b2, t)));
            const S eps = static_cast<S>(m_config.eps);
            // PyTorch: denom = √v/√(1−β₂ᵗ) + ε, W ← W − (η/(1−β₁ᵗ))·m/denom.
            w.array() -= (lr / c1) * m.array() / (v.array().sqrt() / sqrtC2 + eps);
            break;
        }
        }
    }
}

template class Optimizer<float>;
template class Optimizer<double>;

} // namespace layerlens::core
