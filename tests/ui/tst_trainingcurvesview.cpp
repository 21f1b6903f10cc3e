// The training-curves view plots exactly the history's loss and accuracy points (accuracy in %),
// on a narrow plot only those its pixel columns show (every one for an export), skips NaN/Inf,
// copes with an empty history, and renders.

#include "ui/trainingcurvesview.h"
#include "viewtestdata.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QValueAxis>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <random>

using layerlens::core::History;
using layerlens::core::Snapshot;
using layerlens::ui::Frame;
using layerlens::ui::TrainingCurvesView;
using Curve = TrainingCurvesView::Curve;

namespace {

Frame frameWith(std::shared_ptr<History> history, long long step = 0)
{
    Frame frame;
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->step = step;
    frame.snapshot = snapshot;
    frame.history = std::move(history);
    return frame;
}

// A run of `steps` steps: a noisy per-step training loss falling from about 0.7, a test
// evaluation every `evalEvery` steps that bottoms out and rises again (overfitting).
std::shared_ptr<History> realisticHistory(int steps, int evalEvery)
{
    auto history = std::make_shared<History>();
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    for (int step = 1; step <= steps; ++step) {
        const double t = step / 400.0;
        const double loss = std::max(0.01, 0.65 * std::exp(-t) + 0.04 + 0.06 * noise(rng) * std::exp(-t / 3));
        history->append("train_loss", step, loss);
        history->append("train_acc", step, std::clamp(1.0 - loss * 0.7 + 0.03 * noise(rng), 0.0, 1.0));
        if (step % evalEvery == 0) {
            const double test = 0.62 * std::exp(-t) + 0.12 + 0.02 * std::max(0.0, t - 2.0);
            history->append("test_loss", step, test);
            history->append("test_acc", step, 1.0 - test * 0.6);
        }
    }
    return history;
}

// Every text the view's charts show (titles, labels, legend), as their scenes hold it.
QStringList shownTexts(const QWidget &view)
{
    QStringList all;
    for (QGraphicsView *chartView : view.findChildren<QGraphicsView *>())
        for (QGraphicsItem *item : chartView->scene()->items())
            if (const auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                all << text->toPlainText();
    return all;
}

} // namespace

class TestTrainingCurvesView : public QObject {
    Q_OBJECT
private slots:
    void identity();
    void plotsEveryHistoryPoint();
    void longHistoryKeepsWhatThePlotShows();
    void accuracyInPercent();
    void skipsNonFinite();
    void emptyHistory();
    void followsNewHistory();
    void renders();
    void narrowChartsKeepTheirWords_data();
    void narrowChartsKeepTheirWords();
    void fullWordsComeBack();
};

void TestTrainingCurvesView::identity()
{
    TrainingCurvesView view;
    QCOMPARE(view.viewId(), QStringLiteral("curves"));
    QCOMPARE(view.title(), QStringLiteral("Training curves"));
    QCOMPARE(view.charts().size(), 2);
    QCOMPARE(view.seriesCount(), 4);
    for (QChart *chart : view.charts())
        QCOMPARE(chart->animationOptions(), QChart::NoAnimation);
}

void TestTrainingCurvesView::plotsEveryHistoryPoint()
{
    const auto history = realisticHistory(2000, 100);
    TrainingCurvesView view;
    view.showFrame(frameWith(history, 2000));
    QCOMPARE(view.pointCount(Curve::TrainLoss), 2000);
    QCOMPARE(view.pointCount(Curve::TrainAccuracy), 2000);
    QCOMPARE(view.pointCount(Curve::TestLoss), 20);
    QCOMPARE(view.pointCount(Curve::TestAccuracy), 20);
    const auto &train = history->find("train_loss")->points();
    const QList<QPointF> plotted = view.points(Curve::TrainLoss);
    for (int i : {0, 1, 999, 1999}) {
        QCOMPARE(plotted[i].x(), double(train[std::size_t(i)].step));
        QCOMPARE(plotted[i].y(), train[std::size_t(i)].value);
    }
    const QList<QPointF> test = view.points(Curve::TestLoss);
    QCOMPARE(test.front().x(), 100.0);
    QCOMPARE(test.back().x(), 2000.0);
}

void TestTrainingCurvesView::longHistoryKeepsWhatThePlotShows()
{
    // 4000 noisy training losses on a plot a few hundred pixels wide: the line keeps, of each
    // pixel column, its first, last, lowest and highest point, all of them history points.
    const auto history = realisticHistory(4000, 100);
    TrainingCurvesView view;
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameWith(history, 4000));
    QChart *chart = view.charts().front();
    const auto *steps = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).front());
    QVERIFY(steps);
    const auto &train = history->find("train_loss")->points();
    // Columns as wide as the plot's pixels, over the step axis (rounded out to nice numbers).
    const auto matchesPlot = [&] {
        const int columns = static_cast<int>(std::ceil(chart->plotArea().width() * view.devicePixelRatioF()));
        const QList<QPointF> plotted = view.points(Curve::TrainLoss);
        return columns >= 100 && plotted.size() <= 4 * columns && plotted.size() < 4000 && steps->min() <= 1.0 &&
               steps->max() >= 4000.0 && viewtestdata::keepsEveryColumn(plotted, train, columns, steps->min(), steps->max());
    };
    QTRY_VERIFY(matchesPlot()); // once laid out and filled for the plot's width
    const QList<QPointF> plotted = view.points(Curve::TrainLoss);
    // The 40 test evaluations are few enough to keep whole, markers and all.
    QCOMPARE(view.pointCount(Curve::TestLoss), 40);
    // An export draws every point, and the screen goes back to the decimated line after it.
    // Both look the same: the lines cover the same pixels; only the antialiased edge pixels,
    // where the full line's many short segments overlap, come out a little darker. Compared over
    // the loss chart's plot, where the line is.
    const auto *chartView = view.findChildren<QChartView *>().front();
    const QRect plot = chart->plotArea().toAlignedRect().translated(chartView->viewport()->mapTo(&view, QPoint()));
    const QImage decimated = view.grab(plot).toImage().convertToFormat(QImage::Format_Grayscale8);
    view.setEveryPoint(true);
    QCOMPARE(view.pointCount(Curve::TrainLoss), 4000);
    const QImage full = view.grab(plot).toImage().convertToFormat(QImage::Format_Grayscale8);
    view.setEveryPoint(false);
    QCOMPARE(view.points(Curve::TrainLoss), plotted);
    QCOMPARE(decimated.size(), full.size());
    qint64 differing = 0, inkFull = 0, inkDecimated = 0, inkedFull = 0, inkedDecimated = 0;
    for (int y = 0; y < full.height(); ++y)
        for (int x = 0; x < full.width(); ++x) {
            const int a = qGray(full.pixel(x, y)), b = qGray(decimated.pixel(x, y));
            differing += a != b;
            inkFull += 255 - a;
            inkDecimated += 255 - b;
            inkedFull += a < 250;
            inkedDecimated += b < 250;
        }
    qDebug("plot %dx%d: %lld pixels differ; ink %lld (every point) against %lld; pixels inked %lld against %lld",
           full.width(), full.height(), differing, inkFull, inkDecimated, inkedFull, inkedDecimated);
    QVERIFY(inkedFull > full.width()); // the line is in the picture
    QVERIFY(differing * 2 < inkedFull); // mostly edge pixels a few levels apart
    QVERIFY(std::abs(inkFull - inkDecimated) * 20 < inkFull);
    QVERIFY(std::abs(inkedFull - inkedDecimated) * 50 < inkedFull);
}

void TestTrainingCurvesView::accuracyInPercent()
{
    auto history = std::make_shared<History>();
    history->append("train_acc", 1, 0.5);
    history->append("train_acc", 2, 0.75);
    history->append("test_acc", 2, 0.875);
    TrainingCurvesView view;
    view.showFrame(frameWith(history, 2));
    QCOMPARE(view.points(Curve::TrainAccuracy), (QList<QPointF>{{1, 50.0}, {2, 75.0}}));
    QCOMPARE(view.points(Curve::TestAccuracy), (QList<QPointF>{{2, 87.5}}));
    QCOMPARE(view.pointCount(Curve::TrainLoss), 0);
}

void TestTrainingCurvesView::skipsNonFinite()
{
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    auto history = std::make_shared<History>();
    history->append("train_loss", 1, 0.7);
    history->append("train_loss", 2, nan);
    history->append("train_loss", 3, 0.6);
    history->append("train_loss", 4, inf);
    history->append("test_loss", 3, -inf);
    history->append("train_acc", 1, nan);
    TrainingCurvesView view;
    view.resize(800, 500);
    view.show();
    view.showFrame(frameWith(history, 4));
    QCOMPARE(view.points(Curve::TrainLoss), (QList<QPointF>{{1, 0.7}, {3, 0.6}}));
    QCOMPARE(view.pointCount(Curve::TestLoss), 0);
    QCOMPARE(view.pointCount(Curve::TrainAccuracy), 0);
    QVERIFY(!view.grab().isNull());
}

void TestTrainingCurvesView::emptyHistory()
{
    TrainingCurvesView view;
    view.showFrame(frameWith(std::make_shared<History>()));
    for (Curve curve : {Curve::TrainLoss, Curve::TestLoss, Curve::TrainAccuracy, Curve::TestAccuracy})
        QCOMPARE(view.pointCount(curve), 0);
    view.showFrame(frameWith(nullptr)); // no history at all
    QCOMPARE(view.pointCount(Curve::TrainLoss), 0);
}

void TestTrainingCurvesView::followsNewHistory()
{
    TrainingCurvesView view;
    view.showFrame(frameWith(realisticHistory(500, 100), 500));
    QCOMPARE(view.pointCount(Curve::TrainLoss), 500);
    // A rebuilt network starts a new, shorter history: nothing of the old one stays.
    view.showFrame(frameWith(realisticHistory(30, 10), 30));
    QCOMPARE(view.pointCount(Curve::TrainLoss), 30);
    QCOMPARE(view.pointCount(Curve::TestLoss), 3);
}

void TestTrainingCurvesView::renders()
{
    TrainingCurvesView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameWith(realisticHistory(2000, 100), 2000));
    QCoreApplication::processEvents(); // the chart lays out as it would in the event loop
    const QPixmap image = view.grab();
    QCOMPARE(image.size(), QSize(800, 500));
    if (const QString dir = qEnvironmentVariable("LAYERLENS_VIEW_PNG_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + QStringLiteral("/curves.png")));
    }
}

void TestTrainingCurvesView::narrowChartsKeepTheirWords_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("fullWords");
    // Presentation mode's type on a 720p projector: each chart about 270 × 220 px.
    QTest::newRow("normal, wide") << false << QSize(800, 300) << true;
    QTest::newRow("presentation, 720p") << true << QSize(560, 220) << false;
}

void TestTrainingCurvesView::narrowChartsKeepTheirWords()
{
    // Where "training (each mini-batch)" and "accuracy (%)" would be elided to "..." they give way
    // to shorter words; the numbers under the plots stay whole.
    QFETCH(bool, presentation);
    QFETCH(QSize, size);
    QFETCH(bool, fullWords);
    TrainingCurvesView view;
    view.resize(size);
    view.setPresentation(presentation);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameWith(realisticHistory(2000, 100), 2000));
    const auto texts = [&] { return shownTexts(view); };
    const auto settled = [&] {
        const QStringList all = texts();
        return all.contains(QStringLiteral("test")) && !all.join(u'|').contains(QStringLiteral("...")) &&
               all.contains(QStringLiteral("training (each mini-batch)")) == fullWords;
    };
    QTRY_VERIFY2(settled(), qPrintable(texts().join(u'|')));
    QCOMPARE(texts().contains(QStringLiteral("accuracy (%)")), fullWords);
    QVERIFY(texts().contains(QStringLiteral("training")) || fullWords);
}

void TestTrainingCurvesView::fullWordsComeBack()
{
    // Presentation mode on a narrow chart shortens the words; leaving it, or a wider window,
    // brings them back.
    TrainingCurvesView view;
    view.resize(560, 220);
    view.setPresentation(true);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showFrame(frameWith(realisticHistory(2000, 100), 2000));
    const auto texts = [&] { return shownTexts(view); };
    QTRY_VERIFY2(texts().contains(QStringLiteral("training")) && !texts().contains(QStringLiteral("step")),
                 qPrintable(texts().join(u'|')));
    view.setPresentation(false);
    view.resize(800, 300);
    QTRY_VERIFY2(texts().contains(QStringLiteral("training (each mini-batch)")) &&
                     texts().contains(QStringLiteral("accuracy (%)")) && texts().contains(QStringLiteral("step")),
                 qPrintable(texts().join(u'|')));
}

QTEST_MAIN(TestTrainingCurvesView)
#include "tst_trainingcurvesview.moc"
