// The main window opens, has its title and menus, and closes cleanly (offscreen).

#include "ui/mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QtTest>

using layerlens::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void opensAndCloses();
    void quitActionCloses();
};

void TestMainWindow::opensAndCloses()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.windowTitle().startsWith(QLatin1String("LayerLens")));
    // Fits a 1366×768 projector.
    QVERIFY(window.width() <= 1366);
    QVERIFY(window.height() <= 768);
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
}

void TestMainWindow::quitActionCloses()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *quit = window.findChild<QAction *>(QStringLiteral("actionQuit"));
    QVERIFY(quit);
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    quit->trigger();
    QTRY_VERIFY(!window.isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
