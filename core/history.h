#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace layerlens::core {

/// One scalar series against the step, bounded in memory. When it holds `capacity` points it
/// halves its resolution (every other point is dropped, the first and the newest kept) and from
/// then on takes one point per doubled stride; the newest value is always present as the last point.
class Series {
public:
    struct Point {
        long long step;
        double value;
    };

    /// Most points a series keeps.
    static constexpr std::size_t kCapacity = 4096;

    explicit Series(std::size_t capacity = kCapacity);
    /// Adds the value at `step` (steps must not decrease).
    void append(long long step, double value);
    /// The kept points, oldest first.
    const std::vector<Point> &points() const { return m_points; }
    /// Steps between two kept points (1 until the first halving).
    long long stride() const { return m_stride; }
    bool empty() const { return m_points.empty(); }

private:
    std::size_t m_capacity;
    std::vector<Point> m_points;
    long long m_stride = 1;
    long long m_appended = 0;     // values offered so far
    bool m_lastIsProvisional = false; // the last point is off the stride grid and will be replaced
};

/// All series of a run by name: "train_loss", "test_acc", "layer3.grad_norm", ...
class History {
public:
    /// Appends to the named series, creating it.
    void append(const std::string &name, long long step, double value);
    /// The named series, or nullptr.
    const Series *find(const std::string &name) const;
    /// Every series, by name.
    const std::map<std::string, Series> &series() const { return m_series; }
    void clear() { m_series.clear(); }

private:
    std::map<std::string, Series> m_series;
};

} // namespace layerlens::core
