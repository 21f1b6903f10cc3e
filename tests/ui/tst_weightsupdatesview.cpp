// The weights-and-updates view draws one weight-std bar per layer, one update-ratio line per
// layer on a log axis without the step-0 zeros, a dashed 1e-3 reference line that is not a data
// series, skips NaN/Inf, follows the depth, and renders.

#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"
#include "ui/weightsupdatesview.h"
#include "viewtestdata.h"

#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include <limits>

using layerlens::ui::WeightsUpdatesView;
using namespace viewtestdata;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

class TestWeightsUpdatesView : public QObject {
    Q_OBJECT
private slots:
    void identity();
    void seriesBarsAndPoints_data();
    void seriesBarsAndPoints();
    void referenceLine();
    void stdAxisIsLinearFromZero();
    void nonFiniteIsSkipped();
    void emptyHistory();
    void depthChangeRemovesSeries();
    void rendersToImage();
    void valueTitleIsWholeOrAbsent_data();
    void valueTitleIsWholeOrAbsent();
};

void TestWeightsUpdatesView::identity()
{
    WeightsUpdatesView view;
    QCOMPARE(view.viewId(), QStringLiteral("weights"));
    QCOMPARE(view.title(), QStringLiteral("Weights and updates"));
    QCOMPARE(view.charts().size(), 2);
    for (QChart *chart : view.charts())
        QCOMPARE(chart->animationOptions(), QChart::NoAnimation);
}

void TestWeightsUpdatesView::seriesBarsAndPoints_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("historyPoints");
    QTest::newRow("depth 3, 5 snapshots") << 3 << 5;
    QTest::newRow("depth 10, 40 snapshots") << 10 << 40;
    QTest::newRow("depth 1, step 0 only") << 1 << 1;
    QTest::newRow("depth 50, 12 snapshots") << 50 << 12;
}

void TestWeightsUpdatesView::seriesBarsAndPoints()
{
    QFETCH(int, depth);
    QFETCH(int, historyPoints);
    const auto snapshot = collapsingTanh(depth);
    const auto history = historyOf(*snapshot, historyPoints);
    WeightsUpdatesView view;
    view.showFrame(frameOf(snapshot, history));
    QCOMPARE(view.weightChart()->barCount(), depth);
    QCOMPARE(view.ratioChart()->lineCount(), depth);
    QCOMPARE(view.seriesCount(), 2 * depth); // the reference line is not counted
    QCOMPARE(view.weightChart()->series().size(), depth);
    QCOMPARE(view.ratioChart()->series().size(), depth + 1);
    for (int j = 0; j < depth; ++j) {
        QCOMPARE(view.pointCount(j), 2);
        QCOMPARE(view.weightChart()->barPoints(j)[0].y(), snapshot->layers[static_cast<std::size_t>(j)].weight.std);
        // The ratio of step 0 is 0 (no update yet): skipped.
        QCOMPARE(view.pointCount(depth + j), historyPoints - 1);
        for (const QPointF &p : view.ratioChart()->linePoints(j))
            QVERIFY(p.x() > 0.0 && p.y() > 0.0);
    }
}

void TestWeightsUpdatesView::referenceLine()
{
    const auto snapshot = collapsingTanh(3);
    // Ratios around 0.1, far above the reference: the axis still shows the reference.
    auto history = std::make_shared<History>();
    for (int n = 1; n <= 3; ++n)
        for (int step = 0; step <= 30; step += 10)
            history->append("layer" + std::to_string(n) + ".update_ratio", step, step == 0 ? 0.0 : 0.1 * n);
    WeightsUpdatesView view;
    view.showFrame(frameOf(snapshot, history));
    QLineSeries *reference = view.ratioChart()->referenceLine();
    QVERIFY(reference);
    QCOMPARE(reference->name(), QStringLiteral("1e−3 rule of thumb"));
    QCOMPARE(reference->pen().style(), Qt::DashLine);
    QCOMPARE(reference->count(), 2);
    QCOMPARE(reference->at(0), QPointF(10.0, WeightsUpdatesView::kReferenceRatio));
    QCOMPARE(reference->at(1), QPointF(30.0, WeightsUpdatesView::kReferenceRatio));
    auto *axis = qobject_cast<QLogValueAxis *>(view.ratioChart()->valueAxis());
    QVERIFY(axis);
    QVERIFY(axis->min() < 1e-3 && 0.3 <= axis->max());
    // In the legend with the layers (a marker counts as visible once the chart is on screen).
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    bool listed = false;
    for (QLegendMarker *marker : view.ratioChart()->legend()->markers(reference))
        listed = listed || (marker->isVisible() && marker->label() == reference->name());
    QVERIFY(listed);
    // With 50 layers the legend keeps only the reference.
    const auto deep = collapsingTanh(50);
    view.showFrame(frameOf(deep, historyOf(*deep, 3)));
    QCoreApplication::processEvents(); // the legend lays out its new markers
    int visible = 0;
    for (QLegendMarker *marker : view.ratioChart()->legend()->markers())
        visible += marker->isVisible() ? 1 : 0;
    QCOMPARE(visible, 1);
}

void TestWeightsUpdatesView::stdAxisIsLinearFromZero()
{
    auto snapshot = collapsingTanh(4);
    snapshot->layers[2].weight.std = 0.0; // zero initialisation: a real 0, drawn as an empty bar
    snapshot->layers[3].weight.std = 0.8;
    WeightsUpdatesView view;
    view.showFrame(frameOf(snapshot, nullptr));
    auto *axis = qobject_cast<QValueAxis *>(view.weightChart()->valueAxis());
    QVERIFY(axis);
    QCOMPARE(axis->min(), 0.0);
    QVERIFY(axis->max() >= 0.8);
    QCOMPARE(view.pointCount(2), 2);
    QCOMPARE(view.weightChart()->barPoints(2)[0].y(), 0.0);
}

void TestWeightsUpdatesView::nonFiniteIsSkipped()
{
    auto snapshot = collapsingTanh(3);
    snapshot->layers[0].weight.std = kNaN;
    snapshot->layers[1].weight.std = -std::numeric_limits<double>::infinity();
    auto history = std::make_shared<History>();
    history->append("layer1.update_ratio", 0, 0.0);
    history->append("layer1.update_ratio", 10, kNaN);
    history->append("layer1.update_ratio", 20, 2e-3);
    history->append("layer1.update_ratio", 30, std::numeric_limits<double>::infinity());
    WeightsUpdatesView view;
    view.showFrame(frameOf(snapshot, history));
    QCOMPARE(view.pointCount(0), 0);
    QCOMPARE(view.pointCount(1), 0);
    QCOMPARE(view.pointCount(2), 2);
    QCOMPARE(view.ratioChart()->linePoints(0).size(), 1);
    QVERIFY(view.ratioChart()->series().size() == 4);
    QVERIFY(view.weightChart()->title().contains(QStringLiteral("not finite: L1, L2")));
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.grab().isNull());
}

void TestWeightsUpdatesView::emptyHistory()
{
    WeightsUpdatesView view;
    view.showFrame(frameOf(collapsingTanh(2), nullptr));
    QCOMPARE(view.ratioChart()->lineCount(), 2);
    QCOMPARE(view.pointCount(2), 0);
    QCOMPARE(view.pointCount(3), 0);
    // The reference line still spans the (default) step axis.
    QCOMPARE(view.ratioChart()->referenceLine()->count(), 2);
    QVERIFY(view.ratioChart()->title().contains(QStringLiteral("no data")));
}

void TestWeightsUpdatesView::depthChangeRemovesSeries()
{
    WeightsUpdatesView view;
    auto deep = collapsingTanh(10);
    view.showFrame(frameOf(deep, historyOf(*deep, 3)));
    QCOMPARE(view.seriesCount(), 20);
    auto shallow = collapsingTanh(3);
    view.showFrame(frameOf(shallow, historyOf(*shallow, 3)));
    QCOMPARE(view.seriesCount(), 6);
    QCOMPARE(view.weightChart()->series().size(), 3);
    QCOMPARE(view.ratioChart()->series().size(), 4); // 3 layers + the reference
    QVERIFY(view.ratioChart()->referenceLine());
}

void TestWeightsUpdatesView::rendersToImage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const int depth : {3, 10, 50}) {
        WeightsUpdatesView view;
        auto snapshot = collapsingTanh(depth);
        view.showFrame(frameOf(snapshot, historyOf(*snapshot, 30)));
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(dir.filePath(QStringLiteral("weights-%1.png").arg(depth))));
    }
}

void TestWeightsUpdatesView::valueTitleIsWholeOrAbsent_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("shown"); // whether the plot is tall enough for "‖ΔW‖/‖W‖"
    QTest::newRow("normal, tall") << false << 500 << true;
    QTest::newRow("presentation, tall") << true << 500 << true;
    // About the ratio chart of a 1280 × 720 projector's Layers page in presentation mode.
    QTest::newRow("presentation, short") << true << 190 << false;
}

void TestWeightsUpdatesView::valueTitleIsWholeOrAbsent()
{
    // Qt Charts elides a rotated axis title that is longer than the plot is tall ("‖ΔW‖/..."). The
    // chart's own title names the value, so the axis keeps its title whole or drops it.
    QFETCH(bool, presentation);
    QFETCH(int, height);
    QFETCH(bool, shown);
    const auto snapshot = collapsingTanh(3);
    auto history = std::make_shared<History>();
    for (int n = 1; n <= 3; ++n)
        for (int step = 10; step <= 20000; step += 10)
            history->append("layer" + std::to_string(n) + ".update_ratio", step, 1e-3 * n);
    WeightsUpdatesView view;
    view.resize(440, height);
    view.setPresentation(presentation);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameOf(snapshot, history));
    QTest::qWait(50); // the relayout that the frame's new labels bring
    auto *chart = view.ratioChart();
    auto *axis = qobject_cast<QLogValueAxis *>(chart->valueAxis());
    QVERIFY(axis);
    const QString full = QStringLiteral("‖ΔW‖/‖W‖");
    const auto cut = [&] { return chartTexts(chart).filter(QStringLiteral("...")); };
    const auto settled = [&] {
        const bool fits = QFontMetricsF(axis->titleFont()).horizontalAdvance(full) <= chart->plotArea().height() - 4.0;
        return cut().isEmpty() && axis->titleText() == (fits ? full : QString());
    };
    QTRY_VERIFY2(settled(), qPrintable(axis->titleText() + u'|' + cut().join(u'|')));
    QCOMPARE(axis->titleText() == full, shown);
}

QTEST_MAIN(TestWeightsUpdatesView)
#include "tst_weightsupdatesview.moc"
