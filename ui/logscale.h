#pragma once

#include <limits>

namespace layerlens::ui {

/// The range of a logarithmic axis fitted to positive values, in whole decades: from at least
/// half a decade below the smallest value (but not below kFloor) to the decade above the largest,
/// at least `minDecades` wide. A log axis cannot show 0, so values below the axis are clamped onto its bottom edge and
/// flagged: `hasUnderflow()` for values below the float range (0, float denormals, < ~1.2e−38),
/// `hasBelowFloor()` for positive values under kFloor. Views then say so instead of drawing a
/// number that was never measured.
class LogScale {
public:
    /// Smallest normal float32: a statistic of float values below it has underflowed.
    static constexpr double kUnderflow = std::numeric_limits<float>::min();
    /// Lowest bottom of the axis, 1e−12: below it every gradient is "no signal" anyway, and a
    /// deeper axis would squash the decades that matter.
    static constexpr int kFloorExponent = -12;
    static constexpr double kFloor = 1e-12;
    /// Largest value drawn; above it (only reachable in double, never by a float statistic) a
    /// value is treated like ±Inf.
    static constexpr double kCeiling = 1e300;

    explicit LogScale(int minDecades = 2);
    /// At most about `labels` labelled ticks (at least 2; 8 by default). A vertical axis fits
    /// one label per ~20 px: see labelsForHeight().
    void setMaxLabels(int labels);
    /// How many log-axis labels a plot `height` px high shows without Qt eliding them to "...".
    static int labelsForHeight(double height);

    /// Takes `value` into account. Returns false, and ignores it, for NaN, ±Inf, negative values
    /// and values above kCeiling, which a log axis cannot show.
    bool add(double value);
    /// No value was added (or only ignored ones).
    bool empty() const { return !m_hasPositive && !m_hasUnderflow; }
    /// Some value was below the float range (0 included).
    bool hasUnderflow() const { return m_hasUnderflow; }
    /// Some positive value, not an underflow, was below the bottom of the axis (kFloor).
    bool hasBelowFloor() const;

    /// Exponent of the axis bottom: 10^lowerExponent() < every value that is ≥ kFloor.
    int lowerExponent() const;
    /// Exponent of the axis top; a whole number of labelExponentStep() above the bottom.
    int upperExponent() const;
    /// 10^lowerExponent() and 10^upperExponent().
    double lower() const;
    double upper() const;
    /// Decades between two labelled ticks, so that at most about maxLabels labels share the axis.
    int labelExponentStep() const;
    /// Where `value` (accepted by add()) is drawn: itself, or lower() when it is below the axis.
    double clamp(double value) const;

private:
    int rawLowerExponent() const;
    int rawUpperExponent() const;

    int m_minDecades;
    int m_maxLabels = 8;
    bool m_hasPositive = false;  // a value ≥ kUnderflow
    bool m_hasUnderflow = false;
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = 0.0;
};

} // namespace layerlens::ui
