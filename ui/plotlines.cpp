#include "ui/plotlines.h"

#include <QAreaSeries>
#include <QChart>
#include <QGraphicsSceneHoverEvent>
#include <QLogValueAxis>
#include <QPaintEngine>
#include <QPainter>
#include <QPen>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <limits>
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

// Whether every segment of `mapped` (and, if `closed`, the one back to its start) is horizontal or
// vertical, to a millionth of a pixel (a histogram's edges computed by different sums).
bool isSteps(const QPolygonF &mapped, bool closed)
{
    constexpr qreal kTolerance = 1e-6;
    const auto aligned = [](const QPointF &a, const QPointF &b) {
        return std::abs(a.x() - b.x()) < kTolerance || std::abs(a.y() - b.y()) < kTolerance;
    };
    const qsizetype n = mapped.size();
    for (qsizetype i = 1; i < n; ++i)
        if (!aligned(mapped[i - 1], mapped[i]))
            return false;
    return !closed || n < 2 || aligned(mapped[n - 1], mapped[0]);
}

// Device pixels per pixel of `painter` (2 on a screen at a device pixel ratio of 2).
qreal deviceScale(const QPainter *painter)
{
    return std::sqrt(std::abs(painter->deviceTransform().determinant()));
}

// Whether `painter` paints a widget through Qt's raster engine: on screen, where the shortcuts
// below are taken. Exports (an image at any scale, SVG, PDF) draw exactly what Qt would.
bool onScreenRaster(const QPainter *painter)
{
    const QPaintDevice *device = painter->device();
    const QPaintEngine *engine = painter->paintEngine();
    return device && device->devType() == QInternal::Widget && engine && engine->type() == QPaintEngine::Raster;
}

// Whether a line drawn with `pen` is an opaque, solid, non-cosmetic stroke.
bool opaqueSolid(const QPen &pen)
{
    return pen.style() == Qt::SolidLine && pen.brush().style() == Qt::SolidPattern && pen.color().alpha() == 255 &&
           !pen.isCosmetic();
}

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
    for (const QPointer<QAbstractSeries> &series : std::as_const(m_penSources)) {
        const bool fills = std::any_of(m_fills.cbegin(), m_fills.cend(),
                                       [&](const HeldFill &fill) { return fill.source.data() == series.data(); });
        if (series && !fills)
            disconnect(series, nullptr, this, nullptr);
    }
    m_penSources.clear();
    for (QAbstractSeries *series : penSources) {
        m_penSources.append(series);
        watch(series);
    }
    m_points.resize(penSources.size());
    update();
}

void PlotLines::setFills(const QList<Fill> &fills)
{
    for (const HeldFill &old : std::as_const(m_fills)) {
        const bool kept = std::any_of(m_penSources.cbegin(), m_penSources.cend(),
                                      [&](const QPointer<QAbstractSeries> &series) { return series.data() == old.source.data(); }) ||
                          std::any_of(fills.cbegin(), fills.cend(),
                                      [&](const Fill &fill) { return fill.source == old.source.data(); });
        if (old.source && !kept)
            disconnect(old.source, nullptr, this, nullptr);
    }
    m_fills.clear();
    for (const Fill &fill : fills) {
        if (!fill.source)
            continue;
        m_fills.append({fill.source, fill.upper, fill.lower});
        watch(fill.source);
    }
    if (m_hoveredFill >= m_fills.size())
        hoverTo(-1);
    update();
}

void PlotLines::setFill(QAreaSeries *source, int upper, int lower)
{
    setFills(source ? QList<Fill>{{source, upper, lower}} : QList<Fill>{});
}

void PlotLines::setFillsHoverable(bool on)
{
    setAcceptHoverEvents(on);
    if (!on)
        hoverTo(-1);
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

void PlotLines::mapLine(qsizetype line, QPolygonF &mapped) const
{
    const PlotMap map(m_xAxis, m_yAxis, m_plot);
    const QList<QPointF> &points = m_points[line];
    mapped.resize(points.size());
    for (qsizetype i = 0; i < points.size(); ++i)
        mapped[i] = map(points[i]);
}

bool PlotLines::closesLine(qsizetype line) const
{
    return std::any_of(m_fills.cbegin(), m_fills.cend(), [line](const HeldFill &fill) {
        return fill.lower == kClosed && fill.upper == line && shown(fill.source);
    });
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
    // The fills first, under every line: the upper edge forwards, the lower one back (or the upper
    // line alone, closed).
    const qsizetype lineCount = m_points.size();
    const auto drawable = [&](int line) { return line >= 0 && line < lineCount && !m_points[line].isEmpty(); };
    painter->setPen(Qt::NoPen);
    const bool raster = onScreenRaster(painter);
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    const qreal scale = deviceScale(painter);
    for (const HeldFill &fill : std::as_const(m_fills)) {
        if (!shown(fill.source) || !drawable(fill.upper) || (fill.lower != kClosed && !drawable(fill.lower)))
            continue;
        mapLine(fill.upper, m_mapped);
        if (fill.lower != kClosed) {
            mapLine(fill.lower, m_mappedToo);
            m_mapped.reserve(m_mapped.size() + m_mappedToo.size());
            for (qsizetype i = m_mappedToo.size() - 1; i >= 0; --i)
                m_mapped.append(m_mappedToo[i]);
        }
        // A closed outline of steps (a histogram, a bar) whose own opaque stroke, at least a device
        // pixel wide, covers its edges is filled on screen without antialiasing: its edges, rounded to
        // whole pixels, stay under the stroke, and Qt's raster engine fills such a polygon about
        // four times faster than with antialiasing (it was most of a histogram's cost).
        const QAbstractSeries *outline = fill.upper < m_penSources.size() ? m_penSources[fill.upper].data() : nullptr;
        const QPen pen = sourcePen(outline);
        const bool covered = shown(outline) && opaqueSolid(pen) && pen.widthF() * scale >= 1.0;
        const bool crisp = raster && antialiased && fill.lower == kClosed && covered && isSteps(m_mapped, true);
        if (crisp)
            painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(fill.source->brush());
        painter->drawPolygon(m_mapped);
        if (crisp)
            painter->setRenderHint(QPainter::Antialiasing, true);
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
            const bool edge = std::any_of(m_fills.cbegin(), m_fills.cend(), [j](const HeldFill &fill) {
                return shown(fill.source) && (fill.upper == j || fill.lower == j);
            });
            if (!edge)
                dots.append({m_mapped.front(), pen});
            continue;
        }
        QPen drawn = pen;
        if (isNoiseBand(m_mapped, m_plot.width()))
            drawn.setWidthF(std::min(pen.widthF(), bandWidth));
        const bool closed = closesLine(j);
        if (strokeAsSegments(painter, m_mapped, drawn, closed))
            continue;
        painter->setPen(drawn);
        painter->setBrush(Qt::NoBrush);
        if (closed)
            painter->drawPolygon(m_mapped);
        else
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

bool PlotLines::strokeAsSegments(QPainter *painter, const QPolygonF &mapped, const QPen &pen, bool closed)
{
    // Qt's raster engine strokes a polyline wider than a device pixel through QStroker (a polygon
    // around the whole line, joins included, then filled), but separate solid lines with flat or
    // square caps straight through its rasterizer, each one a rectangle: five times faster here
    // for the same pixels but the joins (a 2 px line of 150 points, 10 lines: 3.6 ms against
    // 0.75 ms; at a device pixel ratio of 2, 8.1 ms against 1.3 ms). Flat caps cover what Qt's
    // default bevel join covers but the small triangle on the outside of each turn, so a peak
    // is never drawn beyond where the polyline draws it; a line of horizontal and vertical steps
    // gets square caps, which make its corners square. Where segments overlap, the antialiased
    // edge pixels they share are blended twice: the colour must be opaque. The line's two ends
    // keep the pen's own caps. Only on screen: exports (images at any scale, SVG, PDF) keep the
    // polyline, as Qt draws it.
    if (!onScreenRaster(painter) || !opaqueSolid(pen) || pen.capStyle() == Qt::RoundCap)
        return false;
    if (pen.widthF() * deviceScale(painter) <= 1.0)
        return false; // already the fast way
    const qsizetype n = mapped.size();
    // Runs of horizontal or vertical segments in one direction merged into one line (a
    // histogram's equal neighbouring bins), so that no pixel is blended twice along a run.
    m_segments.clear();
    const auto add = [&](const QPointF &from, const QPointF &to) {
        if (from == to)
            return;
        if (!m_segments.isEmpty()) {
            QLineF &last = m_segments.last();
            const bool horizontal = from.y() == to.y() && last.p1().y() == last.p2().y() && last.p2().y() == from.y();
            const bool vertical = from.x() == to.x() && last.p1().x() == last.p2().x() && last.p2().x() == from.x();
            const bool sameWay = (to.x() - from.x()) * (last.p2().x() - last.p1().x()) +
                                     (to.y() - from.y()) * (last.p2().y() - last.p1().y()) > 0.0;
            if (last.p2() == from && (horizontal || vertical) && sameWay) {
                last.setP2(to);
                return;
            }
        }
        m_segments.append(QLineF(from, to));
    };
    for (qsizetype i = 1; i < n; ++i)
        add(mapped[i - 1], mapped[i]);
    if (closed && n > 2)
        add(mapped[n - 1], mapped[0]);
    if (m_segments.isEmpty())
        return false; // every point the same: let the polyline draw what Qt draws for that
    const Qt::PenCapStyle caps = isSteps(mapped, closed) ? Qt::SquareCap : Qt::FlatCap;
    if (!closed && caps != pen.capStyle()) {
        // The line's two ends as the pen's own caps draw them: half the width beyond the end
        // point for a square cap, none for a flat one.
        const qreal reach = (pen.capStyle() == Qt::SquareCap ? 0.5 : -0.5) * pen.widthF();
        const auto moveEnd = [reach](QPointF &end, const QPointF &other) {
            const QLineF towards(other, end);
            if (towards.length() > 0.0)
                end += (towards.p2() - towards.p1()) * (reach / towards.length());
        };
        QLineF &first = m_segments.first();
        QPointF start = first.p1();
        moveEnd(start, first.p2());
        first.setP1(start);
        QLineF &last = m_segments.last();
        QPointF end = last.p2();
        moveEnd(end, last.p1());
        last.setP2(end);
    }
    QPen segments = pen;
    segments.setCapStyle(caps);
    painter->setPen(segments);
    painter->setBrush(Qt::NoBrush);
    painter->drawLines(m_segments);
    return true;
}

int PlotLines::fillAt(const QPointF &chartPoint) const
{
    if (!m_plot.contains(chartPoint))
        return -1;
    const PlotMap map(m_xAxis, m_yAxis, m_plot);
    const qsizetype lineCount = m_points.size();
    for (qsizetype f = m_fills.size() - 1; f >= 0; --f) {
        const HeldFill &fill = m_fills[f];
        if (!shown(fill.source))
            continue;
        qreal lo = std::numeric_limits<qreal>::infinity(), hi = -lo;
        for (const int line : {fill.upper, fill.lower}) {
            if (line < 0 || line >= lineCount || m_points[line].isEmpty())
                continue;
            for (const QPointF &point : m_points[line]) {
                const qreal x = map(point).x();
                lo = std::min(lo, x);
                hi = std::max(hi, x);
            }
        }
        if (chartPoint.x() >= lo && chartPoint.x() <= hi)
            return static_cast<int>(f);
    }
    return -1;
}

void PlotLines::hoverTo(int fill)
{
    if (fill == m_hoveredFill)
        return;
    const int left = m_hoveredFill;
    m_hoveredFill = fill;
    if (left >= 0)
        emit fillHovered(left, false);
    if (fill >= 0)
        emit fillHovered(fill, true);
}

void PlotLines::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    hoverTo(fillAt(mapToParent(event->pos())));
}

void PlotLines::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    hoverTo(fillAt(mapToParent(event->pos())));
}

void PlotLines::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    hoverTo(-1);
}

qreal PlotLines::noiseBandWidth(const QPainter *painter)
{
    // On screen one device pixel: with 2 device pixels per pixel a band 1 px wide would be 2
    // device pixels, which Qt strokes the slow way. An export (an image, SVG, PDF) keeps 1 px at
    // any scale, so that it looks the same however large it is written.
    const QPaintDevice *device = painter->device();
    if (!device || device->devType() != QInternal::Widget)
        return kNoiseBandWidth;
    const qreal scale = deviceScale(painter);
    return scale > 1.0 ? kNoiseBandWidth / scale : kNoiseBandWidth;
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
