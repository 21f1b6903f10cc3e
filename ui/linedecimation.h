#pragma once

#include <QList>
#include <QPointF>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QPen;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace layerlens::ui {

/// Reduces a polyline to what a plot `columns` pixels wide can show (the M4 aggregation of Jugel
/// et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014). `points`
/// must be finite and ordered by x; the x range [xMin, xMax] (the plot's axis range) is cut into
/// `columns` equal columns, and of the points in each column only the first, the last, the lowest
/// and the highest are kept, in their order. A line through the kept points covers, in every
/// column, the same vertical extent as the line through all of them and joins adjacent columns
/// with the same segment. With columns as wide as the plot's pixels the two draw the same pixels
/// but for the rasterizer's rounding at turning points (tst_ui_linedecimation: 19 of 13 621 pixels
/// of a 4096-point walk on 400 columns, each moved to a neighbouring pixel); on a real plot the
/// columns have the pixels' width but not their offset, so a kept extreme may also land in the
/// neighbouring pixel. Every kept point is one of the input points, unchanged.
///
/// `out` gets at most 4·columns points; it gets all of `points` when `columns` ≤ 0 (no
/// decimation), when xMax ≤ xMin, or when `points` has no more than 2·columns of them. History
/// lines hold up to 4096 points each, and Qt Charts strokes every point of a line again whenever
/// the line or its axes change: on a plot 500 px wide this keeps a frame's cost bounded by the
/// plot, not by the length of the run.
void decimateLine(const QList<QPointF> &points, qreal xMin, qreal xMax, int columns, QList<QPointF> &out);
/// The indices of the points decimateLine() keeps, increasing.
void decimatedIndices(const QList<QPointF> &points, qreal xMin, qreal xMax, int columns, std::vector<qsizetype> &kept);

/// Pixel columns of `chart`'s plot on screen (its width in device pixels), or 0 while the plot
/// has no width yet (draw every point).
int plotColumns(const QChart *chart);

/// The lines of a chart filled through decimateLine(), remembering the columns they were filled
/// for: a view fills them again (without touching its axes, so no relayout follows) when its
/// plot's width changes.
class DecimatedLines {
public:
    /// Starts filling the lines for a plot `columns` device pixels wide (0: every point) whose
    /// x axis shows [xMin, xMax].
    void begin(int columns, qreal xMin, qreal xMax);
    /// The same for the plot of `chart`, whose x axis is `xAxis`, as it is now: plotColumns()
    /// wide, or every point when `everyPoint`.
    void begin(const QChart *chart, const QValueAxis *xAxis, bool everyPoint);
    /// Sets the points of `series` to `points` (finite, ordered by x), decimated if `drawnWith`,
    /// the pen the line is drawn with, is solid and opaque (a translucent line darkens where it
    /// crosses itself, and dashes follow the length of the path: those would look different
    /// through fewer points and keep them all).
    void replace(QXYSeries *series, const QList<QPointF> &points, const QPen &drawnWith);
    /// The same into `out`, for lines that are not series (PlotLines).
    void decimate(const QList<QPointF> &points, const QPen &drawnWith, QList<QPointF> &out);
    /// The two edges of a filled band, decimated together into `upperOut` and `lowerOut`: each
    /// keeps the steps either of them keeps, so they meet the same steps and cannot cross between
    /// them. Whole when their steps differ.
    void decimateBand(const QList<QPointF> &upperPoints, const QList<QPointF> &lowerPoints, QList<QPointF> &upperOut,
                      QList<QPointF> &lowerOut);
    /// Whether the lines were last filled for a plot `columns` wide showing [xMin, xMax].
    bool filledFor(int columns, qreal xMin, qreal xMax) const
    {
        return columns == m_columns && (columns == 0 || (xMin == m_xMin && xMax == m_xMax));
    }
    /// Whether begin(chart, xAxis, everyPoint) now would fill the lines as they were last filled
    /// (if not, the plot's width or range changed: fill them again).
    bool filledFor(const QChart *chart, const QValueAxis *xAxis, bool everyPoint) const;

private:
    /// m_kept: the indices of `points` to draw with `drawnWith`.
    void keep(const QList<QPointF> &points, const QPen &drawnWith);
    void fill(QXYSeries *series, const QList<QPointF> &points, const std::vector<qsizetype> &kept);

    int m_columns = 0;
    qreal m_xMin = 0.0, m_xMax = 0.0;
    std::vector<qsizetype> m_kept, m_keptToo, m_union;
    QList<QPointF> m_points;
};

} // namespace layerlens::ui
