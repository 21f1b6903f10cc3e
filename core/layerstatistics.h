#pragma once

#include "core/network.h"
#include "core/snapshot.h"

#include <atomic>
#include <vector>

namespace layerlens::core {

/// Measures hidden layer `layer` (its buffers from the last forward and backward; `index` is
/// 1-based) as docs/stats-format.md defines. `update` holds how far the update just applied
/// moved the Dense weight (for ‖ΔW‖/‖W‖) and, when recorded, Σ g² of its gradient (for ‖∇W‖,
/// otherwise read from the gradient), or is nullptr when none was measured (step 0).
template <typename S>
LayerStats measureLayer(const HiddenLayer<S> &layer, int index, const NetworkConfig &config, int bins,
                        const UpdateNorms *update);

/// Measures every hidden layer into `out` (one entry per layer, in order), the two halves of
/// each layer (activations; gradients and weights) shared between the calling thread and the
/// products' helper (shareWork): the numbers are measureLayer's whichever thread computes them.
/// `optimizer` is the one whose last step, asked for with Optimizer::measureNextUpdate(),
/// updated these layers (its UpdateNorms give ‖ΔW‖/‖W‖ and ‖∇W‖),
/// or nullptr at step 0. Returns false, `out` incomplete, when `interrupt` was raised.
template <typename S>
bool measureLayers(const std::vector<HiddenLayer<S>> &layers, const NetworkConfig &config, int bins,
                   const Optimizer<S> *optimizer, std::vector<LayerStats> &out,
                   const std::atomic<bool> *interrupt = nullptr);

} // namespace layerlens::core
