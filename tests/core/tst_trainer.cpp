// The trainer: learning the spiral, the step-0 snapshot, intervals, live settings, determinism,
// the BatchNorm mode check, and every diagnostic on a known configuration (and none on healthy ones).

#include "core/trainer.h"

#include <QtTest>

#include <cmath>

#include <cstring>

using namespace layerlens::core;

namespace {

RunConfig baseConfig()
{
    RunConfig c;
    c.data.spec = "spiral";
    c.data.samples = 600;
    c.data.noise = 0.1;
    c.network.depth = 2;
    c.network.widths = {64};
    c.network.activation = ActivationKind::Relu;
    c.network.init.kind = InitKind::HeNormal;
    c.optimizer.kind = OptimizerKind::Adam;
    c.optimizer.lr = 0.01;
    c.batchSize = 64;
    c.steps = 100;
    c.every = 10;
    c.evalEvery = 50;
    return c;
}

std::shared_ptr<const Dataset> dataFor(RunConfig &c)
{
    c.syncSeed();
    return std::make_shared<Dataset>(makeDataset(c.data));
}

/// Runs `c` to its end (or divergence) and returns every snapshot.
std::vector<std::shared_ptr<const Snapshot>> runAll(RunConfig c)
{
    Trainer trainer(c, dataFor(c));
    std::vector<std::shared_ptr<const Snapshot>> all{trainer.snapshot()};
    trainer.setSnapshotCallback([&](const std::shared_ptr<const Snapshot> &s) { all.push_back(s); });
    trainer.run(c.steps);
    return all;
}

bool raised(const std::vector<std::shared_ptr<const Snapshot>> &all, DiagnosticKind kind)
{
    for (const auto &s : all)
        for (const auto &d : s->diagnostics)
            if (d.kind == kind)
                return true;
    return false;
}

QString raisedKinds(const std::vector<std::shared_ptr<const Snapshot>> &all)
{
    QStringList kinds;
    for (const auto &s : all)
        for (const auto &d : s->diagnostics)
            if (!kinds.contains(QString::fromUtf8(diagnosticName(d.kind).data())))
                kinds << QString::fromUtf8(diagnosticName(d.kind).data());
    return kinds.join(QLatin1Char(','));
}

} // namespace

Q_DECLARE_METATYPE(DiagnosticKind)
Q_DECLARE_METATYPE(RunConfig)

class TestTrainer : public QObject {
    Q_OBJECT
private slots:
    void learnsSpiral();
    void stepZeroSnapshot();
    void snapshotIntervals();
    void batchSizes_data();
    void batchSizes();
    void liveSettings();
    void deterministic();
    void divergenceStops();
    void divergenceIsCaughtAtTheFirstBadStep_data();
    void divergenceIsCaughtAtTheFirstBadStep();
    void bnModesLeaveTheRunAlone();
    void diagnosticFires_data();
    void diagnosticFires();
    void healthyIsQuiet_data();
    void healthyIsQuiet();
};

void TestTrainer::learnsSpiral()
{
    RunConfig c = baseConfig();
    c.steps = 3000;
    c.evalEvery = 500;
    Trainer trainer(c, dataFor(c));
    trainer.run(c.steps);
    QCOMPARE(trainer.status(), TrainerStatus::Finished);
    QCOMPARE(trainer.steps(), 3000LL);
    const Dataset &d = trainer.data();
    const Evaluation train = trainer.network().evaluate(d.trainX, d.trainY);
    QVERIFY2(train.accuracy >= 0.95, qPrintable(QString::number(train.accuracy)));
    QVERIFY(trainer.snapshot()->testAcc > 0.85);
}

void TestTrainer::stepZeroSnapshot()
{
    RunConfig c = baseConfig();
    c.network.batchNorm = true;
    Trainer trainer(c, dataFor(c));
    const auto s = trainer.snapshot();
    QCOMPARE(s->step, 0LL);
    QCOMPARE(trainer.steps(), 0LL);
    QCOMPARE(s->layers.size(), std::size_t{2});
    QVERIFY(s->layers[0].grad.weightNorm > 0.0); // backward ran
    QCOMPARE(s->layers[0].grad.updateRatio, 0.0); // no update
    QVERIFY(std::isfinite(s->trainLoss));
    QCOMPARE(s->testStep, 0LL);
    // Running statistics untouched by the step-0 probe: still the initial 0 and 1.
    QCOMPARE(trainer.network().hiddenLayers()[0].batchNorm->runningMean().cwiseAbs().maxCoeff(), 0.0f);
    QCOMPARE(s->layers[0].bn.runningVar, 1.0);
    // With --steps 0 nothing more happens.
    c.steps = 0;
    Trainer none(c, dataFor(c));
    QCOMPARE(none.step(), TrainerStatus::Finished);
    QCOMPARE(none.steps(), 0LL);
}

void TestTrainer::snapshotIntervals()
{
    RunConfig c = baseConfig();
    c.steps = 95;
    c.every = 10;
    const auto all = runAll(c);
    std::vector<long long> steps;
    for (const auto &s : all)
        steps.push_back(s->step);
    const std::vector<long long> expected{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95}; // the last step too
    QCOMPARE(steps, expected);
    QCOMPARE(all[5]->testStep, 50LL); // evaluated at eval_every
    QVERIFY(all.back()->layers[0].grad.updateRatio > 0.0);
    QVERIFY(std::abs(all.back()->epoch - 95.0 * 64 / 480) < 1e-9);
}

void TestTrainer::batchSizes_data()
{
    QTest::addColumn<int>("batch");
    QTest::newRow("sgd/1") << 1;
    QTest::newRow("minibatch/32") << 32;
    QTest::newRow("full/480") << 480;
    QTest::newRow("more_than_all/5000") << 5000;
}

void TestTrainer::batchSizes()
{
    QFETCH(int, batch);
    RunConfig c = baseConfig();
    c.batchSize = batch;
    c.steps = 20;
    Trainer trainer(c, dataFor(c));
    trainer.run(20);
    QCOMPARE(trainer.status(), TrainerStatus::Finished);
    const double epoch = trainer.snapshot()->epoch;
    QVERIFY(std::abs(epoch - 20.0 * std::min(batch, 480) / 480.0) < 1e-9);
}

void TestTrainer::liveSettings()
{
    RunConfig c = baseConfig();
    Trainer trainer(c, dataFor(c));
    trainer.run(10);
    RunConfig live = c;
    live.optimizer.lr = 0.5;
    live.batchSize = 16;
    live.network.dropout = 0.25;
    live.steps = 200;
    trainer.applyLiveSettings(live);
    QCOMPARE(trainer.config().optimizer.lr, 0.5);
    QCOMPARE(trainer.network().hiddenLayers()[0].dropout->rate(), 0.25);
    trainer.run(10);
    QCOMPARE(trainer.steps(), 20LL);
    RunConfig rebuild = c;
    rebuild.network.activation = ActivationKind::Tanh;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.applyLiveSettings(rebuild));
    QCOMPARE(trainer.config().network.activation, ActivationKind::Relu);
}

void TestTrainer::deterministic()
{
    RunConfig c = baseConfig();
    c.network.dropout = 0.2;
    c.network.batchNorm = true;
    auto a = runAll(c), b = runAll(c);
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i]->trainLoss, b[i]->trainLoss);
        QCOMPARE(a[i]->layers[1].pre.p50, b[i]->layers[1].pre.p50);
        QCOMPARE(a[i]->layers[0].grad.weightNorm, b[i]->layers[0].grad.weightNorm);
    }
    c.seed = 2;
    QVERIFY(runAll(c).back()->trainLoss != a.back()->trainLoss);
}

void TestTrainer::divergenceStops()
{
    RunConfig c = baseConfig();
    c.data.spec = "gaussian:512:64:10";
    c.network.depth = 10;
    c.network.init = InitSpec{InitKind::Normal, 1.0};
    c.optimizer.kind = OptimizerKind::Sgd;
    c.optimizer.lr = 0.1;
    c.steps = 200;
    Trainer trainer(c, dataFor(c));
    trainer.run(200);
    QCOMPARE(trainer.status(), TrainerStatus::Diverged);
    const auto s = trainer.snapshot();
    QVERIFY(s->diverged);
    QVERIFY(s->divergedAt >= 1);
    QCOMPARE(s->step, s->divergedAt);
    QVERIFY(!s->divergence.empty());
    QCOMPARE(trainer.steps(), s->divergedAt - 1); // the bad step was not applied
    QCOMPARE(trainer.step(), TrainerStatus::Diverged); // and nothing moves after it
}

void TestTrainer::divergenceIsCaughtAtTheFirstBadStep_data()
{
    QTest::addColumn<int>("activation");
    QTest::addColumn<int>("init");
    QTest::addColumn<double>("initStd");
    QTest::addColumn<double>("lr");
    QTest::addColumn<bool>("batchNorm");
    // Weights that overflow to Inf, exploding linear products, ReLU logits whose exp overflows
    // softmax, and a huge step with BatchNorm.
    QTest::newRow("linear N(0,1), SGD 1") << int(ActivationKind::Linear) << int(InitKind::Normal) << 1.0 << 1.0 << false;
    QTest::newRow("relu N(0,1), SGD 10") << int(ActivationKind::Relu) << int(InitKind::Normal) << 1.0 << 10.0 << false;
    QTest::newRow("relu He, SGD 1e4") << int(ActivationKind::Relu) << int(InitKind::HeNormal) << 0.0 << 1e4 << false;
    QTest::newRow("elu He + BN, SGD 1e6") << int(ActivationKind::Elu) << int(InitKind::HeNormal) << 0.0 << 1e6 << true;
}

void TestTrainer::divergenceIsCaughtAtTheFirstBadStep()
{
    QFETCH(int, activation);
    QFETCH(int, init);
    QFETCH(double, initStd);
    QFETCH(double, lr);
    QFETCH(bool, batchNorm);
    RunConfig c = baseConfig();
    c.data.spec = "gaussian:512:64:10";
    c.network.depth = 6;
    c.network.activation = static_cast<ActivationKind>(activation);
    c.network.init.kind = static_cast<InitKind>(init);
    c.network.init.std = initStd > 0.0 ? initStd : c.network.init.std;
    c.network.batchNorm = batchNorm;
    c.optimizer.kind = OptimizerKind::Sgd;
    c.optimizer.lr = lr;
    c.steps = 500;
    c.every = 1000; // no snapshot in between: detection must not depend on statistics
    Trainer diverging(c, dataFor(c));
    diverging.run(c.steps);
    QCOMPARE(diverging.status(), TrainerStatus::Diverged);
    const long long bad = diverging.snapshot()->divergedAt;
    QVERIFY(bad >= 1);
    QVERIFY(!diverging.snapshot()->divergence.empty());
    QCOMPARE(diverging.steps(), bad - 1); // the bad step was not applied

    // The same run stopped one step earlier is healthy: every step up to it had a finite loss,
    // and every parameter is finite.
    Trainer twin(c, dataFor(c));
    for (long long i = 1; i < bad; ++i)
        QCOMPARE(twin.step(), TrainerStatus::Running);
    if (bad > 1) {
        const Series *losses = twin.history().find("train_loss");
        QVERIFY(losses && !losses->points().empty());
        QCOMPARE(losses->points().back().step, bad - 1);
        for (const auto &point : losses->points())
            QVERIFY(std::isfinite(point.value));
    }
    for (const auto &p : twin.network().parameters())
        QVERIFY2(p.value->allFinite(), p.name.c_str());
    // … and its next step is the one caught.
    QCOMPARE(twin.step(), TrainerStatus::Diverged);
    QCOMPARE(twin.snapshot()->divergedAt, bad);
}

void TestTrainer::bnModesLeaveTheRunAlone()
{
    // The BatchNorm mode check runs two extra forwards at every snapshot: measuring at every step
    // or only at the end must give the same run, bit for bit (no running-statistics update, no
    // dropout mask drawn).
    RunConfig c = baseConfig();
    c.network.batchNorm = true;
    c.network.dropout = 0.2;
    c.steps = 30;
    c.every = 1;
    Trainer often(c, dataFor(c));
    std::vector<std::shared_ptr<const Snapshot>> snapshots{often.snapshot()};
    often.setSnapshotCallback([&](const std::shared_ptr<const Snapshot> &s) { snapshots.push_back(s); });
    often.run(c.steps);
    c.every = 30;
    Trainer once(c, dataFor(c));
    once.run(c.steps);
    const auto &a = often.history().find("train_loss")->points(), &b = once.history().find("train_loss")->points();
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        QCOMPARE(a[i].value, b[i].value);
    QVERIFY(often.network().hiddenLayers()[1].batchNorm->runningMean() == once.network().hiddenLayers()[1].batchNorm->runningMean());
    QCOMPARE(snapshots.size(), std::size_t{31});
    for (const auto &s : snapshots) {
        QVERIFY(s->hasBnModes);
        QVERIFY(std::isfinite(s->bnModes.batchLoss) && std::isfinite(s->bnModes.runningLoss));
        QVERIFY(s->bnModes.disagreement >= 0.0 && s->bnModes.disagreement <= 1.0);
        QVERIFY(s->bnModes.batchAcc >= 0.0 && s->bnModes.runningAcc <= 1.0);
    }
    QCOMPARE(often.history().find("bn_disagreement")->points().size(), std::size_t{31});
    // Without BatchNorm nothing is measured.
    c.network.batchNorm = false;
    Trainer plain(c, dataFor(c));
    QVERIFY(!plain.snapshot()->hasBnModes);
    QVERIFY(!plain.history().find("bn_disagreement"));
}

void TestTrainer::diagnosticFires_data()
{
    QTest::addColumn<RunConfig>("config");
    QTest::addColumn<DiagnosticKind>("kind");
    RunConfig c = baseConfig();

    RunConfig vanishing = c; // sigmoid, 10 layers
    vanishing.network.depth = 10;
    vanishing.network.activation = ActivationKind::Sigmoid;
    vanishing.network.init.kind = InitKind::XavierNormal;
    vanishing.optimizer.kind = OptimizerKind::Sgd;
    vanishing.optimizer.lr = 0.1;
    vanishing.steps = 20;
    QTest::newRow("vanishing_gradient/sigmoid_depth10") << vanishing << DiagnosticKind::VanishingGradient;

    RunConfig exploding = c; // BatchNorm + ReLU, 50 layers: gradients grow toward the input at init
    exploding.data.spec = "gaussian:512:32:4";
    exploding.network.depth = 50;
    exploding.network.widths = {32};
    exploding.network.batchNorm = true;
    exploding.steps = 0;
    QTest::newRow("exploding_gradient/bn_relu_depth50") << exploding << DiagnosticKind::ExplodingGradient;

    RunConfig saturation = c; // tanh with N(0, 1) weights
    saturation.data.spec = "gaussian:512:100:10";
    saturation.network.depth = 5;
    saturation.network.widths = {256};
    saturation.network.activation = ActivationKind::Tanh;
    saturation.network.init = InitSpec{InitKind::Normal, 1.0};
    saturation.steps = 0;
    QTest::newRow("saturation/tanh_normal1") << saturation << DiagnosticKind::Saturation;

    RunConfig dead = c; // ReLU with a learning rate far too large
    dead.optimizer.kind = OptimizerKind::Sgd;
    dead.optimizer.lr = 5.0;
    dead.network.depth = 3;
    dead.steps = 200;
    QTest::newRow("dead_units/relu_large_lr") << dead << DiagnosticKind::DeadUnits;

    RunConfig symmetry = c; // zero initialisation
    symmetry.network.init.kind = InitKind::Zeros;
    symmetry.network.activation = ActivationKind::Tanh;
    symmetry.steps = 30;
    QTest::newRow("symmetry/zeros") << symmetry << DiagnosticKind::Symmetry;

    RunConfig divergence = c; // ReLU with N(0, 1), deep
    divergence.data.spec = "gaussian:512:64:10";
    divergence.network.depth = 10;
    divergence.network.init = InitSpec{InitKind::Normal, 1.0};
    divergence.optimizer.kind = OptimizerKind::Sgd;
    divergence.optimizer.lr = 0.1;
    divergence.steps = 200;
    QTest::newRow("divergence/relu_normal1_depth10") << divergence << DiagnosticKind::Divergence;

    RunConfig overfit = c; // 60 training samples, a large network, long training
    overfit.data.spec = "gaussian:120:20:4";
    overfit.data.split = 0.5;
    overfit.network.depth = 3;
    overfit.network.widths = {256};
    overfit.batchSize = 60;
    overfit.steps = 1500;
    overfit.evalEvery = 25;
    overfit.every = 25;
    QTest::newRow("overfitting/small_data_large_net") << overfit << DiagnosticKind::Overfitting;

    RunConfig collapse = c; // tanh with N(0, 0.01) on 100 inputs: each layer scales the signal by 0.1
    collapse.data.spec = "gaussian:256:100:10";
    collapse.network.depth = 8;
    collapse.network.widths = {100};
    collapse.network.activation = ActivationKind::Tanh;
    collapse.network.init = InitSpec{InitKind::Normal, 0.01};
    collapse.steps = 0;
    QTest::newRow("activation_collapse/tanh_normal0.01") << collapse << DiagnosticKind::ActivationCollapse;

    RunConfig shift = c; // sigmoid outputs sit near 0.5
    shift.network.activation = ActivationKind::Sigmoid;
    shift.network.init.kind = InitKind::XavierNormal;
    shift.steps = 0;
    QTest::newRow("bias_shift/sigmoid") << shift << DiagnosticKind::BiasShift;

    RunConfig gap = c; // BatchNorm on batches of 4
    gap.network.batchNorm = true;
    gap.optimizer.kind = OptimizerKind::Sgd;
    gap.optimizer.lr = 0.1;
    gap.batchSize = 4;
    gap.steps = 150;
    QTest::newRow("bn_inference_gap/batch4") << gap << DiagnosticKind::BatchNormGap;

    RunConfig narrow = c; // ReLU, 10 layers of 4 units: units dead at initialisation
    narrow.network.depth = 10;
    narrow.network.widths = {4};
    narrow.optimizer.kind = OptimizerKind::Sgd;
    narrow.optimizer.lr = 0.1;
    narrow.steps = 0;
    QTest::newRow("dead_units/relu_narrow_deep") << narrow << DiagnosticKind::DeadUnits;
}

void TestTrainer::diagnosticFires()
{
    QFETCH(RunConfig, config);
    QFETCH(DiagnosticKind, kind);
    const auto all = runAll(config);
    QVERIFY2(raised(all, kind), qPrintable(QStringLiteral("raised: ") + raisedKinds(all)));
}

void TestTrainer::healthyIsQuiet_data()
{
    QTest::addColumn<RunConfig>("config");
    RunConfig tanh = baseConfig();
    tanh.network.depth = 5;
    tanh.network.activation = ActivationKind::Tanh;
    tanh.network.init.kind = InitKind::XavierNormal;
    tanh.steps = 300;
    QTest::newRow("tanh/xavier_normal") << tanh;
    RunConfig relu = baseConfig();
    relu.network.depth = 5;
    relu.steps = 300;
    QTest::newRow("relu/he_normal") << relu;
    RunConfig bn = relu; // BatchNorm with batches of 64: batch and running statistics agree
    bn.network.batchNorm = true;
    QTest::newRow("relu/he_normal/bn-on") << bn;
    RunConfig leaky = baseConfig(); // the narrow network that kills ReLU units, with Leaky ReLU
    leaky.network.depth = 10;
    leaky.network.widths = {4};
    leaky.network.activation = ActivationKind::LeakyRelu;
    leaky.network.leakySlope = 0.2;
    leaky.optimizer.kind = OptimizerKind::Sgd;
    leaky.optimizer.lr = 0.1;
    leaky.steps = 300;
    QTest::newRow("leaky_relu/narrow_deep") << leaky;
}

void TestTrainer::healthyIsQuiet()
{
    QFETCH(RunConfig, config);
    const auto all = runAll(config);
    QVERIFY2(raisedKinds(all).isEmpty(), qPrintable(raisedKinds(all)));
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
