#pragma once

#include "core/snapshot.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace layerlens::ui {

/// The snapshots of the current run kept for "Export statistics", bounded in memory and evenly
/// sampled however long the run is.
///
/// Snapshots are numbered in arrival order (0 = step 0). Only those whose number is a multiple of
/// the stride are kept, plus always the newest. When the kept ones would exceed the capacity,
/// every other one is dropped (step 0 stays) and the stride doubles, so older and newer parts of
/// the run stay sampled alike (the policy of core::Series, for whole snapshots). Not
/// thread-safe; the worker thread owns it.
class RetainedSnapshots {
public:
    /// The worker's bound: at most this many snapshots of one run stay in memory.
    static constexpr std::size_t kDefaultCapacity = 2048;

    /// Throws std::invalid_argument when `capacity` < 2 (step 0 and the newest).
    explicit RetainedSnapshots(std::size_t capacity = kDefaultCapacity);

    /// Adds the newest snapshot. One with the same step as the newest replaces it (a measurement
    /// repeated at the same step); a null pointer is ignored.
    void add(std::shared_ptr<const core::Snapshot> snapshot);
    /// Forgets everything (a new run).
    void clear();
    /// The kept snapshots, oldest first: step 0 (when it was added) and the newest included.
    std::vector<std::shared_ptr<const core::Snapshot>> snapshots() const;
    /// How many are kept (≤ capacity()).
    std::size_t size() const { return m_sampled.size() + (m_newest ? 1 : 0); }
    std::size_t capacity() const { return m_capacity; }
    /// Every stride()-th snapshot is kept.
    std::size_t stride() const { return m_stride; }

private:
    std::size_t m_capacity;
    std::size_t m_stride = 1;
    std::size_t m_count = 0;  // snapshots added since clear(): the arrival number of the next
    std::vector<std::shared_ptr<const core::Snapshot>> m_sampled; // arrival numbers 0, stride, 2·stride, ...
    std::shared_ptr<const core::Snapshot> m_newest; // the newest when it is not on the stride
};

} // namespace layerlens::ui
