// Initialiser statistics for fan_in = fan_out = 1000 (10⁶ samples): the sample std is within 2%
// of the formula, uniform bounds hold, zeros and constant are exact, orthogonal gives WᵀW ≈ I.

#include "core/initializer.h"
#include "core/network.h"

#include <QtTest>

#include <cmath>

using namespace layerlens::core;

Q_DECLARE_METATYPE(InitKind)

namespace {
double sampleStd(const Matrix<double> &w)
{
    const double mean = w.mean();
    return std::sqrt((w.array() - mean).square().sum() / static_cast<double>(w.size() - 1));
}
} // namespace

class TestInitializer : public QObject {
    Q_OBJECT
private slots:
    void randomStd_data();
    void randomStd();
    void uniformBounds_data();
    void uniformBounds();
    void exact();
    void orthogonal_data();
    void orthogonal();
    void names();
    void maxoutCountsLayerFanIn();
    void biasesStartAtZero();
};

void TestInitializer::randomStd_data()
{
    QTest::addColumn<InitKind>("kind");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<int>("fanIn");
    QTest::addColumn<int>("fanOut");
    QTest::addColumn<double>("expected");
    QTest::newRow("normal/0.01") << InitKind::Normal << 0.01 << 1000 << 1000 << 0.01;
    QTest::newRow("normal/1") << InitKind::Normal << 1.0 << 1000 << 1000 << 1.0;
    QTest::newRow("uniform/0.5") << InitKind::Uniform << 0.5 << 1000 << 1000 << 0.5 / std::sqrt(3.0);
    QTest::newRow("xavier_normal") << InitKind::XavierNormal << 0.0 << 1000 << 1000 << std::sqrt(2.0 / 2000.0);
    QTest::newRow("xavier_uniform") << InitKind::XavierUniform << 0.0 << 1000 << 1000 << std::sqrt(2.0 / 2000.0);
    QTest::newRow("he_normal") << InitKind::HeNormal << 0.0 << 1000 << 1000 << std::sqrt(2.0 / 1000.0);
    QTest::newRow("he_uniform") << InitKind::HeUniform << 0.0 << 1000 << 1000 << std::sqrt(2.0 / 1000.0);
    QTest::newRow("lecun_normal") << InitKind::LecunNormal << 0.0 << 1000 << 1000 << std::sqrt(1.0 / 1000.0);
    // Unequal fans tell fan_in from fan_out apart.
    QTest::newRow("xavier_normal/250x4000") << InitKind::XavierNormal << 0.0 << 4000 << 250
                                            << std::sqrt(2.0 / 4250.0);
    QTest::newRow("he_normal/250x4000") << InitKind::HeNormal << 0.0 << 4000 << 250 << std::sqrt(2.0 / 4000.0);
}

void TestInitializer::randomStd()
{
    QFETCH(InitKind, kind);
    QFETCH(double, parameter);
    QFETCH(int, fanIn);
    QFETCH(int, fanOut);
    QFETCH(double, expected);
    InitSpec spec{kind, parameter, parameter, 0.0};
    Matrix<double> w(fanOut, fanIn);
    Rng rng(123);
    initialize(w, spec, fanIn, fanOut, rng);
    const double std = sampleStd(w);
    QVERIFY2(std::abs(std - expected) < 0.02 * expected,
             qPrintable(QStringLiteral("std %1, formula %2").arg(std).arg(expected)));
    QVERIFY(std::abs(w.mean()) < 0.01 * expected * 10);
    QCOMPARE(initTargetStd(spec, fanIn, fanOut), expected);
}

void TestInitializer::uniformBounds_data()
{
    QTest::addColumn<InitKind>("kind");
    QTest::addColumn<double>("bound");
    QTest::newRow("uniform/0.5") << InitKind::Uniform << 0.5;
    QTest::newRow("xavier_uniform") << InitKind::XavierUniform << std::sqrt(6.0 / 2000.0);
    QTest::newRow("he_uniform") << InitKind::HeUniform << std::sqrt(6.0 / 1000.0);
}

void TestInitializer::uniformBounds()
{
    QFETCH(InitKind, kind);
    QFETCH(double, bound);
    Matrix<double> w(1000, 1000);
    Rng rng(7);
    initialize(w, InitSpec{kind, 0.0, 0.5, 0.0}, 1000, 1000, rng);
    QVERIFY(w.maxCoeff() < bound);
    QVERIFY(w.minCoeff() >= -bound);
    // The whole interval is used, not a narrower one.
    QVERIFY(w.maxCoeff() > 0.999 * bound);
    QVERIFY(w.minCoeff() < -0.999 * bound);
}

void TestInitializer::exact()
{
    Matrix<float> w = Matrix<float>::Constant(30, 20, 5.0f);
    Rng rng(1);
    initialize(w, InitSpec{InitKind::Zeros}, 20, 30, rng);
    QCOMPARE(w.cwiseAbs().maxCoeff(), 0.0f);
    initialize(w, InitSpec{InitKind::Constant, 0.0, 0.0, 0.25}, 20, 30, rng);
    QCOMPARE(w.minCoeff(), 0.25f);
    QCOMPARE(w.maxCoeff(), 0.25f);
}

void TestInitializer::orthogonal_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::newRow("square/1000") << 1000 << 1000;
    QTest::newRow("tall/300x100") << 300 << 100;
    QTest::newRow("wide/100x300") << 100 << 300;
}

void TestInitializer::orthogonal()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    Matrix<double> w(rows, cols);
    Rng rng(11);
    initialize(w, InitSpec{InitKind::Orthogonal}, cols, rows, rng);
    // Orthonormal columns (tall or square) or rows (wide).
    const Matrix<double> gram = rows >= cols ? Matrix<double>(w.transpose() * w) : Matrix<double>(w * w.transpose());
    const double error = (gram - Matrix<double>::Identity(gram.rows(), gram.cols())).cwiseAbs().maxCoeff();
    QVERIFY2(error < 1e-10, qPrintable(QString::number(error)));
}

void TestInitializer::names()
{
    for (InitKind kind : {InitKind::Zeros, InitKind::Constant, InitKind::Normal, InitKind::Uniform,
                          InitKind::XavierNormal, InitKind::XavierUniform, InitKind::HeNormal, InitKind::HeUniform,
                          InitKind::LecunNormal, InitKind::Orthogonal})
        QCOMPARE(initFromName(initName(kind)), kind);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, initFromName("glorot"));
    try {
        initFromName("glorot");
    } catch (const std::invalid_argument &e) {
        QVERIFY(QByteArray(e.what()).startsWith("init:"));
    }
}

void TestInitializer::maxoutCountsLayerFanIn()
{
    // Three pieces of a 200 → 300 layer: each piece is initialised as a 200 → 300 map, so the
    // Xavier std uses fan_out = 300, not the stacked 900.
    NetworkConfig config;
    config.inputs = 200;
    config.classes = 2;
    config.depth = 1;
    config.widths = {300};
    config.activation = ActivationKind::Maxout;
    config.maxoutPieces = 3;
    config.init.kind = InitKind::XavierNormal;
    Network<double> net(config);
    const Matrix<double> &w = net.hiddenLayers().front().dense->weight();
    QCOMPARE(w.rows(), 900);
    QCOMPARE(w.cols(), 200);
    const double expected = std::sqrt(2.0 / 500.0);
    QVERIFY(std::abs(sampleStd(w) - expected) < 0.02 * expected);
}

void TestInitializer::biasesStartAtZero()
{
    NetworkConfig config;
    config.init = InitSpec{InitKind::Constant, 0.0, 0.0, 0.5};
    config.batchNorm = true;
    Network<float> net(config);
    for (const auto &p : net.parameters()) {
        if (p.name.ends_with(".bias") || p.name.ends_with(".beta"))
            QCOMPARE(p.value->cwiseAbs().maxCoeff(), 0.0f);
        if (p.name.ends_with(".gamma"))
            QCOMPARE(p.value->minCoeff(), 1.0f);
        if (p.name.ends_with(".weight"))
            QCOMPARE(p.value->minCoeff(), 0.5f);
    }
}

QTEST_APPLESS_MAIN(TestInitializer)
#include "tst_initializer.moc"
