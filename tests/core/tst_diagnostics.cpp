// The diagnostic rules on constructed snapshots: each fires just past its threshold and stays
// quiet just short of it, so a wrong comparison, formula or threshold fails here. (Whole runs
// that raise each kind are in tst_trainer and tst_lessons.)

#include "core/diagnostics.h"
#include "core/snapshot.h"

#include <QtTest>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace layerlens::core;
namespace th = layerlens::core::thresholds;

namespace {

/// A hidden layer whose activations have this mean and std; everything else is healthy
/// (distinct neurons, no saturation, no dead units, equal gradients).
LayerStats layer(int index, double actMean, double actStd)
{
    LayerStats l;
    l.index = index;
    l.width = 8;
    l.act.mean = actMean;
    l.act.std = actStd;
    l.grad.weightNorm = 1.0;
    l.weight.distinctNeurons = 8;
    return l;
}

Snapshot snapshotAt(long long step, std::vector<LayerStats> layers)
{
    Snapshot s;
    s.step = step;
    s.layers = std::move(layers);
    return s;
}

/// Zero-centred layers with the given activation stds, input side first.
Snapshot withStds(std::initializer_list<double> stds)
{
    std::vector<LayerStats> layers;
    for (double std : stds)
        layers.push_back(layer(static_cast<int>(layers.size()) + 1, 0.0, std));
    return snapshotAt(0, layers);
}

int count(const std::vector<Diagnostic> &all, DiagnosticKind kind)
{
    return static_cast<int>(std::count_if(all.begin(), all.end(), [&](const Diagnostic &d) { return d.kind == kind; }));
}

const Diagnostic *find(const std::vector<Diagnostic> &all, DiagnosticKind kind)
{
    for (const auto &d : all)
        if (d.kind == kind)
            return &d;
    return nullptr;
}

/// A snapshot with the BatchNorm mode check filled in.
Snapshot bnSnapshot(long long step, double disagreement)
{
    Snapshot s = snapshotAt(step, {layer(1, 0.0, 1.0), layer(2, 0.0, 1.0)});
    for (auto &l : s.layers)
        l.hasBatchNorm = true;
    s.hasBnModes = true;
    s.bnModes.batchLoss = 0.5;
    s.bnModes.runningLoss = 0.6;
    s.bnModes.disagreement = disagreement;
    return s;
}

} // namespace

Q_DECLARE_METATYPE(DiagnosticKind)
Q_DECLARE_METATYPE(Snapshot)

class TestDiagnostics : public QObject {
    Q_OBJECT
private slots:
    void namesRoundTrip();
    void activationCollapse_data();
    void activationCollapse();
    void biasShift_data();
    void biasShift();
    void deadUnitsOnlyWhereTheGradientIsZero();
    void batchNormGap_data();
    void batchNormGap();
    void overfittingNeedsASustainedRise();
};

void TestDiagnostics::namesRoundTrip()
{
    const std::vector<std::pair<DiagnosticKind, std::string>> all{
        {DiagnosticKind::VanishingGradient, "vanishing_gradient"},   {DiagnosticKind::ExplodingGradient, "exploding_gradient"},
        {DiagnosticKind::Saturation, "saturation"},                   {DiagnosticKind::DeadUnits, "dead_units"},
        {DiagnosticKind::Symmetry, "symmetry"},                       {DiagnosticKind::Divergence, "divergence"},
        {DiagnosticKind::Overfitting, "overfitting"},                 {DiagnosticKind::ActivationCollapse, "activation_collapse"},
        {DiagnosticKind::BiasShift, "bias_shift"},                    {DiagnosticKind::BatchNormGap, "bn_inference_gap"},
    };
    for (const auto &[kind, name] : all) {
        QCOMPARE(std::string(diagnosticName(kind)), name);
        QCOMPARE(diagnosticFromName(name), kind);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, diagnosticFromName("collapse"));
}

void TestDiagnostics::activationCollapse_data()
{
    QTest::addColumn<Snapshot>("snapshot");
    QTest::addColumn<bool>("fires");
    QTest::addColumn<double>("value");
    // Lesson 3's step 0: std 0.214 at layer 1, 2.95e-7 at layer 10.
    QTest::newRow("tanh_small_init") << withStds({0.214, 0.0476, 0.0107, 2.37e-3, 5.28e-4, 1.18e-4, 2.65e-5, 5.95e-6, 1.32e-6, 2.95e-7})
                                     << true << 2.95e-7 / 0.214;
    QTest::newRow("just_below") << withStds({1.0, 0.5, 0.0099}) << true << 0.0099;
    QTest::newRow("just_above") << withStds({1.0, 0.5, 0.0101}) << false << 0.0;
    QTest::newRow("tanh_xavier") << withStds({0.627, 0.485, 0.408, 0.227}) << false << 0.0; // lesson 5: ratio 0.36
    QTest::newRow("growing") << withStds({1.0, 10.0, 1e6}) << false << 0.0;
    QTest::newRow("last_layer_exactly_0") << withStds({1.0, 0.5, 0.0}) << false << 0.0; // dead or symmetric, not shrunk
    QTest::newRow("first_layer_exactly_0") << withStds({0.0, 0.0, 0.0}) << false << 0.0;
    QTest::newRow("one_layer") << withStds({1e-9}) << false << 0.0;
}

void TestDiagnostics::activationCollapse()
{
    QFETCH(Snapshot, snapshot);
    QFETCH(bool, fires);
    QFETCH(double, value);
    DiagnosticsEngine engine;
    const auto raised = engine.evaluate(snapshot);
    const Diagnostic *d = find(raised, DiagnosticKind::ActivationCollapse);
    QCOMPARE(d != nullptr, fires);
    QCOMPARE(static_cast<int>(raised.size()), fires ? 1 : 0); // nothing else in these snapshots
    if (d) {
        QCOMPARE(d->layer, 0);
        QVERIFY(std::abs(d->value - value) <= 1e-12 * value);
        QCOMPARE(d->threshold, th::kCollapseRatio);
        QVERIFY(d->message.starts_with("activation collapse:"));
    }
}

void TestDiagnostics::biasShift_data()
{
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("std");
    QTest::addColumn<bool>("batchNorm");
    QTest::addColumn<bool>("fires");
    QTest::newRow("sigmoid_xavier") << 0.5 << 0.0267 << false << true; // lesson 2, layer 1: ratio 18.7
    QTest::newRow("just_above") << 0.201 << 0.1 << false << true;
    QTest::newRow("just_below") << 0.199 << 0.1 << false << false;
    QTest::newRow("negative_mean") << -0.5 << 0.1 << false << true;   // ELU pinned near −α
    QTest::newRow("relu_gaussian") << 0.399 << 0.584 << false << false; // ReLU of N(0, 1): ratio 0.68
    QTest::newRow("constant_0.5") << 0.5 << 0.0 << false << true;       // value +inf
    QTest::newRow("all_zero") << 0.0 << 0.0 << false << false;
    QTest::newRow("with_batchnorm") << 0.5 << 0.0267 << true << false; // the next BatchNorm removes the offset
}

void TestDiagnostics::biasShift()
{
    QFETCH(double, mean);
    QFETCH(double, std);
    QFETCH(bool, batchNorm);
    QFETCH(bool, fires);
    Snapshot s = snapshotAt(0, {layer(1, 0.0, 1.0), layer(2, mean, std), layer(3, 0.0, 1.0)});
    for (auto &l : s.layers)
        l.hasBatchNorm = batchNorm;
    DiagnosticsEngine engine;
    const auto raised = engine.evaluate(s);
    const Diagnostic *d = find(raised, DiagnosticKind::BiasShift);
    QCOMPARE(d != nullptr, fires);
    QCOMPARE(static_cast<int>(raised.size()), fires ? 1 : 0);
    if (d) {
        QCOMPARE(d->layer, 2);
        QCOMPARE(d->value, std > 0.0 ? std::abs(mean) / std : std::numeric_limits<double>::infinity());
        QCOMPARE(d->threshold, th::kBiasShiftRatio);
    }
}

void TestDiagnostics::deadUnitsOnlyWhereTheGradientIsZero()
{
    Snapshot s = snapshotAt(0, {layer(1, 0.0, 1.0), layer(2, 0.0, 1.0)});
    s.layers[1].dead = 0.625;
    s.layers[1].deadUnits = 5;
    s.layers[1].flatBelowZero = true; // ReLU: a unit below 0 on every sample gets no gradient
    DiagnosticsEngine relu;
    auto raised = relu.evaluate(s);
    QCOMPARE(count(raised, DiagnosticKind::DeadUnits), 1);
    QCOMPARE(find(raised, DiagnosticKind::DeadUnits)->layer, 2);
    s.layers[1].dead = 0.5; // not above the threshold
    QCOMPARE(count(DiagnosticsEngine().evaluate(s), DiagnosticKind::DeadUnits), 0);
    s.layers[1].dead = 0.625;
    s.layers[1].flatBelowZero = false; // Leaky ReLU, ELU: still a gradient, the unit can come back
    QCOMPARE(count(DiagnosticsEngine().evaluate(s), DiagnosticKind::DeadUnits), 0);
}

void TestDiagnostics::batchNormGap_data()
{
    QTest::addColumn<QList<double>>("disagreements"); // at steps 10, 20, 30, ...
    QTest::addColumn<int>("firstFiring");             // index into the list, −1 for never
    // Steps 10–40 are before kBnWarmupSteps and do not count.
    QTest::newRow("small_batches") << QList<double>{0.8, 0.4, 0.3, 0.3, 0.3, 0.25, 0.3, 0.28, 0.3, 0.3} << 8;
    QTest::newRow("warmup_only") << QList<double>{0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1} << -1;
    QTest::newRow("mean_just_above") << QList<double>{0.0, 0.0, 0.0, 0.0, 0.5, 0.2, 0.1, 0.1, 0.11} << 8; // mean 0.202
    QTest::newRow("mean_just_below") << QList<double>{0.0, 0.0, 0.0, 0.0, 0.5, 0.2, 0.1, 0.1, 0.09} << -1; // mean 0.198
    QTest::newRow("large_batches") << QList<double>{0.1, 0.02, 0.01, 0.01, 0.02, 0.0, 0.01, 0.02, 0.01} << -1;
}

void TestDiagnostics::batchNormGap()
{
    QFETCH(QList<double>, disagreements);
    QFETCH(int, firstFiring);
    DiagnosticsEngine engine;
    engine.evaluate(bnSnapshot(0, 0.9)); // step 0 never counts
    for (int i = 0; i < disagreements.size(); ++i) {
        const long long step = 10LL * (i + 1);
        const auto raised = engine.evaluate(bnSnapshot(step, disagreements[i]));
        const Diagnostic *d = find(raised, DiagnosticKind::BatchNormGap);
        const bool expected = firstFiring >= 0 && i >= firstFiring
                              && std::accumulate(disagreements.begin() + i - 4, disagreements.begin() + i + 1, 0.0) / 5.0
                                     > th::kBnGapDisagreement;
        QVERIFY2((d != nullptr) == expected, qPrintable(QStringLiteral("step %1").arg(step)));
        if (d) {
            QCOMPARE(d->layer, 0);
            QVERIFY(d->value > th::kBnGapDisagreement);
            QCOMPARE(d->threshold, th::kBnGapDisagreement);
            QCOMPARE(d->since, 10LL * (firstFiring + 1));
        }
    }
    // Without BatchNorm there is nothing to compare.
    DiagnosticsEngine plain;
    for (long long step = 50; step <= 150; step += 10) {
        Snapshot s = bnSnapshot(step, 0.9);
        s.hasBnModes = false;
        QCOMPARE(count(plain.evaluate(s), DiagnosticKind::BatchNormGap), 0);
    }
}

void TestDiagnostics::overfittingNeedsASustainedRise()
{
    // One snapshot per test evaluation; the training loss keeps falling.
    auto run = [](const QList<double> &testLosses) {
        DiagnosticsEngine engine;
        std::vector<long long> firing;
        for (int i = 0; i < testLosses.size(); ++i) {
            Snapshot s = snapshotAt(100LL * (i + 1), {layer(1, 0.0, 1.0), layer(2, 0.0, 1.0)});
            s.trainLoss = 1.0 / (i + 1);
            s.testLoss = testLosses[i];
            s.testStep = s.step;
            if (count(engine.evaluate(s), DiagnosticKind::Overfitting) > 0)
                firing.push_back(s.step);
        }
        return firing;
    };
    // Best 0.5, then five evaluations all above 1.05 × 0.5: fires at the fifth of them.
    const auto rising = run({1.0, 0.8, 0.6, 0.5, 0.6, 0.62, 0.64, 0.66, 0.68});
    QCOMPARE(rising, (std::vector<long long>{900}));
    // One evaluation at 1.05 × best or below in the window keeps it quiet ...
    QVERIFY(run({1.0, 0.8, 0.6, 0.5, 0.6, 0.62, 0.525, 0.66, 0.68}).empty());
    // ... and a single noisy spike (the old slope rule fired on this) is not overfitting.
    QVERIFY(run({1.0, 0.8, 0.6, 0.5, 0.49, 0.5, 0.52, 0.7}).empty());
}

QTEST_APPLESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
