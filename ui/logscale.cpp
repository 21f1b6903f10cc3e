#include "ui/logscale.h"

#include <algorithm>
#include <cmath>

namespace layerlens::ui {

namespace {
// The bottom sits at least this many decades below the smallest value, so that the shortest bar
// still has a visible height and is not mistaken for a value on the bottom edge.
constexpr double kBottomMargin = 0.5;
// And the top this much above the largest, so that a value on a whole decade (a reference line
// at 1e−3) is not drawn on the top edge.
constexpr double kTopMargin = 0.02;
// Decades of an axis with nothing on it.
constexpr int kEmptyLowerExponent = -4;
// Qt Charts gives each label of a vertical axis height / count − 2 × 4 px of padding and
// elides a label taller than that; a label is ~15 px high.
constexpr double kLabelPitch = 24.0;
} // namespace

LogScale::LogScale(int minDecades) : m_minDecades(std::max(1, minDecades)) {}

void LogScale::setMaxLabels(int labels)
{
    m_maxLabels = std::max(2, labels);
}

int LogScale::labelsForHeight(double height)
{
    return std::clamp(static_cast<int>(height / kLabelPitch), 2, 8);
}

bool LogScale::add(double value)
{
    if (!std::isfinite(value) || value < 0.0 || value > kCeiling)
        return false;
    if (value < kUnderflow) {
        m_hasUnderflow = true;
        return true;
    }
    m_hasPositive = true;
    m_min = std::min(m_min, value);
    m_max = std::max(m_max, value);
    return true;
}

bool LogScale::hasBelowFloor() const
{
    return m_hasPositive && m_min < lower();
}

int LogScale::rawLowerExponent() const
{
    if (!m_hasPositive)
        return m_hasUnderflow ? kFloorExponent : kEmptyLowerExponent;
    return std::max(kFloorExponent, static_cast<int>(std::floor(std::log10(m_min) - kBottomMargin)));
}

int LogScale::rawUpperExponent() const
{
    if (!m_hasPositive)
        return 0;
    return static_cast<int>(std::ceil(std::log10(m_max) + kTopMargin));
}

int LogScale::lowerExponent() const
{
    // Widen to the minimum span, half below and half above; below only down to the floor.
    const int low = rawLowerExponent();
    const int high = std::max(rawUpperExponent(), low);
    const int deficit = std::max(0, m_minDecades - (high - low));
    const int down = std::min((deficit + 1) / 2, low - kFloorExponent);
    return low - std::max(0, down);
}

int LogScale::labelExponentStep() const
{
    const int low = lowerExponent();
    const int high = std::max(rawUpperExponent(), low + m_minDecades);
    return std::max(1, (high - low + m_maxLabels - 1) / m_maxLabels);
}

int LogScale::upperExponent() const
{
    const int low = lowerExponent();
    const int high = std::max(rawUpperExponent(), low + m_minDecades);
    const int step = labelExponentStep();
    return low + step * ((high - low + step - 1) / step);
}

double LogScale::lower() const
{
    return std::pow(10.0, lowerExponent());
}

double LogScale::upper() const
{
    return std::pow(10.0, upperExponent());
}

double LogScale::clamp(double value) const
{
    return std::max(value, lower());
}

} // namespace layerlens::ui
