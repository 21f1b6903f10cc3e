#include "core/history.h"

#include <stdexcept>

namespace layerlens::core {

Series::Series(std::size_t capacity) : m_capacity(capacity)
{
    if (capacity < 4)
        throw std::invalid_argument("Series: capacity must be >= 4");
    m_points.reserve(capacity + 1);
}

void Series::append(long long step, double value)
{
    const bool onGrid = m_appended % m_stride == 0;
    ++m_appended;
    if (m_lastIsProvisional)
        m_points.pop_back();
    m_points.push_back({step, value});
    m_lastIsProvisional = !onGrid;
    if (m_points.size() < m_capacity)
        return;
    // Halve: keep even positions and the newest point.
    const Point newest = m_points.back();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_points.size(); i += 2)
        m_points[kept++] = m_points[i];
    m_points.resize(kept);
    if (m_points.back().step != newest.step)
        m_points.push_back(newest);
    m_stride *= 2;
    // The newest stays as provisional unless it falls on the new grid.
    m_lastIsProvisional = (m_appended - 1) % m_stride != 0;
}

void History::append(const std::string &name, long long step, double value)
{
    m_series.try_emplace(name).first->second.append(step, value);
}

const Series *History::find(const std::string &name) const
{
    const auto it = m_series.find(name);
    return it == m_series.end() ? nullptr : &it->second;
}

} // namespace layerlens::core
