// One seed drives initialisation, shuffling and dropout: the same config and seed give
// bit-identical results; another seed gives different ones.

#include "gradcheck.h"

#include "core/network.h"

#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace layerlens::core;

namespace {

/// Trains 30 steps of shuffled mini-batches and returns every parameter, concatenated.
std::vector<float> run(std::uint64_t seed)
{
    NetworkConfig c;
    c.inputs = 10;
    c.classes = 4;
    c.depth = 3;
    c.widths = {32};
    c.activation = ActivationKind::Elu;
    c.init.kind = InitKind::HeNormal;
    c.batchNorm = true;
    c.dropout = 0.2;
    c.seed = seed;
    Network<float> net(c);
    OptimizerConfig oc;
    oc.kind = OptimizerKind::Adam;
    oc.lr = 1e-3;
    Optimizer<float> opt(net.parameters(), oc);
    const Matrix<float> data = layerlens::test::randomMatrix(10, 128, 77).cast<float>();
    std::vector<int> labels(128);
    for (int i = 0; i < 128; ++i)
        labels[i] = i % 4;
    std::vector<int> order(128);
    std::iota(order.begin(), order.end(), 0);
    Rng shuffle(seed, RngStream::Shuffle);
    Matrix<float> batch(10, 16);
    std::vector<int> batchLabels(16);
    for (int step = 0; step < 30; ++step) {
        if (step % 8 == 0) // Fisher–Yates from the seed's shuffle stream
            for (int i = 127; i > 0; --i)
                std::swap(order[i], order[shuffle.below(i + 1)]);
        for (int j = 0; j < 16; ++j) {
            batch.col(j) = data.col(order[(step % 8) * 16 + j]);
            batchLabels[j] = labels[order[(step % 8) * 16 + j]];
        }
        net.trainStep(batch, batchLabels, opt);
    }
    std::vector<float> all;
    for (const auto &p : net.parameters())
        all.insert(all.end(), p.value->data(), p.value->data() + p.value->size());
    return all;
}

} // namespace

class TestDeterminism : public QObject {
    Q_OBJECT
private slots:
    void sameSeedBitIdentical();
    void differentSeedsDiffer();
    void streamsIndependent();
};

void TestDeterminism::sameSeedBitIdentical()
{
    const auto a = run(7), b = run(7);
    QCOMPARE(a.size(), b.size());
    QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}

void TestDeterminism::differentSeedsDiffer()
{
    const auto a = run(7), b = run(8);
    QCOMPARE(a.size(), b.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        differing += a[i] != b[i];
    // Weights, γ and β all move; only never-touched entries could coincide.
    QVERIFY2(differing > a.size() * 9 / 10, qPrintable(QString::number(differing)));
}

void TestDeterminism::streamsIndependent()
{
    Rng init(7, RngStream::Init), shuffle(7, RngStream::Shuffle), other(8, RngStream::Init);
    const std::uint64_t a = init.next(), b = shuffle.next(), c = other.next();
    QVERIFY(a != b && a != c && b != c);
    // Uniform and normal draws have the right first two moments.
    Rng rng(1);
    double sum = 0, sumSq = 0, usum = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal();
        sum += z;
        sumSq += z * z;
        usum += rng.uniform();
    }
    QVERIFY(std::abs(sum / n) < 0.01);
    QVERIFY(std::abs(sumSq / n - 1.0) < 0.01);
    QVERIFY(std::abs(usum / n - 0.5) < 0.005);
}

QTEST_APPLESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
