#pragma once

#include "core/network.h"
#include "core/snapshot.h"

#include <atomic>
#include <type_traits>
#include <vector>

namespace layerlens::core {

/// Measures hidden layer `layer` (its buffers from the last forward and backward; `index` is
/// 1-based) as docs/stats-format.md defines. `previousWeight` is the Dense weight before the
/// update just applied (for ‖ΔW‖/‖W‖), or nullptr at step 0.
template <typename S>
LayerStats measureLayer(const HiddenLayer<S> &layer, int index, const NetworkConfig &config, int bins,
                        const std::type_identity_t<Matrix<S>> *previousWeight);

/// Measures every hidden layer into `out` (one entry per layer, in order), the layers shared
/// between the calling thread and the products' helper (shareWork): each layer's numbers are
/// the same whichever thread computes them. `previousWeights` holds one weight per layer as
/// above, or is nullptr at step 0. Returns false, `out` incomplete, when `interrupt` was raised.
template <typename S>
bool measureLayers(const std::vector<HiddenLayer<S>> &layers, const NetworkConfig &config, int bins,
                   const std::vector<std::type_identity_t<Matrix<S>>> *previousWeights, std::vector<LayerStats> &out,
                   const std::atomic<bool> *interrupt = nullptr);

} // namespace layerlens::core
