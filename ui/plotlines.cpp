#include "ui/plotlines.h"

#include <QAreaSeries>
#include <QChart>
#include <QLogValueAxis>
#include <QPainter>
#include <QPen>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <utility>

namespace layerlens::ui {

namespace {

// Qt Charts stacks its items by z: plot area 0, shades 1, grid 2, axes 3, series 4, legend 5.
// Between the axes and the series: over the grid, under the chart's own series (a reference
// line stays on top of the lines).
constexpr qreal kZValue = 3.5;

// The width of a line that is a band of noise: 1 px, on screen one device pixel (noiseBandWidth()).
constexpr qreal kNoiseBandWidth = 1.0;

struct AxisMap {
    double lo = 0.0, hi = 1.0;
    bool log = false;
    double map(double v) const { return log ? std::log10(v) : v; }
};

AxisMap axisMap(const QAbstractAxis *axis)
{
    AxisMap m;
    if (const auto *value = qobject_cast<const QValueAxis *>(axis)) {
        m.lo = value->min();
        m.hi = value->max();
    } else if (const auto *logAxis = qobject_cast<const QLogValueAxis *>(axis)) {
        m.log = true;
        m.lo = std::log10(logAxis->min());
        m.hi = std::log10(logAxis->max());
    }
    return m;
}

// Axis values to chart coordinates, as Qt Charts' XYDomain and XLogYDomain map them.
struct PlotMap {
    AxisMap x, y;
    QRectF plot;
    double sx = 1.0, sy = 1.0;

    PlotMap(const QAbstractAxis *xAxis, const QAbstractAxis *yAxis, const QRectF &plotArea)
        : x(axisMap(xAxis)), y(axisMap(yAxis)), plot(plotArea)
    {
        sx = plot.width() / (x.hi - x.lo);
        sy = plot.height() / (y.hi - y.lo);
    }
    bool valid() const
    {
        return !plot.isEmpty() && x.hi > x.lo && y.hi > y.lo && std::isfinite(sx) && std::isfinite(sy);
    }
    QPointF operator()(const QPointF &p) const
    {
        return {plot.left() + (x.map(p.x()) - x.lo) * sx, plot.top() + (y.hi - y.map(p.y())) * sy};
    }
};

// The pen a source series draws its line with.
QPen sourcePen(const QAbstractSeries *series)
{
    if (const auto *xy = qobject_cast<const QXYSeries *>(series))
        return xy->pen();
    if (const auto *area = qobject_cast<const QAreaSeries *>(series))
        return area->pen();
    return QPen(Qt::NoPen);
}

bool shown(const QAbstractSeries *series)
{
    return series && series->isVisible();
}

} // namespace

PlotLines::PlotLines(QChart *chart, QAbstractAxis *xAxis, QAbstractAxis *yAxis)
    : QGraphicsObject(chart), m_chart(chart), m_xAxis(xAxis), m_yAxis(yAxis)
{
    setZValue(kZValue);
    setAcceptedMouseButtons(Qt::NoButton); // hover and clicks go to what lies below
    setAcceptHoverEvents(false);
    m_plot = chart->plotArea();
    connect(chart, &QChart::plotAreaChanged, this, &PlotLines::plotChanged);
    for (QAbstractAxis *axis : {xAxis, yAxis}) {
        if (auto *value = qobject_cast<QValueAxis *>(axis))
            connect(value, &QValueAxis::rangeChanged, this, [this] { update(); });
        else if (auto *logAxis = qobject_cast<QLogValueAxis *>(axis))
            connect(logAxis, &QLogValueAxis::rangeChanged, this, [this] { update(); });
    }
}

void PlotLines::plotChanged()
{
    prepareGeometryChange();
    m_plot = m_chart->plotArea();
    update();
}

void PlotLines::watch(QAbstractSeries *series)
{
    connect(series, &QAbstractSeries::visibleChanged, this, &PlotLines::redraw, Qt::UniqueConnection);
    if (auto *xy = qobject_cast<QXYSeries *>(series)) {
        connect(xy, &QXYSeries::penChanged, this, &PlotLines::redraw, Qt::UniqueConnection);
    } else if (auto *area = qobject_cast<QAreaSeries *>(series)) {
        // A QAreaSeries announces new colours of its pen and brush, not a new width. (Qt Charts
        // repaints the plot on any change of an area's pen or brush, so a new width shows too;
        // tst_ui_plotlines checks that it does.)
        connect(area, &QAreaSeries::borderColorChanged, this, &PlotLines::redraw, Qt::UniqueConnection);
        connect(area, &QAreaSeries::colorChanged, this, &PlotLines::redraw, Qt::UniqueConnection);
    }
}

void PlotLines::setPenSources(const QList<QAbstractSeries *> &penSources)
{
    const QAbstractSeries *fill = m_fillSource.data();
    for (const QPointer<QAbstractSeries> &series : std::as_const(m_penSources))
        if (series && series.data() != fill)
            disconnect(series, nullptr, this, nullptr);
    m_penSources.clear();
    for (QAbstractSeries *series : penSources) {
        m_penSources.append(series);
        watch(series);
    }
    m_points.resize(penSources.size());
    update();
}

void PlotLines::setFill(QAreaSeries *source, int upper, int lower)
{
    QAbstractSeries *old = m_fillSource.data();
    const bool stillSource = std::any_of(m_penSources.cbegin(), m_penSources.cend(),
                                         [old](const QPointer<QAbstractSeries> &series) { return series.data() == old; });
    if (old && old != source && !stillSource)
        disconnect(old, nullptr, this, nullptr);
    m_fillSource = source;
    m_fillUpper = upper;
    m_fillLower = lower;
    if (source)
        watch(source);
    update();
}

void PlotLines::setPoints(int line, QList<QPointF> points)
{
    if (line < 0 || line >= m_points.size())
        return;
    m_points[line] = std::move(points);
    update();
}

QRectF PlotLines::boundingRect() const
{
    // The plot, and room for half of the widest pen beyond its edges (the clip keeps it inside).
    return m_plot.adjusted(-10.0, -10.0, 10.0, 10.0);
}

QPointF PlotLines::mapToChart(const QPointF &point) const
{
    return PlotMap(m_xAxis, m_yAxis, m_plot)(point);
}

void PlotLines::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const PlotMap map(m_xAxis, m_yAxis, m_plot);
    if (!map.valid())
        return;
    const auto mapLine = [&](qsizetype line, QPolygonF &mapped) {
        const QList<QPointF> &points = m_points[line];
        mapped.resize(points.size());
        for (qsizetype i = 0; i < points.size(); ++i)
            mapped[i] = map(points[i]);
    };
    const qreal left = m_plot.left(), top = m_plot.top();
    painter->save();
    // Clipped as Qt Charts clips its lines: to the plot, widened by the fractions of a pixel that
    // keep a line along an edge (a value on the bottom edge of a logarithmic axis) as visible as
    // a QLineSeries would show it.
    const qreal x1 = left - std::floor(left), y1 = top - std::floor(top);
    const qreal x2 = (m_plot.width() + 0.5) - std::floor(m_plot.width() + 0.5);
    const qreal y2 = (m_plot.height() + 0.5) - std::floor(m_plot.height() + 0.5);
    painter->setClipRect(m_plot.adjusted(-x1, -y1, std::max(x1, x2), std::max(y1, y2)));
    // The fill first, under every line: the upper edge forwards, the lower one back.
    const qsizetype lineCount = m_points.size();
    if (shown(m_fillSource) && m_fillUpper >= 0 && m_fillUpper < lineCount && m_fillLower >= 0 &&
        m_fillLower < lineCount && !m_points[m_fillUpper].isEmpty() && !m_points[m_fillLower].isEmpty()) {
        mapLine(m_fillUpper, m_mapped);
        mapLine(m_fillLower, m_mappedToo);
        m_mapped.reserve(m_mapped.size() + m_mappedToo.size());
        for (qsizetype i = m_mappedToo.size() - 1; i >= 0; --i)
            m_mapped.append(m_mappedToo[i]);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_fillSource->brush());
        painter->drawPolygon(m_mapped);
    }
    const qreal bandWidth = noiseBandWidth(painter);
    QList<std::pair<QPointF, QPen>> dots;
    for (qsizetype j = 0; j < lineCount; ++j) {
        if (m_points[j].isEmpty() || !shown(m_penSources[j]))
            continue;
        mapLine(j, m_mapped);
        const QPen pen = sourcePen(m_penSources[j]);
        if (m_mapped.size() == 1) {
            // A band's edge alone draws nothing, as a one-point area does.
            if (!shown(m_fillSource) || (j != m_fillUpper && j != m_fillLower))
                dots.append({m_mapped.front(), pen});
            continue;
        }
        QPen drawn = pen;
        if (isNoiseBand(m_mapped, m_plot.width()))
            drawn.setWidthF(std::min(pen.widthF(), bandWidth));
        painter->setPen(drawn);
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(m_mapped);
    }
    painter->restore();
    // A lone point as QLineSeries draws a visible point: a disc of 1.5 times the pen's whole-pixel
    // width, after the clip is gone (a point on the plot's edge shows whole).
    for (const auto &[at, pen] : std::as_const(dots)) {
        if (pen.style() == Qt::NoPen)
            continue;
        const qreal radius = pen.width() * 1.5;
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(pen.color());
        painter->drawEllipse(at, radius, radius);
        painter->restore();
    }
}

qreal PlotLines::noiseBandWidth(const QPainter *painter)
{
    // On screen one device pixel: with 2 device pixels per pixel a band 1 px wide would be 2
    // device pixels, which Qt strokes the slow way. An export (an image, SVG, PDF) keeps 1 px at
    // any scale, so that it looks the same however large it is written.
    const QPaintDevice *device = painter->device();
    if (!device || device->devType() != QInternal::Widget)
        return kNoiseBandWidth;
    const qreal deviceScale = std::sqrt(std::abs(painter->deviceTransform().determinant()));
    return deviceScale > 1.0 ? kNoiseBandWidth / deviceScale : kNoiseBandWidth;
}

bool PlotLines::isNoiseBand(const QPolygonF &mapped, qreal width)
{
    qsizetype turns = 0;
    int direction = 0; // of the last segment that moved vertically: -1 up, +1 down
    for (qsizetype i = 1; i < mapped.size(); ++i) {
        const qreal dy = mapped[i].y() - mapped[i - 1].y();
        const int d = dy > 0.0 ? 1 : dy < 0.0 ? -1 : 0;
        if (d == 0)
            continue;
        if (direction != 0 && d != direction)
            ++turns;
        direction = d;
    }
    return static_cast<qreal>(turns) > width;
}

} // namespace layerlens::ui
