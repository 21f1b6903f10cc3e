#pragma once

#include <QGraphicsObject>
#include <QLineF>
#include <QList>
#include <QPointF>
#include <QPointer>
#include <QPolygonF>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QAreaSeries;
class QChart;
class QPen;
QT_END_NAMESPACE

namespace layerlens::ui {

/// Polylines drawn straight into a chart's plot area, for lines that change on every frame.
///
/// A QLineSeries costs two strokes of every point whenever its points or an axis change: Qt Charts
/// strokes the whole line once more to get its hover shape, and paints it one segment at a time,
/// each segment stroked on its own when the pen is wider than a pixel. This item keeps the points
/// in the axes' values and paints each line mapped through the axes' current ranges, so a new
/// frame costs one stroke per line and no geometry work.
///
/// A line that turns back more often than the plot is wide in pixels (a long noisy history:
/// after decimation, a pixel column holds its first, last, lowest and highest point) is a band of
/// noise finer than a pixel. It is drawn 1 px wide whatever its pen (on a screen with 2 device
/// pixels per pixel, one device pixel), in presentation mode and in exports too: the band's
/// width comes from the noise, and a wider pen only merges it into a blob
/// while costing a stroke of every point and the fill of a polygon that crosses itself at every
/// turn; Qt strokes lines of one device pixel the fast way (after 150 s of training, with 2 px
/// lines the Layers page's median frame took 14.8 ms, with 1 px lines 7.0 ms; at a device pixel
/// ratio of 2, frame p99 55 ms with 1 px lines, 22 ms with one device pixel;
/// docs/performance.md). Other lines, however many points they have (a long smooth curve), keep
/// their pen's width.
///
/// Each line takes its pen and its visibility from a series of the chart (`penSources`,
/// typically an empty QLineSeries, or an empty QAreaSeries for the edges of a band, that gives
/// the line its legend entry), so presentation mode's thicker pens and the legend apply. A band
/// between two lines, or the inside of one closed line (a histogram, a bar: setFills()), is
/// filled with its QAreaSeries' brush, as Qt Charts fills an area, under every line; such areas
/// can report the cursor over them (setFillsHoverable()) as QAreaSeries::hovered would. On
/// screen a line wider than a device pixel is stroked as separate segments, which Qt rasterizes
/// the fast way, instead of as one polyline, which it widens through its general
/// stroker, and the inside of a closed line of horizontal and vertical steps (a histogram,
/// a bar) is filled without antialiasing, its edges under its stroke (on the Layers page these
/// took a frame's median from 8.1–8.8 ms to 4.9–5.5 ms; docs/performance.md). The x axis must
/// be a QValueAxis, the y axis a QValueAxis or a QLogValueAxis, neither reversed; the series'
/// opacity is not applied. Lines are clipped to the plot as Qt Charts clips a QLineSeries.
class PlotLines : public QGraphicsObject {
    Q_OBJECT
public:
    PlotLines(QChart *chart, QAbstractAxis *xAxis, QAbstractAxis *yAxis);

    /// One line per series of `penSources` (in that order), drawn with that series' pen (a
    /// QXYSeries or a QAreaSeries); setPoints() fills them. Lines beyond the new count are dropped.
    void setPenSources(const QList<QAbstractSeries *> &penSources);
    /// A region filled with `source`'s brush while `source` is visible, under every line: between
    /// lines `upper` and `lower` (the upper one forwards, the lower one back, closed), or, with
    /// `lower` = kClosed, inside line `upper` closed on itself, as Qt Charts fills an area whose
    /// outline starts and ends on its baseline (a histogram, a bar); the line's own stroke then
    /// closes too, as an area's outline does.
    static constexpr int kClosed = -1;
    struct Fill {
        QAreaSeries *source = nullptr;
        int upper = 0;
        int lower = kClosed;
    };
    /// The fills, drawn in this order (a later one over an earlier one).
    void setFills(const QList<Fill> &fills);
    /// One fill (setFills()); a null `source` removes every fill.
    void setFill(QAreaSeries *source, int upper, int lower);
    int fillCount() const { return static_cast<int>(m_fills.size()); }
    /// With `on`, the item takes the hover events over the plot (where no series of the chart
    /// with points lies over it: it sits under them) and emits fillHovered(fill, true) when the
    /// cursor comes over the horizontal extent of fill
    /// `fill` (the last of the fills there), anywhere in the plot's height: a histogram that is a
    /// thin spike is as easy to point at as a wide one. fillHovered(fill, false) when it leaves.
    void setFillsHoverable(bool on);
    /// The fill whose horizontal extent holds `chartPoint` (chart coordinates) inside the plot,
    /// the last one when several do; -1 if none (or its area is hidden).
    int fillAt(const QPointF &chartPoint) const;
    /// The points of line `line` (ordered by x, finite, positive on a logarithmic axis). A lone
    /// point is drawn as a dot, as QLineSeries draws a visible point.
    void setPoints(int line, QList<QPointF> points);
    QList<QPointF> points(int line) const { return m_points.value(line); }
    int lineCount() const { return static_cast<int>(m_points.size()); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// `point` (axis values) in the chart's coordinates, as this item draws it.
    QPointF mapToChart(const QPointF &point) const;
    /// Whether `mapped` (chart coordinates) turns back, up after down or down after up, more
    /// often than `width` (pixels): such a line is drawn noiseBandWidth() wide.
    static bool isNoiseBand(const QPolygonF &mapped, qreal width);
    /// The width, in pixels, `painter` draws a band of noise with: one device pixel on screen
    /// (half a pixel with 2 device pixels per pixel), 1 px in an export.
    static qreal noiseBandWidth(const QPainter *painter);

signals:
    void fillHovered(int fill, bool entering);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    struct HeldFill {
        QPointer<QAreaSeries> source;
        int upper = -1, lower = kClosed;
    };
    void mapLine(qsizetype line, QPolygonF &mapped) const;
    bool closesLine(qsizetype line) const;
    void hoverTo(int fill);
    /// Strokes `mapped` (closed when `closed`) with `pen` as separate segments where Qt would
    /// widen the polyline through its general stroker; false if it did not.
    bool strokeAsSegments(QPainter *painter, const QPolygonF &mapped, const QPen &pen, bool closed);

    void plotChanged();
    void watch(QAbstractSeries *series);
    void redraw() { update(); }

    QChart *m_chart;
    QAbstractAxis *m_xAxis;
    QAbstractAxis *m_yAxis;
    QList<QPointer<QAbstractSeries>> m_penSources; // a deleted series draws nothing
    QList<HeldFill> m_fills;
    int m_hoveredFill = -1;
    QList<QList<QPointF>> m_points;
    QRectF m_plot;
    mutable QPolygonF m_mapped, m_mappedToo; // reused by paint()
    QList<QLineF> m_segments;                // reused by strokeAsSegments()
};

} // namespace layerlens::ui
