#pragma once

#include "core/diagnostics.h"
#include "core/statistics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace layerlens::core {

/// Gradient magnitudes of one hidden layer (definitions in docs/stats-format.md).
struct GradientStats {
    double weightNorm = 0.0;   ///< ‖∂L/∂W‖ Frobenius
    double biasNorm = 0.0;     ///< ‖∂L/∂b‖
    double backStd = 0.0;      ///< std of the back-propagated ∂L/∂a over the batch
    Histogram backHist;        ///< histogram of ∂L/∂a (adaptive symmetric range)
    double updateRatio = 0.0;  ///< ‖ΔW‖/‖W‖ of the update just applied (0 at step 0)
};

/// Weight distribution of one hidden layer's Dense.
struct WeightStats {
    double mean = 0.0, std = 0.0;
    Histogram hist;
    int distinctNeurons = 0;   ///< neurons with different incoming weights and bias
};

/// BatchNorm state of one hidden layer: the batch statistics training uses versus the running
/// statistics inference uses, averaged over the features, and how far apart they are.
struct BatchNormStats {
    double batchMean = 0.0, batchVar = 0.0;     ///< mean over features of μ_B and of σ²_B (biased)
    double runningMean = 0.0, runningVar = 0.0; ///< mean over features of the inference statistics
    double meanGap = 0.0;      ///< mean over features of |μ_B − running mean|
    double varGap = 0.0;       ///< mean over features of |σ²_B − running var|
    double gammaMean = 1.0, gammaStd = 0.0, betaMean = 0.0, betaStd = 0.0;
};

/// Everything measured for one hidden layer on one mini-batch.
struct LayerStats {
    int index = 0;             ///< 1-based, input side first
    int width = 0;
    Summary pre;               ///< z, after BatchNorm when it is on
    Summary act;               ///< a = f(z)
    double saturated = 0.0;    ///< fraction of entries with f'(z) < 1% of max f' (sigmoid, tanh, ELU)
    double dead = 0.0;         ///< fraction of units with z ≤ 0 on every sample (ReLU, Leaky ReLU, ELU)
    int deadUnits = 0;
    bool flatBelowZero = false; ///< f′(z) = 0 for z < 0 (ReLU, Leaky ReLU with slope 0): a dead unit gets no gradient
    GradientStats grad;
    WeightStats weight;
    bool hasBatchNorm = false;
    BatchNormStats bn;
};

/// BatchNorm's two modes on the same probe (the first 128 training samples), dropout off: normalised
/// in batch-size chunks by each chunk's own statistics (as in training) and by the running
/// statistics (as in inference). Measured only when BatchNorm is on (docs/stats-format.md).
struct BatchNormModes {
    double batchLoss = 0.0, batchAcc = 0.0;     ///< with each chunk's μ_B, σ²_B
    double runningLoss = 0.0, runningAcc = 0.0; ///< with the running statistics
    double disagreement = 0.0;                  ///< fraction of probe samples whose predicted class differs
};

/// What the trainer knows after a step: an immutable value, shared as shared_ptr<const Snapshot>.
struct Snapshot {
    long long step = 0;
    double epoch = 0.0;            ///< training samples seen / training set size
    std::uint64_t configId = 0;    ///< changes whenever the network is rebuilt
    double trainLoss = 0.0, trainAcc = 0.0; ///< of the mini-batch of this step, before its update
    double testLoss = 0.0, testAcc = 0.0;   ///< of the last test evaluation
    long long testStep = -1;       ///< step of that evaluation, −1 before the first (or without a test split)
    bool diverged = false;
    long long divergedAt = 0;      ///< the first step whose loss, gradient or weight was NaN/Inf
    std::string divergence;        ///< what became NaN/Inf
    double stepsPerSecond = 0.0;
    bool hasBnModes = false;       ///< BatchNorm is on and bnModes was measured
    BatchNormModes bnModes;
    std::vector<LayerStats> layers;
    std::vector<Diagnostic> diagnostics; ///< active at this step
};

} // namespace layerlens::core
