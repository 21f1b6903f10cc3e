#pragma once

#include "core/layer.h"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace layerlens::core {

/// The update rules.
enum class OptimizerKind { Sgd, Momentum, Adam };

/// Config name ("sgd", "momentum", "adam").
std::string_view optimizerName(OptimizerKind kind);
/// Parses a config name; throws std::invalid_argument naming the `optimizer` field.
OptimizerKind optimizerFromName(std::string_view name);

/// Optimizer settings; the names follow the config keys.
struct OptimizerConfig {
    OptimizerKind kind = OptimizerKind::Sgd;
    double lr = 0.1;            ///< learning rate, > 0
    double momentum = 0.9;      ///< [0, 1), Momentum only
    double weightDecay = 0.0;   ///< L2 coefficient λ ≥ 0, on Dense weights only
    double beta1 = 0.9;         ///< [0, 1), Adam
    double beta2 = 0.999;       ///< [0, 1), Adam
    double eps = 1e-8;          ///< > 0, Adam

    /// Throws std::invalid_argument naming the first bad field.
    void validate() const;
};

/// How far one step moved a parameter: Σ W² before the step and Σ (W_after − W_before)², for
/// ‖ΔW‖/‖W‖, and Σ g² of the gradient it applied (before weight decay), for ‖∇W‖; all summed in
/// double over float blocks (statistics.h's blockSumSquares). The statistics take ‖∇W‖ from
/// here when it is recorded, instead of reading the gradient again.
struct UpdateNorms {
    double beforeSquared = 0.0;
    double changeSquared = 0.0;
    std::optional<double> gradientSquared;
};

/// Updates parameters from their gradients, as torch.optim does (g ← g + λ·W first where the
/// parameter decays):
///   SGD:      W ← W − η·g
///   Momentum: v ← μ·v + g (v starts at 0), W ← W − η·v        (torch.optim.SGD, dampening 0)
///   Adam:     m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ),
///             W ← W − η·m̂/(√v̂ + ε)                             (torch.optim.Adam, L2 not AdamW)
template <typename S>
class Optimizer {
public:
    /// Binds to `parameters`; they must outlive the optimizer. Validates the config.
    Optimizer(std::vector<Parameter<S>> parameters, const OptimizerConfig &config);

    /// Applies one update from the current gradients. With `shared` (and at least 2¹⁷ entries in
    /// all parameters), this thread and the products' helper (shareWork) update the parameters,
    /// each a whole parameter: the same bits as one thread. Network::trainStep asks for it when
    /// its products kept the helper busy, so the helper is awake; waking it from sleep for the
    /// update alone cost more than it saved (docs/performance.md).
    void step(bool shared = false);
    /// Makes the next step() also record each parameter's UpdateNorms. They are summed chunk by
    /// chunk while the chunk is in the L1 cache, so the statistics need no copy of the weights
    /// before the update and no extra passes over them.
    /// Norms of an earlier step are forgotten at once, so a step that never runs (the loss or a
    /// gradient was NaN) leaves none behind.
    void measureNextUpdate()
    {
        m_measureNext = true;
        m_measured = false;
    }
    /// The UpdateNorms of `value` from the last step(), or nullptr when that step was not
    /// measured (or did not update `value`). Safe to call from several threads at once.
    const UpdateNorms *updateNorms(const Matrix<S> *value) const;
    /// True when the last step() updated `value` and left every entry finite; false when it did
    /// not update it or left a NaN or Inf. (step() checks each tensor chunk by chunk while the
    /// chunk it just wrote is in the L1 cache, so the divergence check need not read it again.)
    bool leftFinite(const Matrix<S> *value) const;
    /// Changes settings between steps (learning rate, momentum, betas, decay). Changing the kind
    /// restarts its state. Throws std::invalid_argument on a bad value and keeps the old config.
    void setConfig(const OptimizerConfig &config);
    /// The learning rate between steps; throws std::invalid_argument unless finite and > 0.
    void setLearningRate(double lr);
    const OptimizerConfig &config() const { return m_config; }
    /// Number of updates applied.
    long long steps() const { return m_steps; }
    /// Clears the momentum/Adam state and the step count.
    void resetState();

private:
    /// What step() derives from the config and the step count, for update().
    struct StepConstants {
        S lr, decay, mu, beta1, oneMinusBeta1, beta2, oneMinusBeta2;
        S c1, sqrtC2, eps; // c1 = 1 − β₁ᵗ, sqrtC2 = √(1 − β₂ᵗ)
    };
    /// Updates parameter i (and records its finiteness and norms); step() calls it for each.
    void update(std::size_t i);

    std::vector<Parameter<S>> m_parameters;
    OptimizerConfig m_config;
    std::vector<Matrix<S>> m_first, m_second; // momentum buffer or Adam m; Adam v
    std::vector<char> m_leftFinite;           // per parameter, from the last step()
    std::vector<UpdateNorms> m_updateNorms;   // per parameter, from the last step() if measured
    Eigen::Index m_entries = 0;               // in all parameters
    StepConstants m_step{};                   // of the step() in progress
    bool m_measureNext = false, m_measured = false;
    mutable std::size_t m_lookup = 0;         // where leftFinite() starts searching
    long long m_steps = 0;
};

} // namespace layerlens::core
