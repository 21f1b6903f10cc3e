// PlotLines draws its lines where Qt Charts would put the same points (linear and logarithmic
// axes, following range and plot changes), with the pen of its source series as it is now,
// clipped to the plot as Qt Charts clips (a line on the bottom edge stays visible), a band of
// noise 1 px wide, a lone point as a dot, nothing for a hidden or deleted source, a band filled
// between two lines with an area's brush under every line, and repaints when its points, a
// source's pen, brush or visibility change.

#include "ui/plotlines.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QPen>
#include <QValueAxis>
#include <QWidget>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>

using layerlens::ui::PlotLines;

namespace {

// A 400 × 300 chart with a step axis [0, 100] and a logarithmic value axis [1e-3, 1e2], in a
// scene (laid out at once, no window needed), with one series that gives PlotLines its pen.
struct Fixture {
    QGraphicsScene scene;
    QChart *chart = new QChart;
    QValueAxis *x = new QValueAxis;
    QLogValueAxis *y = new QLogValueAxis;
    QLineSeries *source = new QLineSeries;
    PlotLines *lines = nullptr;

    Fixture()
    {
        scene.addItem(chart);
        chart->setGeometry(0, 0, 400, 300);
        chart->legend()->hide();
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        x->setRange(0.0, 100.0);
        y->setRange(1e-3, 1e2);
        chart->addSeries(source);
        source->attachAxis(x);
        source->attachAxis(y);
        source->setPen(QPen(Qt::red, 3.0));
        lines = new PlotLines(chart, x, y);
        lines->setPenSources({source});
        settle();
    }
    void settle()
    {
        chart->layout()->activate();
        QCoreApplication::processEvents();
    }
    // The scene at `ratio` device pixels per pixel, as on a high-DPI screen or a scaled export.
    QImage render(int ratio = 1)
    {
        QImage image(400 * ratio, 300 * ratio, QImage::Format_ARGB32);
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter, QRectF(0, 0, 400, 300), QRectF(0, 0, 400, 300));
        return image;
    }
};

bool isRed(QRgb c)
{
    return qRed(c) > 200 && qGreen(c) < 60 && qBlue(c) < 60;
}

bool isBlue(QRgb c)
{
    return qBlue(c) > 200 && qRed(c) < 60 && qGreen(c) < 60;
}

bool isGreen(QRgb c)
{
    return qGreen(c) > 150 && qRed(c) < 60 && qBlue(c) < 60;
}

// An empty area series with a green fill and a blue outline, as a view gives PlotLines a band.
QAreaSeries *addBandSource(QChart *chart, QAbstractAxis *x, QAbstractAxis *y)
{
    auto *area = new QAreaSeries(new QLineSeries, new QLineSeries);
    chart->addSeries(area);
    area->upperSeries()->setParent(area);
    area->lowerSeries()->setParent(area);
    area->attachAxis(x);
    area->attachAxis(y);
    area->setBrush(QColor(0, 200, 0));
    area->setPen(QPen(Qt::blue, 2.0));
    return area;
}

// The scene of `f` as a chart view paints it on screen: into a widget (where PlotLines takes its
// on-screen shortcuts), antialiased, at `ratio` device pixels per pixel. `onScreen` tells whether
// PlotLines saw a widget at that ratio (its band width is then one device pixel).
QImage renderOnScreen(QGraphicsScene &scene, qreal ratio, bool *onScreen = nullptr)
{
    struct Screen : QWidget {
        QGraphicsScene *scene = nullptr;
        qreal ratio = 1.0;
        qreal bandWidth = -1.0;
        void paintEvent(QPaintEvent *) override
        {
            QPainter painter(this);
            painter.fillRect(rect(), Qt::white);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.scale(ratio, ratio);
            bandWidth = PlotLines::noiseBandWidth(&painter);
            scene->render(&painter, QRectF(0, 0, 400, 300), QRectF(0, 0, 400, 300));
        }
    };
    Screen screen;
    screen.scene = &scene;
    screen.ratio = ratio;
    screen.resize(qRound(400 * ratio), qRound(300 * ratio));
    const QImage image = screen.grab().toImage().convertToFormat(QImage::Format_ARGB32);
    if (onScreen)
        *onScreen = qFuzzyCompare(screen.bandWidth, 1.0 / ratio);
    return image;
}

// The same scene as an export draws it: into an image, antialiased, at `ratio`.
QImage renderExport(QGraphicsScene &scene, qreal ratio)
{
    QImage image(qRound(400 * ratio), qRound(300 * ratio), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(ratio, ratio);
    scene.render(&painter, QRectF(0, 0, 400, 300), QRectF(0, 0, 400, 300));
    return image;
}

// Pixels of `a` and `b` (same size) that differ by more than 8 in a channel, outside the boxes
// `radius` device pixels around `spots` (device pixels).
int differingPixels(const QImage &a, const QImage &b, const QPolygonF &spots, qreal radius, int *maxDifference)
{
    int differing = 0;
    *maxDifference = 0;
    for (int yy = 0; yy < a.height(); ++yy) {
        for (int xx = 0; xx < a.width(); ++xx) {
            const bool nearby = std::any_of(spots.cbegin(), spots.cend(), [&](const QPointF &c) {
                return std::abs(c.x() - (xx + 0.5)) <= radius && std::abs(c.y() - (yy + 0.5)) <= radius;
            });
            if (nearby)
                continue;
            const QRgb p = a.pixel(xx, yy), q = b.pixel(xx, yy);
            const int difference = std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                             std::abs(qBlue(p) - qBlue(q))});
            *maxDifference = std::max(*maxDifference, difference);
            differing += difference > 8 ? 1 : 0;
        }
    }
    return differing;
}

} // namespace

class TestPlotLines : public QObject {
    Q_OBJECT
private slots:
    void mapsPointsAsTheChartDoes();
    void drawsWithTheSourcePenInsideThePlot();
    void noiseBandIsOnePixelWide();
    void repaintsWhenItsLinesChange();
    void noiseBandIsOneDevicePixelOnScreen();
    void lonePointIsADot();
    void hiddenOrDeletedSourceDrawsNothing();
    void fillsABandUnderItsLines();
    void fillsClosedOutlines();
    void wideLinesStrokeAsThePolylineWould_data();
    void wideLinesStrokeAsThePolylineWould();
    void crispFillsStayUnderTheirOutline_data();
    void crispFillsStayUnderTheirOutline();
    void reportsTheFillUnderTheCursor();
};

void TestPlotLines::mapsPointsAsTheChartDoes()
{
    Fixture f;
    QVERIFY(f.chart->plotArea().width() > 100.0);
    const QList<QPointF> points{{0.0, 1e-3}, {12.5, 0.02}, {50.0, 1.0}, {99.0, 77.0}, {100.0, 1e2}};
    for (const QPointF &p : points) {
        const QPointF mine = f.lines->mapToChart(p), charts = f.chart->mapToPosition(p, f.source);
        QVERIFY2(std::abs(mine.x() - charts.x()) < 1e-6 && std::abs(mine.y() - charts.y()) < 1e-6,
                 qPrintable(QStringLiteral("(%1, %2): %3,%4 against %5,%6")
                                .arg(p.x()).arg(p.y()).arg(mine.x()).arg(mine.y()).arg(charts.x()).arg(charts.y())));
    }
    // A new range or a new plot size moves the points with the chart's.
    f.x->setRange(20.0, 60.0);
    f.y->setRange(1e-1, 1e1);
    f.chart->setGeometry(0, 0, 320, 260);
    f.settle();
    for (const QPointF &p : {QPointF(30.0, 0.5), QPointF(55.0, 3.0)}) {
        const QPointF mine = f.lines->mapToChart(p), charts = f.chart->mapToPosition(p, f.source);
        QVERIFY(std::abs(mine.x() - charts.x()) < 1e-6 && std::abs(mine.y() - charts.y()) < 1e-6);
    }
    // A linear value axis too.
    QGraphicsScene scene;
    auto *chart = new QChart;
    scene.addItem(chart);
    chart->setGeometry(0, 0, 300, 200);
    auto *x = new QValueAxis, *y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    x->setRange(-5.0, 5.0);
    y->setRange(-2.0, 8.0);
    auto *series = new QLineSeries;
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    PlotLines linear(chart, x, y);
    chart->layout()->activate();
    const QPointF p(1.25, 6.5);
    QVERIFY(std::abs(linear.mapToChart(p).x() - chart->mapToPosition(p, series).x()) < 1e-6);
    QVERIFY(std::abs(linear.mapToChart(p).y() - chart->mapToPosition(p, series).y()) < 1e-6);
}

void TestPlotLines::drawsWithTheSourcePenInsideThePlot()
{
    Fixture f;
    // A horizontal line at 1 from beyond the left edge of the step axis to beyond its right edge.
    f.lines->setPoints(0, {{-50.0, 1.0}, {150.0, 1.0}});
    QCOMPARE(f.lines->points(0).size(), 2);
    const QRectF plot = f.chart->plotArea();
    const QPointF middle = f.lines->mapToChart({50.0, 1.0});
    QImage image = f.render();
    QVERIFY(isRed(image.pixel(middle.toPoint())));
    // Clipped to the plot: nothing red left of it (where the line's points lie) or right of it.
    const int row = middle.toPoint().y();
    for (int column = 0; column < static_cast<int>(plot.left()) - 2; ++column)
        QVERIFY2(!isRed(image.pixel(column, row)), qPrintable(QString::number(column)));
    for (int column = static_cast<int>(plot.right()) + 3; column < 400; ++column)
        QVERIFY2(!isRed(image.pixel(column, row)), qPrintable(QString::number(column)));
    // 3 px wide, as the pen says.
    int redRows = 0;
    for (int r = row - 6; r <= row + 6; ++r)
        redRows += isRed(image.pixel(middle.toPoint().x(), r)) ? 1 : 0;
    QVERIFY2(redRows >= 2 && redRows <= 4, qPrintable(QString::number(redRows)));

    // The source's new pen (presentation mode restyles the series) is the one drawn.
    f.source->setPen(QPen(Qt::blue, 3.0));
    image = f.render();
    QVERIFY(isBlue(image.pixel(middle.toPoint())));

    // The axis moves: the line with it.
    f.y->setRange(1e0, 1e4); // 1 is now the bottom edge
    f.settle();
    const QPointF bottom = f.lines->mapToChart({50.0, 1.0});
    QVERIFY(std::abs(bottom.y() - f.chart->plotArea().bottom()) < 1e-6);
    image = f.render();
    QVERIFY(!isBlue(image.pixel(middle.toPoint())));
    // On the bottom edge (an underflow on a logarithmic axis is drawn there) the line still shows:
    // its upper half at least, as a QLineSeries's does.
    int blueRows = 0;
    for (int r = static_cast<int>(bottom.y()) - 4; r <= static_cast<int>(bottom.y()) + 4; ++r)
        blueRows += isBlue(image.pixel(static_cast<int>(bottom.x()), r)) ? 1 : 0;
    QVERIFY2(blueRows >= 1, qPrintable(QString::number(blueRows)));
}

void TestPlotLines::noiseBandIsOnePixelWide()
{
    // Three lines at the height of 1 with as many points, three per pixel across the plot: one
    // that turns back at every point (noise far below a pixel), one that rises steadily by as
    // little, and one with a turn every 20 points. Only the first is a band of noise: 1 device
    // pixel wide; the others keep the pen's 3 px.
    const auto inkedRows = [](const QImage &image, QPoint at) {
        int rows = 0;
        for (int r = at.y() - 6; r <= at.y() + 6; ++r)
            rows += image.pixel(at.x(), r) != qRgb(255, 255, 255) ? 1 : 0;
        return rows;
    };
    Fixture f;
    f.chart->setBackgroundVisible(false);
    f.chart->setPlotAreaBackgroundVisible(false);
    f.x->setGridLineVisible(false);
    f.y->setGridLineVisible(false);
    f.settle();
    const QPoint middle = f.lines->mapToChart({50.0, 1.0}).toPoint();
    const int count = static_cast<int>(f.chart->plotArea().width()) * 3;
    QList<QPointF> noise, rising, wave;
    for (int i = 0; i < count; ++i) {
        const double x = 100.0 * i / (count - 1);
        noise << QPointF(x, i % 2 == 0 ? 1.0 : 1.0001);
        rising << QPointF(x, 1.0 + 1e-4 * i / count);
        wave << QPointF(x, (i / 20) % 2 == 0 ? 1.0 + 1e-6 * (i % 20) : 1.0 + 1e-6 * (20 - i % 20));
    }
    QList<QPolygonF> mapped(3);
    int k = 0;
    for (const QList<QPointF> *line : {&noise, &rising, &wave}) {
        for (const QPointF &p : *line)
            mapped[k] << f.lines->mapToChart(p);
        ++k;
    }
    QVERIFY(PlotLines::isNoiseBand(mapped[0], f.chart->plotArea().width()));
    QVERIFY(!PlotLines::isNoiseBand(mapped[1], f.chart->plotArea().width()));
    QVERIFY(!PlotLines::isNoiseBand(mapped[2], f.chart->plotArea().width()));

    f.lines->setPoints(0, noise);
    const int thin = inkedRows(f.render(), middle);
    QVERIFY2(thin >= 1 && thin <= 2, qPrintable(QString::number(thin)));
    // An image with 2 device pixels per pixel (an export at scale 2) keeps 1 px: the red ink
    // across the column adds up to about two rows' worth.
    const auto ink = [](const QImage &image, QPoint at) {
        qreal sum = 0.0;
        for (int r = at.y() - 8; r <= at.y() + 8; ++r)
            sum += (255 - qGreen(image.pixel(at.x(), r))) / 255.0;
        return sum;
    };
    const qreal thinOnHighDpi = ink(f.render(2), middle * 2);
    QVERIFY2(thinOnHighDpi > 1.5 && thinOnHighDpi < 2.5, qPrintable(QString::number(thinOnHighDpi)));
    for (const QList<QPointF> *line : {&rising, &wave}) {
        f.lines->setPoints(0, *line);
        const int wide = inkedRows(f.render(), middle);
        QVERIFY2(wide >= 3 && wide <= 4, qPrintable(QString::number(wide)));
        const qreal wideOnHighDpi = ink(f.render(2), middle * 2); // the pen's 3 px: 6 device pixels
        QVERIFY2(wideOnHighDpi > 5.0 && wideOnHighDpi < 7.0, qPrintable(QString::number(wideOnHighDpi)));
    }
}

void TestPlotLines::repaintsWhenItsLinesChange()
{
    // Counts its paints in a real view: new points (which no other item of the chart repaints),
    // a new pen or visibility of a source series and a new axis range must each reach the screen.
    struct Counting : PlotLines {
        using PlotLines::PlotLines;
        int paints = 0;
        void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
        {
            ++paints;
            PlotLines::paint(painter, option, widget);
        }
    };
    auto *chart = new QChart;
    auto *x = new QValueAxis;
    auto *y = new QLogValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    x->setRange(0.0, 100.0);
    y->setRange(1e-3, 1e2);
    auto *source = new QLineSeries;
    chart->addSeries(source);
    source->attachAxis(x);
    source->attachAxis(y);
    chart->legend()->hide(); // its markers would repaint on a series' change and hide a missed update
    QChartView view(chart);
    view.resize(400, 300);
    auto *lines = new Counting(chart, x, y);
    lines->setPenSources({source});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(lines->paints > 0);
    const auto repaints = [&](const std::function<void()> &change) {
        QTest::qWait(50); // whatever was pending is painted
        const int before = lines->paints;
        change();
        return QTest::qWaitFor([&] { return lines->paints > before; }, 2000);
    };
    QVERIFY(repaints([&] { lines->setPoints(0, {{10.0, 1.0}, {90.0, 10.0}}); }));
    QVERIFY(repaints([&] { source->setPen(QPen(Qt::blue, 2.0)); }));
    QVERIFY(repaints([&] { source->setVisible(false); }));
    QVERIFY(repaints([&] { source->setVisible(true); }));
    QVERIFY(repaints([&] { x->setRange(0.0, 50.0); }));
    // A band's area series' new fill, outline (also one that only changes width) and visibility.
    // Qt Charts repaints the plot on these by itself (the test passes without PlotLines' own
    // connections to the area): this checks what reaches the screen.
    QAreaSeries *area = addBandSource(chart, x, y);
    lines->setPenSources({area, area});
    lines->setFill(area, 0, 1);
    QVERIFY(repaints([&] { lines->setPoints(1, {{10.0, 0.1}, {90.0, 0.1}}); }));
    QVERIFY(repaints([&] { area->setBrush(QColor(200, 0, 0)); }));
    QVERIFY(repaints([&] { area->setPen(QPen(Qt::black, 2.0)); }));
    QVERIFY(repaints([&] { area->setPen(QPen(Qt::black, 4.0)); })); // only the width
    QVERIFY(repaints([&] { area->setVisible(false); }));
}

void TestPlotLines::noiseBandIsOneDevicePixelOnScreen()
{
    // On screen a band of noise is one device pixel wide (Qt strokes that the fast way): half a
    // pixel where 2 device pixels make a pixel. Into an image, an export, it stays 1 px.
    struct Probe : QWidget {
        qreal scale = 1.0, width = -1.0;
        void paintEvent(QPaintEvent *) override
        {
            QPainter painter(this);
            painter.scale(scale, scale); // as a device pixel ratio of `scale` would
            width = PlotLines::noiseBandWidth(&painter);
        }
    };
    Probe probe;
    probe.resize(50, 50);
    probe.show();
    QVERIFY(QTest::qWaitForWindowExposed(&probe));
    for (const qreal scale : {1.0, 2.0, 3.0}) {
        probe.scale = scale;
        probe.width = -1.0;
        probe.repaint();
        QCOMPARE(probe.width, 1.0 / scale);
    }
    QImage image(100, 100, QImage::Format_ARGB32);
    image.setDevicePixelRatio(2.0);
    QPainter painter(&image);
    QCOMPARE(PlotLines::noiseBandWidth(&painter), 1.0);
    painter.scale(2.0, 2.0);
    QCOMPARE(PlotLines::noiseBandWidth(&painter), 1.0);
}

void TestPlotLines::lonePointIsADot()
{
    Fixture f;
    f.lines->setPoints(0, {{40.0, 0.1}});
    const QPoint at = f.lines->mapToChart({40.0, 0.1}).toPoint();
    const QImage image = f.render();
    // A disc of 1.5 pen widths (4.5 px) around the point, as QLineSeries draws a visible point.
    QVERIFY(isRed(image.pixel(at)));
    QVERIFY(isRed(image.pixel(at + QPoint(3, 0))));
    QVERIFY(isRed(image.pixel(at + QPoint(0, -3))));
    QVERIFY(!isRed(image.pixel(at + QPoint(8, 0))));
}

void TestPlotLines::hiddenOrDeletedSourceDrawsNothing()
{
    Fixture f;
    f.lines->setPoints(0, {{0.0, 1.0}, {100.0, 1.0}});
    const QPoint middle = f.lines->mapToChart({50.0, 1.0}).toPoint();
    QVERIFY(isRed(f.render().pixel(middle)));
    f.source->setVisible(false);
    QVERIFY(!isRed(f.render().pixel(middle)));
    f.source->setVisible(true);
    QVERIFY(isRed(f.render().pixel(middle)));
    f.chart->removeSeries(f.source);
    delete f.source;
    QCOMPARE(f.lines->lineCount(), 1); // the points stay; nothing draws them
    QVERIFY(!isRed(f.render().pixel(middle)));
    // A line index out of range is ignored.
    f.lines->setPoints(5, {{0.0, 1.0}});
    QCOMPARE(f.lines->lineCount(), 1);
}

void TestPlotLines::fillsABandUnderItsLines()
{
    // A band from 0.01 to 10 (lines 0 and 1, the area's outline) with the red line at 1 inside
    // it, from step 10 to 90.
    Fixture f;
    QAreaSeries *area = addBandSource(f.chart, f.x, f.y);
    f.lines->setPenSources({area, area, f.source});
    f.lines->setFill(area, 0, 1);
    f.lines->setPoints(0, {{10.0, 10.0}, {50.0, 10.0}, {90.0, 10.0}});
    f.lines->setPoints(1, {{10.0, 0.01}, {90.0, 0.01}});
    f.lines->setPoints(2, {{10.0, 1.0}, {90.0, 1.0}});
    const auto at = [&](double step, double value) { return f.lines->mapToChart({step, value}).toPoint(); };
    QImage image = f.render();
    QVERIFY(isGreen(image.pixel(at(50.0, 3.0))));  // inside the band
    QVERIFY(isGreen(image.pixel(at(50.0, 0.03))));
    QVERIFY(isRed(image.pixel(at(50.0, 1.0))));    // the line over the fill
    QVERIFY(isBlue(image.pixel(at(50.0, 10.0))));  // the edges, with the area's outline
    QVERIFY(isBlue(image.pixel(at(30.0, 0.01))));
    QVERIFY(!isGreen(image.pixel(at(50.0, 40.0)))); // above it, below it, after its last step
    QVERIFY(!isGreen(image.pixel(at(50.0, 0.003))));
    QVERIFY(!isGreen(image.pixel(at(95.0, 1.0))));
    // The area's brush as it is now.
    area->setBrush(QColor(200, 200, 200));
    image = f.render();
    QVERIFY(!isGreen(image.pixel(at(50.0, 3.0))));
    QCOMPARE(image.pixel(at(50.0, 3.0)), qRgb(200, 200, 200));
    area->setBrush(QColor(0, 200, 0));
    // Hidden, the area shows neither its fill nor its edges; the line stays.
    area->setVisible(false);
    image = f.render();
    QVERIFY(!isGreen(image.pixel(at(50.0, 3.0))));
    QVERIFY(!isBlue(image.pixel(at(50.0, 10.0))));
    QVERIFY(isRed(image.pixel(at(50.0, 1.0))));
    area->setVisible(true);
    // Without the fill the edges remain.
    f.lines->setFill(nullptr, 0, 1);
    image = f.render();
    QVERIFY(!isGreen(image.pixel(at(50.0, 3.0))));
    QVERIFY(isBlue(image.pixel(at(50.0, 10.0))));
    // Clipped to the plot as the lines are.
    f.lines->setFill(area, 0, 1);
    f.lines->setPoints(0, {{-50.0, 10.0}, {150.0, 10.0}});
    f.lines->setPoints(1, {{-50.0, 0.01}, {150.0, 0.01}});
    image = f.render();
    const QRectF plot = f.chart->plotArea();
    const int row = at(50.0, 3.0).y();
    QVERIFY(isGreen(image.pixel(static_cast<int>(plot.left()) + 3, row)));
    for (int column = 0; column < static_cast<int>(plot.left()) - 2; ++column)
        QVERIFY2(!isGreen(image.pixel(column, row)), qPrintable(QString::number(column)));
    for (int column = static_cast<int>(plot.right()) + 3; column < 400; ++column)
        QVERIFY2(!isGreen(image.pixel(column, row)), qPrintable(QString::number(column)));
}

void TestPlotLines::fillsClosedOutlines()
{
    // Two bars as histograms and bar charts give them: outlines from the baseline up and back
    // down, each closed on itself and filled with its own area's brush, its outline all round
    // (along the base too, as an area's outline is).
    Fixture f;
    f.y->setRange(1e-2, 1e2);
    f.settle();
    QAreaSeries *first = addBandSource(f.chart, f.x, f.y);
    QAreaSeries *second = addBandSource(f.chart, f.x, f.y);
    second->setBrush(QColor(200, 200, 200));
    f.lines->setPenSources({first, second});
    f.lines->setFills({{first, 0, PlotLines::kClosed}, {second, 1, PlotLines::kClosed}});
    QCOMPARE(f.lines->fillCount(), 2);
    f.lines->setPoints(0, {{10.0, 0.1}, {10.0, 10.0}, {40.0, 10.0}, {40.0, 0.1}});
    f.lines->setPoints(1, {{60.0, 0.1}, {60.0, 1.0}, {90.0, 1.0}, {90.0, 0.1}});
    const auto at = [&](double step, double value) { return f.lines->mapToChart({step, value}).toPoint(); };
    QImage image = f.render();
    QVERIFY(isGreen(image.pixel(at(25.0, 1.0))));
    QCOMPARE(image.pixel(at(75.0, 0.3)), qRgb(200, 200, 200));
    QVERIFY(!isGreen(image.pixel(at(50.0, 1.0)))); // between the bars
    QVERIFY(!isGreen(image.pixel(at(25.0, 30.0)))); // above the first
    for (const QPoint edge : {at(10.0, 1.0), at(25.0, 10.0), at(40.0, 1.0), at(25.0, 0.1), at(75.0, 0.1)})
        QVERIFY2(isBlue(image.pixel(edge)), qPrintable(QStringLiteral("%1, %2").arg(edge.x()).arg(edge.y())));
    // A hidden area hides its bar, fill and outline; the other stays.
    first->setVisible(false);
    image = f.render();
    QVERIFY(!isGreen(image.pixel(at(25.0, 1.0))));
    QVERIFY(!isBlue(image.pixel(at(25.0, 10.0))));
    QCOMPARE(image.pixel(at(75.0, 0.3)), qRgb(200, 200, 200));
    first->setVisible(true);
    // Fewer fills: the second bar's outline stays, open (no base line) and unfilled.
    f.lines->setFills({{first, 0, PlotLines::kClosed}});
    image = f.render();
    QVERIFY(isGreen(image.pixel(at(25.0, 1.0))));
    QVERIFY(image.pixel(at(75.0, 0.3)) != qRgb(200, 200, 200));
    QVERIFY(isBlue(image.pixel(at(60.0, 0.3))));
    QVERIFY(!isBlue(image.pixel(at(75.0, 0.1))));
}

void TestPlotLines::wideLinesStrokeAsThePolylineWould_data()
{
    QTest::addColumn<QList<QPointF>>("points");
    QTest::addColumn<qreal>("width");
    QTest::addColumn<qreal>("nearby"); // device pixels around an inner join left out
    QTest::addColumn<qreal>("ratio");
    // Steps as a histogram's outline: equal neighbouring bins merge into one segment.
    QList<QPointF> steps{{5.0, 0.1}};
    for (int b = 0; b < 30; ++b) {
        const double level = b % 3 == 0 ? 0.1 : 3.0;
        steps << QPointF(5.0 + 3.0 * b, level) << QPointF(5.0 + 3.0 * (b + 1), level);
    }
    steps << QPointF(95.0, 0.1);
    // Square corners: only the pixels next to a corner differ (a bevel join cuts its outside).
    QTest::newRow("steps, 3 px") << steps << qreal(3.0) << qreal(2.5) << qreal(1.0);
    QTest::newRow("steps, 3 px, ratio 2") << steps << qreal(3.0) << qreal(5.0) << qreal(2.0);
    // A history's zig-zag, up and down by different amounts, ending inside the plot. Near a join
    // flat caps leave out the bevel's triangle, and where the two segments' edges overlap
    // (farther out at a sharper turn) their antialiased pixels are blended twice.
    QList<QPointF> zigzag;
    for (int i = 0; i <= 18; ++i)
        zigzag << QPointF(5.0 + 5.0 * i, std::pow(10.0, (i % 2 == 0 ? -0.2 : 0.2) + 0.05 * (i % 5)));
    QTest::newRow("zig-zag, 2 px") << zigzag << qreal(2.0) << qreal(6.0) << qreal(1.0);
    QTest::newRow("zig-zag, 3 px") << zigzag << qreal(3.0) << qreal(7.0) << qreal(1.0);
    QTest::newRow("zig-zag, 2 px, ratio 2") << zigzag << qreal(2.0) << qreal(12.0) << qreal(2.0);
}

void TestPlotLines::wideLinesStrokeAsThePolylineWould()
{
    // On screen a line wider than a device pixel is stroked as separate segments (Qt's fast way):
    // the same pixels as Qt's own polyline, which an export draws, but near the inner joins; its
    // two ends keep the pen's square caps.
    QFETCH(QList<QPointF>, points);
    QFETCH(qreal, width);
    QFETCH(qreal, nearby);
    QFETCH(qreal, ratio);
    Fixture f;
    f.y->setRange(1e-2, 1e2);
    f.settle();
    f.source->setPen(QPen(Qt::red, width));
    f.lines->setPoints(0, points);
    bool onScreen = false;
    const QImage drawn = renderOnScreen(f.scene, ratio, &onScreen);
    QVERIFY(onScreen);
    const QImage reference = renderExport(f.scene, ratio); // the polyline, as Qt strokes it
    QCOMPARE(drawn.size(), reference.size());
    QPolygonF joins;
    for (qsizetype i = 1; i + 1 < points.size(); ++i)
        joins << f.lines->mapToChart(points[i]) * ratio;
    int red = 0;
    for (int yy = 0; yy < reference.height(); ++yy)
        for (int xx = 0; xx < reference.width(); ++xx)
            red += isRed(reference.pixel(xx, yy)) ? 1 : 0;
    QVERIFY2(red > 500 * ratio, qPrintable(QString::number(red)));
    int maxDifference = 0;
    const int differing = differingPixels(drawn, reference, joins, nearby, &maxDifference);
    QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1 pixels, by up to %2").arg(differing).arg(maxDifference)));
}

void TestPlotLines::crispFillsStayUnderTheirOutline_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::newRow("ratio 1") << qreal(1.0);
    QTest::newRow("ratio 2") << qreal(2.0);
}

void TestPlotLines::crispFillsStayUnderTheirOutline()
{
    // On screen a histogram's closed outline of steps is filled without antialiasing, its edges
    // rounded to whole device pixels under its 1.5 px stroke: the picture is an export's (an
    // antialiased fill) but at the corners.
    QFETCH(qreal, ratio);
    Fixture f;
    f.y->setRange(1e-2, 1e2);
    f.settle();
    QAreaSeries *area = addBandSource(f.chart, f.x, f.y);
    area->setPen(QPen(Qt::blue, 1.5));
    QColor fill(0, 200, 0);
    fill.setAlphaF(0.55);
    area->setBrush(fill);
    f.lines->setPenSources({area});
    f.lines->setFills({{area, 0, PlotLines::kClosed}});
    QList<QPointF> outline{{7.3, 0.01}};
    for (int b = 0; b < 25; ++b) {
        const double level = 0.05 * std::pow(1.3, b % 9 + 1);
        outline << QPointF(7.3 + 3.3 * b, level) << QPointF(7.3 + 3.3 * (b + 1), level);
    }
    outline << QPointF(7.3 + 3.3 * 25, 0.01);
    f.lines->setPoints(0, outline);
    const QImage drawn = renderOnScreen(f.scene, ratio);
    const QImage reference = renderExport(f.scene, ratio);
    QPolygonF corners;
    for (const QPointF &p : std::as_const(outline))
        corners << f.lines->mapToChart(p) * ratio;
    int green = 0;
    for (int yy = 0; yy < reference.height(); ++yy)
        for (int xx = 0; xx < reference.width(); ++xx)
            green += qGreen(reference.pixel(xx, yy)) > 200 && qRed(reference.pixel(xx, yy)) < 180 ? 1 : 0;
    QVERIFY2(green > 1000, qPrintable(QString::number(green)));
    int maxDifference = 0;
    const int differing = differingPixels(drawn, reference, corners, 2.5 * ratio, &maxDifference);
    QVERIFY2(differing == 0, qPrintable(QStringLiteral("%1 pixels, by up to %2").arg(differing).arg(maxDifference)));
}

void TestPlotLines::reportsTheFillUnderTheCursor()
{
    // Hovering a fill's column (above a low bar too) reports it, moving to another reports leaving
    // the first, and leaving the plot or switching hover off reports leaving.
    auto *chart = new QChart;
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    x->setRange(0.0, 100.0);
    y->setRange(0.0, 10.0);
    chart->legend()->hide();
    QChartView view(chart);
    view.resize(400, 300);
    QAreaSeries *first = addBandSource(chart, x, y);
    QAreaSeries *second = addBandSource(chart, x, y);
    auto *lines = new PlotLines(chart, x, y);
    lines->setPenSources({first, second});
    lines->setFills({{first, 0, PlotLines::kClosed}, {second, 1, PlotLines::kClosed}});
    lines->setPoints(0, {{10.0, 0.0}, {10.0, 1.0}, {40.0, 1.0}, {40.0, 0.0}});
    lines->setPoints(1, {{60.0, 0.0}, {60.0, 8.0}, {90.0, 8.0}, {90.0, 0.0}});
    QList<std::pair<int, bool>> events;
    connect(lines, &PlotLines::fillHovered, this, [&](int fill, bool entering) { events.append({fill, entering}); });
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto viewPoint = [&](double step, double value) {
        return view.mapFromScene(chart->mapToScene(lines->mapToChart({step, value})));
    };
    lines->setFillsHoverable(true);
    QCOMPARE(lines->fillAt(lines->mapToChart({25.0, 9.0})), 0);
    QCOMPARE(lines->fillAt(lines->mapToChart({50.0, 0.5})), -1);
    QTest::mouseMove(view.viewport(), viewPoint(25.0, 9.0)); // far above the low first bar
    QTRY_COMPARE(events, (QList<std::pair<int, bool>>{{0, true}}));
    QTest::mouseMove(view.viewport(), viewPoint(75.0, 2.0));
    QTRY_COMPARE(events, (QList<std::pair<int, bool>>{{0, true}, {0, false}, {1, true}}));
    QTest::mouseMove(view.viewport(), viewPoint(50.0, 2.0)); // between them
    QTRY_COMPARE(events.size(), 4);
    QCOMPARE(events.last(), std::make_pair(1, false));
    QTest::mouseMove(view.viewport(), viewPoint(30.0, 5.0));
    QTRY_COMPARE(events.size(), 5);
    // Out of the plot, over the chart's title: leaving.
    QTest::mouseMove(view.viewport(), view.mapFromScene(chart->mapToScene(QPointF(200.0, 5.0))));
    QTRY_COMPARE(events.size(), 6);
    QCOMPARE(events.last(), std::make_pair(0, false));
    // Out of the view: leaving.
    QTest::mouseMove(view.viewport(), viewPoint(75.0, 2.0));
    QTRY_COMPARE(events.size(), 7);
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(view.viewport(), &leave);
    QTRY_COMPARE(events.size(), 8);
    QCOMPARE(events.last(), std::make_pair(1, false));
    QTest::mouseMove(view.viewport(), viewPoint(30.0, 5.0));
    QTRY_COMPARE(events.size(), 9);
    lines->setFillsHoverable(false);
    QCOMPARE(events.last(), std::make_pair(0, false));
    // A hidden area is not reported.
    first->setVisible(false);
    QCOMPARE(lines->fillAt(lines->mapToChart({25.0, 0.5})), -1);
}

QTEST_MAIN(TestPlotLines)
#include "tst_plotlines.moc"
