#include "ui/linedecimation.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPen>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <numeric>

namespace layerlens::ui {

namespace {

// `out`: the points of `points` at `kept` (increasing indices).
void gather(const QList<QPointF> &points, const std::vector<qsizetype> &kept, QList<QPointF> &out)
{
    if (static_cast<qsizetype>(kept.size()) == points.size()) {
        out = points;
        return;
    }
    out.clear();
    out.reserve(static_cast<qsizetype>(kept.size()));
    for (const qsizetype i : kept)
        out.append(points[i]);
}

} // namespace

void decimatedIndices(const QList<QPointF> &points, qreal xMin, qreal xMax, int columns, std::vector<qsizetype> &kept)
{
    kept.clear();
    const qsizetype n = points.size();
    if (columns <= 0 || n <= 2 * static_cast<qsizetype>(columns) || !(xMax > xMin) || !std::isfinite(xMax - xMin)) {
        kept.resize(static_cast<std::size_t>(n));
        std::iota(kept.begin(), kept.end(), qsizetype{0});
        return;
    }
    const qreal perUnit = columns / (xMax - xMin);
    const auto columnOf = [&](qreal x) {
        const qreal c = std::floor((x - xMin) * perUnit);
        return !(c > 0.0) ? 0 : c >= columns - 1 ? columns - 1 : static_cast<int>(c); // NaN: column 0
    };
    kept.reserve(std::min<std::size_t>(static_cast<std::size_t>(n), 4 * static_cast<std::size_t>(columns)));
    for (qsizetype begin = 0; begin < n;) {
        const int column = columnOf(points[begin].x());
        qsizetype lowest = begin, highest = begin, end = begin + 1;
        for (; end < n && columnOf(points[end].x()) == column; ++end) {
            if (points[end].y() < points[lowest].y())
                lowest = end;
            if (points[end].y() > points[highest].y())
                highest = end;
        }
        // First, lowest, highest, last, in the order of the line, each once.
        std::array<qsizetype, 4> chosen{begin, lowest, highest, end - 1};
        std::sort(chosen.begin(), chosen.end());
        for (std::size_t k = 0; k < chosen.size(); ++k)
            if (k == 0 || chosen[k] != chosen[k - 1])
                kept.push_back(chosen[k]);
        begin = end;
    }
}

void decimateLine(const QList<QPointF> &points, qreal xMin, qreal xMax, int columns, QList<QPointF> &out)
{
    std::vector<qsizetype> kept;
    decimatedIndices(points, xMin, xMax, columns, kept);
    gather(points, kept, out);
}

int plotColumns(const QChart *chart)
{
    const qreal width = chart->plotArea().width();
    if (width < 2.0)
        return 0;
    const QList<QGraphicsView *> views = chart->scene() ? chart->scene()->views() : QList<QGraphicsView *>();
    const qreal ratio = views.isEmpty() ? 1.0 : views.front()->devicePixelRatioF();
    return static_cast<int>(std::ceil(width * ratio));
}

void DecimatedLines::begin(int columns, qreal xMin, qreal xMax)
{
    m_columns = columns;
    m_xMin = xMin;
    m_xMax = xMax;
}

void DecimatedLines::begin(const QChart *chart, const QValueAxis *xAxis, bool everyPoint)
{
    begin(everyPoint ? 0 : plotColumns(chart), xAxis->min(), xAxis->max());
}

bool DecimatedLines::filledFor(const QChart *chart, const QValueAxis *xAxis, bool everyPoint) const
{
    return filledFor(everyPoint ? 0 : plotColumns(chart), xAxis->min(), xAxis->max());
}

void DecimatedLines::keep(const QList<QPointF> &points, const QPen &drawnWith)
{
    // Only an opaque solid line draws the same pixels through fewer points: where a translucent
    // line crosses itself it darkens, and dashes follow the length of the path.
    const bool exact = drawnWith.style() == Qt::SolidLine && drawnWith.color().alpha() == 255;
    decimatedIndices(points, m_xMin, m_xMax, exact ? m_columns : 0, m_kept);
}

void DecimatedLines::replace(QXYSeries *series, const QList<QPointF> &points, const QPen &drawnWith)
{
    keep(points, drawnWith);
    fill(series, points, m_kept);
}

void DecimatedLines::decimate(const QList<QPointF> &points, const QPen &drawnWith, QList<QPointF> &out)
{
    keep(points, drawnWith);
    gather(points, m_kept, out);
}

void DecimatedLines::decimateBand(const QList<QPointF> &upperPoints, const QList<QPointF> &lowerPoints,
                                  QList<QPointF> &upperOut, QList<QPointF> &lowerOut)
{
    // Both edges through the same steps: between two kept steps each edge is a straight line, so
    // the upper one, above the lower at both ends, stays above it in between.
    bool sameSteps = upperPoints.size() == lowerPoints.size();
    for (qsizetype i = 0; sameSteps && i < upperPoints.size(); ++i)
        sameSteps = upperPoints[i].x() == lowerPoints[i].x();
    if (!sameSteps) { // every point of each
        upperOut = upperPoints;
        lowerOut = lowerPoints;
        return;
    }
    decimatedIndices(upperPoints, m_xMin, m_xMax, m_columns, m_kept);
    decimatedIndices(lowerPoints, m_xMin, m_xMax, m_columns, m_keptToo);
    m_union.clear();
    std::set_union(m_kept.begin(), m_kept.end(), m_keptToo.begin(), m_keptToo.end(), std::back_inserter(m_union));
    gather(upperPoints, m_union, upperOut);
    gather(lowerPoints, m_union, lowerOut);
}

void DecimatedLines::fill(QXYSeries *series, const QList<QPointF> &points, const std::vector<qsizetype> &kept)
{
    if (static_cast<qsizetype>(kept.size()) == points.size()) {
        series->replace(points); // shares the list
        return;
    }
    gather(points, kept, m_points);
    series->replace(m_points);
}

} // namespace layerlens::ui
