#pragma once

#include "core/layer.h"

#include <utility>
#include <vector>
#include <string_view>

namespace layerlens::core {

/// How inference-mode statistics are kept.
enum class BnInference {
    Ema,        ///< exponential moving average, PyTorch's default (momentum 0.1)
    Population, ///< average over the last n mini-batches (Ioffe & Szegedy 2015, Alg. 2)
};

/// Config name ("ema", "population").
std::string_view bnInferenceName(BnInference mode);
/// Parses a config name; throws std::invalid_argument naming the `bn_inference` field.
BnInference bnInferenceFromName(std::string_view name);

/// Batch Normalization over features (rows), placed between a Dense layer and its activation.
///
/// Training: μ_B = mean over the batch, σ²_B = biased batch variance,
///   x̂ = (x − μ_B)/√(σ²_B + ε), y = γ·x̂ + β.
/// Inference: the same with running statistics instead of μ_B, σ²_B:
///   Ema:        μ ← (1−m)·μ + m·μ_B,  σ² ← (1−m)·σ² + m·σ²_B·n/(n−1)   (PyTorch; start 0 and 1)
///   Population: μ = mean of the last `window` μ_B, σ² = mean of their σ²_B·n/(n−1)
///               (the paper's Var[x] = m/(m−1)·E_B[σ²_B]; equal to it when the batch size is fixed)
/// Running statistics change only in training-mode forward passes.
///
/// Each feature's statistics are its own, so a training-mode forward and backward can be computed
/// in feature (row) ranges on two threads (Network): prepareForward, forwardFeatures for
/// [0, featureCut) and [featureCut, features) concurrently, then finishForward;
/// prepareBackwardFeatures and backwardFeatures for the same two ranges. forward() and backward() compute the same two
/// ranges one after the other, so the bits never depend on whether two threads ran them. In
/// inference mode the statistics are constants and the forward is columnwise instead.
template <typename S>
class BatchNorm final : public Layer<S> {
public:
    /// Throws std::invalid_argument for features < 1, momentum outside (0, 1], window < 1, ε ≤ 0.
    explicit BatchNorm(int features, BnInference mode = BnInference::Ema, double momentum = 0.1,
                       int window = 100, double eps = 1e-5);

    /// Throws std::invalid_argument when training with a batch of 1 (the variance is undefined).
    const Matrix<S> &forward(const Matrix<S> &input) override;
    const Matrix<S> &backward(const Matrix<S> &gradOutput) override;
    std::vector<Parameter<S>> parameters() override;

    /// In inference mode each output column depends on its input column alone.
    bool columnwise() const override { return !this->m_training; }
    /// Checks and sizes everything for a forward of `input` and keeps it; in inference mode also
    /// fixes the statistics used. Computes nothing else. Throws as forward() does.
    const Matrix<S> &prepareForward(const Matrix<S> &input) override;
    /// Inference mode: output columns [begin, begin + count) of the prepared forward.
    void forwardColumns(Eigen::Index begin, Eigen::Index count) override;
    /// Training mode: the batch statistics and the output of features [begin, begin + count) of
    /// the prepared forward. Calls for disjoint ranges may run concurrently; nothing is allocated.
    void forwardFeatures(Eigen::Index begin, Eigen::Index count);
    /// Training mode, after every feature: updates the running statistics.
    void finishForward();
    /// Keeps ∂L/∂output for backwardFeatures and sizes ∂L/∂input, which it returns; computes
    /// nothing. Only after a training-mode forward.
    const Matrix<S> &prepareBackwardFeatures(const Matrix<S> &gradOutput);
    /// ∂L/∂γ, ∂L/∂β and ∂L/∂input of features [begin, begin + count) of the prepared backward.
    /// Calls for disjoint ranges may run concurrently; nothing is allocated.
    void backwardFeatures(Eigen::Index begin, Eigen::Index count);
    /// Where forward() and backward() cut the features in two: half of them, rounded down to a
    /// whole block of the kernels (256 bytes of a column: 64 floats, 32 doubles); 0 (one part)
    /// below two blocks. When a column is a whole number of cache lines (features a multiple of
    /// 16 floats or 8 doubles), neither thread writes the other's lines; otherwise the lines at
    /// the cut and at the column ends are shared (slower, never wrong: the rows are disjoint).
    static Eigen::Index featureCut(Eigen::Index features);
    std::string kind() const override { return "batchnorm"; }

    /// Number of normalised features.
    int features() const { return static_cast<int>(m_gamma.rows()); }
    /// Learned scale γ, features × 1.
    Matrix<S> &gamma() { return m_gamma; }
    const Matrix<S> &gamma() const { return m_gamma; }
    /// Learned shift β, features × 1.
    Matrix<S> &beta() { return m_beta; }
    const Matrix<S> &beta() const { return m_beta; }
    /// ∂L/∂γ and ∂L/∂β of the last backward.
    const Matrix<S> &gammaGradient() const { return m_gammaGrad; }
    const Matrix<S> &betaGradient() const { return m_betaGrad; }
    /// Mean and biased variance of the last training batch (zero before any).
    const Vector<S> &batchMean() const { return m_batchMean; }
    const Vector<S> &batchVariance() const { return m_batchVar; }
    /// The statistics inference uses now (EMA, or the population average of the window).
    Vector<S> runningMean() const;
    Vector<S> runningVariance() const;
    /// Overwrites the EMA statistics (model loading); clears the population window.
    void setRunningStatistics(const Vector<S> &mean, const Vector<S> &variance);
    /// The inference rule.
    BnInference inferenceMode() const { return m_mode; }
    void setInferenceMode(BnInference mode) { m_mode = mode; }
    double momentum() const { return m_momentum; }
    int window() const { return m_window; }
    double eps() const { return m_eps; }
    /// Whether training-mode forwards update the running statistics (on by default; the step-0
    /// snapshot measures the fresh network without touching them).
    void setUpdatesRunningStatistics(bool update) { m_updateRunning = update; }
    /// Whether the last forward used the batch statistics (training mode).
    bool lastForwardTrained() const { return m_lastForwardTrained; }
    /// Number of batches currently in the population window.
    int populationSize() const { return static_cast<int>(m_history.size()); }

private:
    void updateRunningStatistics(Eigen::Index batch);

    BnInference m_mode;
    double m_momentum;
    int m_window;
    double m_eps;
    Matrix<S> m_gamma, m_beta, m_gammaGrad, m_betaGrad;
    Vector<S> m_runningMean, m_runningVar;
    Vector<S> m_batchMean, m_batchVar, m_invStd;
    Vector<S> m_inferenceMean; // the statistics of an inference-mode forward
    // (μ_B, unbiased σ²_B) of the last min(batches, window) batches in a ring that is allocated
    // as it fills and then reused; the oldest is at m_historyNext once the ring is full.
    std::vector<std::pair<Vector<S>, Vector<S>>> m_history;
    std::size_t m_historyNext = 0;
    Matrix<S> m_xhat, m_output, m_gradInput;
    const Matrix<S> *m_input = nullptr, *m_gradOutput = nullptr;
    bool m_lastForwardTrained = false;
    bool m_updateRunning = true;
};

} // namespace layerlens::core
