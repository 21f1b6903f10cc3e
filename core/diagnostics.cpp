#include "core/diagnostics.h"

#include "core/snapshot.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace layerlens::core {

namespace {

constexpr std::array<std::pair<DiagnosticKind, std::string_view>, 10> kNames{{
    {DiagnosticKind::VanishingGradient, "vanishing_gradient"},
    {DiagnosticKind::ExplodingGradient, "exploding_gradient"},
    {DiagnosticKind::Saturation, "saturation"},
    {DiagnosticKind::DeadUnits, "dead_units"},
    {DiagnosticKind::Symmetry, "symmetry"},
    {DiagnosticKind::Divergence, "divergence"},
    {DiagnosticKind::Overfitting, "overfitting"},
    {DiagnosticKind::ActivationCollapse, "activation_collapse"},
    {DiagnosticKind::BiasShift, "bias_shift"},
    {DiagnosticKind::BatchNormGap, "bn_inference_gap"},
}};

std::string format(double v)
{
    std::ostringstream out;
    out.precision(3);
    out << v;
    return out.str();
}

std::string percent(double fraction)
{
    return std::to_string(static_cast<int>(std::lround(100.0 * fraction))) + "%";
}

template <typename T>
void pushBounded(std::vector<T> &values, T value, std::size_t bound)
{
    values.push_back(value);
    if (values.size() > bound)
        values.erase(values.begin());
}

/// Least-squares slope of values against their index.
double slope(const std::vector<double> &values)
{
    const double n = static_cast<double>(values.size());
    const double meanX = (n - 1.0) / 2.0;
    const double meanY = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double num = 0.0, den = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        num += (static_cast<double>(i) - meanX) * (values[i] - meanY);
        den += (static_cast<double>(i) - meanX) * (static_cast<double>(i) - meanX);
    }
    return den > 0.0 ? num / den : 0.0;
}

} // namespace

std::string_view diagnosticName(DiagnosticKind kind)
{
    for (const auto &[k, name] : kNames)
        if (k == kind)
            return name;
    return "unknown";
}

DiagnosticKind diagnosticFromName(std::string_view name)
{
    for (const auto &[kind, n] : kNames)
        if (n == name)
            return kind;
    throw std::invalid_argument("diagnostic: unknown name '" + std::string(name) + "'");
}

void DiagnosticsEngine::reset()
{
    *this = DiagnosticsEngine();
}

long long DiagnosticsEngine::sinceFor(DiagnosticKind kind, int layer, long long step)
{
    for (const auto &d : m_active)
        if (d.kind == kind && d.layer == layer)
            return d.since;
    return step;
}

std::vector<Diagnostic> DiagnosticsEngine::evaluate(const Snapshot &s)
{
    using namespace thresholds;
    std::vector<Diagnostic> out;
    auto raise = [&](DiagnosticKind kind, int layer, double value, double threshold, std::string message) {
        out.push_back({kind, layer, sinceFor(kind, layer, s.step), value, threshold, std::move(message)});
    };

    if (s.diverged)
        out.push_back({DiagnosticKind::Divergence, 0, s.divergedAt, static_cast<double>(s.divergedAt), 0.0,
                       "training diverged at step " + std::to_string(s.divergedAt) + ": " + s.divergence});

    if (s.layers.size() >= 2) {
        const double first = s.layers.front().grad.weightNorm, last = s.layers.back().grad.weightNorm;
        const int depth = static_cast<int>(s.layers.size());
        if (last > 0.0 && std::isfinite(first) && std::isfinite(last)) {
            const double ratio = first / last;
            if (first < std::numeric_limits<float>::min())
                raise(DiagnosticKind::VanishingGradient, 0, ratio, kVanishingRatio,
                      "vanishing gradients: layer 1's weight gradient underflowed (below the float range, read as 0); layer "
                          + std::to_string(depth) + "'s is " + format(last));
            else if (ratio < kVanishingRatio)
                raise(DiagnosticKind::VanishingGradient, 0, ratio, kVanishingRatio,
                      "vanishing gradients: layer 1's weight gradient is " + format(ratio) + " times layer "
                          + std::to_string(depth) + "'s");
            else if (ratio > kExplodingRatio)
                raise(DiagnosticKind::ExplodingGradient, 0, ratio, kExplodingRatio,
                      "exploding gradients: layer 1's weight gradient is " + format(ratio) + " times layer "
                          + std::to_string(depth) + "'s");
        }
    }
    double maxNorm = 0.0;
    for (const auto &layer : s.layers)
        maxNorm = std::max(maxNorm, layer.grad.weightNorm);
    if (s.step > 0) // the step-0 gradient is the same network's and says nothing about a trend
        pushBounded(m_maxGradNorms, maxNorm, kGrowthWindow + 1);
    if (m_maxGradNorms.size() == kGrowthWindow + 1
        && std::is_sorted(m_maxGradNorms.begin(), m_maxGradNorms.end(), std::less_equal<>())
        && m_maxGradNorms.front() > 0.0) {
        const double growth = m_maxGradNorms.back() / m_maxGradNorms.front();
        const bool already = std::any_of(out.begin(), out.end(),
                                         [](const Diagnostic &d) { return d.kind == DiagnosticKind::ExplodingGradient; });
        if (growth > kExplodingGrowth && !already)
            raise(DiagnosticKind::ExplodingGradient, 0, growth, kExplodingGrowth,
                  "exploding gradients: the largest weight gradient grew " + format(growth) + " times over the last "
                      + std::to_string(kGrowthWindow) + " snapshots");
    }

    if (s.layers.size() >= 2) {
        // The signal's spread at the last hidden layer against the first: small weights make every
        // layer scale it down, so the ratio falls geometrically with depth.
        const double first = s.layers.front().act.std, last = s.layers.back().act.std;
        const int depth = static_cast<int>(s.layers.size());
        // A last layer that is exactly 0 everywhere is dead or symmetric, reported as such.
        if (first > 0.0 && last > 0.0 && std::isfinite(first) && std::isfinite(last) && last / first < kCollapseRatio)
            raise(DiagnosticKind::ActivationCollapse, 0, last / first, kCollapseRatio,
                  "activation collapse: layer " + std::to_string(depth) + "'s activations spread " + format(last / first)
                      + " times as far as layer 1's (std " + format(last) + " against " + format(first) + ")");
    }

    for (const auto &layer : s.layers) {
        if (layer.saturated > kSaturatedFraction)
            raise(DiagnosticKind::Saturation, layer.index, layer.saturated, kSaturatedFraction,
                  "saturation: " + percent(layer.saturated) + " of layer " + std::to_string(layer.index)
                      + "'s activations sit where the slope is nearly 0");
        // Only where the negative side is flat: a Leaky ReLU or ELU unit below 0 on every sample
        // still gets a gradient and can come back (ELU's far-negative flat end counts as saturation).
        if (layer.flatBelowZero && layer.dead > kDeadFraction)
            raise(DiagnosticKind::DeadUnits, layer.index, layer.dead, kDeadFraction,
                  "dead units: " + std::to_string(layer.deadUnits) + " of " + std::to_string(layer.width)
                      + " units of layer " + std::to_string(layer.index) + " are inactive for the whole batch");
        // With BatchNorm the next layer subtracts the batch mean, so an offset does not propagate.
        if (!layer.hasBatchNorm && std::isfinite(layer.act.mean) && std::isfinite(layer.act.std)
            && std::abs(layer.act.mean) > kBiasShiftRatio * layer.act.std) {
            const double ratio = layer.act.std > 0.0 ? std::abs(layer.act.mean) / layer.act.std
                                                     : std::numeric_limits<double>::infinity();
            raise(DiagnosticKind::BiasShift, layer.index, ratio, kBiasShiftRatio,
                  "bias shift: layer " + std::to_string(layer.index) + "'s activations average " + format(layer.act.mean)
                      + " with std " + format(layer.act.std) + ", so the next layer gets a constant offset");
        }
        if (layer.width > 1 && layer.weight.distinctNeurons == 1)
            raise(DiagnosticKind::Symmetry, layer.index, 1.0, 1.0,
                  "symmetry: all " + std::to_string(layer.width) + " neurons of layer " + std::to_string(layer.index)
                      + " are identical");
    }

    if (s.step > 0)
        pushBounded(m_trainLosses, s.trainLoss, kOverfitWindow);
    const double recentTrain = m_trainLosses.empty()
                                   ? s.trainLoss
                                   : std::accumulate(m_trainLosses.begin(), m_trainLosses.end(), 0.0)
                                         / static_cast<double>(m_trainLosses.size());
    if (s.testStep >= 0 && s.testStep != m_lastTestStep && std::isfinite(s.testLoss)) {
        m_bestTestLoss = m_lastTestStep < 0 ? s.testLoss : std::min(m_bestTestLoss, s.testLoss);
        m_lastTestStep = s.testStep;
        pushBounded(m_evalTestLosses, s.testLoss, kOverfitWindow);
        pushBounded(m_evalTrainLosses, recentTrain, kOverfitWindow);
    }
    if (m_evalTestLosses.size() == kOverfitWindow && slope(m_evalTrainLosses) < 0.0
        && *std::min_element(m_evalTestLosses.begin(), m_evalTestLosses.end()) > kOverfitRise * m_bestTestLoss)
        raise(DiagnosticKind::Overfitting, 0, m_evalTestLosses.back() / m_bestTestLoss, kOverfitRise,
              "overfitting: the test loss rose to " + format(m_evalTestLosses.back()) + " from its best "
                  + format(m_bestTestLoss) + " while the training loss kept falling");

    if (s.hasBnModes && s.step >= kBnWarmupSteps)
        pushBounded(m_bnDisagreements, s.bnModes.disagreement, kBnGapWindow);
    if (m_bnDisagreements.size() == kBnGapWindow) {
        const double disagreement = std::accumulate(m_bnDisagreements.begin(), m_bnDisagreements.end(), 0.0)
                                    / static_cast<double>(kBnGapWindow);
        if (disagreement > kBnGapDisagreement)
            raise(DiagnosticKind::BatchNormGap, 0, disagreement, kBnGapDisagreement,
                  "BatchNorm gap: " + percent(disagreement)
                      + " of the probe samples change their predicted class between batch statistics (training) and "
                        "running statistics (inference)");
    }

    m_active = out;
    return out;
}

} // namespace layerlens::core
