// Compare mode's session: B is A plus a difference (built-in pairs or fixed overrides) on A's
// data, seed and schedule; both runs are stepped, run, paused and reset together and stay at the
// same step; identical configs give identical statistics; the threads end promptly.

#include "ui/comparesession.h"
#include "ui/trainingcontroller.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include "comparetestdata.h"

using namespace layerlens;
using layerlens::ui::ComparePair;
using layerlens::ui::CompareSession;
using layerlens::ui::ConfigOverrides;
using Side = CompareSession::Side;

namespace {

core::RunConfig smallConfig()
{
    return comparetestdata::smallConfig(5, 10);
}

long long stepOf(const CompareSession &session, Side side)
{
    const auto frame = session.latestFrame(side);
    return frame ? frame->snapshot->step : -1;
}

using comparetestdata::bothSettledAt;

/// No round is under way and both sides show the same step, not training.
bool bothSettled(const CompareSession &session)
{
    if (session.isBusy())
        return false;
    const auto a = session.latestFrame(Side::A), b = session.latestFrame(Side::B);
    return a && b && !a->running && !b->running && a->snapshot->step == b->snapshot->step;
}

} // namespace

class TestCompareSession : public QObject {
    Q_OBJECT
private slots:
    void pairsAlwaysDiffer_data();
    void pairsAlwaysDiffer();
    void overridesKeepDataSeedAndSchedule();
    void badOverrideNamesTheKey();
    void opensWithBothConfigs();
    void stepTogether();
    void identicalConfigsGiveIdenticalStatistics();
    void batchNormPairDiffers();
    void runKeepsBothAtTheSameStepAndPauseStopsBoth();
    void resetReturnsBothToStepZero();
    void structuralChangeOfARestartsBoth();
    void liveChangeKeepsTheStep();
    void finishedSideDoesNotHoldTheOtherBack();
    void invalidBRunsAsA();
    void shutdownWhileRunningIsPrompt();
    void reopensAfterShutdown();
};

void TestCompareSession::pairsAlwaysDiffer_data()
{
    QTest::addColumn<QString>("pair");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("valueA");
    QTest::addColumn<QString>("expectedB");
    QTest::newRow("batchnorm/off→on") << "batchnorm" << "batchnorm" << "false" << "true";
    QTest::newRow("batchnorm/on→off") << "batchnorm" << "batchnorm" << "true" << "false";
    QTest::newRow("init/xavier→he") << "init" << "init" << "xavier_normal" << "he_normal";
    QTest::newRow("init/normal→he") << "init" << "init" << "normal" << "he_normal";
    QTest::newRow("init/he→xavier") << "init" << "init" << "he_uniform" << "xavier_normal";
    QTest::newRow("activation/relu→leaky") << "activation" << "activation" << "relu" << "leaky_relu";
    QTest::newRow("activation/leaky→relu") << "activation" << "activation" << "leaky_relu" << "relu";
    QTest::newRow("dropout/0→0.5") << "dropout" << "dropout" << "0" << "0.5";
    QTest::newRow("dropout/0.2→0") << "dropout" << "dropout" << "0.2" << "0.0";
    QTest::newRow("batch1") << "batch1" << "batch_size" << "32" << "1";
    QTest::newRow("fullbatch") << "fullbatch" << "batch_size" << "32" << "65536";
    QTest::newRow("lr10") << "lr10" << "lr" << "0.01" << "0.1";
}

void TestCompareSession::pairsAlwaysDiffer()
{
    QFETCH(QString, pair);
    QFETCH(QString, key);
    QFETCH(QString, valueA);
    QFETCH(QString, expectedB);
    const auto &pairs = ui::builtInPairs();
    const auto found = std::find_if(pairs.begin(), pairs.end(), [&](const ComparePair &p) { return p.id == pair; });
    QVERIFY(found != pairs.end());
    core::RunConfig a = smallConfig();
    core::setConfigValue(a, key.toStdString(), valueA.toStdString());
    const core::RunConfig b = ui::withOverrides(a, found->overrides(a));
    QCOMPARE(QString::fromStdString(core::configValueText(b, key.toStdString())), expectedB);
    QCOMPARE(ui::differingKeys(a, b), std::vector<std::string>{key.toStdString()});
}

void TestCompareSession::overridesKeepDataSeedAndSchedule()
{
    core::RunConfig a = smallConfig();
    a.seed = 7;
    a.batchSize = 16;
    const core::RunConfig b = ui::withOverrides(a, {{"batchnorm", "true"}, {"init", "he_normal"}});
    QVERIFY(b.network.batchNorm);
    QCOMPARE(b.network.init.kind, core::InitKind::HeNormal);
    QCOMPARE(b.seed, a.seed);
    QCOMPARE(b.data.spec, a.data.spec);
    QCOMPARE(b.data.samples, a.data.samples);
    QCOMPARE(b.batchSize, a.batchSize);
    QCOMPARE(b.every, a.every);
    QCOMPARE(b.evalEvery, a.evalEvery);
    QCOMPARE(b.steps, a.steps);
    const std::vector<std::string> keys{"init", "batchnorm"}; // configKeys() order
    QCOMPARE(ui::differingKeys(a, b), keys);
    // differences() gives the overrides back, also for a list of widths.
    core::RunConfig c = b;
    c.network.widths = {16, 8, 4};
    QCOMPARE(core::toJson(ui::withOverrides(a, ui::differences(a, c))), core::toJson(c));
    QCOMPARE(ui::describeConfig(a), QStringLiteral("tanh · xavier_normal · BN off"));
    QCOMPARE(ui::describeConfig(b, {"dropout"}), QStringLiteral("tanh · he_normal · BN on · dropout 0"));
}

void TestCompareSession::badOverrideNamesTheKey()
{
    try {
        ui::withOverrides(smallConfig(), {{"dropout", "1.5"}});
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(QLatin1String("dropout:")), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ui::withOverrides(smallConfig(), {{"no_such_key", "1"}}));
}

void TestCompareSession::opensWithBothConfigs()
{
    CompareSession session;
    QSignalSpy opened(&session, &CompareSession::openChanged);
    QVERIFY(!session.isOpen());
    session.setConfigs(smallConfig(), ConfigOverrides{{"batchnorm", "true"}});
    QVERIFY(session.isOpen());
    QCOMPARE(opened.count(), 1);
    QVERIFY(session.controller(Side::A) && session.controller(Side::B));
    QVERIFY(session.controller(Side::A) != session.controller(Side::B));
    QTRY_VERIFY(bothSettledAt(session, 0));
    QVERIFY(!session.latestFrame(Side::A)->config.network.batchNorm);
    QVERIFY(session.latestFrame(Side::B)->config.network.batchNorm);
    QVERIFY(session.latestFrame(Side::B)->snapshot->layers.front().hasBatchNorm);
    QCOMPARE(session.latestFrame(Side::B)->config.seed, session.latestFrame(Side::A)->config.seed);
}

void TestCompareSession::stepTogether()
{
    CompareSession session;
    session.setConfigs(smallConfig(), ConfigOverrides{{"batchnorm", "true"}});
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(5);
    QTRY_VERIFY(bothSettledAt(session, 5));
    session.step(1);
    QTRY_VERIFY(bothSettledAt(session, 6));
    session.step(1);
    QTRY_VERIFY(bothSettledAt(session, 7));
    QVERIFY(!session.isRunning()); // stepping is not running
    QTest::qWait(100);
    QVERIFY(bothSettledAt(session, 7));
}

void TestCompareSession::identicalConfigsGiveIdenticalStatistics()
{
    CompareSession session;
    core::RunConfig a = smallConfig();
    a.network.dropout = 0.2; // the dropout masks come from the seed too
    session.setConfigs(a, ConfigOverrides{});
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(10);
    QTRY_VERIFY(bothSettledAt(session, 10));
    const core::Snapshot &sa = *session.latestFrame(Side::A)->snapshot, &sb = *session.latestFrame(Side::B)->snapshot;
    QCOMPARE(sa.trainLoss, sb.trainLoss);
    QCOMPARE(sa.testAcc, sb.testAcc);
    QCOMPARE(sa.layers.size(), sb.layers.size());
    for (std::size_t i = 0; i < sa.layers.size(); ++i) {
        QCOMPARE(sa.layers[i].grad.weightNorm, sb.layers[i].grad.weightNorm);
        QCOMPARE(sa.layers[i].act.std, sb.layers[i].act.std);
        QCOMPARE(sa.layers[i].weight.std, sb.layers[i].weight.std);
    }
    const auto *lossA = session.latestFrame(Side::A)->history->find("train_loss");
    const auto *lossB = session.latestFrame(Side::B)->history->find("train_loss");
    QVERIFY(lossA && lossB);
    QCOMPARE(lossA->points().size(), std::size_t{10});
    for (std::size_t i = 0; i < lossA->points().size(); ++i)
        QCOMPARE(lossA->points()[i].value, lossB->points()[i].value);
}

void TestCompareSession::batchNormPairDiffers()
{
    CompareSession session;
    session.setConfigs(smallConfig(), ui::builtInPairs().front()); // BatchNorm on/off
    QCOMPARE(session.pair().id, QStringLiteral("batchnorm"));
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(10);
    QTRY_VERIFY(bothSettledAt(session, 10));
    const core::Snapshot &sa = *session.latestFrame(Side::A)->snapshot, &sb = *session.latestFrame(Side::B)->snapshot;
    QVERIFY(!sa.layers.front().hasBatchNorm);
    QVERIFY(sb.layers.front().hasBatchNorm);
    QVERIFY(sa.trainLoss != sb.trainLoss);
    // BatchNorm normalises z: its std is ~1 on every layer, without it it is whatever the weights make.
    QVERIFY(sa.layers.back().pre.std != sb.layers.back().pre.std);
    QVERIFY(std::abs(sb.layers.back().pre.std - 1.0) < 0.1);
}

void TestCompareSession::runKeepsBothAtTheSameStepAndPauseStopsBoth()
{
    CompareSession session;
    QSignalSpy running(&session, &CompareSession::runningChanged);
    // B is slower (BatchNorm, and a batch twice as large): the faster side waits for it.
    session.setConfigs(smallConfig(), ConfigOverrides{{"batchnorm", "true"}, {"batch_size", "64"}});
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.start();
    QVERIFY(session.isRunning());
    QCOMPARE(running.count(), 1);
    // 200 steps each: under a sanitizer, with another test beside it, 5 s (QTRY's default) were not enough.
    QTRY_VERIFY_WITH_TIMEOUT(stepOf(session, Side::A) > 200 && stepOf(session, Side::B) > 200, 60000);
    // While running, neither side is ever more than a round ahead of the other.
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(10);
        QVERIFY(std::abs(stepOf(session, Side::A) - stepOf(session, Side::B)) <= 2 * session.roundSteps());
    }
    session.pause();
    QVERIFY(!session.isRunning());
    QVERIFY(session.isBusy()); // the round under way ends first
    QCOMPARE(running.count(), 2);
    QTRY_VERIFY(bothSettled(session));
    const long long stopped = stepOf(session, Side::A);
    QCOMPARE(stopped % smallConfig().every, 0LL); // rounds end on the statistics grid
    QTest::qWait(200);
    QCOMPARE(stepOf(session, Side::A), stopped); // paused means paused, both
    QCOMPARE(stepOf(session, Side::B), stopped);
    // Steps after a pause keep them together.
    session.step(3);
    QTRY_VERIFY(bothSettledAt(session, stopped + 3));
    session.toggleRunning();
    QVERIFY(session.isRunning());
    QTRY_VERIFY(stepOf(session, Side::A) > stopped + 50);
    session.toggleRunning();
    QTRY_VERIFY(bothSettled(session));
}

void TestCompareSession::resetReturnsBothToStepZero()
{
    CompareSession session;
    session.setConfigs(smallConfig(), ConfigOverrides{{"init", "he_normal"}});
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(20);
    QTRY_VERIFY(bothSettledAt(session, 20));
    const auto idA = session.latestFrame(Side::A)->snapshot->configId;
    session.reset();
    QTRY_VERIFY(bothSettledAt(session, 0));
    QVERIFY(session.latestFrame(Side::A)->snapshot->configId != idA);
    // Reset while running: both start again from 0, run on and stay together.
    session.start();
    QTRY_VERIFY(stepOf(session, Side::A) > 100);
    const auto runningA = session.latestFrame(Side::A)->snapshot->configId;
    const auto runningB = session.latestFrame(Side::B)->snapshot->configId;
    session.reset();
    QTRY_VERIFY(session.latestFrame(Side::A)->snapshot->configId != runningA
                && session.latestFrame(Side::B)->snapshot->configId != runningB);
    QVERIFY(session.isRunning());
    QTRY_VERIFY(stepOf(session, Side::A) > 50 && stepOf(session, Side::B) > 50);
    session.pause();
    QTRY_VERIFY(bothSettled(session));
}

void TestCompareSession::structuralChangeOfARestartsBoth()
{
    CompareSession session;
    session.setConfigs(smallConfig(), ui::builtInPairs().front());
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(10);
    QTRY_VERIFY(bothSettledAt(session, 10));
    const auto idB = session.latestFrame(Side::B)->snapshot->configId;
    core::RunConfig a = smallConfig();
    a.network.activation = core::ActivationKind::Relu;
    session.setConfigA(a);
    QCOMPARE(session.config(Side::B).network.activation, core::ActivationKind::Relu); // B follows A
    QVERIFY(session.config(Side::B).network.batchNorm);                                // with its difference
    QTRY_VERIFY(bothSettledAt(session, 0));
    QTRY_COMPARE(session.latestFrame(Side::B)->config.network.activation, core::ActivationKind::Relu);
    QVERIFY(session.latestFrame(Side::B)->snapshot->configId != idB);
    // Another difference rebuilds only B's network; A restarts with it, so both stay at the same step.
    session.step(10);
    QTRY_VERIFY(bothSettledAt(session, 10));
    session.setPair(ui::builtInPairs()[1]); // He vs Xavier: B loses BatchNorm, gains He
    QTRY_VERIFY(bothSettledAt(session, 0));
    QCOMPARE(session.latestFrame(Side::B)->config.network.init.kind, core::InitKind::HeNormal);
}

void TestCompareSession::liveChangeKeepsTheStep()
{
    CompareSession session;
    session.setConfigs(smallConfig(), ui::builtInPairs().front());
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(10);
    QTRY_VERIFY(bothSettledAt(session, 10));
    core::RunConfig a = smallConfig();
    a.optimizer.lr = 0.05;
    session.setConfigA(a);
    QTRY_VERIFY(session.latestFrame(Side::A)->config.optimizer.lr == 0.05
                && session.latestFrame(Side::B)->config.optimizer.lr == 0.05);
    QVERIFY(bothSettledAt(session, 10));
}

void TestCompareSession::finishedSideDoesNotHoldTheOtherBack()
{
    CompareSession session;
    session.setConfigs(smallConfig(), ConfigOverrides{{"steps", "30"}}); // B stops at step 30
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.start();
    QTRY_VERIFY(stepOf(session, Side::A) > 200);
    QCOMPARE(stepOf(session, Side::B), 30LL);
    session.pause();
    QTRY_VERIFY(!session.latestFrame(Side::A)->running);
}

void TestCompareSession::invalidBRunsAsA()
{
    CompareSession session;
    QSignalSpy errors(&session, &CompareSession::errorOccurred);
    core::RunConfig a = smallConfig();
    a.network.batchNorm = true;
    session.setConfigs(a, ConfigOverrides{{"batch_size", "1"}}); // BatchNorm needs 2 samples
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().startsWith(QLatin1String("B: batch_size:")));
    QCOMPARE(core::toJson(session.config(Side::B)), core::toJson(session.config(Side::A)));
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(2);
    QTRY_VERIFY(bothSettledAt(session, 2));
}

void TestCompareSession::shutdownWhileRunningIsPrompt()
{
    CompareSession session;
    core::RunConfig a = smallConfig();
    a.data.spec = "gaussian:256:64:10";
    a.network.depth = 10;
    a.network.widths = {512};
    session.setConfigs(a, ConfigOverrides{{"batchnorm", "true"}});
    QTRY_VERIFY_WITH_TIMEOUT(bothSettledAt(session, 0), 20000);
    session.start();
    QTRY_VERIFY(stepOf(session, Side::A) > 0);
    QTest::qWait(100); // mid-step
    QSignalSpy closed(&session, &CompareSession::openChanged);
    QPointer<ui::TrainingController> controllerA = session.controller(Side::A);
    QElapsedTimer timer;
    timer.start();
    session.shutdown();
    // The time is reported, not asserted (a wall-clock limit fails on a loaded machine or under
    // a sanitizer); what must hold is below: both runs stopped and their threads gone.
    qInfo("shutdown mid-step: %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY(!session.isOpen());
    QVERIFY(!session.isRunning());
    QVERIFY(!session.controller(Side::A) && !session.controller(Side::B));
    QVERIFY(controllerA.isNull()); // and its thread with it
    QCOMPARE(closed.count(), 1);
    QVERIFY(!session.latestFrame(Side::A));
    session.shutdown(); // idempotent
}

void TestCompareSession::reopensAfterShutdown()
{
    CompareSession session;
    session.setConfigs(smallConfig(), ConfigOverrides{{"dropout", "0.5"}}, QStringLiteral("Dropout"));
    QCOMPARE(session.pair().label, QStringLiteral("Dropout"));
    QTRY_VERIFY(bothSettledAt(session, 0));
    session.step(4);
    QTRY_VERIFY(bothSettledAt(session, 4));
    session.shutdown();
    session.setConfigs(smallConfig(), session.pair());
    QVERIFY(session.isOpen());
    QTRY_VERIFY(bothSettledAt(session, 0));
    QCOMPARE(session.latestFrame(Side::B)->config.network.dropout, 0.5);
    session.step(2);
    QTRY_VERIFY(bothSettledAt(session, 2));
}

QTEST_GUILESS_MAIN(TestCompareSession)
#include "tst_comparesession.moc"
