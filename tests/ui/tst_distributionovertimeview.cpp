// The distribution-over-time view plots the chosen layer's p15/p50/p85 history, offers one
// choice per layer (the last by default, kept across depth changes while valid), copes with
// NaN and missing series, and gives a long history only what the plot's pixels show.

#include "ui/distributionovertimeview.h"
#include "viewtestdata.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLineSeries>
#include <QValueAxis>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <string>

using layerlens::core::History;
using layerlens::core::LayerStats;
using layerlens::core::Snapshot;
using layerlens::ui::DistributionOverTimeView;
using layerlens::ui::Frame;
using Percentile = DistributionOverTimeView::Percentile;

namespace {

// `depth` layers measured every 10 steps up to `steps`. Layer i's median sits at i and drifts
// upwards with the step; its band half-width is 0.5 + i/10 and widens (no BatchNorm).
Frame realisticFrame(int depth, int steps)
{
    auto history = std::make_shared<History>();
    for (int step = 0; step <= steps; step += 10) {
        const double t = step / double(std::max(1, steps));
        for (int i = 1; i <= depth; ++i) {
            const std::string prefix = "layer" + std::to_string(i) + ".";
            const double median = i + 0.8 * t * i / depth + 0.05 * std::sin(step / 37.0);
            const double half = 0.5 + i / 10.0 + 0.6 * t * t;
            history->append(prefix + "pre_p15", step, median - half);
            history->append(prefix + "pre_p50", step, median);
            history->append(prefix + "pre_p85", step, median + half * 1.1);
        }
    }
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->step = steps;
    for (int i = 1; i <= depth; ++i) {
        LayerStats layer;
        layer.index = i;
        layer.width = 64;
        snapshot->layers.push_back(layer);
    }
    Frame frame;
    frame.snapshot = snapshot;
    frame.history = history;
    frame.config.network.depth = depth;
    return frame;
}

QComboBox *layerChoice(DistributionOverTimeView &view)
{
    return view.findChild<QComboBox *>(QStringLiteral("layerChoice"));
}

// One layer whose 15–85 % band widens over 101 points up to step 821900 (seven-digit labels).
Frame sevenDigitSteps()
{
    auto history = std::make_shared<History>();
    for (int i = 0; i <= 100; ++i) {
        const long long step = i * 8219LL;
        history->append("layer1.pre_p15", step, -1.0 - i / 100.0);
        history->append("layer1.pre_p50", step, 0.0);
        history->append("layer1.pre_p85", step, 1.0 + i / 100.0);
    }
    Frame frame = realisticFrame(1, 0);
    frame.history = history;
    return frame;
}

} // namespace

class TestDistributionOverTimeView : public QObject {
    Q_OBJECT
private slots:
    void identity();
    void plotsLastLayerByDefault();
    void switchingLayerChangesData();
    void depthChangeKeepsValidChoice();
    void skipsNonFinite();
    void missingSeries();
    void longHistoryKeepsWhatThePlotShows();
    void renders();
    void stepLabelsStayWhole();
    void fitAxisRoundsToNiceNumbers();
    void shortChartsKeepTheirNumbers_data();
    void shortChartsKeepTheirNumbers();
};

void TestDistributionOverTimeView::identity()
{
    DistributionOverTimeView view;
    QCOMPARE(view.viewId(), QStringLiteral("distribution"));
    QCOMPARE(view.title(), QStringLiteral("Distribution over time"));
    QCOMPARE(view.charts().size(), 1);
    QCOMPARE(view.seriesCount(), 2); // the band and the median
    QVERIFY(qobject_cast<QAreaSeries *>(view.charts().front()->series().front()));
    QVERIFY(layerChoice(view));
}

void TestDistributionOverTimeView::plotsLastLayerByDefault()
{
    DistributionOverTimeView view;
    const Frame frame = realisticFrame(4, 1000);
    view.showFrame(frame);
    QComboBox *choice = layerChoice(view);
    QCOMPARE(choice->count(), 4);
    QCOMPARE(choice->itemText(0), QStringLiteral("Layer 1"));
    QCOMPARE(choice->itemText(3), QStringLiteral("Layer 4"));
    QCOMPARE(view.layerCount(), 4);
    QCOMPARE(view.chosenLayer(), 4);
    for (Percentile p : {Percentile::P15, Percentile::P50, Percentile::P85})
        QCOMPARE(view.pointCount(p), 101);
    const auto &median = frame.history->find("layer4.pre_p50")->points();
    const QList<QPointF> plotted = view.points(Percentile::P50);
    QCOMPARE(plotted[50], QPointF(double(median[50].step), median[50].value));
    QCOMPARE(view.points(Percentile::P85).back().y(), frame.history->find("layer4.pre_p85")->points().back().value);
}

void TestDistributionOverTimeView::switchingLayerChangesData()
{
    DistributionOverTimeView view;
    const Frame frame = realisticFrame(3, 500);
    view.showFrame(frame);
    const QList<QPointF> before = view.points(Percentile::P50);
    layerChoice(view)->setCurrentIndex(0);
    QCOMPARE(view.chosenLayer(), 1);
    const QList<QPointF> after = view.points(Percentile::P50);
    QVERIFY(after != before);
    QCOMPARE(after.front().y(), frame.history->find("layer1.pre_p50")->points().front().value);
    QCOMPARE(view.points(Percentile::P15).front().y(), frame.history->find("layer1.pre_p15")->points().front().value);
    // The next frame keeps the user's choice.
    view.showFrame(realisticFrame(3, 600));
    QCOMPARE(view.chosenLayer(), 1);
    QCOMPARE(view.pointCount(Percentile::P50), 61);
}

void TestDistributionOverTimeView::depthChangeKeepsValidChoice()
{
    DistributionOverTimeView view;
    view.showFrame(realisticFrame(5, 100));
    layerChoice(view)->setCurrentIndex(1); // layer 2
    view.showFrame(realisticFrame(3, 100));
    QCOMPARE(view.layerCount(), 3);
    QCOMPARE(view.chosenLayer(), 2); // still valid: kept
    view.showFrame(realisticFrame(1, 100));
    QCOMPARE(view.layerCount(), 1);
    QCOMPARE(view.chosenLayer(), 1); // gone: the last layer, and from now on the last one
    view.showFrame(realisticFrame(6, 100));
    QCOMPARE(view.chosenLayer(), 6);
    layerChoice(view)->setCurrentIndex(5); // the last, chosen explicitly: it follows the depth
    view.showFrame(realisticFrame(8, 100));
    QCOMPARE(view.layerCount(), 8);
    QCOMPARE(view.chosenLayer(), 8);
    QCOMPARE(view.points(Percentile::P50).front().y(), 8.0);
}

void TestDistributionOverTimeView::skipsNonFinite()
{
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    Frame frame = realisticFrame(1, 0);
    auto history = std::make_shared<History>();
    history->append("layer1.pre_p15", 0, -1.0);
    history->append("layer1.pre_p50", 0, 0.0);
    history->append("layer1.pre_p85", 0, 1.0);
    history->append("layer1.pre_p15", 10, nan);
    history->append("layer1.pre_p50", 10, nan);
    history->append("layer1.pre_p85", 10, inf);
    history->append("layer1.pre_p15", 20, -2.0);
    history->append("layer1.pre_p50", 20, 0.5);
    history->append("layer1.pre_p85", 20, -inf);
    frame.history = history;
    DistributionOverTimeView view;
    view.resize(800, 500);
    view.show();
    view.showFrame(frame);
    QCOMPARE(view.points(Percentile::P50), (QList<QPointF>{{0, 0.0}, {20, 0.5}}));
    QCOMPARE(view.pointCount(Percentile::P15), 2);
    QCOMPARE(view.pointCount(Percentile::P85), 1);
    QVERIFY(!view.grab().isNull());
}

void TestDistributionOverTimeView::missingSeries()
{
    DistributionOverTimeView view;
    // Depth from the config before any layer was measured; no history yet.
    Frame frame;
    frame.snapshot = std::make_shared<Snapshot>();
    frame.config.network.depth = 3;
    view.showFrame(frame);
    QCOMPARE(view.layerCount(), 3);
    QCOMPARE(view.chosenLayer(), 3);
    QCOMPARE(view.pointCount(Percentile::P50), 0);
    frame.history = std::make_shared<History>();
    view.showFrame(frame);
    QCOMPARE(view.pointCount(Percentile::P15), 0);
}

void TestDistributionOverTimeView::longHistoryKeepsWhatThePlotShows()
{
    // 4000 points per percentile (steps 0, 10, …, 39990) on a plot a few hundred pixels wide.
    const Frame frame = realisticFrame(3, 39990);
    DistributionOverTimeView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frame);
    QChart *chart = view.charts().front();
    const auto *steps = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).front());
    QVERIFY(steps);
    static constexpr const char *kName[] = {"layer3.pre_p15", "layer3.pre_p50", "layer3.pre_p85"};
    constexpr Percentile kAll[] = {Percentile::P15, Percentile::P50, Percentile::P85};
    // Per column as wide as a pixel, over the step axis: the same first, last, lowest and highest
    // values as the whole history, and only history points.
    const auto matchesPlot = [&] {
        const int columns = static_cast<int>(std::ceil(chart->plotArea().width() * view.devicePixelRatioF()));
        if (columns < 100 || steps->min() > 0.0 || steps->max() < 39990.0)
            return false;
        for (const Percentile p : kAll) {
            const QList<QPointF> points = view.points(p);
            // A band edge keeps its partner's steps too: up to 8 points a column.
            if (points.size() > 8 * columns || points.size() >= 4000 ||
                !viewtestdata::keepsEveryColumn(points, frame.history->find(kName[static_cast<int>(p)])->points(),
                                                columns, steps->min(), steps->max()))
                return false;
        }
        return true;
    };
    QTRY_VERIFY(matchesPlot()); // once laid out and filled for the plot's width
    // The band's edges go through the same steps, so that they cannot cross.
    const QList<QPointF> upper = view.points(Percentile::P85), lower = view.points(Percentile::P15);
    QCOMPARE(upper.size(), lower.size());
    for (qsizetype i = 0; i < upper.size(); ++i)
        QCOMPARE(upper[i].x(), lower[i].x());
    std::array<QList<QPointF>, 3> shown;
    for (const Percentile p : kAll)
        shown[static_cast<std::size_t>(p)] = view.points(p);
    view.setEveryPoint(true); // an export
    QCOMPARE(view.pointCount(Percentile::P50), 4000);
    QCOMPARE(view.pointCount(Percentile::P15), 4000);
    view.setEveryPoint(false);
    QCOMPARE(view.points(Percentile::P85), shown[static_cast<std::size_t>(Percentile::P85)]);
}

void TestDistributionOverTimeView::renders()
{
    DistributionOverTimeView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Frame frame = realisticFrame(4, 2000);
    view.showFrame(frame);
    QCoreApplication::processEvents(); // the chart lays out as it would in the event loop
    const QPixmap image = view.grab();
    QCOMPARE(image.size(), QSize(800, 500));
    // The chart's series only give the pens, the fill and the legend; the points are drawn by
    // PlotLines. Between the median and the 85th percentile lies the band's light blue fill, above
    // the band the plot's white or grey (a grid line), untinted.
    QChart *chart = view.charts().front();
    for (QAbstractSeries *series : chart->series()) {
        if (auto *area = qobject_cast<QAreaSeries *>(series)) {
            QCOMPARE(area->upperSeries()->count(), 0);
            QCOMPARE(area->lowerSeries()->count(), 0);
        } else {
            QCOMPARE(qobject_cast<QXYSeries *>(series)->count(), 0);
        }
    }
    const auto *chartView = view.findChild<QChartView *>();
    QVERIFY(chartView);
    const QImage pixels = image.toImage();
    const auto pixelAt = [&](double step, double z) {
        const QPointF inScene = chart->mapToScene(chart->mapToPosition({step, z}, chart->series().back()));
        return pixels.pixel(chartView->viewport()->mapTo(&view, chartView->mapFromScene(inScene)));
    };
    const double median = frame.history->find("layer4.pre_p50")->points()[100].value;
    const double upper = frame.history->find("layer4.pre_p85")->points()[100].value;
    const QRgb inside = pixelAt(1000.0, (median + upper) / 2.0), above = pixelAt(1000.0, upper + 0.4);
    QVERIFY2(qBlue(inside) > qRed(inside) + 30 && qRed(inside) < 230,
             qPrintable(QColor(inside).name()));
    QVERIFY2(qRed(above) > 200 && std::abs(qBlue(above) - qRed(above)) < 12, qPrintable(QColor(above).name()));
    if (const QString dir = qEnvironmentVariable("LAYERLENS_VIEW_PNG_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + QStringLiteral("/distribution.png")));
    }
}

void TestDistributionOverTimeView::stepLabelsStayWhole()
{
    // Seven-digit steps on a narrow chart, in normal type and in presentation mode's larger one:
    // the step axis takes as many ticks as its labels leave room for, and none is elided.
    const Frame frame = sevenDigitSteps();
    for (const bool presentation : {false, true}) {
        DistributionOverTimeView view;
        view.resize(280, 320);
        view.setPresentation(presentation);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showFrame(frame);
        QChart *chart = view.charts().front();
        const auto *steps = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).front());
        // Number labels as the scene shows them, once laid out (whole or elided).
        static const QRegularExpression number(QStringLiteral("^-?[0-9][0-9.]*$"));
        const auto numberLabels = [&] {
            QStringList labels;
            for (QGraphicsItem *item : chart->scene()->items())
                if (const auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    if (const QString plain = text->toPlainText(); number.match(plain).hasMatch())
                        labels << plain;
            return labels;
        };
        // Once laid out and fitted to the plot (a queued relayout may follow the first frame).
        const auto whole = [&] {
            const QStringList labels = numberLabels();
            return steps->max() >= 821900.0 && labels.contains(QStringLiteral("0")) &&
                   !labels.join(u' ').contains(QStringLiteral("..."));
        };
        QTRY_VERIFY2(whole(), qPrintable(numberLabels().join(u' ')));
        const QStringList labels = numberLabels();
        QVERIFY2(steps->tickCount() >= 2, qPrintable(QString::number(steps->tickCount())));
        QVERIFY(labels.contains(QStringLiteral("0")));
    }
}

void TestDistributionOverTimeView::shortChartsKeepTheirNumbers_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("titleShown");
    // Qt Charts gives the step axis at most 40 % of the height between the chart's title and its
    // legend; below about 230 px (presentation mode: 270 px) the axis's title would squeeze the
    // numbers to "...", so it goes.
    QTest::newRow("normal, 170 px") << false << 170 << false;
    QTest::newRow("normal, 200 px") << false << 200 << false;
    QTest::newRow("normal, 300 px") << false << 300 << true;
    QTest::newRow("presentation, 200 px") << true << 200 << false;
    QTest::newRow("presentation, 240 px") << true << 240 << false;
    QTest::newRow("presentation, 300 px") << true << 300 << true;
}

void TestDistributionOverTimeView::shortChartsKeepTheirNumbers()
{
    QFETCH(bool, presentation);
    QFETCH(int, height);
    QFETCH(bool, titleShown);
    const Frame frame = sevenDigitSteps();
    DistributionOverTimeView view;
    view.resize(550, height);
    view.setPresentation(presentation);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frame);
    QChart *chart = view.charts().front();
    const QAbstractAxis *steps = chart->axes(Qt::Horizontal).front();
    // Every text of the chart as the scene shows it: the numbers whole, the title as decided.
    const auto texts = [&] {
        QStringList all;
        for (QGraphicsItem *item : chart->scene()->items())
            if (const auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                all << text->toPlainText();
        return all;
    };
    const auto settled = [&] {
        const QStringList all = texts();
        return all.contains(QStringLiteral("1000000")) && !all.join(u'|').contains(QStringLiteral("...")) &&
               steps->isTitleVisible() == titleShown;
    };
    QTRY_VERIFY2(settled(), qPrintable(texts().join(u'|') + QStringLiteral(" title shown: ") +
                                       QString::number(steps->isTitleVisible())));
    QCOMPARE(texts().contains(QStringLiteral("step")), titleShown);
}

void TestDistributionOverTimeView::fitAxisRoundsToNiceNumbers()
{
    using layerlens::ui::DashboardView;
    QValueAxis axis;
    axis.setLabelFormat(QStringLiteral("%.0f"));
    DashboardView::fitAxis(&axis, 0.3, 9.7); // no plot length: the axis's 5 ticks, rounded to steps of 2
    QCOMPARE(axis.min(), 0.0);
    QCOMPARE(axis.max(), 10.0);
    QCOMPARE(axis.tickCount(), 6);
    DashboardView::fitAxis(&axis, -3.0, 3.0);
    QCOMPARE(axis.min(), -4.0);
    QCOMPARE(axis.max(), 4.0);
    DashboardView::fitAxis(&axis, 2.0, 2.0); // one value: a small range around it
    QVERIFY(axis.min() < 2.0 && axis.max() > 2.0);
    // A range whose nice rounding overflows takes the values as they are, not NaN.
    DashboardView::fitAxis(&axis, 0.0, 1.5e308);
    QCOMPARE(axis.min(), 0.0);
    QCOMPARE(axis.max(), 1.5e308);
    // NaN and infinite bounds leave the axis alone.
    DashboardView::fitAxis(&axis, 0.0, std::numeric_limits<double>::infinity());
    QCOMPARE(axis.max(), 1.5e308);
}

QTEST_MAIN(TestDistributionOverTimeView)
#include "tst_distributionovertimeview.moc"
