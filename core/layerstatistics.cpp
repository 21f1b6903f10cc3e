#include "core/layerstatistics.h"

#include "core/matrixproduct.h"
#include "core/statistics.h"

#include <cmath>
#include <limits>

namespace layerlens::core {

namespace {

/// The two halves of a layer's measurement, which write disjoint fields of `s`: what the
/// forward pass left (z, a) and what the backward pass and the update left (gradients, weights,
/// BatchNorm). measureLayers shares the halves of all layers between two threads, which
/// balances them better than whole layers (the first layer's weights are 784 wide).
template <typename S>
void measureActivations(const HiddenLayer<S> &layer, const NetworkConfig &config, int bins, LayerStats &s)
{
    const Matrix<S> &z = *layer.preActivation;
    const Matrix<S> &a = *layer.activationOutput;
    PercentileOrder order;
    s.pre = summarize(z, bins, HistogramRange{}, &order);
    if (dynamic_cast<const Activation<S> *>(layer.activation.get())) {
        // Every element-wise activation here is non-decreasing, so a's percentiles sit where z's do.
        s.act = summarizeMonotone(a, bins, activationRange(config.activation), order);
    } else {
        s.act = summarize(a, bins, activationRange(config.activation));
    }
    s.saturated = saturatedFraction(a, config.activation, config.eluAlpha);
    s.deadUnits = deadUnits(z, config.activation);
    s.dead = static_cast<double>(s.deadUnits) / static_cast<double>(z.rows());
    s.flatBelowZero = config.activation == ActivationKind::Relu
                      || (config.activation == ActivationKind::LeakyRelu && config.leakySlope == 0.0);
}

template <typename S>
void measureParameters(const HiddenLayer<S> &layer, int bins, const NetworkConfig &config, const UpdateNorms *update,
                       LayerStats &s)
{
    const Dense<S> &dense = *layer.dense;
    const Matrix<S> &gw = dense.weightGradient();
    // A measured update summed Σ g² of this gradient on its way (the same blocks, in L1 then).
    s.grad.weightNorm = std::sqrt(update && update->gradientSquared ? *update->gradientSquared
                                                                    : blockSumSquares(gw.data(), gw.size()));
    const Matrix<S> &gb = dense.biasGradient();
    s.grad.biasNorm = std::sqrt(blockSumSquares(gb.data(), gb.size()));
    // The gradient's and the weights' std and histogram come from one summary each (no
    // percentiles): a pass for the moments and one count. Over every entry, as the format says,
    // so a NaN or Inf entry makes them NaN rather than a figure over the rest.
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    if (layer.activationGradient && layer.activationGradient->size() > 0) {
        Summary back = summarize(*layer.activationGradient, bins, HistogramRange{}, nullptr, false);
        s.grad.backStd = back.nonFinite == 0 ? back.std : kNaN;
        s.grad.backHist = std::move(back.hist);
    }
    const Matrix<S> &w = dense.weight();
    if (update && update->beforeSquared > 0.0)
        s.grad.updateRatio = std::sqrt(update->changeSquared) / std::sqrt(update->beforeSquared);
    Summary weight = summarize(w, bins, HistogramRange{}, nullptr, false);
    s.weight.mean = weight.nonFinite == 0 ? weight.mean : kNaN;
    s.weight.std = weight.nonFinite == 0 ? weight.std : kNaN;
    s.weight.hist = std::move(weight.hist);
    if (config.activation == ActivationKind::Maxout) {
        // A Maxout unit is its k pieces: unit j is rows j, j+width, ..., so compare those together.
        const int pieces = config.maxoutPieces, width = s.width;
        Matrix<S> units(width, w.cols() * pieces), biases(width, pieces);
        for (int p = 0; p < pieces; ++p) {
            units.middleCols(p * w.cols(), w.cols()) = w.middleRows(static_cast<Eigen::Index>(p) * width, width);
            biases.col(p) = dense.bias().middleRows(static_cast<Eigen::Index>(p) * width, width);
        }
        Matrix<S> all(width, units.cols() + pieces);
        all << units, biases;
        s.weight.distinctNeurons = distinctRows(all, Matrix<S>(Matrix<S>::Zero(width, 1)));
    } else {
        s.weight.distinctNeurons = distinctRows(w, dense.bias());
    }

    if (layer.batchNorm) {
        const BatchNorm<S> &bn = *layer.batchNorm;
        s.hasBatchNorm = true;
        const Eigen::VectorXd batchMean = bn.batchMean().template cast<double>();
        const Eigen::VectorXd batchVar = bn.batchVariance().template cast<double>();
        const Eigen::VectorXd runMean = bn.runningMean().template cast<double>();
        const Eigen::VectorXd runVar = bn.runningVariance().template cast<double>();
        s.bn.batchMean = batchMean.mean();
        s.bn.batchVar = batchVar.mean();
        s.bn.runningMean = runMean.mean();
        s.bn.runningVar = runVar.mean();
        s.bn.meanGap = (batchMean - runMean).cwiseAbs().mean();
        s.bn.varGap = (batchVar - runVar).cwiseAbs().mean();
        const Eigen::VectorXd gamma = bn.gamma().col(0).template cast<double>();
        const Eigen::VectorXd beta = bn.beta().col(0).template cast<double>();
        s.bn.gammaMean = gamma.mean();
        s.bn.gammaStd = std::sqrt((gamma.array() - s.bn.gammaMean).square().mean());
        s.bn.betaMean = beta.mean();
        s.bn.betaStd = std::sqrt((beta.array() - s.bn.betaMean).square().mean());
    }
}

} // namespace

template <typename S>
LayerStats measureLayer(const HiddenLayer<S> &layer, int index, const NetworkConfig &config, int bins,
                        const UpdateNorms *update)
{
    LayerStats s;
    s.index = index;
    s.width = config.widthOf(index - 1);
    measureActivations(layer, config, bins, s);
    measureParameters(layer, bins, config, update, s);
    return s;
}

template <typename S>
bool measureLayers(const std::vector<HiddenLayer<S>> &layers, const NetworkConfig &config, int bins,
                   const Optimizer<S> *optimizer, std::vector<LayerStats> &out, const std::atomic<bool> *interrupt)
{
    out.assign(layers.size(), LayerStats{});
    for (std::size_t k = 0; k < layers.size(); ++k) {
        out[k].index = static_cast<int>(k) + 1;
        out[k].width = config.widthOf(static_cast<int>(k));
    }
    std::atomic<bool> interrupted{false};
    // Task 2k measures layer k's activations, 2k + 1 its parameters: the same functions as
    // measureLayer, so the numbers do not depend on the thread or the order.
    shareWork(2 * static_cast<int>(layers.size()), [&](int task) {
        if (interrupt && interrupt->load(std::memory_order_relaxed)) {
            interrupted.store(true, std::memory_order_relaxed);
            return;
        }
        const auto k = static_cast<std::size_t>(task / 2);
        if (task % 2 == 0) {
            measureActivations(layers[k], config, bins, out[k]);
        } else {
            const UpdateNorms *update = optimizer ? optimizer->updateNorms(&layers[k].dense->weight()) : nullptr;
            measureParameters(layers[k], bins, config, update, out[k]);
        }
    });
    return !interrupted.load(std::memory_order_relaxed);
}

template LayerStats measureLayer<float>(const HiddenLayer<float> &, int, const NetworkConfig &, int, const UpdateNorms *);
template LayerStats measureLayer<double>(const HiddenLayer<double> &, int, const NetworkConfig &, int,
                                         const UpdateNorms *);

template bool measureLayers<float>(const std::vector<HiddenLayer<float>> &, const NetworkConfig &, int,
                                   const Optimizer<float> *, std::vector<LayerStats> &, const std::atomic<bool> *);
template bool measureLayers<double>(const std::vector<HiddenLayer<double>> &, const NetworkConfig &, int,
                                    const Optimizer<double> *, std::vector<LayerStats> &, const std::atomic<bool> *);

} // namespace layerlens::core
