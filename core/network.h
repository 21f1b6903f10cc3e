#pragma once

#include "core/activation.h"
#include "core/batchnorm.h"
#include "core/dense.h"
#include "core/dropout.h"
#include "core/initializer.h"
#include "core/loss.h"
#include "core/optimizer.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace layerlens::core {

/// Limits of the network a config may ask for.
inline constexpr int kMaxDepth = 50;
inline constexpr int kMaxWidth = 2048;
inline constexpr int kMaxMaxoutPieces = 16;

/// The architecture, a plain value type. Field names follow the config keys of docs/config.md.
struct NetworkConfig {
    int inputs = 2;                   ///< input features, ≥ 1
    int classes = 2;                  ///< output units, ≥ 1
    int depth = 3;                    ///< hidden layers, 1–50
    std::vector<int> widths{64};      ///< `width`: one value for all hidden layers, or one per layer; 1–2048
    ActivationKind activation = ActivationKind::Tanh;
    double leakySlope = 0.01;         ///< `leaky_slope`, [0, 1]
    double eluAlpha = 1.0;            ///< `elu_alpha`, > 0
    int maxoutPieces = 2;             ///< `maxout_pieces`, 2–16
    InitSpec init;                    ///< `init`, `init_std`, `init_bound`, `init_constant`
    bool batchNorm = false;           ///< `batchnorm`
    BnInference bnInference = BnInference::Ema; ///< `bn_inference`
    double bnMomentum = 0.1;          ///< `bn_momentum`, (0, 1]
    int bnWindow = 100;               ///< `bn_window`, batches averaged in population mode, ≥ 1
    double bnEps = 1e-5;
    double dropout = 0.0;             ///< `dropout`, [0, 1)
    LossKind loss = LossKind::CrossEntropy;
    std::uint64_t seed = 1;           ///< drives initialisation and dropout masks

    /// Width of hidden layer `layer` (0-based).
    int widthOf(int layer) const;
    /// Throws std::invalid_argument naming the first invalid field.
    void validate() const;
};

/// One hidden block: Dense → (BatchNorm) → activation (or Maxout) → Dropout.
template <typename S>
struct HiddenLayer {
    std::unique_ptr<Dense<S>> dense;         ///< for Maxout it computes all k pieces (k·width rows)
    std::unique_ptr<BatchNorm<S>> batchNorm; ///< null when BatchNorm is off
    std::unique_ptr<Layer<S>> activation;    ///< Activation<S> or Maxout<S>
    std::unique_ptr<Dropout<S>> dropout;     ///< always present; rate 0 is the identity
    const Matrix<S> *preActivation = nullptr;      ///< z of the last forward (after BN when on)
    const Matrix<S> *activationOutput = nullptr;   ///< a = f(z) of the last forward
    const Matrix<S> *activationGradient = nullptr; ///< ∂L/∂a of the last backward
};

/// What one training step did.
struct StepResult {
    StepStatus status = StepStatus::Ok;
    long long step = 0;      ///< 1 for the first update; a Diverged result names the bad step
    double loss = 0.0;       ///< training loss of the mini-batch, before the update
    double accuracy = 0.0;   ///< training accuracy of the mini-batch, before the update
    std::string reason;      ///< what became NaN/Inf, for Diverged
};

/// Loss and accuracy of an evaluation.
struct Evaluation {
    double loss = 0.0;
    double accuracy = 0.0;
};

/// [Dense → (BatchNorm) → activation → Dropout] × depth → Dense → loss.
/// Deterministic: the same config (seed included) gives bit-identical results.
template <typename S>
class Network {
public:
    /// Validates `config` and initialises every Dense layer from the seed (biases 0).
    explicit Network(const NetworkConfig &config);

    Network(const Network &) = delete;
    Network &operator=(const Network &) = delete;

    /// Forward pass; `input` is inputs × batch and must stay alive until backward. Returns the
    /// output layer's values (classes × batch).
    ///
    /// When no dropout mask is drawn and the products are large (splitsForwardByColumns), the
    /// batch is cut in two column halves, and the training thread and the products' helper
    /// (shareWork) each run one half through the layers: one hand-over per forward instead of one
    /// per product, and the activations too run on both cores. A training-mode BatchNorm needs
    /// every column of its input, so there the halves meet: its features are shared between the
    /// two threads (BatchNorm::forwardFeatures, the same two ranges its forward() computes), and
    /// the column halves go on from its output. A half gets the same bits whichever thread runs
    /// it and the cut depends on the shapes alone, so a run stays reproducible; against an
    /// unsplit forward the values may differ in the last place (tests/core/tst_network:
    /// splitForwardMatchesWholeForward).
    const Matrix<S> &forward(const Matrix<S> &input);
    /// True when forward(input) is split by columns: productSplitFlops() is finite, each half has
    /// at least kMinColumnsPerHalf columns (a batch of 128 or more), every layer but BatchNorm is
    /// columnwise() (no dropout mask is drawn),
    /// and the hidden Dense products average at least productSplitFlops() / kPairFraction flops
    /// (4·10⁶ by default: the benchmarks' 784-input depth-10 network from width 64 at batch 256,
    /// where the first layer lifts the average; a hidden 64 × 64 product there is 2·10⁶).
    bool splitsForwardByColumns(const Matrix<S> &input) const;
    /// True when a training step on a batch of `batch` columns keeps the products' helper busy:
    /// productSplitFlops() is finite and the hidden Dense products average at least
    /// productSplitFlops() / kPairFraction flops, so the backward's products run in pairs. The
    /// helper is then awake when the update comes, and trainStep shares the update with it.
    bool keepsHelperBusy(Eigen::Index batch) const;
    /// Whether the last forward was split by columns.
    bool lastForwardSplit() const { return m_lastForwardSplit; }
    /// Whether the last backward computed the activations' gradients in two column halves, and
    /// a training-mode BatchNorm's in its two feature ranges, shared with the products' helper
    /// when it is free (when keepsHelperBusy and the halves have kMinColumnsPerHalf columns, cut
    /// at forwardCut); the same bits as in one piece.
    bool lastBackwardSplit() const { return m_lastBackwardSplit; }
    /// Fewest columns in each half of a split forward.
    static constexpr Eigen::Index kMinColumnsPerHalf = 64;
    /// Where a split forward of `columns` columns cuts: the middle, rounded to a multiple of 16.
    static Eigen::Index forwardCut(Eigen::Index columns);
    /// The loss of the last forward against `labels`.
    S loss(Labels labels);
    /// Back-propagates the last loss, filling every parameter gradient.
    void backward();
    /// Forward, loss, backward, checks, update. Returns Diverged (and changes nothing) when the
    /// loss or a gradient is NaN/Inf, or when the update made a weight NaN/Inf; after that every
    /// call returns the same Diverged result.
    StepResult trainStep(const Matrix<S> &input, Labels labels, Optimizer<S> &optimizer);
    /// Loss and accuracy in inference mode, evaluated in chunks; the mode is restored after.
    Evaluation evaluate(const Matrix<S> &input, Labels labels, int chunk = 1024);

    /// Every learnable tensor, in layer order.
    std::vector<Parameter<S>> parameters() { return m_parameters; }
    /// Training or inference mode for BatchNorm and Dropout of the whole network.
    void setTraining(bool training);
    bool isTraining() const { return m_training; }
    /// Changes the dropout probability of every hidden layer between steps.
    void setDropoutRate(double rate);
    /// Makes backward also compute ∂L/∂input (off by default: training does not need it).
    void setComputeInputGradient(bool compute);
    /// A flag checked between layers: when it becomes true, forward and backward throw
    /// Interrupted, so a huge step can be abandoned within one layer's time (shutdown). Null: never.
    void setInterruptFlag(const std::atomic<bool> *flag) { m_interrupt = flag; }
    /// ∂L/∂input of the last backward, inputs × batch (empty unless enabled).
    const Matrix<S> &inputGradient() const { return *m_inputGradient; }

    const NetworkConfig &config() const { return m_config; }
    std::vector<HiddenLayer<S>> &hiddenLayers() { return m_hidden; }
    const std::vector<HiddenLayer<S>> &hiddenLayers() const { return m_hidden; }
    Dense<S> &outputLayer() { return *m_output; }
    const Dense<S> &outputLayer() const { return *m_output; }
    Loss<S> &lossFunction() { return *m_loss; }
    /// Successful updates so far.
    long long steps() const { return m_steps; }
    /// True once a step diverged.
    bool diverged() const { return m_diverged.status == StepStatus::Diverged; }

private:
    /// The first parameter whose gradient (or, after the update, value) is NaN or Inf, as a reason.
    std::string firstNonFiniteGradient() const;
    std::string firstNonFiniteValue(const Optimizer<S> &optimizer) const;

    NetworkConfig m_config;
    std::vector<HiddenLayer<S>> m_hidden;
    std::vector<Parameter<S>> m_parameters;      // built once: a step allocates nothing
    std::vector<const Dense<S> *> m_gradientOwner; // per parameter: its Dense layer, or null
    std::unique_ptr<Dense<S>> m_output;
    std::unique_ptr<Loss<S>> m_loss;
    const Matrix<S> *m_lastOutput = nullptr;
    const Matrix<S> *m_inputGradient = nullptr;
    Matrix<S> m_empty;
    bool m_training = true;
    long long m_steps = 0;
    StepResult m_diverged;
    const std::atomic<bool> *m_interrupt = nullptr;
    // The forward's layers in order (hidden blocks, then the output layer) and, at the same
    // index, the BatchNorm or null: a split forward runs them in stages between training-mode
    // BatchNorms.
    std::vector<Layer<S> *> m_sequence;
    std::vector<BatchNorm<S> *> m_sequenceBatchNorm;
    // The current split: its cut, the stage of columnwise layers [m_stageBegin, m_stageEnd) and
    // the BatchNorm whose features are shared (read by the shareWork tasks).
    Eigen::Index m_half = 0, m_columns = 0;
    std::size_t m_stageBegin = 0, m_stageEnd = 0;
    BatchNorm<S> *m_sharedBatchNorm = nullptr;
    bool m_lastForwardSplit = false;
    bool m_lastBackwardSplit = false;

    /// Both halves of a split forward: runs columns [begin, begin + count) through the layers of
    /// the current stage.
    void forwardColumns(Eigen::Index begin, Eigen::Index count);
    /// Both parts of a shared BatchNorm: features [0, featureCut) for part 0, the rest for 1.
    void batchNormFeatures(int part, bool forward);

    void checkInterrupt() const
    {
        if (m_interrupt && m_interrupt->load(std::memory_order_relaxed))
            throw Interrupted();
    }
};

} // namespace layerlens::core
