// Subnormal floats: FlushDenormals flushes them to zero on its own thread and restores the mode,
// the Trainer flushes whichever thread drives it (same numbers on any thread), and a network whose
// gradients underflow reports them as underflow (a norm of exactly 0 and a diagnostic that says so).

#include "core/denormals.h"
#include "core/trainer.h"

#include <QtTest>

#include <limits>
#include <thread>

using namespace layerlens::core;

namespace {

/// Half the smallest normal float, computed at run time so the compiler cannot fold it.
float halfOfSmallestNormal()
{
    volatile float smallest = std::numeric_limits<float>::min();
    volatile float half = 0.5f;
    return smallest * half;
}

/// Depth 50, width 32, sigmoid, N(0, 0.01): the activations stay near 0.5, but each layer scales
/// the backward signal by about 0.01·√32 · σ' ≈ 0.06 · 0.25, so layer 1's gradient is ~10⁻⁹⁰ of
/// the last layer's, far below FLT_MIN, while the last layer's is an ordinary number.
RunConfig underflowingConfig()
{
    RunConfig c;
    c.data.spec = "spiral";
    c.data.samples = 200;
    c.network.depth = 50;
    c.network.widths = {32};
    c.network.activation = ActivationKind::Sigmoid;
    c.network.init.kind = InitKind::Normal;
    c.network.init.std = 0.01;
    c.batchSize = 32;
    c.steps = 20;
    c.every = 10;
    c.syncSeed();
    return c;
}

} // namespace

class TestDenormals : public QObject {
    Q_OBJECT
private slots:
    void guardFlushesAndRestores();
    void modeIsPerThread();
    void trainerGivesTheSameNumbersOnAnyThread();
    void underflowingGradientsReportUnderflow();
};

void TestDenormals::guardFlushesAndRestores()
{
#if !defined(__SSE__)
    QSKIP("FlushDenormals is a no-op without SSE");
#else
    QVERIFY(!denormalsFlushed());
    QVERIFY(halfOfSmallestNormal() > 0.0f); // subnormal, not 0, by default
    {
        const FlushDenormals flush;
        QVERIFY(denormalsFlushed());
        QCOMPARE(halfOfSmallestNormal(), 0.0f);
        {
            const FlushDenormals nested;
            QVERIFY(denormalsFlushed());
        }
        QVERIFY(denormalsFlushed()); // the inner guard restores the outer one's mode
    }
    QVERIFY(!denormalsFlushed());
    QVERIFY(halfOfSmallestNormal() > 0.0f);
#endif
}

void TestDenormals::modeIsPerThread()
{
#if !defined(__SSE__)
    QSKIP("FlushDenormals is a no-op without SSE");
#else
    // A guard on another thread leaves this one alone. (A thread starts with a copy of its
    // creator's mode on Linux, so each training thread holds its own guard rather than relying on it.)
    bool otherFlushed = false;
    std::thread other([&] {
        const FlushDenormals flush;
        otherFlushed = denormalsFlushed();
    });
    other.join();
    QVERIFY(otherFlushed);
    QVERIFY(!denormalsFlushed());
    QVERIFY(halfOfSmallestNormal() > 0.0f);
#endif
}

void TestDenormals::trainerGivesTheSameNumbersOnAnyThread()
{
    // The trainer flushes on its own entry points, so a thread without the guard (this one) and a
    // thread with it give bit-identical runs, subnormals included.
    RunConfig c = underflowingConfig();
    auto data = std::make_shared<Dataset>(makeDataset(c.data));
    auto normsOf = [&] {
        Trainer trainer(c, data);
        trainer.run(c.steps);
        std::vector<double> norms;
        for (const auto &layer : trainer.snapshot()->layers)
            norms.push_back(layer.grad.weightNorm);
        norms.push_back(trainer.snapshot()->trainLoss);
        return norms;
    };
    QVERIFY(!denormalsFlushed());
    const std::vector<double> plain = normsOf();
    QVERIFY(!denormalsFlushed()); // the trainer's guards restored this thread's mode
    std::vector<double> flushed;
    std::thread other([&] {
        const FlushDenormals flush;
        flushed = normsOf();
    });
    other.join();
    QCOMPARE(flushed, plain);
}

void TestDenormals::underflowingGradientsReportUnderflow()
{
    RunConfig c = underflowingConfig();
    Trainer trainer(c, std::make_shared<Dataset>(makeDataset(c.data)));
    trainer.run(c.steps);
    const auto snapshot = trainer.snapshot();
    const double first = snapshot->layers.front().grad.weightNorm;
    const double last = snapshot->layers.back().grad.weightNorm;
    // Below the float range the gradient is exactly 0, never a subnormal or made-up small number.
    QCOMPARE(first, 0.0);
    QVERIFY(last > std::numeric_limits<float>::min());
    bool reported = false;
    for (const Diagnostic &d : snapshot->diagnostics)
        if (d.kind == DiagnosticKind::VanishingGradient) {
            reported = true;
            QVERIFY2(QString::fromStdString(d.message).contains(QStringLiteral("underflowed")), d.message.c_str());
        }
    QVERIFY(reported);
}

QTEST_APPLESS_MAIN(TestDenormals)
#include "tst_denormals.moc"
