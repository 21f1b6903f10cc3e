#include "ui/plotlines.h"

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

// The width of a line that is a band of noise (see the class comment).
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

void PlotLines::setPenSources(const QList<QXYSeries *> &penSources)
{
    for (const QPointer<QXYSeries> &series : std::as_const(m_penSources))
        if (series)
            disconnect(series, nullptr, this, nullptr);
    m_penSources.clear();
    for (QXYSeries *series : penSources) {
        m_penSources.append(series);
        connect(series, &QXYSeries::penChanged, this, [this] { update(); });
        connect(series, &QXYSeries::visibleChanged, this, [this] { update(); });
    }
    m_points.resize(penSources.size());
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
    const qreal left = m_plot.left(), top = m_plot.top();
    painter->save();
    // Clipped as Qt Charts clips its lines: to the plot, widened by the fractions of a pixel that
    // keep a line along an edge (a value on the bottom edge of a logarithmic axis) as visible as
    // a QLineSeries would show it.
    const qreal x1 = left - std::floor(left), y1 = top - std::floor(top);
    const qreal x2 = (m_plot.width() + 0.5) - std::floor(m_plot.width() + 0.5);
    const qreal y2 = (m_plot.height() + 0.5) - std::floor(m_plot.height() + 0.5);
    painter->setClipRect(m_plot.adjusted(-x1, -y1, std::max(x1, x2), std::max(y1, y2)));
    QList<std::pair<QPointF, QPen>> dots;
    for (qsizetype j = 0; j < m_points.size(); ++j) {
        const QList<QPointF> &points = m_points[j];
        if (points.isEmpty() || !m_penSources[j] || !m_penSources[j]->isVisible())
            continue;
        m_mapped.resize(points.size());
        for (qsizetype i = 0; i < points.size(); ++i)
            m_mapped[i] = map(points[i]);
        const QPen pen = m_penSources[j]->pen();
        if (m_mapped.size() == 1) {
            dots.append({m_mapped.front(), pen});
            continue;
        }
        QPen drawn = pen;
        if (isNoiseBand(m_mapped, m_plot.width()))
            drawn.setWidthF(std::min(pen.widthF(), kNoiseBandWidth));
        painter->setPen(drawn);
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(m_mapped);
    }
    painter->restore();
    // A lone point as QLineSeries draws a visible point: a disc of 1.5 times the pen's whole-pixel
    // width, after the clip is gone (a point on the plot's edge shows whole).
    for (const auto &[at, pen] : std::as_const(dots)) {
        const qreal radius = pen.width() * 1.5;
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(pen.color());
        painter->drawEllipse(at, radius, radius);
        painter->restore();
    }
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
