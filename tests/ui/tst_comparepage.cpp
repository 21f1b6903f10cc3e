// Compare mode's page and its hook in the main window: side by side, each run has one of each
// view (two rows shown, chosen per row); overlaid, every chart has an A and a B series with the
// points of each run; the titles name each run's config; the Compare action (C) switches the
// central area, drives both runs with Space/S/R and ends their threads.

#include "ui/activationhistogramview.h"
#include "ui/comparecurvesview.h"
#include "ui/comparelayerprofileview.h"
#include "ui/comparepage.h"
#include "ui/comparesession.h"
#include "ui/controlpanel.h"
#include "ui/gradientflowview.h"
#include "ui/chartexportactions.h"
#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"
#include "ui/trainingcurvesview.h"

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineSeries>
#include <QMenuBar>
#include <QPointer>
#include <QRadioButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

#include "comparetestdata.h"

#include <cmath>

using namespace layerlens;
using layerlens::ui::ComparePage;
using layerlens::ui::CompareSession;
using layerlens::ui::ConfigOverrides;
using Side = CompareSession::Side;

namespace {

core::RunConfig smallConfig()
{
    return comparetestdata::smallConfig(1, 5);
}

using comparetestdata::bothSettledAt;

/// Finite points of history series `name` of `side`'s newest frame.
qsizetype historyCount(const CompareSession &session, Side side, const std::string &name)
{
    const auto *series = session.latestFrame(side)->history->find(name);
    if (!series)
        return 0;
    return std::count_if(series->points().begin(), series->points().end(),
                         [](const core::Series::Point &p) { return std::isfinite(p.value); });
}

} // namespace

class TestComparePage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sideBySideHasOneOfEachViewPerSide();
    void rowChoiceSwapsViews();
    void overlaidChartsHaveAAndB();
    void titlesNameTheConfigs();
    void pairChoiceReachesTheSession();
    void lessonPairShownInTheChoice();
    void compareActionSwitchesAndDrivesBothRuns();
    void startComparisonOpensAPair();
    void panelEditsRunA();
    void togglingWhileTraining();
    void closeWhileComparing();
    void compareViewsExportAndPresent();
};

void TestComparePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("LayerLensCompareTest"));
    QSettings().clear();
}

void TestComparePage::sideBySideHasOneOfEachViewPerSide()
{
    CompareSession session;
    ComparePage page(&session);
    page.resize(1000, 560);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.arrangement(), ComparePage::Arrangement::SideBySide);
    for (const Side side : {Side::A, Side::B}) {
        const QList<ui::DashboardView *> views = page.views(side);
        QCOMPARE(views.size(), 3);
        QVERIFY(qobject_cast<ui::ActivationHistogramView *>(views[0]));
        QVERIFY(qobject_cast<ui::GradientFlowView *>(views[1]));
        QVERIFY(qobject_cast<ui::TrainingCurvesView *>(views[2]));
        // Rows: activations, then gradient flow; the curves wait for a row.
        QVERIFY(views[0]->isVisible() && views[1]->isVisible() && !views[2]->isVisible());
    }
    for (int i = 0; i < 3; ++i)
        QVERIFY(page.views(Side::A)[i] != page.views(Side::B)[i]);
    // A on the left, B on the right, the same view in the same row.
    for (int i = 0; i < 2; ++i) {
        const QRect a = page.views(Side::A)[i]->geometry(), b = page.views(Side::B)[i]->geometry();
        const QPoint ga = page.views(Side::A)[i]->mapTo(&page, QPoint()), gb = page.views(Side::B)[i]->mapTo(&page, QPoint());
        QVERIFY(ga.x() + a.width() <= gb.x());
        QCOMPARE(ga.y(), gb.y());
        QCOMPARE(a.size(), b.size());
    }

    session.setConfigs(smallConfig(), ui::builtInPairs().front());
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(6);
    QTRY_VERIFY(bothSettledAt(session, 6));
    QCoreApplication::processEvents();
    for (const Side side : {Side::A, Side::B}) {
        auto *activations = qobject_cast<ui::ActivationHistogramView *>(page.views(side)[0]);
        QCOMPARE(activations->seriesCount(), 3); // one histogram per hidden layer
        QVERIFY(activations->pointCount(0) > 0);
        auto *gradients = qobject_cast<ui::GradientFlowView *>(page.views(side)[1]);
        QCOMPARE(gradients->seriesCount(), 6); // 3 bars, 3 history lines
        QCOMPARE(gradients->pointCount(3), 7); // steps 0..6
    }
    // Hidden views skip frames; shown, they catch up with the newest.
    page.setRowKind(1, ComparePage::ViewKind::Curves);
    for (const Side side : {Side::A, Side::B}) {
        auto *curves = qobject_cast<ui::TrainingCurvesView *>(page.views(side)[2]);
        QVERIFY(curves->isVisible());
        QCOMPARE(curves->pointCount(ui::TrainingCurvesView::Curve::TrainLoss), 6);
    }
    const auto lossA = qobject_cast<ui::TrainingCurvesView *>(page.views(Side::A)[2])->points(ui::TrainingCurvesView::Curve::TrainLoss);
    const auto lossB = qobject_cast<ui::TrainingCurvesView *>(page.views(Side::B)[2])->points(ui::TrainingCurvesView::Curve::TrainLoss);
    QVERIFY(lossA != lossB); // BatchNorm off and on train differently
}

void TestComparePage::rowChoiceSwapsViews()
{
    CompareSession session;
    ComparePage page(&session);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *upper = page.findChild<QComboBox *>(QStringLiteral("compareUpperRow"));
    auto *lower = page.findChild<QComboBox *>(QStringLiteral("compareLowerRow"));
    QVERIFY(upper && lower);
    QCOMPARE(upper->currentIndex(), static_cast<int>(ComparePage::ViewKind::Activations));
    QCOMPARE(lower->currentIndex(), static_cast<int>(ComparePage::ViewKind::Gradients));
    upper->setCurrentIndex(static_cast<int>(ComparePage::ViewKind::Gradients)); // as the user does
    QCOMPARE(page.rowKind(0), ComparePage::ViewKind::Gradients);
    QCOMPARE(page.rowKind(1), ComparePage::ViewKind::Activations); // swapped
    QCOMPARE(lower->currentIndex(), static_cast<int>(ComparePage::ViewKind::Activations));
    const auto views = page.views(Side::B);
    QTRY_VERIFY(views[1]->mapTo(&page, QPoint()).y() < views[0]->mapTo(&page, QPoint()).y());
    lower->setCurrentIndex(static_cast<int>(ComparePage::ViewKind::Curves));
    QCOMPARE(page.rowKind(0), ComparePage::ViewKind::Gradients);
    QCOMPARE(page.rowKind(1), ComparePage::ViewKind::Curves);
    QVERIFY(!views[0]->isVisible() && views[1]->isVisible() && views[2]->isVisible());
    // The row choice is a side-by-side matter.
    page.setArrangement(ComparePage::Arrangement::Overlaid);
    QVERIFY(!upper->isVisible());
}

void TestComparePage::overlaidChartsHaveAAndB()
{
    CompareSession session;
    ComparePage page(&session);
    page.resize(1000, 560);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.findChild<QRadioButton *>(QStringLiteral("compareOverlaid"))->click();
    QCOMPARE(page.arrangement(), ComparePage::Arrangement::Overlaid);
    const QList<ui::ComparisonView *> charts = page.overlaidViews();
    QCOMPARE(charts.size(), 4);
    for (ui::ComparisonView *chart : charts)
        QVERIFY(chart->isVisible());

    session.setConfigs(smallConfig(), ui::builtInPairs().front()); // BatchNorm on/off
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(12);
    QTRY_VERIFY(bothSettledAt(session, 12));
    QTRY_COMPARE(charts[0]->points(ui::ComparisonView::kSideB).size(), qsizetype(12));

    auto *curves = qobject_cast<ui::CompareCurvesView *>(charts[0]);
    QVERIFY(curves);
    for (int curve = 0; curve < 4; ++curve) {
        curves->setQuantity(curve);
        const std::string name = ui::CompareCurvesView::historyName(static_cast<ui::CompareCurvesView::Curve>(curve));
        QCOMPARE(curves->seriesCount(), 2);
        QCOMPARE(curves->points(ui::ComparisonView::kSideA).size(), historyCount(session, Side::A, name));
        QCOMPARE(curves->points(ui::ComparisonView::kSideB).size(), historyCount(session, Side::B, name));
    }
    QCOMPARE(curves->points(ui::ComparisonView::kSideA).size(), qsizetype(3)); // test accuracy: steps 0, 5, 10
    auto *profile = qobject_cast<ui::CompareLayerProfileView *>(charts[2]);
    QVERIFY(profile);
    for (int quantity = 0; quantity < profile->quantities().size(); ++quantity) {
        profile->setQuantity(quantity);
        QCOMPARE(profile->seriesCount(), 2);
        QCOMPARE(profile->points(ui::ComparisonView::kSideA).size(), qsizetype(3)); // one per hidden layer
        QCOMPARE(profile->points(ui::ComparisonView::kSideB).size(), qsizetype(3));
    }
    profile->setQuantity(static_cast<int>(ui::CompareLayerProfileView::Quantity::GradientNorm));
    const auto &layersA = session.latestFrame(Side::A)->snapshot->layers;
    for (int j = 0; j < 3; ++j) {
        const QPointF p = profile->points(ui::ComparisonView::kSideA)[j];
        QCOMPARE(p.x(), double(j + 1));
        QCOMPARE(p.y(), layersA[static_cast<std::size_t>(j)].grad.weightNorm);
    }
    // Solid A, dashed B, named by what differs.
    for (ui::ComparisonView *chart : charts) {
        QCOMPARE(chart->series(ui::ComparisonView::kSideA)->pen().style(), Qt::SolidLine);
        QCOMPARE(chart->series(ui::ComparisonView::kSideB)->pen().style(), Qt::CustomDashLine);
        QCOMPARE(chart->series(ui::ComparisonView::kSideA)->name(), QStringLiteral("A: BN off"));
        QCOMPARE(chart->series(ui::ComparisonView::kSideB)->name(), QStringLiteral("B: BN on"));
    }
}

void TestComparePage::titlesNameTheConfigs()
{
    CompareSession session;
    ComparePage page(&session);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.titleText(Side::A).contains(QLatin1String("not running")));
    session.setConfigs(smallConfig(), ConfigOverrides{{"dropout", "0.5"}});
    session.step(3);
    QTRY_VERIFY(bothSettledAt(session, 3));
    QTRY_VERIFY(page.titleText(Side::B).contains(QLatin1String("step 3")));
    QVERIFY2(page.titleText(Side::A).contains(QStringLiteral("A: tanh · xavier_normal · BN off · dropout 0")),
             qPrintable(page.titleText(Side::A)));
    QVERIFY2(page.titleText(Side::B).contains(QStringLiteral("B: tanh · xavier_normal · BN off · dropout 0.5")),
             qPrintable(page.titleText(Side::B)));
    QVERIFY(page.titleText(Side::A).contains(QLatin1String("step 3")));
    // An impossible B is said, and B runs A's config.
    core::RunConfig a = smallConfig();
    a.network.batchNorm = true;
    session.setConfigs(a, ConfigOverrides{{"batch_size", "1"}});
    auto *error = page.findChild<QLabel *>(QStringLiteral("compareError"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().startsWith(QLatin1String("B: batch_size")));
    QTRY_VERIFY(page.titleText(Side::B).contains(QLatin1String("(same as A)")));
    session.setConfigs(smallConfig(), ui::builtInPairs().front());
    QVERIFY(!error->isVisible());
}

void TestComparePage::pairChoiceReachesTheSession()
{
    CompareSession session;
    ComparePage page(&session);
    auto *box = page.findChild<QComboBox *>(QStringLiteral("comparePair"));
    QVERIFY(box);
    QCOMPARE(box->count(), static_cast<int>(ui::builtInPairs().size()));
    QCOMPARE(box->currentData().toString(), QStringLiteral("batchnorm"));
    session.setConfigs(smallConfig(), session.pair());
    QTRY_VERIFY(bothSettledAt(session, 0));
    box->setCurrentIndex(box->findData(QStringLiteral("init")));
    QCOMPARE(session.pair().id, QStringLiteral("init"));
    QCOMPARE(session.config(Side::B).network.init.kind, core::InitKind::HeNormal);
    QCOMPARE(session.config(Side::A).network.init.kind, core::InitKind::XavierNormal);
    QTRY_VERIFY(session.latestFrame(Side::B) && session.latestFrame(Side::B)->config.network.init.kind == core::InitKind::HeNormal);
}

void TestComparePage::lessonPairShownInTheChoice()
{
    CompareSession session;
    ComparePage page(&session);
    auto *box = page.findChild<QComboBox *>(QStringLiteral("comparePair"));
    const int builtIn = static_cast<int>(ui::builtInPairs().size());
    session.setConfigs(smallConfig(), ConfigOverrides{{"lr", "0.5"}}, QStringLiteral("A large learning rate"));
    QCOMPARE(box->count(), builtIn + 1);
    QCOMPARE(box->currentText(), QStringLiteral("A large learning rate"));
    box->setCurrentIndex(0); // the user goes back to a built-in pair: the lesson's entry goes
    QCOMPARE(session.pair().id, QStringLiteral("batchnorm"));
    QCOMPARE(box->count(), builtIn);
}

void TestComparePage::compareActionSwitchesAndDrivesBothRuns()
{
    ui::MainWindow window;
    window.applyConfig(smallConfig());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *compare = window.findChild<QAction *>(QStringLiteral("actionCompare"));
    QVERIFY(compare);
    QVERIFY(compare->isCheckable());
    QCOMPARE(compare->shortcut(), QKeySequence(Qt::Key_C));
    QVERIFY(window.findChild<QToolBar *>(QStringLiteral("trainingToolbar"))->actions().contains(compare));
    bool inViewMenu = false;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->text().remove(QLatin1Char('&')) == QLatin1String("View"))
            inViewMenu = menu->menu()->actions().contains(compare);
    QVERIFY(inViewMenu);

    CompareSession *session = window.compareSession();
    auto *central = qobject_cast<QStackedWidget *>(window.centralWidget());
    QVERIFY(central);
    QVERIFY(!window.isComparing() && !session->isOpen());
    QTest::keyClick(&window, Qt::Key_C);
    QVERIFY(window.isComparing());
    QCOMPARE(central->currentWidget(), static_cast<QWidget *>(window.comparePage()));
    QVERIFY(window.comparePage()->isVisible());
    QVERIFY(session->isOpen());
    QTRY_VERIFY(bothSettledAt(*session, 0));
    const long long singleStep = window.controller()->latestFrame() ? window.controller()->latestFrame()->snapshot->step : 0;

    QTest::keyClick(&window, Qt::Key_S);
    QTRY_VERIFY(bothSettledAt(*session, 1));
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(session->isRunning());
    auto *run = window.findChild<QAction *>(QStringLiteral("actionRun"));
    QVERIFY(run->isChecked());
    QTRY_VERIFY(session->latestFrame(Side::A)->snapshot->step > 20);
    QTest::keyClick(&window, Qt::Key_Space);
    QVERIFY(!session->isRunning());
    QVERIFY(!run->isChecked());
    QTest::keyClick(&window, Qt::Key_R);
    QTRY_VERIFY(bothSettledAt(*session, 0));
    // The single run was left alone meanwhile.
    QCOMPARE(window.controller()->latestFrame()->snapshot->step, singleStep);

    QPointer<ui::TrainingController> a = session->controller(Side::A), b = session->controller(Side::B);
    QTest::keyClick(&window, Qt::Key_C);
    QVERIFY(!window.isComparing());
    QVERIFY(!session->isOpen());
    QVERIFY(a.isNull() && b.isNull()); // both threads ended with their controllers
    QVERIFY(window.views().front()->isVisible());
    // Space drives the single run again.
    QTest::keyClick(&window, Qt::Key_S);
    QTRY_COMPARE(window.controller()->latestFrame()->snapshot->step, singleStep + 1);
}

void TestComparePage::startComparisonOpensAPair()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    core::RunConfig a = smallConfig();
    a.network.activation = core::ActivationKind::Relu;
    window.startComparison(a, {{"init", "he_normal"}}, QStringLiteral("He instead of Xavier"));
    QVERIFY(window.isComparing());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionCompare"))->isChecked());
    QCOMPARE(window.controlPanel()->config().network.activation, core::ActivationKind::Relu);
    CompareSession *session = window.compareSession();
    QTRY_VERIFY(bothSettledAt(*session, 0));
    QCOMPARE(session->latestFrame(Side::A)->config.network.init.kind, core::InitKind::XavierNormal);
    QCOMPARE(session->latestFrame(Side::B)->config.network.init.kind, core::InitKind::HeNormal);
    QCOMPARE(session->latestFrame(Side::B)->config.network.activation, core::ActivationKind::Relu);
    QCOMPARE(session->latestFrame(Side::A)->config.steps, core::kMaxSteps); // trains until paused
    QCOMPARE(window.comparePage()->findChild<QComboBox *>(QStringLiteral("comparePair"))->currentText(),
             QStringLiteral("He instead of Xavier"));
    // A second pair while comparing and running starts afresh, paused at step 0.
    session->start();
    QTRY_VERIFY(session->latestFrame(Side::A)->snapshot->step > 20);
    window.startComparison(smallConfig(), {{"activation", "leaky_relu"}});
    QVERIFY(window.isComparing());
    QVERIFY(!session->isRunning());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionRun"))->isChecked());
    QTRY_VERIFY(bothSettledAt(*session, 0));
    QCOMPARE(session->latestFrame(Side::A)->config.network.activation, core::ActivationKind::Tanh);
    QCOMPARE(session->latestFrame(Side::B)->config.network.activation, core::ActivationKind::LeakyRelu);
    QCOMPARE(window.comparePage()->findChild<QComboBox *>(QStringLiteral("comparePair"))->currentText(),
             QStringLiteral("activation=leaky_relu"));
    window.close();
}

void TestComparePage::panelEditsRunA()
{
    ui::MainWindow window;
    window.applyConfig(smallConfig());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction *>(QStringLiteral("actionCompare"))->trigger();
    CompareSession *session = window.compareSession();
    QTRY_VERIFY(bothSettledAt(*session, 0));
    core::RunConfig c = smallConfig();
    c.network.depth = 5;
    window.applyConfig(c); // a preset or a file, as the panel's edits
    QTRY_VERIFY(session->latestFrame(Side::A)->snapshot->layers.size() == 5
                && session->latestFrame(Side::B)->snapshot->layers.size() == 5);
    QVERIFY(session->latestFrame(Side::B)->config.network.batchNorm); // B keeps its difference
    QVERIFY(!session->latestFrame(Side::A)->config.network.batchNorm);
}

void TestComparePage::togglingWhileTraining()
{
    ui::MainWindow window;
    window.applyConfig(smallConfig());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *compare = window.findChild<QAction *>(QStringLiteral("actionCompare"));
    CompareSession *session = window.compareSession();
    window.controller()->start();
    for (int i = 0; i < 20; ++i) {
        compare->trigger();
        QVERIFY(window.isComparing());
        if (i % 2 == 0)
            session->start();
        else
            session->step(3);
        QTest::qWait(i % 3 == 0 ? 0 : 30);
        if (i % 4 == 1)
            window.comparePage()->setArrangement(ComparePage::Arrangement::Overlaid);
        else if (i % 4 == 3)
            window.comparePage()->setArrangement(ComparePage::Arrangement::SideBySide);
        compare->trigger();
        QVERIFY(!window.isComparing());
        QVERIFY(!session->isOpen());
        if (i % 5 == 0)
            window.controller()->start();
        QTest::qWait(10);
    }
    QVERIFY(!session->isOpen());
    window.controller()->step(1); // the single run still answers
    QTRY_VERIFY(window.controller()->latestFrame() && !window.controller()->latestFrame()->running);
}

void TestComparePage::closeWhileComparing()
{
    auto window = std::make_unique<ui::MainWindow>();
    window->applyConfig(smallConfig());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->findChild<QAction *>(QStringLiteral("actionCompare"))->trigger();
    CompareSession *session = window->compareSession();
    QTRY_VERIFY(bothSettledAt(*session, 0));
    session->start();
    QTRY_VERIFY(session->latestFrame(Side::A)->snapshot->step > 10);
    // Closing stops both workers mid-run and joins their threads (the time is reported, not asserted).
    QPointer<ui::TrainingController> controllerA = session->controller(Side::A);
    QPointer<ui::TrainingController> controllerB = session->controller(Side::B);
    QVERIFY(controllerA && controllerB);
    QElapsedTimer timer;
    timer.start();
    window->close();
    QVERIFY(!session->isOpen());
    window.reset();
    QVERIFY(controllerA.isNull() && controllerB.isNull());
    qInfo("close while comparing: %lld ms", static_cast<long long>(timer.elapsed()));
}

void TestComparePage::compareViewsExportAndPresent()
{
    // Every view of the compare page has the save/copy corner button, Save as writes the view,
    // and presentation mode enlarges the compare charts' titles as it does the dashboard's.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ui::MainWindow window;
    window.applyConfig(smallConfig());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_C);
    QVERIFY(window.isComparing());
    QTRY_VERIFY(bothSettledAt(*window.compareSession(), 0));
    const auto views = window.comparePage()->findChildren<ui::DashboardView *>();
    QCOMPARE(views.size(), qsizetype(2 * 3 + 4)); // three per side, four overlaid
    for (ui::DashboardView *view : views)
        QVERIFY2(view->findChild<QToolButton *>(QStringLiteral("exportButton")), qPrintable(view->viewId()));

    ui::ChartExportActions *exports = window.compareExports();
    QVERIFY(exports);
    const QString path = dir.filePath(QStringLiteral("compare-a.png"));
    exports->setFileChooser([&](const QString &, const QString &, const QString &) { return path; });
    exports->setWarner([](const QString &message) { QFAIL(qPrintable(message)); });
    ui::DashboardView *first = window.comparePage()->views(Side::A).front();
    QVERIFY(exports->saveView(first));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), first->width() * exports->pngScale());

    QChart *chart = first->charts().front();
    const qreal before = chart->titleFont().pointSizeF();
    window.setPresentation(true);
    QVERIFY(chart->titleFont().pointSizeF() > before * 1.2);
    window.setPresentation(false);
    QCOMPARE(chart->titleFont().pointSizeF(), before);
}

QTEST_MAIN(TestComparePage)
#include "tst_comparepage.moc"
