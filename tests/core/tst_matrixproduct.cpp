// The Dense layers' products (core/matrixproduct): every transpose combination and β against a
// plain double-precision product, split products against unsplit ones, and the same bits from
// one call to the next and from two threads at once.

#include "gradcheck.h"

#include "core/matrixproduct.h"
#include "core/threadpriority.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace layerlens::core;
using layerlens::test::randomMatrix;

namespace {

/// Restores the process-wide split threshold when a test ends.
struct SplitThreshold {
    explicit SplitThreshold(double flops) : saved(productSplitFlops()) { setProductSplitFlops(flops); }
    ~SplitThreshold() { setProductSplitFlops(saved); }
    double saved;
};

bool sameBits(const Matrix<float> &a, const Matrix<float> &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
           && std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(float)) == 0;
}

/// op(A)·op(B) for C of m×n with inner size k, with fresh random operands stored as op requires.
struct Case {
    Matrix<float> a, b;
    Matrix<double> expected;
    Case(Eigen::Index m, Eigen::Index n, Eigen::Index k, Op opA, Op opB, std::uint64_t seed)
    {
        const Matrix<double> a64 = opA == Op::AsIs ? randomMatrix(m, k, seed) : randomMatrix(k, m, seed);
        const Matrix<double> b64 = opB == Op::AsIs ? randomMatrix(k, n, seed + 1) : randomMatrix(n, k, seed + 1);
        a = a64.cast<float>();
        b = b64.cast<float>();
        const Matrix<double> la = opA == Op::AsIs ? a.cast<double>() : Matrix<double>(a.cast<double>().transpose());
        const Matrix<double> rb = opB == Op::AsIs ? b.cast<double>() : Matrix<double>(b.cast<double>().transpose());
        expected = la * rb;
    }
};

} // namespace

class TestMatrixProduct : public QObject {
    Q_OBJECT
private slots:
    void matchesReference_data();
    void matchesReference();
    void splitIsDeterministic();
    void concurrentCallersGetTheSameBits();
    void pairMatchesTwoProducts();
    void sharedWorkRunsEachIndexOnce();
    void rejectsBadShapes();
    // Last: it lowers the helper's priority for the rest of the process.
    void helperWorksAtTheTrainersPriority();
};

void TestMatrixProduct::matchesReference_data()
{
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("transposeA");
    QTest::addColumn<bool>("transposeB");
    QTest::addColumn<bool>("accumulate");
    QTest::addColumn<double>("splitFlops");
    const double never = std::numeric_limits<double>::infinity();
    for (bool ta : {false, true})
        for (bool tb : {false, true})
            for (bool acc : {false, true}) {
                const QByteArray ops = QByteArray(ta ? "T" : "N") + (tb ? "T" : "N") + (acc ? "/beta1" : "/beta0");
                QTest::newRow("small/" + ops) << 7 << 5 << 3 << ta << tb << acc << never;
                QTest::newRow("tall-split/" + ops) << 100 << 37 << 61 << ta << tb << acc << 0.0;
                QTest::newRow("wide-split/" + ops) << 33 << 90 << 20 << ta << tb << acc << 0.0;
                QTest::newRow("empty-inner/" + ops) << 4 << 3 << 0 << ta << tb << acc << 0.0;
            }
}

void TestMatrixProduct::matchesReference()
{
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(int, k);
    QFETCH(bool, transposeA);
    QFETCH(bool, transposeB);
    QFETCH(bool, accumulate);
    QFETCH(double, splitFlops);
    const SplitThreshold split(splitFlops);
    const Op opA = transposeA ? Op::Transposed : Op::AsIs, opB = transposeB ? Op::Transposed : Op::AsIs;
    const Case c(m, n, k, opA, opB, 11);
    Matrix<float> out = randomMatrix(m, n, 3).cast<float>();
    const Matrix<double> start = out.cast<double>();
    multiply(c.a, opA, c.b, opB, accumulate ? 1.0f : 0.0f, out);
    const Matrix<double> expected = accumulate ? Matrix<double>(c.expected + start) : c.expected;
    // Entries are N(0, 1): float sums of k ≤ 61 such products stay well within 1e-5·k.
    const double error = (out.cast<double>() - expected).cwiseAbs().maxCoeff();
    QVERIFY2(error < 1e-5 * std::max(k, 1), qPrintable(QString::number(error)));
}

void TestMatrixProduct::splitIsDeterministic()
{
    // 2·256·96·200 ≈ 9.8 MFLOP: four blocks at a 1 MFLOP threshold, two at 4, one at infinity.
    const Case c(256, 96, 200, Op::Transposed, Op::AsIs, 21);
    Matrix<float> first(256, 96), again(256, 96), whole(256, 96);
    {
        const SplitThreshold split(1e6);
        multiply(c.a, Op::Transposed, c.b, Op::AsIs, 0.0f, first);
        for (int i = 0; i < 20; ++i) {
            multiply(c.a, Op::Transposed, c.b, Op::AsIs, 0.0f, again);
            QVERIFY(sameBits(first, again));
        }
    }
    {
        const SplitThreshold split(std::numeric_limits<double>::infinity());
        multiply(c.a, Op::Transposed, c.b, Op::AsIs, 0.0f, whole);
    }
    // Blocks may round differently from the whole product, but only in the last bits.
    QVERIFY((first.cast<double>() - whole.cast<double>()).cwiseAbs().maxCoeff() < 1e-3);
}

void TestMatrixProduct::concurrentCallersGetTheSameBits()
{
    // Two threads share the one helper: whoever finds it busy computes every block itself, and
    // the blocks are the same either way.
    const SplitThreshold split(1e6);
    const Case c(300, 128, 150, Op::AsIs, Op::Transposed, 31);
    Matrix<float> reference(300, 128);
    multiply(c.a, Op::AsIs, c.b, Op::Transposed, 0.0f, reference);
    std::atomic<int> mismatches{0};
    auto work = [&] {
        Matrix<float> out(300, 128);
        for (int i = 0; i < 50; ++i) {
            multiply(c.a, Op::AsIs, c.b, Op::Transposed, 0.0f, out);
            if (!sameBits(out, reference))
                ++mismatches;
        }
    };
    std::thread other(work);
    work();
    other.join();
    QCOMPARE(mismatches.load(), 0);
}

void TestMatrixProduct::pairMatchesTwoProducts()
{
    // A backward pass's pair: dW = dZ·Xᵀ (40×70) and dX = Wᵀ·dZ (70×50) with batch 50.
    // 2·40·70·50·2 = 0.56 MFLOP together: paired (one per thread) from a 2.8 MFLOP split
    // threshold, each split in blocks instead from a 0.05 MFLOP one (each product is then more
    // than kPairFraction times the threshold), and either way the same bits as the two products
    // one after the other, every time.
    const Case dw(40, 70, 50, Op::AsIs, Op::Transposed, 41);
    const Case dx(70, 50, 40, Op::Transposed, Op::AsIs, 43);
    // dX accumulates (β = 1) onto 7 everywhere, as a layer's Z accumulates onto its bias.
    Matrix<float> dwAlone(40, 70), dxAlone = Matrix<float>::Constant(70, 50, 7.0f);
    {
        const SplitThreshold split(std::numeric_limits<double>::infinity());
        multiply(dw.a, Op::AsIs, dw.b, Op::Transposed, 0.0f, dwAlone);
        multiply(dx.a, Op::Transposed, dx.b, Op::AsIs, 1.0f, dxAlone);
    }
    QVERIFY((dwAlone.cast<double>() - dw.expected).cwiseAbs().maxCoeff() < 1e-5 * 50);
    QVERIFY((dxAlone.cast<double>() - (dx.expected.array() + 7.0).matrix()).cwiseAbs().maxCoeff() < 1e-5 * 40);
    static_assert(2.0 * 40 * 70 * 50 > 5e4 * kPairFraction && 2.0 * 40 * 70 * 50 * 2 >= 2.8e6 / kPairFraction);
    for (const double threshold : {2.8e6, 5e4}) {
        const SplitThreshold split(threshold);
        if (threshold < 1e6) {
            // Each product is split: the reference is multiply() split the same way (a BLAS's
            // last bits depend on the shape of the block it is given).
            multiply(dw.a, Op::AsIs, dw.b, Op::Transposed, 0.0f, dwAlone);
            dxAlone.setConstant(7.0f);
            multiply(dx.a, Op::Transposed, dx.b, Op::AsIs, 1.0f, dxAlone);
        }
        Matrix<float> dwPair(40, 70), dxPair(70, 50);
        for (int i = 0; i < 50; ++i) {
            dwPair.setConstant(std::numeric_limits<float>::quiet_NaN());
            dxPair.setConstant(7.0f);
            multiplyPair(dw.a, Op::AsIs, dw.b, Op::Transposed, 0.0f, dwPair, dx.a, Op::Transposed, dx.b, Op::AsIs,
                         1.0f, dxPair);
            QVERIFY(sameBits(dwPair, dwAlone));
            QVERIFY(sameBits(dxPair, dxAlone));
        }
    }
    Matrix<float> wrong(3, 3);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, multiplyPair(dw.a, Op::AsIs, dw.b, Op::Transposed, 0.0f, wrong, dx.a,
                                                                 Op::Transposed, dx.b, Op::AsIs, 0.0f, dxAlone));
}

void TestMatrixProduct::sharedWorkRunsEachIndexOnce()
{
    // Two threads claim the indices: each runs exactly once, whatever the timing.
    const SplitThreshold split(kSplitProductFlops);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::atomic<int>> calls(13);
        shareWork(13, [&](int i) { calls[static_cast<std::size_t>(i)].fetch_add(1); });
        for (const auto &c : calls)
            QCOMPARE(c.load(), 1);
    }
    shareWork(0, [](int) { QFAIL("no index to run"); });
    // An exception from any index reaches the caller, after the other indices have run.
    std::atomic<int> ran{0};
    bool caught = false;
    try {
        shareWork(8, [&](int i) {
            ran.fetch_add(1);
            if (i == 5)
                throw std::runtime_error("layer 5");
        });
    } catch (const std::runtime_error &e) {
        caught = QByteArray(e.what()) == "layer 5";
    }
    QVERIFY(caught);
    QCOMPARE(ran.load(), 8);
}

void TestMatrixProduct::rejectsBadShapes()
{
    const Matrix<float> a(3, 4), b(5, 2);
    Matrix<float> c(3, 2);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, multiply(a, Op::AsIs, b, Op::AsIs, 0.0f, c));
    const Matrix<float> b2(4, 2);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, multiply(a, Op::AsIs, b2, Op::AsIs, 0.5f, c));
    Matrix<float> wrong(2, 2);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, multiply(a, Op::AsIs, b2, Op::AsIs, 0.0f, wrong));
}

void TestMatrixProduct::helperWorksAtTheTrainersPriority()
{
#if defined(__linux__)
    // A thread that trains beside a window lowers its priority, and the helper that shares its
    // work must not run above it: every index the helper claims for it runs at that nice value.
    const SplitThreshold split(kSplitProductFlops);
    shareWork(2, [](int) {}); // the helper exists, started by this thread at its priority
    int callerNice = 0, requested = 0, helperRuns = 0, helperLowest = 19;
    std::thread trainer([&] { // no QTest macro in this thread
        lowerThreadPriority();
        callerNice = threadNice();
        requested = requestedThreadNice();
        if (callerNice < kBackgroundNice)
            return; // the system refused
        const auto self = std::this_thread::get_id();
        std::mutex mutex;
        for (int round = 0; round < 200 && helperRuns < 20; ++round)
            shareWork(4, [&](int) {
                std::this_thread::sleep_for(std::chrono::microseconds(200)); // both threads get some
                if (std::this_thread::get_id() == self)
                    return;
                const int nice = threadNice();
                const std::lock_guard lock(mutex);
                ++helperRuns;
                helperLowest = std::min(helperLowest, nice);
            });
    });
    trainer.join();
    QCOMPARE(requested, kBackgroundNice);
    if (callerNice < kBackgroundNice)
        QSKIP("this system does not let a thread lower its priority");
    QVERIFY(helperRuns > 0);
    QVERIFY2(helperLowest >= kBackgroundNice, qPrintable(QString::number(helperLowest)));
    // This thread asked for nothing and keeps its priority.
    QCOMPARE(requestedThreadNice(), 0);
#else
    QSKIP("thread priorities are only lowered on Linux");
#endif
}

QTEST_APPLESS_MAIN(TestMatrixProduct)
#include "tst_matrixproduct.moc"
