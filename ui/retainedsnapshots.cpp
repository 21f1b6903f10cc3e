#include "ui/retainedsnapshots.h"

#include <stdexcept>

namespace layerlens::ui {

RetainedSnapshots::RetainedSnapshots(std::size_t capacity) : m_capacity(capacity)
{
    if (capacity < 2)
        throw std::invalid_argument("RetainedSnapshots: capacity must be >= 2");
}

void RetainedSnapshots::add(std::shared_ptr<const core::Snapshot> snapshot)
{
    if (!snapshot)
        return;
    // A second measurement of the same step (e.g. taken when a single step finishes) replaces
    // the first instead of counting as a new sample.
    if (m_newest && m_newest->step == snapshot->step) {
        m_newest = std::move(snapshot);
        return;
    }
    if (!m_newest && !m_sampled.empty() && m_sampled.back()->step == snapshot->step) {
        m_sampled.back() = std::move(snapshot);
        return;
    }
    const std::size_t number = m_count++;
    if (number % m_stride != 0) {
        m_newest = std::move(snapshot);
        return;
    }
    m_newest.reset();
    m_sampled.push_back(std::move(snapshot));
    // Room is left for one newest snapshot off the stride, so size() never exceeds the capacity.
    if (m_sampled.size() < m_capacity)
        return;
    // Keep arrival numbers 0, 2·stride, 4·stride, ... (even indices). When the one just added
    // falls out, it is still the newest and stays as such.
    std::shared_ptr<const core::Snapshot> last = m_sampled.back();
    const bool lastDropped = (m_sampled.size() - 1) % 2 != 0;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_sampled.size(); i += 2)
        m_sampled[kept++] = std::move(m_sampled[i]);
    m_sampled.resize(kept);
    m_stride *= 2;
    if (lastDropped)
        m_newest = std::move(last);
}

void RetainedSnapshots::clear()
{
    m_sampled.clear();
    m_newest.reset();
    m_stride = 1;
    m_count = 0;
}

std::vector<std::shared_ptr<const core::Snapshot>> RetainedSnapshots::snapshots() const
{
    std::vector<std::shared_ptr<const core::Snapshot>> all = m_sampled;
    if (m_newest)
        all.push_back(m_newest);
    return all;
}

} // namespace layerlens::ui
