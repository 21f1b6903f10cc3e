#pragma once

#include <QList>
#include <QPointF>

QT_BEGIN_NAMESPACE
class QChart;
class QXYSeries;
QT_END_NAMESPACE

namespace layerlens::ui {

/// Reduces a polyline to what a plot `columns` pixels wide can show (the M4 aggregation of Jugel
/// et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014). `points`
/// must be ordered by x; the x range [xMin, xMax] is cut into `columns` equal columns, and of the
/// points in each column only the first, the last, the lowest and the highest are kept, in their
/// order. A line through the kept points covers, in every column, the same vertical extent as the
/// line through all of them and joins adjacent columns with the same segment, so at that
/// resolution the two draw the same pixels but for the rasterizer's rounding at turning points
/// (tst_ui_linedecimation: 19 of 13 621 pixels of a 4096-point walk on 400 columns, each moved to
/// a neighbouring pixel). Every kept point is one of the input points, unchanged.
///
/// `out` gets at most 4·columns points; it gets all of `points` when `columns` ≤ 0 (no
/// decimation) or when `points` has no more than 2·columns of them. History lines hold up to 4096
/// points each, and Qt Charts strokes every point of a line again whenever the line or its axes
/// change: on a plot 500 px wide this keeps a frame's cost bounded by the plot, not by the run.
void decimateLine(const QList<QPointF> &points, qreal xMin, qreal xMax, int columns, QList<QPointF> &out);

/// Pixel columns of `chart`'s plot on screen (its width in device pixels), or 0 while the plot
/// has no width yet (draw every point).
int plotColumns(const QChart *chart);

/// The lines of a chart, each filled through decimateLine() over its own x range, remembering
/// the columns they were decimated for, so that a plot that changes width gets them again.
class DecimatedLines {
public:
    /// Starts filling the lines for a plot `columns` wide (0: every point).
    void begin(int columns)
    {
        m_target = columns;
        m_columns = 0;
    }
    /// Sets the points of `series` to `points` (ordered by x), decimated if its pen is solid and
    /// opaque (a translucent line darkens where it crosses itself, and dashes follow the length
    /// of the path: those look different through fewer points and keep them all).
    void replace(QXYSeries *series, const QList<QPointF> &points);
    /// Whether a line was decimated for another width than `columns` (draw them again: a wider
    /// plot would lose detail, a narrower one carry points it cannot show).
    bool decimatedForOther(int columns) const { return m_columns > 0 && columns != m_columns; }

private:
    int m_target = 0;
    int m_columns = 0; // columns a line was decimated for since begin(), 0 if none was
    QList<QPointF> m_kept;
};

} // namespace layerlens::ui
