// A seeded storm of commands against the training bridge while it trains: config changes (live,
// structural and bad), start, pause, step, reset, model saves and statistics exports, with the
// event loop running in between, and controllers destroyed at random moments. Nothing may crash
// or hang; after each storm the last config shows up in a frame, every command was answered and
// the controller still steps on request. Also run under ThreadSanitizer by .ci/sanitizers.

#include "ui/mainwindow.h"
#include "ui/trainingcontroller.h"
#include "controllertestdata.h"

#include <QDir>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <random>

using namespace layerlens;
using layerlens::ui::Frame;
using layerlens::ui::TrainingController;
using controllertestdata::lastFrame;
using controllertestdata::smallConfig;

namespace {

/// What one storm sent that must come back as a signal.
struct Sent {
    int badConfigs = 0;  // each one errorOccurred
    int files = 0;       // each save one fileWritten, each export two (stats.jsonl, stats.csv)
};

/// A random config near smallConfig(): live changes (lr, batch size) most of the time,
/// structural ones (width, depth, activation, BatchNorm, seed) often, an unreadable file rarely.
core::RunConfig randomConfig(std::mt19937 &rng, bool &bad)
{
    const core::ActivationKind kinds[] = {core::ActivationKind::Tanh, core::ActivationKind::Relu,
                                          core::ActivationKind::Sigmoid, core::ActivationKind::Elu};
    core::RunConfig c = smallConfig();
    c.optimizer.lr = std::uniform_real_distribution<double>(0.001, 0.3)(rng);
    c.batchSize = std::uniform_int_distribution<int>(2, 64)(rng); // BatchNorm needs 2 or more
    if (rng() % 2 == 0) {
        c.network.widths = {std::uniform_int_distribution<int>(2, 16)(rng)};
        c.network.depth = std::uniform_int_distribution<int>(1, 4)(rng);
        c.network.activation = kinds[rng() % 4];
        c.network.batchNorm = rng() % 2 == 0;
        c.seed = rng() % 5 + 1;
    }
    bad = rng() % 25 == 0;
    if (bad)
        c.data.spec = "csv:/nonexistent/stress.csv";
    return c;
}

/// Sends `count` random commands to `controller`, letting the event loop run between them.
/// Stops early (returns false) when `destroyAt` is reached: the caller then destroys the
/// controller mid-storm.
bool storm(TrainingController &controller, std::mt19937 &rng, int count, int destroyAt, const QString &folder,
           Sent &sent)
{
    for (int i = 0; i < count; ++i) {
        if (i == destroyAt)
            return false;
        const unsigned pick = rng() % 100;
        if (pick < 35) {
            bool bad = false;
            controller.setConfig(randomConfig(rng, bad));
            sent.badConfigs += bad ? 1 : 0;
        } else if (pick < 50) {
            controller.start();
        } else if (pick < 62) {
            controller.pause();
        } else if (pick < 77) {
            controller.step(std::uniform_int_distribution<long long>(1, 20)(rng));
        } else if (pick < 85) {
            controller.reset();
        } else if (pick < 95) {
            controller.toggleRunning();
        } else if (pick < 98) {
            controller.saveModel(QStringLiteral("%1/model-%2.json").arg(folder).arg(i));
            sent.files += 1;
        } else {
            const QString stats = QStringLiteral("%1/stats-%2").arg(folder).arg(i);
            QDir().mkpath(stats); // the export writes into an existing folder
            controller.exportStatistics(stats);
            sent.files += 2;
        }
        // Mostly a quick turn of the event loop; now and then a pause long enough for frames.
        if (rng() % 10 == 0)
            QTest::qWait(static_cast<int>(rng() % 5));
        else
            QCoreApplication::processEvents();
    }
    return true;
}

} // namespace

class TestStress : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void controllerCommandStorm_data();
    void controllerCommandStorm();
    void windowCommandStorm();
};

void TestStress::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the window's settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("LayerLensStressTest"));
    QSettings().clear();
}

void TestStress::controllerCommandStorm_data()
{
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("seed 1") << 1u;
    QTest::newRow("seed 2") << 2u;
    QTest::newRow("seed 3") << 3u;
}

void TestStress::controllerCommandStorm()
{
    QFETCH(unsigned, seed);
    std::mt19937 rng(seed);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    constexpr int kControllers = 4, kCommands = 250; // 3000 commands over the three rows
    for (int round = 0; round < kControllers; ++round) {
        auto controller = std::make_unique<TrainingController>();
        QSignalSpy frames(controller.get(), &TrainingController::frameReady);
        QSignalSpy errors(controller.get(), &TrainingController::errorOccurred);
        QSignalSpy written(controller.get(), &TrainingController::fileWritten);
        QSignalSpy failed(controller.get(), &TrainingController::fileFailed);
        controller->setConfig(smallConfig());
        // Every other controller is destroyed at a random moment of its storm, training or not.
        const int destroyAt = round % 2 == 1 ? static_cast<int>(rng() % kCommands) : kCommands;
        Sent sent;
        if (!storm(*controller, rng, kCommands, destroyAt, folder.path(), sent)) {
            QPointer<TrainingController> watched(controller.get());
            controller.reset(); // stops the worker and waits for its thread: must not hang
            QVERIFY(watched.isNull());
            continue;
        }
        // The storm is over: one last config must reach a frame (the queue is ordered, so every
        // earlier command has been applied by then) ...
        core::RunConfig last = smallConfig();
        last.network.widths = {11};
        last.optimizer.lr = 0.0123 + round * 0.001;
        controller->setConfig(last);
        QTRY_VERIFY_WITH_TIMEOUT(lastFrame(frames) && lastFrame(frames)->config.optimizer.lr == last.optimizer.lr
                                     && lastFrame(frames)->config.network.widths == last.network.widths,
                                 120000);
        // ... every command that answers with a signal has answered ...
        QTRY_COMPARE_WITH_TIMEOUT(written.count() + failed.count(), sent.files, 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        for (const auto &error : errors)
            QVERIFY2(error.first().toString().contains(QLatin1String("/nonexistent/stress.csv")),
                     qPrintable(error.first().toString()));
        QCOMPARE(errors.count(), sent.badConfigs);
        // ... and the controller still does what it is told: pause, then exactly 5 steps.
        controller->pause();
        QTRY_VERIFY_WITH_TIMEOUT(!lastFrame(frames)->running, 120000);
        const long long before = lastFrame(frames)->snapshot->step;
        controller->step(5);
        QTRY_COMPARE_WITH_TIMEOUT(lastFrame(frames)->snapshot->step, before + 5, 120000);
        controller->start();
        QTRY_VERIFY_WITH_TIMEOUT(controller->isRunning(), 120000);
    } // the last controller is destroyed while it trains
}

void TestStress::windowCommandStorm()
{
    // The whole window, so the views draw the frames the storm produces; windows are closed at
    // random moments, some while training.
    std::mt19937 rng(7);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    for (int round = 0; round < 3; ++round) {
        auto window = std::make_unique<ui::MainWindow>();
        window->applyConfig(smallConfig());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        TrainingController *controller = window->controller();
        QSignalSpy frames(controller, &TrainingController::frameReady);
        constexpr int kCommands = 300;
        const int closeAt = round == 2 ? kCommands : static_cast<int>(rng() % kCommands);
        for (int i = 0; i < kCommands && i != closeAt; ++i) {
            const unsigned pick = rng() % 100;
            if (pick < 40) {
                bool bad = false;
                core::RunConfig c = randomConfig(rng, bad);
                if (!bad)               // a bad config opens a message box in the window
                    window->applyConfig(c);
            } else if (pick < 60) {
                controller->toggleRunning();
            } else if (pick < 80) {
                controller->step(std::uniform_int_distribution<long long>(1, 20)(rng));
            } else {
                controller->reset();
            }
            if (rng() % 5 == 0)
                QTest::qWait(static_cast<int>(rng() % 10));
            else
                QCoreApplication::processEvents();
        }
        if (closeAt == kCommands) {
            core::RunConfig last = smallConfig();
            last.optimizer.lr = 0.0321;
            window->applyConfig(last);
            QTRY_VERIFY_WITH_TIMEOUT(lastFrame(frames) && lastFrame(frames)->config.optimizer.lr == last.optimizer.lr,
                                     120000);
            controller->start();
            QTRY_VERIFY_WITH_TIMEOUT(controller->isRunning(), 120000);
        }
        QPointer<TrainingController> watched(controller);
        window->close();
        window.reset();
        QVERIFY(watched.isNull());
    }
}

QTEST_MAIN(TestStress)
#include "tst_stress.moc"
