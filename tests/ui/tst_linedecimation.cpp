// decimateLine() keeps, of each pixel column, the first, last, lowest and highest point in the
// line's order: the kept points are input points, the extent of every column and the joins
// between columns are those of the full line, a line drawn through them at that resolution sets
// the same pixels, and small or undecimated inputs come back whole. DecimatedLines decimates
// opaque solid lines only, over the axis's range, keeps a band's edges on the same steps, and
// knows which width and range it filled the lines for.

#include "ui/linedecimation.h"

#include <QImage>
#include <QLineSeries>
#include <QPen>
#include <QPainter>
#include <QPolygonF>
#include <QtTest>

#include <cmath>
#include <random>

using layerlens::ui::DecimatedLines;
using layerlens::ui::decimateLine;

namespace {

// A noisy random walk against increasing steps, like a loss or a gradient norm history.
QList<QPointF> walk(int count, unsigned seed, double stepStride = 10.0)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    QList<QPointF> points;
    double y = 0.0;
    for (int i = 0; i < count; ++i) {
        y += noise(rng);
        points << QPointF(i * stepStride, y + 3.0 * noise(rng));
    }
    return points;
}

int columnOf(qreal x, qreal xMin, qreal xMax, int columns)
{
    const int c = static_cast<int>(std::floor((x - xMin) / (xMax - xMin) * columns));
    return std::clamp(c, 0, columns - 1);
}

// The line through `points`, 1 px wide without antialiasing, on a `width` × `height` image
// whose columns are the decimation's columns.
QImage draw(const QList<QPointF> &points, qreal xMin, qreal xMax, qreal yMin, qreal yMax, int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(QPen(Qt::black, 0.0)); // cosmetic: exactly one pixel wide
    QPolygonF line;
    for (const QPointF &p : points)
        line << QPointF((p.x() - xMin) / (xMax - xMin) * width, (yMax - p.y()) / (yMax - yMin) * (height - 1));
    painter.drawPolyline(line);
    return image;
}

} // namespace

class TestLineDecimation : public QObject {
    Q_OBJECT
private slots:
    void keepsEachColumnsExtentAndJoins_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("columns");
        QTest::newRow("4096 points, 500 columns") << 4096 << 500;
        QTest::newRow("4096 points, 37 columns") << 4096 << 37;
        QTest::newRow("1500 points, 700 columns") << 1500 << 700;
    }
    void keepsEachColumnsExtentAndJoins()
    {
        QFETCH(int, count);
        QFETCH(int, columns);
        const QList<QPointF> points = walk(count, 7);
        const qreal xMin = points.front().x(), xMax = points.back().x();
        QList<QPointF> kept;
        decimateLine(points, xMin, xMax, columns, kept);

        QVERIFY(kept.size() <= 4 * columns);
        QVERIFY(kept.size() < points.size());
        QCOMPARE(kept.front(), points.front());
        QCOMPARE(kept.back(), points.back());
        // A subsequence of the input: every kept point is an input point, in the input's order.
        qsizetype at = 0;
        for (const QPointF &p : kept) {
            while (at < points.size() && points[at] != p)
                ++at;
            QVERIFY2(at < points.size(), "a kept point is not an input point, or is out of order");
            ++at;
        }
        // Per column: the same lowest and highest value, and the same first and last point.
        struct Extent {
            qreal lo = INFINITY, hi = -INFINITY;
            QPointF first, last;
            bool seen = false;
        };
        const auto extents = [&](const QList<QPointF> &line) {
            std::vector<Extent> e(static_cast<std::size_t>(columns));
            for (const QPointF &p : line) {
                Extent &c = e[static_cast<std::size_t>(columnOf(p.x(), xMin, xMax, columns))];
                if (!c.seen)
                    c.first = p;
                c.seen = true;
                c.last = p;
                c.lo = std::min(c.lo, p.y());
                c.hi = std::max(c.hi, p.y());
            }
            return e;
        };
        const std::vector<Extent> all = extents(points), fewer = extents(kept);
        for (int c = 0; c < columns; ++c) {
            const Extent &a = all[static_cast<std::size_t>(c)], &b = fewer[static_cast<std::size_t>(c)];
            QCOMPARE(b.seen, a.seen);
            if (!a.seen)
                continue;
            QCOMPARE(b.lo, a.lo);
            QCOMPARE(b.hi, a.hi);
            QCOMPARE(b.first, a.first);
            QCOMPARE(b.last, a.last);
        }
    }

    void drawsTheSamePixels()
    {
        // Steps 0, 10, …: the columns' edges fall between points, as on a real plot.
        const QList<QPointF> points = walk(4096, 11);
        const qreal xMin = points.front().x(), xMax = points.back().x();
        qreal yMin = points.front().y(), yMax = yMin;
        for (const QPointF &p : points) {
            yMin = std::min(yMin, p.y());
            yMax = std::max(yMax, p.y());
        }
        const int width = 400, height = 300;
        QList<QPointF> kept;
        decimateLine(points, xMin, xMax, width, kept);
        QVERIFY(kept.size() < points.size() / 2);
        const QImage full = draw(points, xMin, xMax, yMin, yMax, width, height);
        const QImage decimated = draw(kept, xMin, xMax, yMin, yMax, width, height);
        // Qt's rasterizer decides the ends of segments by its own rule, so a handful of pixels at
        // the turning points may move, never further than to a neighbouring pixel.
        const auto inkedAt = [](const QImage &image, int x, int y) {
            return x >= 0 && y >= 0 && x < image.width() && y < image.height() && image.pixel(x, y) != qRgb(255, 255, 255);
        };
        const auto nearInk = [&](const QImage &image, int x, int y) {
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx)
                    if (inkedAt(image, x + dx, y + dy))
                        return true;
            return false;
        };
        int differing = 0, inked = 0;
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const bool a = inkedAt(full, x, y), b = inkedAt(decimated, x, y);
                inked += a;
                if (a != b) {
                    ++differing;
                    QVERIFY2(nearInk(a ? decimated : full, x, y), qPrintable(QStringLiteral("pixel (%1, %2)").arg(x).arg(y)));
                }
            }
        QVERIFY(inked > width); // the line was drawn
        qDebug("%d of %d pixels differ", differing, inked);
        QVERIFY(differing * 100 < inked);
    }

    void leavesShortOrUndecimatedLinesWhole()
    {
        const QList<QPointF> points = walk(1000, 3);
        QList<QPointF> out{QPointF(1, 1)};
        decimateLine(points, 0.0, 9990.0, 500, out); // 2 points a column at most: nothing to gain
        QCOMPARE(out, points);
        decimateLine(points, 0.0, 9990.0, 0, out); // 0 columns: every point (exports)
        QCOMPARE(out, points);
        decimateLine(points, 5.0, 5.0, 10, out); // no x range to cut
        QCOMPARE(out, points);
        decimateLine({}, 0.0, 1.0, 10, out);
        QVERIFY(out.isEmpty());
    }

    void keepsTiesAndFlatRunsOnce()
    {
        // A flat line: each column keeps its first and last point only.
        QList<QPointF> flat;
        for (int i = 0; i < 100; ++i)
            flat << QPointF(i, 2.0);
        QList<QPointF> out;
        decimateLine(flat, 0.0, 99.0, 10, out);
        QCOMPARE(out.size(), 20);
        for (const QPointF &p : out)
            QCOMPARE(p.y(), 2.0);
        // All points at one step (a column of its own): first, lowest, highest, last.
        const QList<QPointF> same{{5, 3}, {5, 1}, {5, 4}, {5, 9}, {5, 0}, {5, 2}};
        decimateLine(same + QList<QPointF>{{6, 1}}, 5.0, 6.0, 1, out);
        QCOMPARE(out, (QList<QPointF>{{5, 3}, {5, 9}, {5, 0}, {6, 1}}));
    }

    void decimatesOnlyOpaqueSolidLines()
    {
        const QList<QPointF> points = walk(3000, 5);
        const qreal xMin = 0.0, xMax = 40000.0; // the axis reaches past the data, as fitAxis() rounds it
        QLineSeries solid, translucent, dashed;
        solid.setPen(QPen(Qt::blue, 2.0));
        QColor seeThrough(Qt::blue);
        seeThrough.setAlpha(120);
        translucent.setPen(QPen(seeThrough, 1.0));
        QPen dashes(Qt::blue, 2.0);
        dashes.setDashPattern({3.0, 2.0});
        dashed.setPen(dashes);

        DecimatedLines lines;
        lines.begin(300, xMin, xMax);
        lines.replace(&translucent, points, translucent.pen());
        lines.replace(&dashed, points, dashed.pen());
        QCOMPARE(translucent.points(), points);
        QCOMPARE(dashed.points(), points);
        lines.replace(&solid, points, solid.pen());
        QList<QPointF> expected;
        decimateLine(points, xMin, xMax, 300, expected); // the axis's columns, not the data's
        QVERIFY(expected.size() < points.size());
        QCOMPARE(solid.points(), expected);
        // The pen it is drawn with decides, not the series' own (an area's edges).
        lines.replace(&solid, points, translucent.pen());
        QCOMPARE(solid.points(), points);
        QVERIFY(lines.filledFor(300, xMin, xMax));
        QVERIFY(!lines.filledFor(301, xMin, xMax));
        QVERIFY(!lines.filledFor(300, xMin, 50000.0));
        lines.begin(0, xMin, xMax); // every point
        lines.replace(&solid, points, solid.pen());
        QCOMPARE(solid.points(), points);
        QVERIFY(lines.filledFor(0, 1.0, 2.0)); // every point fits any axis
    }

    void bandEdgesKeepTheSameStepsAndNeverCross()
    {
        // A narrow noisy band: decimated apart, the edges' chords would cross; together they meet
        // the same steps, and at every kept step the upper edge is at or above the lower one.
        QList<QPointF> lower = walk(4000, 21), upper;
        std::mt19937 rng(4);
        std::uniform_real_distribution<double> width(0.0, 0.3);
        for (const QPointF &p : lower)
            upper << QPointF(p.x(), p.y() + width(rng));
        QList<QPointF> u, d;
        DecimatedLines lines;
        lines.begin(200, lower.front().x(), lower.back().x());
        lines.decimateBand(upper, lower, u, d);
        QCOMPARE(u.size(), d.size());
        QVERIFY(u.size() < upper.size());
        QList<QPointF> alone;
        decimateLine(upper, lower.front().x(), lower.back().x(), 200, alone);
        QVERIFY(u.size() >= alone.size()); // each edge keeps at least its own extremes
        for (qsizetype i = 0; i < u.size(); ++i) {
            QCOMPARE(u[i].x(), d[i].x());
            QVERIFY(u[i].y() >= d[i].y());
        }
        for (const QPointF &p : alone)
            QVERIFY(u.contains(p));
        // Edges over different steps are left whole.
        lower.removeLast();
        lines.decimateBand(upper, lower, u, d);
        QCOMPARE(u, upper);
        QCOMPARE(d, lower);
    }
};

QTEST_MAIN(TestLineDecimation)
#include "tst_linedecimation.moc"
