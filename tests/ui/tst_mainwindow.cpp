// The main window: title, menus, shortcuts Space/S/R reaching the controller, frames reaching
// every view and the status bar, settings remembered, and a clean close while training.

#include "ui/controlpanel.h"
#include "ui/dashboardview.h"
#include "ui/lessonpanel.h"
#include "ui/mainwindow.h"
#include "ui/presets.h"
#include "ui/trainingcontroller.h"

#include <QAction>
#include <QChart>
#include <QDockWidget>
#include <QLineSeries>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QThread>
#include <QtTest>

using namespace layerlens;
using layerlens::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensWithTitleMenusAndViews();
    void shortcutsDriveTraining();
    void framesReachTheStatusBar();
    void settingsRemembered();
    void lessonAndConfigSurviveWithoutAClose();
    void closeWhileTraining();
    void presentationModeEnlargesAndRestores();
    void lessonKeysWalkTheLessons();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("LayerLensTest"));
    QSettings().clear();
}

void TestMainWindow::opensWithTitleMenusAndViews()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.windowTitle().startsWith(QLatin1String("LayerLens")));
    QVERIFY2(window.width() <= 1366 && window.height() <= 768,
             qPrintable(QStringLiteral("%1x%2, minimum %3x%4").arg(window.width()).arg(window.height())
                            .arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text().remove(QLatin1Char('&'));
    QVERIFY(menus.contains(QStringLiteral("File")) && menus.contains(QStringLiteral("View")) && menus.contains(QStringLiteral("Help")));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionQuit"))->shortcut(), QKeySequence(QKeySequence::Quit));
    QCOMPARE(window.views().size(), std::size_t{7});
    // View menu hides and shows a view.
    auto *toggle = window.findChild<QAction *>(QStringLiteral("actionShow_gradients"));
    QVERIFY(toggle);
    toggle->setChecked(false);
    QTRY_VERIFY(!window.views()[1]->isVisible());
    toggle->setChecked(true);
    QVERIFY(window.close());
}

void TestMainWindow::shortcutsDriveTraining()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *controller = window.controller();
    QSignalSpy frames(controller, &ui::TrainingController::frameReady);
    QTRY_VERIFY(controller->latestFrame());
    QTest::keyClick(&window, Qt::Key_S);
    QTRY_COMPARE(controller->latestFrame()->snapshot->step, 1LL);
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY(controller->isRunning());
    QTRY_VERIFY(controller->latestFrame()->snapshot->step > 20);
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY(!controller->isRunning());
    QTest::keyClick(&window, Qt::Key_R);
    QTRY_COMPARE(controller->latestFrame()->snapshot->step, 0LL);
}

void TestMainWindow::framesReachTheStatusBar()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.controller()->step(3);
    QTRY_VERIFY(window.controller()->latestFrame() && window.controller()->latestFrame()->snapshot->step == 3);
    QTRY_VERIFY(window.statusBar()->findChild<QLabel *>()->text().contains(QLatin1String("step 3")));
}

void TestMainWindow::settingsRemembered()
{
    {
        MainWindow window;
        core::RunConfig c = window.controlPanel()->config();
        c.network.depth = 6;
        c.network.activation = core::ActivationKind::Elu;
        window.applyConfig(c);
        window.close();
    }
    MainWindow again;
    QCOMPARE(again.controlPanel()->config().network.depth, 6);
    QCOMPARE(again.controlPanel()->config().network.activation, core::ActivationKind::Elu);
}

void TestMainWindow::lessonAndConfigSurviveWithoutAClose()
{
    // The app dies without closing its window (a crash, a killed process): the lesson that was
    // open and the config as the user changed it were saved a second after each change.
    const std::vector<ui::Lesson> lessons = ui::lessons();
    QVERIFY(lessons.size() >= 2);
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_N);
        QTest::keyClick(&window, Qt::Key_N); // lesson 2
        core::RunConfig c = window.controlPanel()->config();
        QCOMPARE(c.network.activation, lessons[1].config.network.activation);
        c.network.depth = lessons[1].config.network.depth == 7 ? 8 : 7; // the user changes the lesson's network
        window.applyConfig(c);
        QTRY_VERIFY_WITH_TIMEOUT(QSettings().value(QStringLiteral("run/lesson")).toString() == lessons[1].name
                                     && QSettings().value(QStringLiteral("run/config")).toByteArray().contains(
                                         QByteArray("\"depth\":") + QByteArray::number(c.network.depth)),
                                 5000);
        window.hide(); // no closeEvent: nothing is saved on the way out
    }
    MainWindow again;
    auto *panel = again.findChild<ui::LessonPanel *>();
    QVERIFY(panel);
    QCOMPARE(panel->lesson().number, 2);
    QCOMPARE(panel->lesson().title, lessons[1].title.translated());
    QCOMPARE(again.controlPanel()->config().network.depth, lessons[1].config.network.depth == 7 ? 8 : 7);
    QCOMPARE(again.controlPanel()->config().network.activation, lessons[1].config.network.activation);
    // N goes on from there.
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTest::keyClick(&again, Qt::Key_N);
    QCOMPARE(panel->lesson().number, 3);
    QVERIFY(again.close());
    QSettings().clear(); // the next tests start from the defaults
}

void TestMainWindow::closeWhileTraining()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QTRY_VERIFY(window->controller()->latestFrame());
    window->controller()->start();
    QTRY_VERIFY(window->controller()->isRunning());
    // Closing stops the worker mid-run and joins its thread (the time is reported, not asserted).
    QPointer<QThread> thread = window->controller()->findChild<QThread *>();
    QVERIFY(thread && thread->isRunning());
    QElapsedTimer timer;
    timer.start();
    window->close();
    QVERIFY(thread->isFinished());
    window.reset();
    QVERIFY(thread.isNull());
    qInfo("close while training: %lld ms", static_cast<long long>(timer.elapsed()));
}

void TestMainWindow::presentationModeEnlargesAndRestores()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.controller()->latestFrame());
    QTest::keyClick(&window, Qt::Key_S);
    QTRY_COMPARE(window.controller()->latestFrame()->snapshot->step, 1LL);
    ui::DashboardView *activations = window.views().front();
    QChart *chart = activations->charts().front();
    const qreal title = chart->titleFont().pointSizeF();
    const qreal axis = chart->axes().front()->labelsFont().pointSizeF();
    const qreal windowFont = window.font().pointSizeF();
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("settingsDock"));
    QVERIFY(dock && dock->isVisible());

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.presenting());
    QTRY_VERIFY(!dock->isVisible());
    QCOMPARE(chart->titleFont().pointSizeF(), title * ui::DashboardView::kPresentationFontScale);
    QCOMPARE(chart->axes().front()->labelsFont().pointSizeF(), axis * ui::DashboardView::kPresentationFontScale);
    QCOMPARE(chart->titleBrush().color(), QColor(Qt::black));
    QVERIFY(window.font().pointSizeF() > windowFont);
    // Lines drawn from frames after the switch are thick too.
    ui::DashboardView *gradients = window.views()[1];
    QTest::keyClick(&window, Qt::Key_S);
    QTRY_COMPARE(window.controller()->latestFrame()->snapshot->step, 2LL);
    QTRY_VERIFY(!gradients->charts().back()->series().isEmpty());
    auto *line = qobject_cast<QLineSeries *>(gradients->charts().back()->series().front());
    QVERIFY(line);
    QTRY_VERIFY(line->pen().widthF() >= 2.0 * ui::DashboardView::kPresentationLineScale - 1e-9);

    QTest::keyClick(&window, Qt::Key_Escape); // leaves, like F11 again
    QVERIFY(!window.presenting());
    QTRY_VERIFY(dock->isVisible());
    QCOMPARE(chart->titleFont().pointSizeF(), title);
    QCOMPARE(chart->axes().front()->labelsFont().pointSizeF(), axis);
    QCOMPARE(window.font().pointSizeF(), windowFont);
    QCOMPARE(line->pen().widthF(), 2.0);
    // Toggling often never compounds the scale.
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(&window, Qt::Key_F11);
    QCOMPARE(chart->titleFont().pointSizeF(), title);
    QVERIFY(window.close());
}

void TestMainWindow::lessonKeysWalkTheLessons()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const std::vector<ui::Lesson> lessons = ui::lessons();
    QVERIFY(lessons.size() >= 15);
    auto *panel = window.findChild<ui::LessonPanel *>();
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    QVERIFY(panel && dock);
    QCOMPARE(panel->lesson().number, 0);
    QTest::keyClick(&window, Qt::Key_N);
    QCOMPARE(panel->lesson().number, 1);
    QCOMPARE(panel->lesson().count, static_cast<int>(lessons.size()));
    QCOMPARE(panel->lesson().title, lessons[0].title.translated());
    QVERIFY(!panel->lesson().question.isEmpty() && !panel->lesson().explanation.isEmpty());
    QTRY_VERIFY(dock->isVisible());
    // The lesson's network is what trains.
    QCOMPARE(window.controlPanel()->config().network.activation, lessons[0].config.network.activation);
    QCOMPARE(window.controlPanel()->config().network.depth, lessons[0].config.network.depth);
    QTest::keyClick(&window, Qt::Key_N);
    QCOMPARE(panel->lesson().number, 2);
    QCOMPARE(window.controlPanel()->config().network.activation, lessons[1].config.network.activation);
    QTest::keyClick(&window, Qt::Key_P);
    QTest::keyClick(&window, Qt::Key_P); // stays on the first
    QCOMPARE(panel->lesson().number, 1);
    QTRY_VERIFY(window.controller()->latestFrame() &&
                window.controller()->latestFrame()->config.network.depth == lessons[0].config.network.depth);
    QVERIFY(window.close());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
