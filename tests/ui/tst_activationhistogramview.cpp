// The activation-histogram view draws one histogram per hidden layer in its slot, with the
// fractions of the snapshot's counts, labels each slot with the layer's mean and std, switches
// to the pre-activations, skips what cannot be drawn, follows the depth, and renders.

#include "ui/activationhistogramview.h"
#include "viewtestdata.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QTemporaryDir>
#include <QToolTip>
#include <QValueAxis>
#include <QtTest>

#include <limits>

using layerlens::ui::ActivationHistogramView;
using layerlens::ui::DashboardView;
using Source = ActivationHistogramView::Source;
using namespace viewtestdata;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Three tanh layers with 4-bin histograms of 10 values each over [−1, 1]: a has counts
// {1, 2, 3, 4}, z has {4, 3, 2, 1} over [−2, 2]; means 0.1·n and stds 0.01·n for layer n.
std::shared_ptr<Snapshot> threeLayers()
{
    auto s = std::make_shared<Snapshot>();
    for (int n = 1; n <= 3; ++n) {
        LayerStats l;
        l.index = n;
        l.act.hist = histogram(-1.0, 1.0, {1, 2, 3, 4});
        l.act.mean = 0.123 * n;
        l.act.std = 0.0456 * n;
        l.pre.hist = histogram(-2.0, 2.0, {4, 3, 2, 1});
        l.pre.mean = -0.5 * n;
        l.pre.std = 1.5 * n;
        s->layers.push_back(l);
    }
    return s;
}

void showAt800x500(ActivationHistogramView &view)
{
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents(); // let the chart lay out and relabel
}

} // namespace

class TestActivationHistogramView : public QObject {
    Q_OBJECT
private slots:
    void identity();
    void oneSeriesPerLayer_data();
    void oneSeriesPerLayer();
    void fractionsFillTheLayerSlot();
    void labelsCarryMeanAndStd();
    void streamingKeepsAxisAndThrottlesNumbers();
    void rangeInTitle();
    void sourceSwitchShowsPreActivation();
    void nonFiniteAndEmptyAreSkipped();
    void depthChangeRemovesSeries();
    void noLayers();
    void rendersToImage();
    void hoveringASlotShowsItsLayer();
};

void TestActivationHistogramView::identity()
{
    ActivationHistogramView view;
    QCOMPARE(view.viewId(), QStringLiteral("activations"));
    QCOMPARE(view.title(), QStringLiteral("Activation distributions"));
    QCOMPARE(view.charts().size(), 1);
    QCOMPARE(view.source(), Source::Activation);
    QVERIFY(view.findChild<QComboBox *>(QStringLiteral("activationSource")));
    QCOMPARE(view.charts().first()->animationOptions(), QChart::NoAnimation);
}

void TestActivationHistogramView::oneSeriesPerLayer_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("bins");
    QTest::newRow("depth 1, 10 bins") << 1 << 10;
    QTest::newRow("depth 3, 50 bins") << 3 << 50;
    QTest::newRow("depth 10, 50 bins") << 10 << 50;
    QTest::newRow("depth 50, 30 bins") << 50 << 30;
}

void TestActivationHistogramView::oneSeriesPerLayer()
{
    QFETCH(int, depth);
    QFETCH(int, bins);
    ActivationHistogramView view;
    view.showFrame(frameOf(collapsingTanh(depth, 100, bins), nullptr));
    QCOMPARE(view.seriesCount(), depth);
    QCOMPARE(view.charts().first()->series().size(), depth);
    for (int j = 0; j < depth; ++j)
        QCOMPARE(view.pointCount(j), 2 * bins + 2); // step outline closed to 0 at both ends
}

void TestActivationHistogramView::fractionsFillTheLayerSlot()
{
    ActivationHistogramView view;
    view.showFrame(frameOf(threeLayers(), nullptr));
    const qreal w = ActivationHistogramView::kSlotWidth;
    for (int j = 0; j < 3; ++j) {
        const QList<QPointF> p = view.histogramPoints(j);
        QCOMPARE(p.size(), 10);
        QCOMPARE(p.first(), QPointF(j, 0.0));
        QCOMPARE(p.last(), QPointF(j + w, 0.0));
        // bin b spans [j + b·w/4, j + (b+1)·w/4] at height counts[b] / 10
        for (int b = 0; b < 4; ++b) {
            QCOMPARE(p[1 + 2 * b].x(), j + b * w / 4);
            QCOMPARE(p[2 + 2 * b].x(), j + (b + 1) * w / 4);
            QCOMPARE(p[1 + 2 * b].y(), (b + 1) / 10.0);
            QCOMPARE(p[2 + 2 * b].y(), (b + 1) / 10.0);
        }
    }
    // Out-of-range values count in the total: 10 in bins + 10 outside halves the fractions.
    auto s = threeLayers();
    s->layers[0].act.hist.overflow = 10;
    view.showFrame(frameOf(s, nullptr));
    QCOMPARE(view.histogramPoints(0)[7].y(), 4 / 20.0);
    // The y axis holds the largest fraction.
    QVERIFY(view.fractionAxis()->max() >= 0.4);
    QCOMPARE(view.fractionAxis()->min(), 0.0);
}

void TestActivationHistogramView::labelsCarryMeanAndStd()
{
    ActivationHistogramView view;
    view.showFrame(frameOf(threeLayers(), nullptr));
    showAt800x500(view);
    const QStringList labels = view.layerAxis()->categoriesLabels();
    QCOMPARE(labels.size(), 3);
    for (int n = 1; n <= 3; ++n) {
        const QString &label = labels[n - 1];
        QVERIFY2(label.contains(QStringLiteral("L%1<br>").arg(n)), qPrintable(label));
        QVERIFY2(label.contains(QStringLiteral("μ ") + DashboardView::formatNumber(0.123 * n)), qPrintable(label));
        QVERIFY2(label.contains(QStringLiteral("σ ") + DashboardView::formatNumber(0.0456 * n)), qPrintable(label));
        // at the slot centre
        QCOMPARE(view.layerAxis()->endValue(label), n - 1 + ActivationHistogramView::kSlotWidth / 2);
    }
    QVERIFY(labels[0].contains(QStringLiteral("μ 0.123 σ 0.0456")));

    // Fifty layers cannot all carry numbers on 800 px: names only, thinned, still in order.
    view.showFrame(frameOf(collapsingTanh(50), nullptr));
    QCoreApplication::processEvents();
    const QStringList many = view.layerAxis()->categoriesLabels();
    QVERIFY(!many.isEmpty());
    QVERIFY(many.size() < 50);
    QCOMPARE(many.first(), QStringLiteral("L1"));
}

void TestActivationHistogramView::streamingKeepsAxisAndThrottlesNumbers()
{
    // Frames 60 times a second: the fraction axis holds still while the tallest bin stays within
    // it and above half of it, and the μ/σ numbers change at most 4 times a second, the latest
    // always shown within 250 ms.
    ActivationHistogramView view;
    view.showFrame(frameOf(threeLayers(), nullptr)); // tallest bin 0.4
    showAt800x500(view);
    const double top = view.fractionAxis()->max();
    QVERIFY(top >= 0.4);
    auto lower = threeLayers(); // tallest 0.3: still within [top/2, top]
    for (LayerStats &l : lower->layers) {
        l.act.hist = histogram(-1.0, 1.0, {3, 2, 3, 2});
        l.act.mean *= 2.0;
    }
    view.showFrame(frameOf(lower, nullptr));
    QCOMPARE(view.fractionAxis()->max(), top);
    QVERIFY(view.histogramPoints(0)[1].y() == 0.3); // the histogram itself is the new one
    // The numbers under the slots wait for their turn …
    const QString fresh = QStringLiteral("μ ") + DashboardView::formatNumber(0.246);
    QVERIFY2(!view.layerAxis()->categoriesLabels().first().contains(fresh),
             qPrintable(view.layerAxis()->categoriesLabels().first()));
    // … and come within the 250 ms.
    QTRY_VERIFY_WITH_TIMEOUT(view.layerAxis()->categoriesLabels().first().contains(fresh), 1000);

    auto flat = threeLayers(); // tallest 0.125 < top/2: the axis shrinks to it
    for (LayerStats &l : flat->layers)
        l.act.hist = histogram(-1.0, 1.0, {1, 1, 1, 1, 1, 1, 1, 1});
    view.showFrame(frameOf(flat, nullptr));
    QVERIFY(view.fractionAxis()->max() < top);
    QVERIFY(view.fractionAxis()->max() >= 0.125);
    auto tall = threeLayers(); // tallest 0.7 > top: the axis grows at once
    for (LayerStats &l : tall->layers)
        l.act.hist = histogram(-1.0, 1.0, {7, 1, 1, 1});
    view.showFrame(frameOf(tall, nullptr));
    QVERIFY(view.fractionAxis()->max() >= 0.7);
}

void TestActivationHistogramView::rangeInTitle()
{
    ActivationHistogramView view;
    view.showFrame(frameOf(threeLayers(), nullptr));
    QVERIFY2(view.charts().first()->title().contains(QStringLiteral("range [−1, 1]")),
             qPrintable(view.charts().first()->title()));
    // Different ranges: grouped per layer while depth ≤ 10, symmetric ones as ±R.
    auto s = threeLayers();
    s->layers[2].act.hist = histogram(-5.0, 5.0, {1, 2, 3, 4});
    view.showFrame(frameOf(s, nullptr));
    const QString title = view.charts().first()->title();
    QVERIFY2(title.contains(QStringLiteral("L1–L2 ±1")) && title.contains(QStringLiteral("L3 ±5")), qPrintable(title));
    s->layers[0].act.hist = histogram(0.0, 2.0, {1, 2, 3, 4});
    view.showFrame(frameOf(s, nullptr));
    const QString asymmetric = view.charts().first()->title();
    QVERIFY2(asymmetric.contains(QStringLiteral("ranges: L1 [0, 2], L2 ±1")), qPrintable(asymmetric));
}

void TestActivationHistogramView::sourceSwitchShowsPreActivation()
{
    ActivationHistogramView view;
    view.showFrame(frameOf(threeLayers(), nullptr));
    showAt800x500(view);
    QCOMPARE(view.histogramPoints(0)[1].y(), 0.1); // a: counts {1, 2, 3, 4}

    auto *box = view.findChild<QComboBox *>(QStringLiteral("activationSource"));
    QVERIFY(box);
    box->setCurrentIndex(box->findData(static_cast<int>(Source::PreActivation)));
    QCOMPARE(view.source(), Source::PreActivation);
    QCOMPARE(view.histogramPoints(0)[1].y(), 0.4); // z: counts {4, 3, 2, 1}
    QCOMPARE(view.histogramPoints(0)[7].y(), 0.1);
    QVERIFY(view.layerAxis()->categoriesLabels().first().contains(QStringLiteral("μ −0.5 σ 1.5")));
    QVERIFY(view.charts().first()->title().contains(QStringLiteral("[−2, 2]")));

    // The choice sticks across frames, and back.
    view.showFrame(frameOf(threeLayers(), nullptr));
    QCOMPARE(view.histogramPoints(1)[1].y(), 0.4);
    view.setSource(Source::Activation);
    QCOMPARE(box->currentIndex(), 0);
    QCOMPARE(view.histogramPoints(1)[1].y(), 0.1);
}

void TestActivationHistogramView::nonFiniteAndEmptyAreSkipped()
{
    auto s = threeLayers();
    s->layers[0].act.hist.lo = kNaN;                      // no range: nothing to draw
    s->layers[0].act.mean = kNaN;
    s->layers[0].act.std = std::numeric_limits<double>::infinity();
    s->layers[1].act.hist.counts.clear();                 // no bins
    s->layers[2].act.hist.nonFinite = 10;                 // half NaN: still drawn, fractions of all
    ActivationHistogramView view;
    view.showFrame(frameOf(s, nullptr));
    showAt800x500(view);
    QCOMPARE(view.seriesCount(), 3);
    QCOMPARE(view.pointCount(0), 0);
    QCOMPARE(view.pointCount(1), 0);
    QCOMPARE(view.pointCount(2), 10);
    QCOMPARE(view.histogramPoints(2)[1].y(), 1 / 20.0);
    const QString label = view.layerAxis()->categoriesLabels().first();
    QVERIFY2(label.contains(QStringLiteral("μ NaN")) && label.contains(QStringLiteral("σ ∞")), qPrintable(label));
    for (const QPointF &p : view.histogramPoints(2))
        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));

    // All layers empty: the axis keeps a sane range.
    for (LayerStats &l : s->layers)
        l.act.hist = Histogram{};
    view.showFrame(frameOf(s, nullptr));
    QCOMPARE(view.fractionAxis()->max(), 1.0);
}

void TestActivationHistogramView::depthChangeRemovesSeries()
{
    ActivationHistogramView view;
    view.showFrame(frameOf(collapsingTanh(10), nullptr));
    QCOMPARE(view.seriesCount(), 10);
    QChart *chart = view.charts().first();
    QAbstractSeries *first = chart->series().first();
    view.showFrame(frameOf(collapsingTanh(3), nullptr));
    QCOMPARE(view.seriesCount(), 3);
    QCOMPARE(chart->series().size(), 3);
    QCOMPARE(chart->series().first(), first); // kept, not recreated
    QVERIFY(view.pointCount(3) == 0);
    view.showFrame(frameOf(collapsingTanh(5), nullptr));
    QCOMPARE(chart->series().size(), 5);
}

void TestActivationHistogramView::noLayers()
{
    ActivationHistogramView view;
    view.showFrame(frameOf(std::make_shared<Snapshot>(), nullptr));
    QCOMPARE(view.seriesCount(), 0);
    QVERIFY(view.layerAxis()->categoriesLabels().isEmpty());
    showAt800x500(view);
    QVERIFY(!view.grab().isNull());
}

void TestActivationHistogramView::rendersToImage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const int depth : {3, 10, 50}) {
        ActivationHistogramView view;
        view.showFrame(frameOf(collapsingTanh(depth), nullptr));
        showAt800x500(view);
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(800, 500) * image.devicePixelRatio());
        QVERIFY(image.save(dir.filePath(QStringLiteral("activations-%1.png").arg(depth))));
        // The first layer's colour is on screen.
        const QColor first = DashboardView::seriesColor(0);
        bool found = false;
        for (int y = 0; y < image.height() && !found; y += 2)
            for (int x = 0; x < image.width() && !found; x += 2)
                found = image.pixelColor(x, y) == first;
        QVERIFY(found);
    }
}

void TestActivationHistogramView::hoveringASlotShowsItsLayer()
{
    // Anywhere in a layer's slot, above its histogram too, the tip names the layer and its
    // numbers; between the slots it goes away.
    ActivationHistogramView view;
    view.showFrame(frameOf(threeLayers(), nullptr));
    showAt800x500(view);
    auto *chartView = view.findChild<QChartView *>();
    QVERIFY(chartView);
    QChart *chart = view.charts().front();
    const auto at = [&](double x, double fraction) {
        const QPointF inChart = chart->mapToPosition({x, fraction}, chart->series().front());
        return chartView->mapFromScene(chart->mapToScene(inChart));
    };
    const qreal middle = ActivationHistogramView::kSlotWidth / 2;
    QTest::mouseMove(chartView->viewport(), at(1.0 + middle, 0.9 * view.fractionAxis()->max()));
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().startsWith(QStringLiteral("L2,")), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(QStringLiteral("μ 0.246")));
    QTest::mouseMove(chartView->viewport(), at(2.0 + middle, 0.05));
    QTRY_VERIFY(QToolTip::text().startsWith(QStringLiteral("L3,")));
    QTest::mouseMove(chartView->viewport(), at(2.0 - 0.5 * (1.0 - ActivationHistogramView::kSlotWidth), 0.05));
    QTRY_VERIFY(!QToolTip::isVisible());
}

QTEST_MAIN(TestActivationHistogramView)
#include "tst_activationhistogramview.moc"
