// The gradient-flow view draws one bar per layer of ‖∂L/∂W‖ on a log axis that spans every
// norm (and at least two decades), one history line per layer, says "underflow" instead of
// drawing zeros, skips NaN/Inf, follows the depth, gives a long history only the points its
// plot's pixels show (every point to an export), and renders.

#include "ui/gradientflowview.h"
#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"
#include "ui/logscale.h"
#include "viewtestdata.h"

#include <QCategoryAxis>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolTip>
#include <QValueAxis>
#include <QTextDocumentFragment>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using layerlens::ui::DashboardView;
using layerlens::ui::GradientFlowView;
using layerlens::ui::LogScale;
using namespace viewtestdata;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::shared_ptr<Snapshot> withNorms(const std::vector<double> &norms)
{
    auto s = std::make_shared<Snapshot>();
    for (std::size_t i = 0; i < norms.size(); ++i) {
        LayerStats l;
        l.index = static_cast<int>(i) + 1;
        l.grad.weightNorm = norms[i];
        s->layers.push_back(l);
    }
    return s;
}

// The layers' gradient norms of `snapshot`, slowly growing, at 101 steps `every` apart.
std::shared_ptr<History> gradientNorms(const Snapshot &snapshot, long long every, int first = 0)
{
    auto history = std::make_shared<History>();
    for (int p = first; p <= 100; ++p)
        for (const auto &l : snapshot.layers)
            history->append("layer" + std::to_string(l.index) + ".grad_norm", every * p, l.grad.weightNorm * (1.0 + 0.01 * p));
    return history;
}

} // namespace

class TestGradientFlowView : public QObject {
    Q_OBJECT
private slots:
    void identity();
    void logScale_data();
    void logScale();
    void seriesBarsAndPoints_data();
    void seriesBarsAndPoints();
    void logAxisContainsEveryNorm_data();
    void logAxisContainsEveryNorm();
    void zerosAreUnderflowNotNumbers();
    void nonFiniteIsSkipped();
    void emptyHistory();
    void depthChangeRemovesSeries();
    void fewerLogLabelsOnAShortAxis();
    void labelsFitADashboardCell();
    void titlesGiveUpWordsBeforeEliding_data();
    void titlesGiveUpWordsBeforeEliding();
    void longHistoryIsDecimatedToThePlot();
    void rendersToImage();
    void hoveringABarShowsItsValue();
    void stepLabelsShowOnANarrowHistory_data();
    void stepLabelsShowOnANarrowHistory();
    void stepTicksSettle();
    void shortHistoryCutsNoWords();
};

void TestGradientFlowView::identity()
{
    GradientFlowView view;
    QCOMPARE(view.viewId(), QStringLiteral("gradients"));
    QCOMPARE(view.title(), QStringLiteral("Gradient flow"));
    QCOMPARE(view.charts().size(), 2);
    for (QChart *chart : view.charts())
        QCOMPARE(chart->animationOptions(), QChart::NoAnimation);
}

void TestGradientFlowView::logScale_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::addColumn<bool>("underflow");
    QTest::addColumn<bool>("belowFloor");
    // The bottom is at least half a decade below the smallest value (shortest bar visible), the
    // top above the largest (a value on a whole decade is not on the edge).
    QTest::newRow("decades 1e-6..0.5") << QList<double>{1e-6, 1e-3, 0.5} << 1e-7 << 1.0 << false << false;
    QTest::newRow("narrow, widened to 2 decades") << QList<double>{0.5, 0.7} << 1e-2 << 1.0 << false << false;
    QTest::newRow("exact power of ten") << QList<double>{1e-3} << 1e-4 << 1e-2 << false << false;
    QTest::newRow("zero is underflow") << QList<double>{0.0, 0.1} << 1e-2 << 1.0 << true << false;
    QTest::newRow("float denormal is underflow") << QList<double>{1e-40, 0.1} << 1e-2 << 1.0 << true << false;
    QTest::newRow("below the 1e-12 floor") << QList<double>{1e-20, 0.5} << 1e-12 << 1.0 << false << true;
    QTest::newRow("only zeros") << QList<double>{0.0, 0.0} << 1e-12 << 1.0 << true << false;
    QTest::newRow("NaN/Inf/negative ignored") << QList<double>{kNaN, kInf, -1.0, 0.05} << 1e-3 << 1e-1 << false
                                              << false;
    QTest::newRow("many decades: labelled every 3") << QList<double>{1e-11, 1e4} << 1e-12 << 1e6 << false << false;
}

void TestGradientFlowView::logScale()
{
    QFETCH(QList<double>, values);
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(bool, underflow);
    QFETCH(bool, belowFloor);
    LogScale scale;
    for (const double v : values)
        scale.add(v);
    QCOMPARE(scale.lower(), lower);
    QCOMPARE(scale.upper(), upper);
    QCOMPARE(scale.hasUnderflow(), underflow);
    QCOMPARE(scale.hasBelowFloor(), belowFloor);
    QVERIFY(scale.upperExponent() - scale.lowerExponent() >= 2);
    QCOMPARE((scale.upperExponent() - scale.lowerExponent()) % scale.labelExponentStep(), 0);
    QVERIFY((scale.upperExponent() - scale.lowerExponent()) / scale.labelExponentStep() <= 8);
    QCOMPARE(scale.clamp(0.0), scale.lower());
    for (const double v : values)
        if (std::isfinite(v) && v >= LogScale::kFloor)
            QVERIFY(scale.lower() < v && v <= scale.upper());
}

void TestGradientFlowView::seriesBarsAndPoints_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("historyPoints");
    QTest::newRow("depth 3, 5 snapshots") << 3 << 5;
    QTest::newRow("depth 10, 40 snapshots") << 10 << 40;
    QTest::newRow("depth 1, 1 snapshot") << 1 << 1;
    QTest::newRow("depth 50, 12 snapshots") << 50 << 12;
}

void TestGradientFlowView::seriesBarsAndPoints()
{
    QFETCH(int, depth);
    QFETCH(int, historyPoints);
    const auto snapshot = collapsingTanh(depth);
    GradientFlowView view;
    view.showFrame(frameOf(snapshot, historyOf(*snapshot, historyPoints)));
    QCOMPARE(view.normChart()->barCount(), depth);
    QCOMPARE(view.historyChart()->lineCount(), depth);
    QCOMPARE(view.seriesCount(), 2 * depth);
    QCOMPARE(view.normChart()->series().size(), depth);
    QCOMPARE(view.historyChart()->series().size(), depth);
    for (int j = 0; j < depth; ++j) {
        QCOMPARE(view.pointCount(j), 2);
        QCOMPARE(view.pointCount(depth + j), historyPoints);
        // Bar j is centred on x = j + 1 with its top at the norm.
        const QList<QPointF> bar = view.normChart()->barPoints(j);
        QCOMPARE((bar[0].x() + bar[1].x()) / 2, j + 1.0);
        QCOMPARE(bar[0].y(), snapshot->layers[static_cast<std::size_t>(j)].grad.weightNorm);
        // The line is the history, step on x.
        const QList<QPointF> line = view.historyChart()->linePoints(j);
        QCOMPARE(line.last().x(), 10.0 * (historyPoints - 1));
    }
    QCOMPARE(view.historyChart()->stepAxis()->min(), 0.0);
    QCOMPARE(view.historyChart()->stepAxis()->max(), std::max(1.0, 10.0 * (historyPoints - 1)));
}

void TestGradientFlowView::logAxisContainsEveryNorm_data()
{
    QTest::addColumn<QList<double>>("norms");
    QTest::newRow("vanishing toward the input") << QList<double>{1e-9, 1e-6, 1e-3, 1.0};
    QTest::newRow("exploding") << QList<double>{10.0, 1e4, 1e8};
    QTest::newRow("all similar") << QList<double>{0.31, 0.32, 0.35};
    QTest::newRow("one layer") << QList<double>{2.5};
}

void TestGradientFlowView::logAxisContainsEveryNorm()
{
    QFETCH(QList<double>, norms);
    const auto snapshot = withNorms(std::vector<double>(norms.begin(), norms.end()));
    GradientFlowView view;
    view.showFrame(frameOf(snapshot, historyOf(*snapshot, 3)));
    for (QAbstractAxis *axisOfChart : {view.normChart()->valueAxis(),
                                       static_cast<QAbstractAxis *>(view.historyChart()->valueAxis())}) {
        auto *axis = qobject_cast<QLogValueAxis *>(axisOfChart);
        QVERIFY(axis);
        QVERIFY(axis->max() / axis->min() >= 100.0 * (1 - 1e-12)); // at least 2 decades
        for (const double norm : norms)
            QVERIFY2(axis->min() <= norm && norm <= axis->max(),
                     qPrintable(QStringLiteral("%1 outside [%2, %3]").arg(norm).arg(axis->min()).arg(axis->max())));
        QVERIFY(!axis->titleText().contains(QStringLiteral("underflow")));
    }
    // Each bar stands on the bottom edge of the axis.
    const double bottom = qobject_cast<QLogValueAxis *>(view.normChart()->valueAxis())->min();
    for (int j = 0; j < norms.size(); ++j)
        QCOMPARE(view.normChart()->barPoints(j)[1].y(), norms[j]);
    QCOMPARE(qobject_cast<QLogValueAxis *>(view.normChart()->valueAxis())->min(), bottom);
}

void TestGradientFlowView::zerosAreUnderflowNotNumbers()
{
    const auto snapshot = withNorms({0.0, 1e-40, 1e-3, 0.1});
    auto history = std::make_shared<History>();
    history->append("layer1.grad_norm", 0, 0.0);
    history->append("layer1.grad_norm", 10, 0.0);
    history->append("layer3.grad_norm", 0, 1e-3);
    history->append("layer3.grad_norm", 10, 2e-3);
    GradientFlowView view;
    view.showFrame(frameOf(snapshot, history));
    auto *axis = qobject_cast<QLogValueAxis *>(view.normChart()->valueAxis());
    QVERIFY(axis->titleText().contains(QStringLiteral("underflow")));
    QCOMPARE(axis->min(), 1e-4);
    // Zero-height bars on the bottom edge, no made-up value.
    QCOMPARE(view.normChart()->barPoints(0)[0].y(), axis->min());
    QCOMPARE(view.normChart()->barPoints(1)[0].y(), axis->min());
    QCOMPARE(view.normChart()->barPoints(2)[0].y(), 1e-3);
    // In the history the zeros are kept, on the bottom edge, and said to be underflow.
    QLogValueAxis *historyAxis = view.historyChart()->valueAxis();
    QVERIFY(historyAxis->titleText().contains(QStringLiteral("underflow")));
    QCOMPARE(view.historyChart()->linePoints(0).size(), 2);
    QCOMPARE(view.historyChart()->linePoints(0)[0].y(), historyAxis->min());

    QVERIFY(view.normChart()->title().contains(QStringLiteral("underflow")));
    QVERIFY(view.historyChart()->title().contains(QStringLiteral("underflow")));
    // Hovering a bar names the underflow instead of a number that was never measured.
    QCOMPARE(view.normChart()->barText(0), QStringLiteral("L1: ‖∂L/∂W‖ = underflow"));
    QCOMPARE(view.normChart()->barText(1), QStringLiteral("L2: ‖∂L/∂W‖ = underflow"));
    QCOMPARE(view.normChart()->barText(2), QStringLiteral("L3: ‖∂L/∂W‖ = 0.001"));

    // A positive norm below the 1e-12 floor is not underflow, but is on the edge all the same.
    view.showFrame(frameOf(withNorms({1e-20, 0.1}), nullptr));
    QCOMPARE(axis->min(), LogScale::kFloor);
    QCOMPARE(view.normChart()->barPoints(0)[0].y(), LogScale::kFloor);
    QVERIFY2(axis->titleText().contains(QStringLiteral("bottom: &lt; 1e−12")), qPrintable(axis->titleText()));
    QVERIFY(!axis->titleText().contains(QStringLiteral("underflow")));
    QVERIFY(view.normChart()->title().contains(QStringLiteral("values below it")));

    // Without either the notes go away again.
    view.showFrame(frameOf(withNorms({1e-3, 0.1}), nullptr));
    QVERIFY(!axis->titleText().contains(QStringLiteral("bottom")));
    // (The view was never laid out, so the title is in whichever of its forms fits; no note.)
    QVERIFY(QStringList({QStringLiteral("Gradient norm ‖∂L/∂W‖"), QStringLiteral("‖∂L/∂W‖ per layer"),
                         QStringLiteral("‖∂L/∂W‖")})
                .contains(view.normChart()->title()));
}

void TestGradientFlowView::nonFiniteIsSkipped()
{
    const auto snapshot = withNorms({kNaN, kInf, 0.1, -1.0});
    auto history = std::make_shared<History>();
    history->append("layer3.grad_norm", 0, 0.1);
    history->append("layer3.grad_norm", 10, kNaN);
    history->append("layer3.grad_norm", 20, kInf);
    history->append("layer3.grad_norm", 30, 0.2);
    GradientFlowView view;
    view.showFrame(frameOf(snapshot, history));
    QCOMPARE(view.seriesCount(), 8);
    QCOMPARE(view.pointCount(0), 0);
    QCOMPARE(view.pointCount(1), 0);
    QCOMPARE(view.pointCount(2), 2);
    QCOMPARE(view.pointCount(3), 0);
    QCOMPARE(view.historyChart()->linePoints(2).size(), 2);
    QVERIFY(view.normChart()->title().contains(QStringLiteral("not finite: L1, L2, L4")));
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.grab().isNull());
}

void TestGradientFlowView::emptyHistory()
{
    GradientFlowView view;
    const auto snapshot = collapsingTanh(4);
    view.showFrame(frameOf(snapshot, nullptr));
    QCOMPARE(view.historyChart()->lineCount(), 4);
    for (int j = 0; j < 4; ++j)
        QCOMPARE(view.historyChart()->linePoints(j).size(), 0);
    view.showFrame(frameOf(snapshot, std::make_shared<History>()));
    QCOMPARE(view.pointCount(4), 0);
    QVERIFY(view.historyChart()->title().contains(QStringLiteral("no data")));
    QVERIFY(view.historyChart()->valueAxis()->min() > 0.0);
    // The same history pointer again is not redrawn, a new one is.
    const auto history = historyOf(*snapshot, 2);
    view.showFrame(frameOf(snapshot, history));
    QCOMPARE(view.pointCount(4), 2);
}

void TestGradientFlowView::depthChangeRemovesSeries()
{
    GradientFlowView view;
    auto deep = collapsingTanh(10);
    view.showFrame(frameOf(deep, historyOf(*deep, 3)));
    QCOMPARE(view.seriesCount(), 20);
    auto shallow = collapsingTanh(3);
    view.showFrame(frameOf(shallow, historyOf(*shallow, 3)));
    QCOMPARE(view.seriesCount(), 6);
    QCOMPARE(view.normChart()->series().size(), 3);
    QCOMPARE(view.historyChart()->series().size(), 3);
    QCOMPARE(view.normChart()->layerAxis()->max(), 3.5);
    QCOMPARE(view.historyChart()->legend()->markers().size(), 3);
}

void TestGradientFlowView::fewerLogLabelsOnAShortAxis()
{
    LogScale scale;
    scale.add(1e-8);
    scale.add(0.5);
    const auto labels = [&] { return (scale.upperExponent() - scale.lowerExponent()) / scale.labelExponentStep() + 1; };
    const int tall = labels(); // 1e−9 … 1e0 in steps of 2 decades
    QVERIFY2(tall > 4 && tall <= 8, qPrintable(QString::number(tall)));
    scale.setMaxLabels(LogScale::labelsForHeight(100.0));
    QVERIFY2(labels() <= 4, qPrintable(QString::number(labels())));
    QVERIFY(scale.lower() <= 1e-8 && scale.upper() >= 0.5); // still holds every value
    QCOMPARE(LogScale::labelsForHeight(0.0), 2);
    QCOMPARE(LogScale::labelsForHeight(1000.0), 8);
}

void TestGradientFlowView::labelsFitADashboardCell()
{
    // A little less than the view has in the dashboard at 1280×700: no label, tick or title Qt had to elide.
    GradientFlowView view;
    view.resize(520, 170);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto snapshot = collapsingTanh(10, 300);
    const Frame frame = frameOf(snapshot, historyOf(*snapshot, 30));
    view.showFrame(frame);
    QCoreApplication::processEvents();
    view.showFrame(frameOf(snapshot, historyOf(*snapshot, 31))); // fitted to the laid-out plot
    QCoreApplication::processEvents();
    QStringList elided;
    for (QChart *chart : view.charts())
        for (QGraphicsItem *item : chart->scene()->items())
            if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible() &&
                                                                     text->toPlainText().contains(QStringLiteral("...")))
                elided << text->toPlainText();
    QVERIFY2(elided.isEmpty(), qPrintable(elided.join(QStringLiteral(" | "))));
}

void TestGradientFlowView::titlesGiveUpWordsBeforeEliding_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("fullTitles");
    QTest::newRow("wide") << 1200 << false << true;
    QTest::newRow("narrow") << 340 << false << false;
    QTest::newRow("presentation fonts, as at 1366x768") << 500 << true << false;
}

void TestGradientFlowView::titlesGiveUpWordsBeforeEliding()
{
    // A chart too narrow for "Gradient norm over time" says "‖∂L/∂W‖ over time" instead of
    // letting Qt cut it to "Gradient norm ov...", and the title it shows fits its width.
    QFETCH(int, width);
    QFETCH(bool, presentation);
    QFETCH(bool, fullTitles);
    GradientFlowView view;
    view.setPresentation(presentation);
    view.resize(width, 200); // wider than 1.4 × high: the two charts side by side
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto snapshot = collapsingTanh(10, 300);
    view.showFrame(frameOf(snapshot, historyOf(*snapshot, 30)));
    QCoreApplication::processEvents();
    view.showFrame(frameOf(snapshot, historyOf(*snapshot, 31)));
    QCoreApplication::processEvents();
    const QStringList full = {QStringLiteral("Gradient norm ‖∂L/∂W‖"), QStringLiteral("Gradient norm over time")};
    for (int i = 0; i < 2; ++i) {
        QChart *chart = view.charts()[i];
        // The first line of the title, without the note under it.
        QString title = chart->title();
        title.remove(QStringLiteral("<center>"));
        title = title.section(QStringLiteral("<br>"), 0, 0);
        QVERIFY2(QFontMetricsF(chart->titleFont()).horizontalAdvance(title) <= DashboardView::titleWidth(chart),
                 qPrintable(title));
        if (fullTitles)
            QCOMPARE(title, full[i]);
        else
            QVERIFY2(title != full[i] && title.contains(QStringLiteral("‖∂L/∂W‖")), qPrintable(title));
    }
}

void TestGradientFlowView::longHistoryIsDecimatedToThePlot()
{
    // A long history (4000 points a layer; a series keeps at most 4096), noisy like real norms: on
    // screen each line gets only what the plot's pixel columns show, every point for an export,
    // and a wider plot gets its detail back.
    const int depth = 3, count = 4000;
    auto history = std::make_shared<History>();
    std::uint32_t state = 12345u;
    const auto noise = [&state] {
        state = state * 1664525u + 1013904223u;
        return static_cast<double>(state >> 8) / static_cast<double>(1u << 24);
    };
    for (int p = 0; p < count; ++p)
        for (int l = 1; l <= depth; ++l)
            history->append("layer" + std::to_string(l) + ".grad_norm", 10LL * p, std::pow(10.0, -l - 2.0 * noise()));
    const auto snapshot = collapsingTanh(depth);
    GradientFlowView view;
    view.resize(600, 260);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    layerlens::ui::LayerHistoryChart *chart = view.historyChart();
    view.showFrame(frameOf(snapshot, historyOf(*snapshot, 40)));
    view.showFrame(frameOf(snapshot, history));
    // The chart's own series hold no points: Qt Charts would stroke every point of each one again
    // whenever it or an axis changes. PlotLines draws the lines; the series give them their pens
    // and legend entries.
    for (QAbstractSeries *series : chart->series())
        if (auto *line = qobject_cast<QXYSeries *>(series); line && line != chart->referenceLine())
            QCOMPARE(line->count(), 0);
    QCOMPARE(chart->lineCount(), depth);

    // Every column of the plot (as wide as a pixel, over the step axis) holds the same lowest and
    // highest value, and the same first and last point, as the whole history; the kept points are
    // history points.
    const auto matchesPlot = [&] {
        const int columns = static_cast<int>(std::ceil(chart->plotArea().width() * view.devicePixelRatioF()));
        if (columns < 50 || chart->stepAxis()->min() != 0.0 || chart->stepAxis()->max() != 10.0 * (count - 1))
            return false;
        for (int j = 0; j < depth; ++j) {
            const QList<QPointF> line = chart->linePoints(j);
            const auto &all = history->find("layer" + std::to_string(j + 1) + ".grad_norm")->points();
            if (line.size() > 4 * columns || line.size() >= count ||
                !keepsEveryColumn(line, all, columns, chart->stepAxis()->min(), chart->stepAxis()->max()))
                return false;
        }
        return true;
    };
    QTRY_VERIFY2(matchesPlot(), "on a 600 px view"); // once laid out and filled for the plot's width
    const qsizetype narrow = chart->linePoints(0).size();

    chart->setEveryPoint(true);
    for (int j = 0; j < depth; ++j)
        QCOMPARE(chart->linePoints(j).size(), count);
    chart->setEveryPoint(false);
    QCOMPARE(chart->linePoints(0).size(), narrow);

    // Wider, then narrower: filled again for the new plot once the layout has settled, without a
    // new frame.
    view.resize(1300, 260);
    QTRY_VERIFY(chart->linePoints(0).size() > narrow);
    QTRY_VERIFY2(matchesPlot(), "on a 1300 px view");
    view.resize(450, 260);
    QTRY_VERIFY(chart->linePoints(0).size() < narrow);
    QTRY_VERIFY2(matchesPlot(), "on a 450 px view");
}

void TestGradientFlowView::rendersToImage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const int depth : {3, 10, 50}) {
        GradientFlowView view;
        auto snapshot = collapsingTanh(depth);
        view.showFrame(frameOf(snapshot, historyOf(*snapshot, 30)));
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(dir.filePath(QStringLiteral("gradients-%1.png").arg(depth))));
    }
}

void TestGradientFlowView::hoveringABarShowsItsValue()
{
    // Over a bar's column, above a short bar too, the tip is that bar's text; between the bars
    // it goes away.
    GradientFlowView view;
    auto snapshot = collapsingTanh(3);
    view.showFrame(frameOf(snapshot, historyOf(*snapshot, 3)));
    view.resize(700, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    layerlens::ui::LayerBarChart *chart = view.normChart();
    QChartView *chartView = nullptr;
    for (auto *candidate : view.findChildren<QChartView *>())
        if (candidate->chart() == chart)
            chartView = candidate;
    QVERIFY(chartView);
    const auto at = [&](double layer, double height) {
        const QRectF plot = chart->plotArea();
        const double x = plot.left() + (layer - chart->layerAxis()->min()) /
                                            (chart->layerAxis()->max() - chart->layerAxis()->min()) * plot.width();
        return chartView->mapFromScene(chart->mapToScene(QPointF(x, plot.bottom() - height * plot.height())));
    };
    QTest::mouseMove(chartView->viewport(), at(2.0, 0.95)); // layer 2, near the plot's top
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), chart->barText(1));
    QTest::mouseMove(chartView->viewport(), at(3.0, 0.02));
    QTRY_COMPARE(QToolTip::text(), chart->barText(2));
    QTest::mouseMove(chartView->viewport(), at(2.5, 0.5)); // between the bars
    QTRY_VERIFY(!QToolTip::isVisible());
}

void TestGradientFlowView::stepLabelsShowOnANarrowHistory_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<int>("first"); // the first recorded step, in intervals
    QTest::newRow("normal") << false << 0;
    QTest::newRow("presentation") << true << 0;
    // As ‖ΔW‖/‖W‖, whose history starts at the first update: the axis starts at 0 all the same.
    QTest::newRow("normal, from the first interval") << false << 1;
    QTest::newRow("presentation, from the first interval") << true << 1;
}

void TestGradientFlowView::stepLabelsShowOnANarrowHistory()
{
    // Six-digit steps on a history chart about 200 px wide, as on a 1280 × 720 projector: at least
    // two step labels, whole (Qt Charts hides labels that would overlap, and used to leave "0").
    QFETCH(bool, presentation);
    QFETCH(int, first);
    auto snapshot = collapsingTanh(3);
    const auto history = gradientNorms(*snapshot, 4600LL, first);
    GradientFlowView view;
    view.resize(440, 240);
    view.setPresentation(presentation);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameOf(snapshot, history));
    QChart *chart = view.historyChart();
    static const QRegularExpression steps(QStringLiteral("^[0-9]+$"));
    const auto stepLabels = [&] { return chartTexts(chart).filter(steps); };
    QTRY_VERIFY2(stepLabels().size() >= 2, qPrintable(stepLabels().join(u' ')));
    QVERIFY(chart->plotArea().width() < 260.0); // narrow indeed
    // None of them cut short ("400..."), which the filter above would not count.
    static const QRegularExpression cutStep(QStringLiteral("^[0-9]+\\.\\.\\.$"));
    for (QGraphicsItem *item : chart->scene()->items())
        if (const auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
            QVERIFY2(!cutStep.match(text->toPlainText()).hasMatch(), qPrintable(text->toPlainText()));
}

void TestGradientFlowView::stepTicksSettle()
{
    // A run that ends on a round step (100000): a finer interval ends on the six-digit label, a
    // coarser one on a five-digit one, and Qt keeps half of the last label right of the plot, so
    // the plot's width depends on the interval chosen for it. At every width the chart settles:
    // no relayout follows the last one.
    auto snapshot = collapsingTanh(3);
    const auto history = gradientNorms(*snapshot, 1000LL);
    GradientFlowView view;
    view.resize(600, 260);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameOf(snapshot, history));
    QChart *chart = view.historyChart();
    qreal narrowest = 1e9, widest = 0.0;
    for (int width = 560; width <= 760; width += 4) {
        view.resize(width, 260);
        QTest::qWait(60);
        QSignalSpy relayouts(chart, &QChart::plotAreaChanged);
        QTest::qWait(60);
        QVERIFY2(relayouts.count() == 0,
                 qPrintable(QStringLiteral("width %1: %2 relayouts").arg(width).arg(relayouts.count())));
        narrowest = std::min(narrowest, chart->plotArea().width());
        widest = std::max(widest, chart->plotArea().width());
    }
    QVERIFY2(narrowest < 190.0 && widest > 240.0, qPrintable(QStringLiteral("%1 %2").arg(narrowest).arg(widest)));
}

void TestGradientFlowView::shortHistoryCutsNoWords()
{
    // A short history chart in presentation mode whose norms underflowed to 0: its axis title
    // and the note on the bottom edge ("bottom: underflow") are each whole or left out, never
    // cut to "..." by Qt; the chart's title keeps the full note.
    auto snapshot = collapsingTanh(3);
    auto history = std::make_shared<History>();
    for (int p = 0; p <= 100; ++p)
        for (const auto &l : snapshot->layers)
            history->append("layer" + std::to_string(l.index) + ".grad_norm", 100LL * p, p % 10 == 0 ? 0.0 : 1e-3);
    GradientFlowView view;
    view.resize(440, 190);
    view.setPresentation(true);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameOf(snapshot, history));
    QTest::qWait(50);
    QChart *chart = view.historyChart();
    auto *axis = qobject_cast<QLogValueAxis *>(chart->axes(Qt::Vertical).value(0));
    QVERIFY(axis);
    const auto cut = [&] { return chartTexts(chart).filter(QStringLiteral("...")); };
    QTRY_VERIFY2(cut().isEmpty(), qPrintable(cut().join(u'|').replace(u'\n', u'~')));
    QVERIFY2(chart->title().contains(QStringLiteral("underflow")), qPrintable(chart->title()));
    const QString title = QTextDocumentFragment::fromHtml(axis->titleText()).toPlainText();
    QVERIFY2(title.isEmpty() || title.startsWith(QStringLiteral("‖∂L/∂W‖")) || title == QStringLiteral("bottom: underflow"),
             qPrintable(title));
}

QTEST_MAIN(TestGradientFlowView)
#include "tst_gradientflowview.moc"
