#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace layerlens::core {

/// The problems LayerLens recognises. Every rule and threshold is here, in one place
/// (and in docs/stats-format.md).
enum class DiagnosticKind { VanishingGradient, ExplodingGradient, Saturation, DeadUnits, Symmetry, Divergence, Overfitting };

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
/// Dead units: fraction of a layer's units that are inactive for the whole batch above this.
inline constexpr double kDeadFraction = 0.5;
/// Overfitting: over the last kOverfitWindow test evaluations the test loss trends up (least-squares
/// slope > 0) while the training loss (mean of the recent snapshots at each evaluation) trends down,
/// and the last test loss is more than kOverfitRise times its best.
inline constexpr double kOverfitRise = 1.05;
inline constexpr int kOverfitWindow = 5;
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
/// "symmetry", "divergence", "overfitting").
std::string_view diagnosticName(DiagnosticKind kind);
/// Parses such a name; throws std::invalid_argument.
DiagnosticKind diagnosticFromName(std::string_view name);

struct Snapshot;

/// Applies the rules to successive snapshots and remembers what they need (the gradient norm
/// trend, the test-loss best) and since when each warning holds.
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
    long long m_lastTestStep = -1;
    double m_bestTestLoss = 0.0;
    std::vector<Diagnostic> m_active;
};

} // namespace layerlens::core
