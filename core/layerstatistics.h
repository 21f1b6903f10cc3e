#pragma once

#include "core/network.h"
#include "core/snapshot.h"

#include <type_traits>

namespace layerlens::core {

/// Measures hidden layer `layer` (its buffers from the last forward and backward; `index` is
/// 1-based) as docs/stats-format.md defines. `previousWeight` is the Dense weight before the
/// update just applied (for ‖ΔW‖/‖W‖), or nullptr at step 0.
template <typename S>
LayerStats measureLayer(const HiddenLayer<S> &layer, int index, const NetworkConfig &config, int bins,
                        const std::type_identity_t<Matrix<S>> *previousWeight);

} // namespace layerlens::core
