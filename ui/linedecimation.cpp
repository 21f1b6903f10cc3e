#include "ui/linedecimation.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPen>
#include <QXYSeries>

#include <algorithm>
#include <array>
#include <cmath>

namespace layerlens::ui {

void decimateLine(const QList<QPointF> &points, qreal xMin, qreal xMax, int columns, QList<QPointF> &out)
{
    out.clear();
    const qsizetype n = points.size();
    if (columns <= 0 || n <= 2 * static_cast<qsizetype>(columns) || !(xMax > xMin) || !std::isfinite(xMax - xMin)) {
        out = points;
        return;
    }
    const qreal perUnit = columns / (xMax - xMin);
    const auto columnOf = [&](qreal x) {
        const qreal c = std::floor((x - xMin) * perUnit);
        return c <= 0.0 ? 0 : c >= columns - 1 ? columns - 1 : static_cast<int>(c);
    };
    out.reserve(std::min<qsizetype>(n, 4 * static_cast<qsizetype>(columns)));
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
        std::array<qsizetype, 4> kept{begin, lowest, highest, end - 1};
        std::sort(kept.begin(), kept.end());
        for (std::size_t k = 0; k < kept.size(); ++k)
            if (k == 0 || kept[k] != kept[k - 1])
                out.append(points[kept[k]]);
        begin = end;
    }
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

void DecimatedLines::replace(QXYSeries *series, const QList<QPointF> &points)
{
    if (points.isEmpty()) {
        series->clear();
        return;
    }
    // Only an opaque solid line draws the same pixels through fewer points: where a translucent
    // line crosses itself it darkens, and dashes follow the length of the path.
    const QPen pen = series->pen();
    const bool exact = pen.style() == Qt::SolidLine && pen.color().alpha() == 255;
    decimateLine(points, points.front().x(), points.back().x(), exact ? m_target : 0, m_kept);
    if (m_kept.size() < points.size())
        m_columns = m_target;
    series->replace(m_kept);
}

} // namespace layerlens::ui
