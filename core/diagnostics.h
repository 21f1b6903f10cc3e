#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace layerlens::core {

/// The problems LayerLens recognises. Every rule and threshold is here, in one place
/// (and in docs/stats-format.md).
enum class DiagnosticKind {
    VanishingGradient,
    ExplodingGradient,
    Saturation,
    DeadUnits,
    Symmetry,
    Divergence,
    Overfitting,
    ActivationCollapse,
    BiasShift,
    BatchNormGap,
};

namespace thresholds {
/// Vanishing: ‖∂L/∂W‖ of the first hidden layer / that of the last hidden layer below this.
inline constexpr double kVanishingRatio = 1e-3;
/// Exploding: that ratio above this ...
inline constexpr double kExplodingRatio = 1e3;
/// ... or the largest layer gradient norm grew over the last kGrowthWindow snapshots, every
/// time, by a factor above kExplodingGrowth in total.
inline constexpr double kExplodingGrowth = 100.0;
inline constexpr int kGrowthWindow = 5;
/// Saturation: fraction of a layer's activations with f'(z) < 1% of max f' above this.
inline constexpr double kSaturatedFraction = 0.5;
/// f'(z) below this fraction of its maximum counts as saturated.
inline constexpr double kSaturationDerivative = 0.01;
/// Dead units: fraction of a layer's units that are inactive for the whole batch above this, in
/// layers whose activation is flat below 0 (ReLU), where such a unit gets no gradient at all.
inline constexpr double kDeadFraction = 0.5;
/// Overfitting: each of the last kOverfitWindow test losses is more than kOverfitRise times the
/// best test loss so far (a sustained rise, not one noisy evaluation) while the training loss
/// (mean of the recent snapshots at each evaluation) trends down (least-squares slope < 0).
inline constexpr double kOverfitRise = 1.05;
inline constexpr int kOverfitWindow = 5;
/// Activation collapse: std of the last hidden layer's activations / that of the first hidden
/// layer below this (the signal shrinks layer by layer toward 0).
inline constexpr double kCollapseRatio = 0.01;
/// Bias shift: in a hidden layer without BatchNorm, |mean(a)| above this many std(a) (the
/// activations sit off 0 with little spread around their mean, e.g. sigmoid near 0.5).
inline constexpr double kBiasShiftRatio = 2.0;
/// BatchNorm train/inference gap: averaged over the last kBnGapWindow snapshots from step
/// kBnWarmupSteps on, the fraction of probe samples whose predicted class differs between
/// BatchNorm with batch statistics (as in training) and with running statistics (as in
/// inference) above this.
inline constexpr double kBnGapDisagreement = 0.2;
inline constexpr int kBnGapWindow = 5;
/// Running statistics start at mean 0 and variance 1; after 50 batches an EMA with the default
/// momentum 0.1 keeps 0.9^50 ≈ 0.5% of those, so earlier snapshots say more about the start than
/// about a gap.
inline constexpr long long kBnWarmupSteps = 50;
} // namespace thresholds

/// One active warning.
struct Diagnostic {
    DiagnosticKind kind = DiagnosticKind::Divergence;
    int layer = 0;          ///< 1-based hidden layer, 0 for the whole network
    long long since = 0;    ///< step at which it was first raised (and has held since)
    double value = 0.0;     ///< the measured quantity the rule compared
    double threshold = 0.0; ///< what it was compared with
    std::string message;    ///< one line in English; the UI translates from kind and numbers
};

/// Config-style name ("vanishing_gradient", "exploding_gradient", "saturation", "dead_units",
/// "symmetry", "divergence", "overfitting", "activation_collapse", "bias_shift", "bn_inference_gap").
std::string_view diagnosticName(DiagnosticKind kind);
/// Parses such a name; throws std::invalid_argument.
DiagnosticKind diagnosticFromName(std::string_view name);

struct Snapshot;

/// Applies the rules to successive snapshots and remembers what they need (the gradient norm
/// trend, the test-loss best, the recent BatchNorm disagreement) and since when each warning holds.
class DiagnosticsEngine {
public:
    /// Evaluates the rules on `snapshot` (statistics filled in) and returns the active warnings.
    std::vector<Diagnostic> evaluate(const Snapshot &snapshot);
    /// Forgets everything (after a rebuild).
    void reset();

private:
    long long sinceFor(DiagnosticKind kind, int layer, long long step);

    std::vector<double> m_maxGradNorms;     // one per snapshot, newest last, bounded
    std::vector<double> m_trainLosses;      // one per snapshot, newest last, bounded
    std::vector<double> m_evalTestLosses;   // one per test evaluation, newest last, bounded
    std::vector<double> m_evalTrainLosses;  // recent train loss at each of those evaluations
    std::vector<double> m_bnDisagreements;  // bn_modes disagreement, one per snapshot from kBnWarmupSteps on
    long long m_lastTestStep = -1;
    double m_bestTestLoss = 0.0;
    std::vector<Diagnostic> m_active;
};

} // namespace layerlens::core
