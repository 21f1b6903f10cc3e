// Network construction, config validation, divergence status, dropout and training behaviour.

#include "gradcheck.h"

#include "core/layerstatistics.h"
#include "core/matrixproduct.h"
#include "core/network.h"
#include "core/statsfile.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace layerlens::core;
using layerlens::test::randomMatrix;

namespace {

/// A separable 2-D problem: class = quadrant sign of x·y (XOR), 256 points.
void xorData(Matrix<float> &x, std::vector<int> &labels)
{
    Rng rng(5, RngStream::Data);
    x.resize(2, 256);
    labels.resize(256);
    for (int i = 0; i < 256; ++i) {
        const double a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
        x(0, i) = static_cast<float>(a);
        x(1, i) = static_cast<float>(b);
        labels[i] = a * b > 0 ? 1 : 0;
    }
}

/// Sets the process-wide product split threshold for one scope.
struct SplitThreshold {
    explicit SplitThreshold(double flops) : saved(productSplitFlops()) { setProductSplitFlops(flops); }
    ~SplitThreshold() { setProductSplitFlops(saved); }
    double saved;
};

/// Labels 0, 1, …, classes − 1, 0, 1, … for n samples.
std::vector<int> cyclicLabels(int n, int classes)
{
    std::vector<int> labels(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        labels[static_cast<std::size_t>(i)] = i % classes;
    return labels;
}

double maxDifference(const Matrix<float> &a, const Matrix<float> &b)
{
    return (a.cast<double>() - b.cast<double>()).cwiseAbs().maxCoeff();
}

/// What a forward and backward leave behind: output, every z and a, every parameter gradient.
/// A config of `depth` hidden layers of `width` between `inputs` and `classes`; the rest default.
NetworkConfig shaped(int inputs, int classes, int depth, int width)
{
    NetworkConfig c;
    c.inputs = inputs;
    c.classes = classes;
    c.depth = depth;
    c.widths = {width};
    return c;
}

struct Pass {
    std::vector<Matrix<float>> values;
};

Pass forwardBackward(Network<float> &net, const Matrix<float> &x, const std::vector<int> &labels)
{
    Pass pass;
    pass.values.push_back(net.forward(x));
    for (const auto &layer : net.hiddenLayers()) {
        pass.values.push_back(*layer.preActivation);
        pass.values.push_back(*layer.activationOutput);
    }
    net.loss(labels);
    net.backward();
    for (const auto &p : net.parameters())
        pass.values.push_back(*p.gradient);
    return pass;
}

} // namespace

class TestNetwork : public QObject {
    Q_OBJECT
private slots:
    void invalidConfig_data();
    void invalidConfig();
    void unknownNames();
    void shapes();
    void learnsXor_data();
    void learnsXor();
    void divergenceIsAStatus();
    void divergenceOnNaNInput();
    void dropoutIsInverted();
    void learningRateChangesBetweenSteps();
    void weightDecayOnlyOnWeights();
    void updateNormsMeasureTheStep_data();
    void updateNormsMeasureTheStep();
    void sharedUpdateGetsTheSameBits_data();
    void sharedUpdateGetsTheSameBits();
    void sharedMeasurementMatchesLayerByLayer_data();
    void sharedMeasurementMatchesLayerByLayer();
    void splitForwardMatchesWholeForward_data();
    void splitForwardMatchesWholeForward();
    void splitForwardOnlyWhereColumnsAreIndependent();
    void splitHalvesGetTheSameBitsOnEitherThread_data();
    void splitHalvesGetTheSameBitsOnEitherThread();
    void splitBackwardGetsTheSameBits_data();
    void splitBackwardGetsTheSameBits();
};

void TestNetwork::invalidConfig_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("which");
    const char *fields[] = {"depth", "depth", "width", "width", "width", "dropout", "dropout",
                            "leaky_slope", "elu_alpha", "maxout_pieces", "init_std", "bn_momentum", "bn_window"};
    const char *rows[] = {"depth_0", "depth_51", "width_0", "width_2049", "width_list_length", "dropout_negative",
                          "dropout_1", "leaky_slope_negative", "elu_alpha_0", "maxout_pieces_1", "init_std_0",
                          "bn_momentum_0", "bn_window_0"};
    for (int i = 0; i < 13; ++i)
        QTest::newRow(rows[i]) << QString::fromLatin1(fields[i]) << i;
}

void TestNetwork::invalidConfig()
{
    QFETCH(QString, field);
    QFETCH(int, which);
    NetworkConfig c;
    switch (which) {
    case 0: c.depth = 0; break;
    case 1: c.depth = 51; break;
    case 2: c.widths = {0}; break;
    case 3: c.widths = {2049}; break;
    case 4: c.depth = 3; c.widths = {4, 4}; break;
    case 5: c.dropout = -0.1; break;
    case 6: c.dropout = 1.0; break;
    case 7: c.leakySlope = -0.5; break;
    case 8: c.eluAlpha = 0.0; break;
    case 9: c.activation = ActivationKind::Maxout; c.maxoutPieces = 1; break;
    case 10: c.init = InitSpec{InitKind::Normal, 0.0}; break;
    case 11: c.bnMomentum = 0.0; break;
    case 12: c.bnWindow = 0; break;
    }
    try {
        Network<float> net(c);
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(field + ":"), e.what());
    }
    // The limits themselves are valid.
    NetworkConfig ok;
    ok.depth = 50;
    ok.widths = {1};
    QVERIFY((Network<float>(ok).hiddenLayers().size()) == 50);
}

void TestNetwork::unknownNames()
{
    const std::pair<const char *, std::function<void()>> cases[] = {
        {"activation:", [] { activationFromName("swish"); }},
        {"loss:", [] { lossFromName("hinge"); }},
        {"optimizer:", [] { optimizerFromName("rmsprop"); }},
        {"bn_inference:", [] { bnInferenceFromName("batch"); }},
    };
    for (const auto &[prefix, call] : cases) {
        try {
            call();
            QFAIL(prefix);
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QByteArray(e.what()).startsWith(prefix), e.what());
        }
    }
    for (auto kind : {ActivationKind::Sigmoid, ActivationKind::Tanh, ActivationKind::Relu, ActivationKind::LeakyRelu,
                      ActivationKind::Elu, ActivationKind::Maxout, ActivationKind::Linear})
        QCOMPARE(activationFromName(activationName(kind)), kind);
}

void TestNetwork::shapes()
{
    NetworkConfig c;
    c.inputs = 784;
    c.classes = 10;
    c.depth = 3;
    c.widths = {256, 128, 64};
    c.batchNorm = true;
    Network<float> net(c);
    QCOMPARE(net.hiddenLayers()[1].dense->weight().rows(), 128); // out × in, as PyTorch
    QCOMPARE(net.hiddenLayers()[1].dense->weight().cols(), 256);
    QCOMPARE(net.outputLayer().weight().rows(), 10);
    const Matrix<float> x = Matrix<float>::Random(784, 32);
    QCOMPARE(net.forward(x).rows(), 10);
    QCOMPARE(net.forward(x).cols(), 32);
    QCOMPARE(net.hiddenLayers()[2].preActivation->rows(), 64);
    // Parameter count: Σ (in·out + out) + 2·width per BN layer.
    long long count = 0;
    for (const auto &p : net.parameters())
        count += p.value->size();
    QCOMPARE(count, 784LL * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10 + 2 * (256 + 128 + 64));
}

void TestNetwork::learnsXor_data()
{
    QTest::addColumn<OptimizerKind>("optimizer");
    QTest::addColumn<double>("lr");
    QTest::addColumn<bool>("batchNorm");
    QTest::newRow("sgd") << OptimizerKind::Sgd << 0.5 << false;
    QTest::newRow("momentum") << OptimizerKind::Momentum << 0.1 << false;
    QTest::newRow("adam") << OptimizerKind::Adam << 0.01 << false;
    QTest::newRow("adam/bn") << OptimizerKind::Adam << 0.01 << true;
}

void TestNetwork::learnsXor()
{
    QFETCH(OptimizerKind, optimizer);
    QFETCH(double, lr);
    QFETCH(bool, batchNorm);
    Matrix<float> x;
    std::vector<int> labels;
    xorData(x, labels);
    NetworkConfig c = shaped(2, 2, 2, 16);
    c.activation = ActivationKind::Relu;
    c.init.kind = InitKind::HeNormal;
    c.batchNorm = batchNorm;
    Network<float> net(c);
    OptimizerConfig oc;
    oc.kind = optimizer;
    oc.lr = lr;
    Optimizer<float> opt(net.parameters(), oc);
    const double before = net.evaluate(x, labels).loss;
    StepResult r;
    for (int i = 0; i < 1500; ++i)
        r = net.trainStep(x, labels, opt);
    QCOMPARE(r.status, StepStatus::Ok);
    QCOMPARE(r.step, 1500LL);
    const Evaluation after = net.evaluate(x, labels);
    QVERIFY2(after.loss < 0.25 * before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after.loss)));
    QVERIFY2(after.accuracy > 0.95, qPrintable(QString::number(after.accuracy)));
}

void TestNetwork::divergenceIsAStatus()
{
    // ReLU with N(0, 1) weights, 10 layers deep, and a huge learning rate: the loss overflows.
    NetworkConfig c = shaped(20, 5, 10, 64);
    c.activation = ActivationKind::Relu;
    c.init = InitSpec{InitKind::Normal, 1.0};
    Network<float> net(c);
    OptimizerConfig oc;
    oc.lr = 10.0;
    Optimizer<float> opt(net.parameters(), oc);
    const Matrix<float> x = randomMatrix(20, 32, 3).cast<float>();
    const std::vector<int> labels(32, 1);
    StepResult r;
    int calls = 0;
    while (calls < 100 && (r = net.trainStep(x, labels, opt)).status == StepStatus::Ok)
        ++calls;
    QCOMPARE(r.status, StepStatus::Diverged);
    QCOMPARE(r.step, static_cast<long long>(calls) + 1);
    QVERIFY(!r.reason.empty());
    QVERIFY(net.diverged());
    // Further calls report the same first bad step and change nothing.
    const StepResult again = net.trainStep(x, labels, opt);
    QCOMPARE(again.status, StepStatus::Diverged);
    QCOMPARE(again.step, r.step);
    QCOMPARE(net.steps(), static_cast<long long>(calls));
}

void TestNetwork::divergenceOnNaNInput()
{
    NetworkConfig c;
    Network<float> net(c);
    Optimizer<float> opt(net.parameters(), OptimizerConfig{});
    Matrix<float> x = Matrix<float>::Ones(2, 4);
    x(0, 2) = std::numeric_limits<float>::quiet_NaN();
    const std::vector<int> labels{0, 1, 0, 1};
    const Matrix<float> weightBefore = net.hiddenLayers().front().dense->weight();
    const StepResult r = net.trainStep(x, labels, opt);
    QCOMPARE(r.status, StepStatus::Diverged);
    QCOMPARE(r.step, 1LL);
    QCOMPARE(QString::fromStdString(r.reason), QStringLiteral("loss is NaN or Inf"));
    // Nothing was updated: the weights are still the initial ones.
    QCOMPARE(net.hiddenLayers().front().dense->weight(), weightBefore);
}

void TestNetwork::dropoutIsInverted()
{
    Dropout<double> d(0.25, Rng(9, RngStream::Dropout));
    const Matrix<double> x = Matrix<double>::Ones(200, 500);
    const Matrix<double> y = d.forward(x);
    const double kept = static_cast<double>((y.array() != 0).count()) / y.size();
    QVERIFY(std::abs(kept - 0.75) < 0.01);
    QVERIFY(std::abs(y.mean() - 1.0) < 0.015);            // expectation preserved
    QVERIFY(std::abs(y.maxCoeff() - 1.0 / 0.75) < 1e-12); // kept units scaled by 1/(1−p)
    d.setTraining(false);
    QCOMPARE(d.forward(x), x);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, d.setRate(1.0));
}

void TestNetwork::learningRateChangesBetweenSteps()
{
    NetworkConfig c;
    c.depth = 1;
    Network<double> a(c), b(c);
    OptimizerConfig oc;
    oc.lr = 0.1;
    Optimizer<double> optA(a.parameters(), oc), optB(b.parameters(), oc);
    const Matrix<double> x = randomMatrix(2, 8, 4);
    const std::vector<int> labels{0, 1, 1, 0, 1, 0, 0, 1};
    a.trainStep(x, labels, optA);
    b.trainStep(x, labels, optB);
    optB.setLearningRate(0.2);
    // The same gradient, twice the step.
    const Matrix<double> w0 = a.outputLayer().weight();
    a.trainStep(x, labels, optA);
    b.trainStep(x, labels, optB);
    const Matrix<double> stepA = a.outputLayer().weight() - w0, stepB = b.outputLayer().weight() - w0;
    QVERIFY((stepB - 2.0 * stepA).cwiseAbs().maxCoeff() < 1e-14);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, optB.setLearningRate(0.0));
    QCOMPARE(optB.config().lr, 0.2);
}

void TestNetwork::weightDecayOnlyOnWeights()
{
    // With zero gradients (a parameter-free check): decay shrinks weights by (1 − ηλ) and leaves biases.
    Matrix<double> w = Matrix<double>::Constant(2, 2, 1.0), gw = Matrix<double>::Zero(2, 2);
    Matrix<double> b = Matrix<double>::Constant(2, 1, 1.0), gb = Matrix<double>::Zero(2, 1);
    OptimizerConfig oc;
    oc.lr = 0.1;
    oc.weightDecay = 0.5;
    Optimizer<double> opt({{"w", &w, &gw, true}, {"b", &b, &gb, false}}, oc);
    opt.step();
    QCOMPARE(w(0, 0), 0.95);
    QCOMPARE(b(0, 0), 1.0);
    QCOMPARE(gw.cwiseAbs().maxCoeff(), 0.0); // the gradient the statistics read is untouched
}

void TestNetwork::updateNormsMeasureTheStep_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("decay");
    QTest::newRow("sgd") << static_cast<int>(OptimizerKind::Sgd) << 0.0;
    QTest::newRow("momentum, decay") << static_cast<int>(OptimizerKind::Momentum) << 1e-2;
    QTest::newRow("adam") << static_cast<int>(OptimizerKind::Adam) << 0.0;
}

void TestNetwork::updateNormsMeasureTheStep()
{
    // ‖ΔW‖ and ‖W‖ recorded during a step equal those of copies taken around it. The weight has
    // 300 × 20 = 6000 entries, so the optimizer's 2048-entry chunks end inside it.
    QFETCH(int, kind);
    QFETCH(double, decay);
    NetworkConfig c = shaped(20, 3, 2, 300);
    c.activation = ActivationKind::Tanh;
    c.init.kind = InitKind::XavierNormal;
    Network<float> net(c);
    OptimizerConfig oc;
    oc.kind = static_cast<OptimizerKind>(kind);
    oc.lr = 0.05;
    oc.weightDecay = decay;
    Optimizer<float> opt(net.parameters(), oc);
    Rng rng(11, RngStream::Data);
    Matrix<float> x(20, 32);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x.data()[i] = static_cast<float>(rng.normal());
    std::vector<int> labels(32);
    for (auto &y : labels)
        y = static_cast<int>(rng.below(3));
    QCOMPARE(net.trainStep(x, labels, opt).status, StepStatus::Ok);
    for (const auto &layer : net.hiddenLayers())
        QVERIFY(opt.updateNorms(&layer.dense->weight()) == nullptr); // not asked for

    for (int step = 0; step < 3; ++step) { // Momentum and Adam move by their state from step 2
        std::vector<Matrix<double>> before;
        for (const auto &layer : net.hiddenLayers())
            before.push_back(layer.dense->weight().cast<double>());
        opt.measureNextUpdate();
        QCOMPARE(net.trainStep(x, labels, opt).status, StepStatus::Ok);
        for (std::size_t i = 0; i < before.size(); ++i) {
            const Matrix<float> &after = net.hiddenLayers()[i].dense->weight();
            const UpdateNorms *norms = opt.updateNorms(&after);
            QVERIFY(norms != nullptr);
            const double expectedBefore = before[i].squaredNorm();
            const double expectedChange = (after.cast<double>() - before[i]).squaredNorm();
            QVERIFY(expectedChange > 0.0);
            QVERIFY2(std::abs(norms->beforeSquared - expectedBefore) <= 1e-6 * expectedBefore,
                     qPrintable(QStringLiteral("%1 vs %2").arg(norms->beforeSquared).arg(expectedBefore)));
            QVERIFY2(std::abs(norms->changeSquared - expectedChange) <= 1e-5 * expectedChange,
                     qPrintable(QStringLiteral("%1 vs %2").arg(norms->changeSquared).arg(expectedChange)));
            // Σ g² of the gradient the step applied, before weight decay: the statistics' ‖∇W‖.
            const Matrix<float> &gradient = net.hiddenLayers()[i].dense->weightGradient();
            const double expectedGradient = gradient.cast<double>().squaredNorm();
            QVERIFY(norms->gradientSquared.has_value());
            QVERIFY2(std::abs(*norms->gradientSquared - expectedGradient) <= 1e-6 * expectedGradient,
                     qPrintable(QStringLiteral("%1 vs %2").arg(*norms->gradientSquared).arg(expectedGradient)));
            const LayerStats stats = measureLayer(net.hiddenLayers()[i], static_cast<int>(i) + 1, c, 10, norms);
            QVERIFY(stats.grad.weightNorm == std::sqrt(*norms->gradientSquared));
            UpdateNorms marked = *norms; // the recorded Σ g² is the one used, not a fresh sum
            marked.gradientSquared = 4.0;
            QCOMPARE(measureLayer(net.hiddenLayers()[i], static_cast<int>(i) + 1, c, 10, &marked).grad.weightNorm, 2.0);
        }
    }
    // Asked for, but the step never updates (the network has diverged): nothing is left over
    // from the measured step before.
    opt.measureNextUpdate();
    Matrix<float> bad = x;
    bad(0, 0) = std::numeric_limits<float>::quiet_NaN();
    QCOMPARE(net.trainStep(bad, labels, opt).status, StepStatus::Diverged);
    QVERIFY(opt.updateNorms(&net.hiddenLayers().front().dense->weight()) == nullptr);
}

void TestNetwork::sharedUpdateGetsTheSameBits_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("decay");
    QTest::newRow("sgd") << static_cast<int>(OptimizerKind::Sgd) << 0.0;
    QTest::newRow("momentum, decay") << static_cast<int>(OptimizerKind::Momentum) << 1e-2;
    QTest::newRow("adam, decay") << static_cast<int>(OptimizerKind::Adam) << 1e-3;
}

void TestNetwork::sharedUpdateGetsTheSameBits()
{
    // A network with 784 × 256 + … ≈ 2.7·10⁵ parameter entries: an update asked to be shared
    // runs on the training thread and the helper, parameter by parameter. From the same
    // gradients, every weight, the optimizer state behind it, the finiteness check and the
    // recorded norms come out bit for bit as when this thread updates everything.
    QFETCH(int, kind);
    QFETCH(double, decay);
    NetworkConfig c = shaped(784, 10, 2, 256);
    c.activation = ActivationKind::Tanh;
    c.init.kind = InitKind::XavierNormal;
    OptimizerConfig oc;
    oc.kind = static_cast<OptimizerKind>(kind);
    oc.lr = 0.01;
    oc.weightDecay = decay;
    const Matrix<float> x = randomMatrix(784, 128, 13).cast<float>();
    const std::vector<int> labels = cyclicLabels(128, 10);
    Network<float> sharedNet(c), aloneNet(c);
    Optimizer<float> sharedOpt(sharedNet.parameters(), oc), aloneOpt(aloneNet.parameters(), oc);
    QVERIFY(sharedNet.keepsHelperBusy(x.cols())); // trainStep would share it too
    QVERIFY(!sharedNet.keepsHelperBusy(8)); // 2·10⁶ flops a hidden product on average
    for (int step = 0; step < 3; ++step) {
        for (auto [net, opt, shared] : {std::tuple{&sharedNet, &sharedOpt, true}, std::tuple{&aloneNet, &aloneOpt, false}}) {
            net->forward(x);
            net->loss(labels);
            net->backward();
            opt->measureNextUpdate();
            opt->step(shared);
        }
        const auto sharedParameters = sharedNet.parameters(), aloneParameters = aloneNet.parameters();
        QCOMPARE(sharedParameters.size(), std::size_t{6});
        for (std::size_t i = 0; i < sharedParameters.size(); ++i) {
            const auto &p = sharedParameters[i], &q = aloneParameters[i];
            QVERIFY2(*p.value == *q.value, qPrintable(QStringLiteral("step %1, %2").arg(step).arg(QString::fromStdString(p.name))));
            QCOMPARE(sharedOpt.leftFinite(p.value), aloneOpt.leftFinite(q.value));
            QVERIFY(sharedOpt.leftFinite(p.value));
            const UpdateNorms *a = sharedOpt.updateNorms(p.value), *b = aloneOpt.updateNorms(q.value);
            QVERIFY(a && b);
            // Exact: QCOMPARE of doubles would be fuzzy.
            QVERIFY(a->beforeSquared == b->beforeSquared);
            QVERIFY(a->changeSquared == b->changeSquared);
            QVERIFY(a->gradientSquared == b->gradientSquared);
            QVERIFY(a->changeSquared > 0.0);
        }
    }
}

void TestNetwork::sharedMeasurementMatchesLayerByLayer_data()
{
    QTest::addColumn<bool>("batchNorm");
    QTest::addColumn<bool>("measured");
    QTest::newRow("after a measured step") << false << true;
    QTest::newRow("BatchNorm, measured step") << true << true;
    QTest::newRow("step 0, no update norms") << false << false;
}

void TestNetwork::sharedMeasurementMatchesLayerByLayer()
{
    // measureLayers shares the two halves of every layer (activations, parameters) between two
    // threads. Every number it writes, as the stats file has them, equals measureLayer's on the
    // same layer, and ‖∇W‖ taken from the update norms equals the one read from the gradient.
    QFETCH(bool, batchNorm);
    QFETCH(bool, measured);
    // Products that keep the helper busy, so that it is awake and takes tasks when the
    // measurement starts right after the step.
    NetworkConfig c = shaped(64, 4, 4, 256);
    c.activation = ActivationKind::Tanh;
    c.init.kind = InitKind::XavierNormal;
    c.batchNorm = batchNorm;
    Network<float> net(c);
    OptimizerConfig oc;
    oc.lr = 0.05;
    Optimizer<float> opt(net.parameters(), oc);
    const Matrix<float> x = randomMatrix(64, 256, 12).cast<float>();
    const std::vector<int> labels = cyclicLabels(256, 4);
    QVERIFY(net.keepsHelperBusy(x.cols()));
    if (measured)
        opt.measureNextUpdate();
    QCOMPARE(net.trainStep(x, labels, opt).status, StepStatus::Ok);

    Snapshot shared, alone, fromGradient;
    QVERIFY(measureLayers(net.hiddenLayers(), c, 20, measured ? &opt : nullptr, shared.layers));
    for (std::size_t k = 0; k < net.hiddenLayers().size(); ++k) {
        const auto &layer = net.hiddenLayers()[k];
        const UpdateNorms *update = opt.updateNorms(&layer.dense->weight());
        QCOMPARE(update != nullptr, measured);
        alone.layers.push_back(measureLayer(layer, static_cast<int>(k) + 1, c, 20, update));
        fromGradient.layers.push_back(measureLayer(layer, static_cast<int>(k) + 1, c, 20, nullptr));
        const double norm = layer.dense->weightGradient().cast<double>().norm();
        QVERIFY(norm > 0.0);
        QVERIFY(std::abs(shared.layers[k].grad.weightNorm - norm) <= 1e-6 * norm);
        QVERIFY(std::abs(fromGradient.layers[k].grad.weightNorm - norm) <= 1e-6 * norm);
        QCOMPARE(shared.layers[k].hasBatchNorm, batchNorm);
        QVERIFY(shared.layers[k].weight.hist.total() == static_cast<std::uint64_t>(layer.dense->weight().size()));
    }
    QCOMPARE(QString::fromStdString(json::serialize(snapshotToJson(shared))),
             QString::fromStdString(json::serialize(snapshotToJson(alone))));
}

void TestNetwork::splitForwardMatchesWholeForward_data()
{
    QTest::addColumn<int>("activation");
    QTest::addColumn<int>("batch");
    QTest::addColumn<bool>("batchNorm");
    QTest::addColumn<int>("width");
    // 200 columns cut at 96 (a multiple of 16), 130 at 64: the halves differ in size. With
    // BatchNorm the halves meet at every BatchNorm, whose features (BatchNorm::featureCut) are
    // one part at 96; cut at 64 of 150, the second part a 64-block, a 16-block and a tail of 6;
    // and at 64 of 192 (Maxout's 2 × 96), the second part two 64-blocks.
    QTest::newRow("tanh, 200") << int(ActivationKind::Tanh) << 200 << false << 96;
    QTest::newRow("relu, 130") << int(ActivationKind::Relu) << 130 << false << 96;
    QTest::newRow("elu, 256") << int(ActivationKind::Elu) << 256 << false << 96;
    QTest::newRow("maxout, 200") << int(ActivationKind::Maxout) << 200 << false << 96;
    QTest::newRow("tanh, BatchNorm, 200") << int(ActivationKind::Tanh) << 200 << true << 96;
    QTest::newRow("relu, BatchNorm, 130, width 150") << int(ActivationKind::Relu) << 130 << true << 150;
    QTest::newRow("maxout, BatchNorm, 256") << int(ActivationKind::Maxout) << 256 << true << 96;
}

void TestNetwork::splitForwardMatchesWholeForward()
{
    // The forward split into two column halves on two threads computes what the whole forward
    // computes, and the backward that follows it finds every input it kept.
    QFETCH(int, activation);
    QFETCH(int, batch);
    QFETCH(bool, batchNorm);
    QFETCH(int, width);
    NetworkConfig c = shaped(50, 7, 3, width);
    c.batchNorm = batchNorm;
    c.activation = static_cast<ActivationKind>(activation);
    c.init.kind = InitKind::XavierNormal;
    Network<float> net(c);
    std::uint64_t seed = 40;
    for (auto &layer : net.hiddenLayers()) { // biases start at 0 (γ at 1); the split must use them too
        layer.dense->bias() = 0.1 * randomMatrix(layer.dense->fanOut(), 1, ++seed).cast<float>();
        if (layer.batchNorm) {
            layer.batchNorm->gamma().array() += 0.2 * randomMatrix(layer.dense->fanOut(), 1, ++seed).cast<float>().array();
            layer.batchNorm->beta() = 0.1 * randomMatrix(layer.dense->fanOut(), 1, ++seed).cast<float>();
        }
    }
    net.outputLayer().bias() = 0.1 * randomMatrix(c.classes, 1, ++seed).cast<float>();
    const Matrix<float> x = randomMatrix(50, batch, 4).cast<float>();
    std::vector<int> labels(static_cast<std::size_t>(batch));
    for (int i = 0; i < batch; ++i)
        labels[static_cast<std::size_t>(i)] = i % 7;

    // The split runs first, on fresh buffers: a part it failed to compute cannot keep the
    // whole forward's values.
    Pass whole, split, again;
    {
        const SplitThreshold small(1e4);
        QVERIFY(net.splitsForwardByColumns(x));
        split = forwardBackward(net, x, labels);
        QVERIFY(net.lastForwardSplit());
    }
    {
        const SplitThreshold never(std::numeric_limits<double>::infinity());
        QVERIFY(!net.splitsForwardByColumns(x));
        whole = forwardBackward(net, x, labels);
        QVERIFY(!net.lastForwardSplit());
    }
    {
        const SplitThreshold small(1e4);
        again = forwardBackward(net, x, labels);
        QVERIFY(net.lastForwardSplit());
    }
    QCOMPARE(split.values.size(), whole.values.size());
    for (std::size_t i = 0; i < whole.values.size(); ++i) {
        QCOMPARE(split.values[i].rows(), whole.values[i].rows());
        QCOMPARE(split.values[i].cols(), whole.values[i].cols());
        // Same operations on the same columns; a product's blocking may differ in the last bits.
        const double scale = std::max(1.0, whole.values[i].cwiseAbs().maxCoeff() * 1.0);
        QVERIFY2(maxDifference(split.values[i], whole.values[i]) <= 1e-5 * scale,
                 qPrintable(QStringLiteral("value %1 differs by %2").arg(i).arg(maxDifference(split.values[i], whole.values[i]))));
        // Which thread ran a half never changes its bits.
        QVERIFY(split.values[i] == again.values[i]);
    }
    if (batchNorm) {
        // The split computed and recorded the batch statistics of every feature: three forwards
        // (split, whole, again) moved the running mean from 0 by 1 − 0.9³ of the batch means.
        for (const auto &layer : net.hiddenLayers()) {
            const BatchNorm<float> &bn = *layer.batchNorm;
            const Vector<float> expected = (1.0f - 0.9f * 0.9f * 0.9f) * bn.batchMean();
            QVERIFY(maxDifference(bn.runningMean(), expected) <= 1e-5 * std::max(1.0f, bn.batchMean().cwiseAbs().maxCoeff()));
            QVERIFY(bn.batchVariance().minCoeff() > 0.0f);
        }
    }
}

void TestNetwork::splitForwardOnlyWhereColumnsAreIndependent()
{
    // Which networks split (a BatchNorm in training splits too: in stages that share its features).
    const SplitThreshold small(1e4);
    const Matrix<float> x = randomMatrix(50, 256, 5).cast<float>();
    NetworkConfig c = shaped(50, 3, 2, 64);
    {
        Network<float> plain(c);
        QVERIFY(plain.splitsForwardByColumns(x));
        QVERIFY(!plain.splitsForwardByColumns(x.leftCols(127))); // halves below 64 columns
        QVERIFY(plain.splitsForwardByColumns(x.leftCols(130)));
        QCOMPARE(Network<float>::forwardCut(130), Eigen::Index(64));
        QCOMPARE(Network<float>::forwardCut(200), Eigen::Index(96));
    }
    {
        const SplitThreshold large(1e12); // the products are far below a fifth of it
        Network<float> plain(c);
        QVERIFY(!plain.splitsForwardByColumns(x));
    }
    {
        NetworkConfig bn = c;
        bn.batchNorm = true; // the halves meet at every BatchNorm in training; columnwise in inference
        Network<float> net(bn);
        QVERIFY(net.splitsForwardByColumns(x));
        net.forward(x);
        QVERIFY(net.lastForwardSplit());
        // In inference BatchNorm is columnwise: one stage, the same values as unsplit.
        net.setTraining(false);
        const Matrix<float> split = net.forward(x);
        QVERIFY(net.lastForwardSplit());
        const SplitThreshold never(std::numeric_limits<double>::infinity());
        const Matrix<float> whole = net.forward(x);
        QVERIFY(!net.lastForwardSplit());
        QVERIFY(maxDifference(split, whole) <= 1e-5 * std::max(1.0f, whole.cwiseAbs().maxCoeff()));
    }
    {
        NetworkConfig dropout = c;
        dropout.dropout = 0.3; // one random stream draws the masks
        Network<float> net(dropout);
        QVERIFY(!net.splitsForwardByColumns(x));
        net.setTraining(false); // inference passes the values through
        QVERIFY(net.splitsForwardByColumns(x));
        net.forward(x);
        QVERIFY(net.lastForwardSplit());
    }
    {
        Network<float> net(c); // p = 0, but a frozen mask is applied in training
        net.hiddenLayers().front().dropout->freezeMask(Matrix<float>::Ones(64, 256));
        QVERIFY(!net.splitsForwardByColumns(x));
    }
    {
        Network<float> net(c);
        std::atomic<bool> stop{true};
        net.setInterruptFlag(&stop);
        QVERIFY_THROWS_EXCEPTION(Interrupted, net.forward(x)); // thrown in either thread, caught here
    }
}

void TestNetwork::splitHalvesGetTheSameBitsOnEitherThread_data()
{
    QTest::addColumn<bool>("batchNorm");
    QTest::newRow("plain") << false;
    QTest::newRow("BatchNorm") << true; // and its two feature parts, on one thread
}

void TestNetwork::splitHalvesGetTheSameBitsOnEitherThread()
{
    // Normally the helper runs one half. Inside shareWork the helper is taken, so the same
    // split forward runs both halves on one thread (as in compare mode, with two runs training):
    // the bits must not change.
    const SplitThreshold small(1e4);
    NetworkConfig c = shaped(50, 5, 3, 80);
    c.init.kind = InitKind::XavierNormal;
    QFETCH(bool, batchNorm);
    c.batchNorm = batchNorm;
    if (batchNorm)
        c.widths = {160}; // BatchNorm's features cut at 64: two parts
    Network<float> twoThreads(c), oneThread(c);
    const Matrix<float> x = randomMatrix(50, 192, 6).cast<float>();
    const Matrix<float> expected = twoThreads.forward(x);
    QVERIFY(twoThreads.lastForwardSplit());
    Matrix<float> nested;
    shareWork(2, [&](int i) {
        if (i == 0)
            nested = oneThread.forward(x);
    });
    QVERIFY(oneThread.lastForwardSplit());
    QVERIFY(nested == expected);
    for (std::size_t i = 0; i < twoThreads.hiddenLayers().size(); ++i)
        QVERIFY(*oneThread.hiddenLayers()[i].activationOutput == *twoThreads.hiddenLayers()[i].activationOutput);
}

void TestNetwork::splitBackwardGetsTheSameBits_data()
{
    QTest::addColumn<int>("activation");
    QTest::addColumn<bool>("batchNorm");
    QTest::newRow("tanh") << static_cast<int>(ActivationKind::Tanh) << false;
    QTest::newRow("relu, BatchNorm") << static_cast<int>(ActivationKind::Relu) << true;
    QTest::newRow("elu") << static_cast<int>(ActivationKind::Elu) << false;
    QTest::newRow("maxout") << static_cast<int>(ActivationKind::Maxout) << false;
}

void TestNetwork::splitBackwardGetsTheSameBits()
{
    // At a batch of 200 whose products keep the helper busy, the activations' gradients are
    // computed in two column halves (96 and 104 columns) on two threads, and BatchNorm's in its
    // two feature ranges (cut at 128 of 256). From the same forward, every gradient equals, bit
    // for bit, that of a backward with no helper at all. (At a threshold of 10⁸ the products
    // run in pairs, none is cut in blocks: a BLAS's last bits may depend on the block.)
    QFETCH(int, activation);
    QFETCH(bool, batchNorm);
    const SplitThreshold pairsOnly(1e8);
    NetworkConfig c = shaped(256, 10, 3, 256);
    c.activation = static_cast<ActivationKind>(activation);
    c.batchNorm = batchNorm;
    c.init.kind = InitKind::XavierNormal;
    Network<float> net(c);
    const Matrix<float> x = randomMatrix(256, 200, 7).cast<float>();
    const std::vector<int> labels = cyclicLabels(200, 10);
    net.forward(x);
    net.loss(labels);
    net.backward();
    QVERIFY(net.lastBackwardSplit());
    std::vector<Matrix<float>> split;
    for (const auto &p : net.parameters())
        split.push_back(*p.gradient);
    for (const auto &layer : net.hiddenLayers())
        split.push_back(*layer.activationGradient);
    {
        const SplitThreshold never(std::numeric_limits<double>::infinity());
        net.backward();
        QVERIFY(!net.lastBackwardSplit());
    }
    std::size_t k = 0;
    for (const auto &p : net.parameters())
        QVERIFY2(*p.gradient == split[k++], p.name.c_str());
    for (const auto &layer : net.hiddenLayers())
        QVERIFY(*layer.activationGradient == split[k++]);
    // Below 64 columns a half, or with products too small to keep the helper busy, one piece.
    const Matrix<float> small = x.leftCols(127);
    net.forward(small);
    net.loss(std::span<const int>(labels).first(127));
    net.backward();
    QVERIFY(!net.lastBackwardSplit());
}

QTEST_APPLESS_MAIN(TestNetwork)
#include "tst_network.moc"
