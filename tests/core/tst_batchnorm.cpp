// BatchNorm: normalised output, running statistics by hand (EMA with the unbiased variance, and
// the population average of the last n batches), inference using them, mode switching.

#include "gradcheck.h"

#include "core/batchnorm.h"
#include "core/network.h"

#include <QtTest>

#include <deque>

using namespace layerlens::core;
using layerlens::test::randomMatrix;

class TestBatchNorm : public QObject {
    Q_OBJECT
private slots:
    void trainingOutputIsNormalised();
    void emaMatchesHandComputation();
    void populationAveragesLastBatches();
    void evalUsesRunningStatistics();
    void evalDoesNotUpdateStatistics();
    void batchOfOneRejectedInTraining();
    void networkModeSwitch();
    void featureBlocksMatchDoubleReference_data();
    void featureBlocksMatchDoubleReference();
};

void TestBatchNorm::trainingOutputIsNormalised()
{
    BatchNorm<double> bn(6);
    // Features with very different means and scales.
    Matrix<double> x = randomMatrix(6, 64, 1, 3.0);
    for (int r = 0; r < 6; ++r)
        x.row(r).array() = x.row(r).array() * (r + 1) + 10.0 * r;
    const Matrix<double> y = bn.forward(x);
    for (int r = 0; r < 6; ++r) {
        const double mean = y.row(r).mean();
        const double var = (y.row(r).array() - mean).square().mean(); // biased, as BN uses
        QVERIFY2(std::abs(mean) < 1e-5, qPrintable(QString::number(mean)));
        // ε = 1e-5 makes the variance σ²/(σ²+ε), a hair under 1.
        QVERIFY2(std::abs(var - 1.0) < 1e-5, qPrintable(QString::number(var)));
    }
}

void TestBatchNorm::emaMatchesHandComputation()
{
    BatchNorm<double> bn(3, BnInference::Ema, 0.1);
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(3), var = Eigen::VectorXd::Ones(3);
    for (int b = 0; b < 5; ++b) {
        const Matrix<double> x = randomMatrix(3, 8, 10 + b, 1.0 + b).array() + b;
        bn.forward(x);
        for (int r = 0; r < 3; ++r) {
            double m = 0, ss = 0;
            for (int c = 0; c < 8; ++c)
                m += x(r, c);
            m /= 8;
            for (int c = 0; c < 8; ++c)
                ss += (x(r, c) - m) * (x(r, c) - m);
            mean(r) = 0.9 * mean(r) + 0.1 * m;
            var(r) = 0.9 * var(r) + 0.1 * ss / 7.0; // unbiased: n − 1
        }
    }
    QVERIFY((bn.runningMean() - mean).cwiseAbs().maxCoeff() < 1e-12);
    QVERIFY((bn.runningVariance() - var).cwiseAbs().maxCoeff() < 1e-12);
}

void TestBatchNorm::populationAveragesLastBatches()
{
    const int window = 3;
    BatchNorm<double> bn(2, BnInference::Population, 0.1, window);
    std::deque<Matrix<double>> batches;
    for (int b = 0; b < 7; ++b) {
        batches.push_back(randomMatrix(2, 10, 30 + b, 1.0 + b).array() + 2.0 * b);
        if (batches.size() > window)
            batches.pop_front();
        bn.forward(batches.back());
    }
    QCOMPARE(bn.populationSize(), window);
    // Paper, Alg. 2: E[x] = E_B[μ_B], Var[x] = m/(m−1)·E_B[σ²_B] over the last `window` batches.
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(2), biasedVar = Eigen::VectorXd::Zero(2);
    for (const auto &x : batches) {
        const Eigen::VectorXd mu = x.rowwise().mean();
        mean += mu / window;
        biasedVar += ((x.colwise() - mu).rowwise().squaredNorm() / 10.0) / window;
    }
    const Eigen::VectorXd var = biasedVar * 10.0 / 9.0;
    QVERIFY((bn.runningMean() - mean).cwiseAbs().maxCoeff() < 1e-12);
    QVERIFY((bn.runningVariance() - var).cwiseAbs().maxCoeff() < 1e-12);
    // The EMA keeps running alongside and differs.
    bn.setInferenceMode(BnInference::Ema);
    QVERIFY((bn.runningMean() - mean).cwiseAbs().maxCoeff() > 1e-3);
}

void TestBatchNorm::evalUsesRunningStatistics()
{
    BatchNorm<double> bn(2);
    for (int b = 0; b < 4; ++b)
        bn.forward(randomMatrix(2, 16, 50 + b, 2.0).array() + 1.0);
    bn.gamma() << 2.0, 0.5;
    bn.beta() << -1.0, 3.0;
    bn.setTraining(false);
    const Matrix<double> x = randomMatrix(2, 5, 60);
    const Matrix<double> y = bn.forward(x);
    const Eigen::VectorXd mu = bn.runningMean(), var = bn.runningVariance();
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 5; ++c) {
            const double expected = bn.gamma()(r) * (x(r, c) - mu(r)) / std::sqrt(var(r) + 1e-5) + bn.beta()(r);
            QVERIFY(std::abs(y(r, c) - expected) < 1e-12);
        }
    // A batch of 1 is fine in inference: each sample is normalised alone.
    const Matrix<double> one = x.leftCols(1);
    QVERIFY((bn.forward(one) - y.leftCols(1)).cwiseAbs().maxCoeff() < 1e-12);
}

void TestBatchNorm::evalDoesNotUpdateStatistics()
{
    BatchNorm<double> bn(2);
    bn.forward(randomMatrix(2, 8, 70));
    const Eigen::VectorXd before = bn.runningMean();
    bn.setTraining(false);
    bn.forward(randomMatrix(2, 8, 71, 5.0));
    QCOMPARE(bn.runningMean(), before);
}

void TestBatchNorm::batchOfOneRejectedInTraining()
{
    BatchNorm<float> bn(3);
    const Matrix<float> x = Matrix<float>::Ones(3, 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bn.forward(x));
    try {
        bn.forward(x);
    } catch (const std::invalid_argument &e) {
        QVERIFY(QByteArray(e.what()).contains("batch_size"));
    }
}

void TestBatchNorm::networkModeSwitch()
{
    NetworkConfig config;
    config.inputs = 3;
    config.batchNorm = true;
    config.dropout = 0.5;
    Network<double> net(config);
    const Matrix<double> x = randomMatrix(3, 12, 80);
    net.forward(x);
    net.setTraining(false);
    for (const auto &layer : net.hiddenLayers()) {
        QVERIFY(!layer.batchNorm->isTraining());
        QVERIFY(!layer.dropout->isTraining());
    }
    // Inference is deterministic (no dropout mask, fixed statistics) and per-sample.
    const Matrix<double> a = net.forward(x);
    const Matrix<double> b = net.forward(x);
    QCOMPARE(a, b);
    const Matrix<double> first = x.leftCols(1);
    QVERIFY((net.forward(first) - a.leftCols(1)).cwiseAbs().maxCoeff() < 1e-12);
    net.setTraining(true);
    QVERIFY(net.hiddenLayers().front().batchNorm->isTraining());
}

void TestBatchNorm::featureBlocksMatchDoubleReference_data()
{
    QTest::addColumn<bool>("isDouble");
    QTest::addColumn<int>("features");
    // The training kernels take 256 bytes of a column at a time (64 floats, 32 doubles), then a
    // quarter of that (16, 8), then the rest, from where each of the two parts (cut at
    // featureCut) starts. float: 150 = [0, 64) + [64, 150) as 64 16 6; 100 = one part, 64 16 16 4;
    // 7 = the rest only. double: 75 = [0, 32) + [32, 75) as 32 8 3; 7 as 7.
    QTest::newRow("float, 150") << false << 150;
    QTest::newRow("float, 100") << false << 100;
    QTest::newRow("float, 7") << false << 7;
    QTest::newRow("double, 75") << true << 75;
    QTest::newRow("double, 7") << true << 7;
}

template <typename S>
static void checkFeatureBlocks(int features)
{
    // Every block path of the training forward and backward computes the textbook formulas,
    // checked against a double computation of the same batch (in S's precision).
    const double tolerance = std::is_same_v<S, float> ? 1e-5 : 1e-12;
    const int batch = 37;
    BatchNorm<S> bn(features);
    bn.gamma() = (1.0 + 0.5 * randomMatrix(features, 1, 2).array()).matrix().cast<S>();
    bn.beta() = randomMatrix(features, 1, 3).cast<S>();
    Matrix<double> x = randomMatrix(features, batch, 4, 2.0);
    for (int r = 0; r < features; ++r)
        x.row(r).array() += 0.1 * r; // a different mean for every feature
    const Matrix<double> dy = randomMatrix(features, batch, 5);
    const Matrix<S> y = bn.forward(x.cast<S>());
    const Matrix<S> dx = bn.backward(dy.cast<S>());

    const Matrix<double> xs = x.cast<S>().template cast<double>(), dys = dy.cast<S>().template cast<double>();
    const Eigen::VectorXd gamma = bn.gamma().template cast<double>(), beta = bn.beta().template cast<double>();
    for (int r = 0; r < features; ++r) {
        const double mean = xs.row(r).mean();
        const double var = (xs.row(r).array() - mean).square().mean();
        const double invStd = 1.0 / std::sqrt(var + 1e-5);
        const Eigen::ArrayXd xhat = (xs.row(r).array() - mean).transpose() * invStd;
        const Eigen::ArrayXd g = dys.row(r).transpose().array();
        const double dBeta = g.sum(), dGamma = (g * xhat).sum();
        const Eigen::ArrayXd expectedDx = (g - xhat * dGamma / batch - dBeta / batch) * gamma[r] * invStd;
        const Eigen::ArrayXd expectedY = gamma[r] * xhat + beta[r];
        const auto near = [tolerance](double got, double want, double scale) { return std::abs(got - want) <= tolerance * scale; };
        QVERIFY2(near(bn.batchMean()[r], mean, std::abs(mean) + 1.0), qPrintable(QString::number(r)));
        QVERIFY2(near(bn.batchVariance()[r], var, var), qPrintable(QString::number(r)));
        QVERIFY(near(bn.betaGradient()(r, 0), dBeta, g.abs().sum()));
        QVERIFY(near(bn.gammaGradient()(r, 0), dGamma, (g * xhat).abs().sum()));
        for (int c = 0; c < batch; ++c) {
            QVERIFY2(near(y(r, c), expectedY[c], 1.0 + std::abs(beta[r])), qPrintable(QStringLiteral("y %1 %2").arg(r).arg(c)));
            QVERIFY2(near(dx(r, c), expectedDx[c], std::abs(gamma[r]) * invStd * (g.abs().maxCoeff() + 1.0)),
                     qPrintable(QStringLiteral("dx %1 %2").arg(r).arg(c)));
        }
    }
}

void TestBatchNorm::featureBlocksMatchDoubleReference()
{
    QFETCH(bool, isDouble);
    QFETCH(int, features);
    if (isDouble)
        checkFeatureBlocks<double>(features);
    else
        checkFeatureBlocks<float>(features);
}

QTEST_APPLESS_MAIN(TestBatchNorm)
#include "tst_batchnorm.moc"
