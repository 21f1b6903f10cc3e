// Finite-difference gradient checks, in double, of every layer, activation, loss and of whole
// networks. Bound: max relative error < 1e-6 for every parameter and the input (gradcheck.h).

#include "gradcheck.h"

#include "core/network.h"

#include <QtTest>

#include <memory>

using namespace layerlens::core;
using layerlens::test::maxGradientError;
using layerlens::test::randomMatrix;

Q_DECLARE_METATYPE(ActivationKind)
Q_DECLARE_METATYPE(InitKind)
Q_DECLARE_METATYPE(LossKind)

namespace {

constexpr double kBound = 1e-6;

/// Checks one layer with the scalar L = Σ R ⊙ layer(X) for a fixed random R, so ∂L/∂out = R.
/// Returns the worst relative error over the input and every parameter.
double checkLayer(Layer<double> &layer, Matrix<double> x, Eigen::Index outRows, std::uint64_t seed)
{
    const Matrix<double> r = randomMatrix(outRows, x.cols(), seed + 100);
    auto objective = [&] { return layer.forward(x).cwiseProduct(r).sum(); };
    layer.forward(x);
    const Matrix<double> dx = layer.backward(r);
    std::vector<Matrix<double>> analytic;
    for (const auto &p : layer.parameters())
        analytic.push_back(*p.gradient);
    double worst = maxGradientError(x, dx, objective);
    auto params = layer.parameters();
    for (std::size_t i = 0; i < params.size(); ++i)
        worst = std::max(worst, maxGradientError(*params[i].value, analytic[i], objective));
    return worst;
}

} // namespace

class TestGradientCheck : public QObject {
    Q_OBJECT
private slots:
    void dense();
    void activation_data();
    void activation();
    void maxout();
    void batchNorm_data();
    void batchNorm();
    void dropoutFixedMask();
    void loss_data();
    void loss();
    void network_data();
    void network();
    void detectsWrongGradient();
};

void TestGradientCheck::dense()
{
    Dense<double> layer(5, 4);
    layer.weight() = randomMatrix(4, 5, 1);
    layer.bias() = randomMatrix(4, 1, 2);
    const double error = checkLayer(layer, randomMatrix(5, 7, 3), 4, 4);
    QVERIFY2(error < kBound, qPrintable(QString::number(error)));
}

void TestGradientCheck::activation_data()
{
    QTest::addColumn<ActivationKind>("kind");
    QTest::addColumn<double>("parameter");
    QTest::newRow("sigmoid") << ActivationKind::Sigmoid << 0.0;
    QTest::newRow("tanh") << ActivationKind::Tanh << 0.0;
    QTest::newRow("relu") << ActivationKind::Relu << 0.0;
    QTest::newRow("leaky_relu") << ActivationKind::LeakyRelu << 0.01;
    QTest::newRow("leaky_relu/slope_0.2") << ActivationKind::LeakyRelu << 0.2;
    QTest::newRow("elu") << ActivationKind::Elu << 1.0;
    QTest::newRow("elu/alpha_0.5") << ActivationKind::Elu << 0.5;
    QTest::newRow("linear") << ActivationKind::Linear << 0.0;
}

void TestGradientCheck::activation()
{
    QFETCH(ActivationKind, kind);
    QFETCH(double, parameter);
    Activation<double> layer(kind, parameter);
    Matrix<double> x = randomMatrix(6, 8, 5, 2.0);
    // Away from the kink at 0: move every input at least 0.1 from it.
    x = x.unaryExpr([](double v) { return v >= 0 ? v + 0.1 : v - 0.1; });
    const double error = checkLayer(layer, x, 6, 6);
    QVERIFY2(error < kBound, qPrintable(QString::number(error)));
}

void TestGradientCheck::maxout()
{
    Maxout<double> layer(4, 3);
    // Pieces of one unit at least 0.1 apart, so no tie flips under the 1e-6 step.
    Matrix<double> x = randomMatrix(12, 6, 7);
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        for (Eigen::Index r = 0; r < 4; ++r)
            for (int p = 1; p < 3; ++p)
                x(p * 4 + r, c) += 0.15 * p * (x(p * 4 + r, c) >= x(r, c) ? 1 : -1);
    const double error = checkLayer(layer, x, 4, 8);
    QVERIFY2(error < kBound, qPrintable(QString::number(error)));
    // The winner gets the gradient, the others none.
    layer.forward(x);
    const Matrix<double> dx = layer.backward(Matrix<double>::Ones(4, 6));
    QCOMPARE(dx.sum(), 24.0);
}

void TestGradientCheck::batchNorm_data()
{
    QTest::addColumn<bool>("training");
    QTest::newRow("train") << true;
    QTest::newRow("eval") << false;
}

void TestGradientCheck::batchNorm()
{
    QFETCH(bool, training);
    BatchNorm<double> layer(5);
    layer.gamma() = randomMatrix(5, 1, 9).array() + 1.5;
    layer.beta() = randomMatrix(5, 1, 10);
    // Put non-trivial running statistics in place for the eval row.
    for (int i = 0; i < 3; ++i)
        layer.forward(randomMatrix(5, 16, 20 + i, 2.0));
    layer.setTraining(training);
    const double error = checkLayer(layer, randomMatrix(5, 9, 11, 3.0), 5, 12);
    QVERIFY2(error < kBound, qPrintable(QString::number(error)));
}

void TestGradientCheck::dropoutFixedMask()
{
    Dropout<double> layer(0.4, Rng(3, RngStream::Dropout));
    const Matrix<double> x = randomMatrix(6, 10, 13);
    layer.forward(x);
    layer.freezeMask(layer.mask());
    QVERIFY((layer.mask().array() == 0).count() > 0);
    const double error = checkLayer(layer, x, 6, 14);
    QVERIFY2(error < kBound, qPrintable(QString::number(error)));
}

void TestGradientCheck::loss_data()
{
    QTest::addColumn<LossKind>("kind");
    QTest::newRow("cross_entropy") << LossKind::CrossEntropy;
    QTest::newRow("mse") << LossKind::MeanSquaredError;
}

void TestGradientCheck::loss()
{
    QFETCH(LossKind, kind);
    auto loss = Loss<double>::create(kind);
    Matrix<double> z = randomMatrix(4, 7, 15, 2.0);
    const std::vector<int> labels{0, 3, 1, 2, 2, 0, 3};
    loss->forward(z, labels);
    const Matrix<double> dz = loss->backward();
    const double error = maxGradientError(z, dz, [&] { return loss->forward(z, labels); });
    QVERIFY2(error < kBound, qPrintable(QString::number(error)));
}

void TestGradientCheck::network_data()
{
    QTest::addColumn<ActivationKind>("activation");
    QTest::addColumn<InitKind>("init");
    QTest::addColumn<bool>("batchNorm");
    QTest::addColumn<double>("dropout");
    QTest::addColumn<LossKind>("loss");
    const std::pair<ActivationKind, InitKind> rows[] = {
        {ActivationKind::Sigmoid, InitKind::XavierNormal}, {ActivationKind::Tanh, InitKind::XavierNormal},
        {ActivationKind::Relu, InitKind::HeNormal},        {ActivationKind::LeakyRelu, InitKind::HeUniform},
        {ActivationKind::Elu, InitKind::HeNormal},         {ActivationKind::Maxout, InitKind::XavierUniform},
        {ActivationKind::Linear, InitKind::Orthogonal},
    };
    for (const auto &[activation, init] : rows)
        for (bool bn : {false, true}) {
            const QByteArray name = QByteArray(activationName(activation).data()) + '/'
                                    + QByteArray(initName(init).data()) + (bn ? "/bn" : "/no_bn");
            QTest::newRow(name.constData()) << activation << init << bn << 0.0 << LossKind::CrossEntropy;
        }
    QTest::newRow("tanh/lecun_normal/no_bn/dropout") << ActivationKind::Tanh << InitKind::LecunNormal << false
                                                     << 0.3 << LossKind::CrossEntropy;
    QTest::newRow("relu/he_normal/bn/dropout") << ActivationKind::Relu << InitKind::HeNormal << true << 0.3
                                               << LossKind::CrossEntropy;
    QTest::newRow("sigmoid/xavier_normal/no_bn/mse") << ActivationKind::Sigmoid << InitKind::XavierNormal << false
                                                     << 0.0 << LossKind::MeanSquaredError;
    QTest::newRow("elu/he_normal/bn/mse") << ActivationKind::Elu << InitKind::HeNormal << true << 0.0
                                          << LossKind::MeanSquaredError;
}

void TestGradientCheck::network()
{
    QFETCH(ActivationKind, activation);
    QFETCH(InitKind, init);
    QFETCH(bool, batchNorm);
    QFETCH(double, dropout);
    QFETCH(LossKind, loss);

    NetworkConfig config;
    config.inputs = 4;
    config.classes = 3;
    config.depth = 3;
    config.widths = {6, 5, 7};
    config.activation = activation;
    config.maxoutPieces = 3;
    config.init.kind = init;
    config.batchNorm = batchNorm;
    config.dropout = dropout;
    config.loss = loss;
    config.seed = 42;
    Network<double> net(config);
    net.setComputeInputGradient(true);

    Matrix<double> x = randomMatrix(4, 8, 16);
    const std::vector<int> labels{0, 1, 2, 1, 0, 2, 2, 1};
    net.forward(x);
    if (dropout > 0.0)
        for (auto &layer : net.hiddenLayers())
            layer.dropout->freezeMask(layer.dropout->mask());
    // Non-trivial γ/β, so their gradients are not checked at the special point γ=1, β=0 only.
    for (auto &layer : net.hiddenLayers())
        if (layer.batchNorm) {
            layer.batchNorm->gamma() = randomMatrix(layer.batchNorm->features(), 1, 17, 0.2).array() + 1.0;
            layer.batchNorm->beta() = randomMatrix(layer.batchNorm->features(), 1, 18, 0.2);
        }

    auto objective = [&] {
        net.forward(x);
        return net.loss(labels);
    };
    objective();
    net.backward();
    const Matrix<double> dx = net.inputGradient();
    QCOMPARE(dx.rows(), x.rows());
    auto params = net.parameters();
    std::vector<Matrix<double>> analytic;
    for (const auto &p : params)
        analytic.push_back(*p.gradient);

    double worst = maxGradientError(x, dx, objective);
    QVERIFY2(worst < kBound, qPrintable(QStringLiteral("input: %1").arg(worst)));
    for (std::size_t i = 0; i < params.size(); ++i) {
        QVERIFY2(analytic[i].norm() > 0.0 || params[i].name.find("bias") != std::string::npos,
                 params[i].name.c_str());
        const double error = maxGradientError(*params[i].value, analytic[i], objective);
        QVERIFY2(error < kBound, qPrintable(QStringLiteral("%1: %2").arg(params[i].name.c_str()).arg(error)));
    }
}

void TestGradientCheck::detectsWrongGradient()
{
    // The check itself must fail on a wrong gradient: a 1% error is far above the bound.
    Matrix<double> x = randomMatrix(3, 3, 19);
    const Matrix<double> wrong = 2.0 * x * 1.01;
    const double error = maxGradientError(x, wrong, [&] { return x.squaredNorm(); });
    QVERIFY(error > 1e-3);
}

QTEST_APPLESS_MAIN(TestGradientCheck)
#include "tst_gradientcheck.moc"
