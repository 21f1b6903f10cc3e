// A training step allocates nothing once the network has run a few steps: every buffer is
// reused (layer outputs and gradients, BatchNorm's statistics, the optimizer's state, the
// products' workspace). Counted by wrapping glibc's allocator in this executable.

#include "core/network.h"

#include <QtTest>

#include <atomic>
#include <cstddef>
#include <cstdlib>

using namespace layerlens::core;

// A sanitizer brings its own allocator: wrapping glibc's under it mixes the two (ASan crashed).
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define LAYERLENS_COUNT_ALLOCATIONS 1
#endif

#if defined(LAYERLENS_COUNT_ALLOCATIONS)
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};

void count()
{
    if (g_counting.load(std::memory_order_relaxed))
        g_allocations.fetch_add(1, std::memory_order_relaxed);
}
} // namespace

// glibc's own entry points, which the wrappers forward to.
extern "C" {
void *__libc_malloc(std::size_t size);
void *__libc_calloc(std::size_t count, std::size_t size);
void *__libc_realloc(void *pointer, std::size_t size);
void *__libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void *pointer);

void *malloc(std::size_t size)
{
    count();
    return __libc_malloc(size);
}
void *calloc(std::size_t n, std::size_t size)
{
    count();
    return __libc_calloc(n, size);
}
void *realloc(void *pointer, std::size_t size)
{
    count();
    return __libc_realloc(pointer, size);
}
void *memalign(std::size_t alignment, std::size_t size)
{
    count();
    return __libc_memalign(alignment, size);
}
void *aligned_alloc(std::size_t alignment, std::size_t size)
{
    count();
    return __libc_memalign(alignment, size);
}
int posix_memalign(void **out, std::size_t alignment, std::size_t size)
{
    count();
    *out = __libc_memalign(alignment, size);
    return *out ? 0 : 12; // ENOMEM
}
void free(void *pointer)
{
    __libc_free(pointer);
}
}
#endif

class TestAllocation : public QObject {
    Q_OBJECT
private slots:
    void stepAllocatesNothing_data();
    void stepAllocatesNothing();
};

void TestAllocation::stepAllocatesNothing_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("activation");
    QTest::addColumn<bool>("batchNorm");
    QTest::addColumn<double>("dropout");
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<double>("weightDecay");
    QTest::addColumn<int>("batch");
    // Width 256 at batch 64 makes products big enough to be split over two threads; at batch 256
    // the whole forward is split by columns (Network::splitsForwardByColumns), with BatchNorm in
    // stages that share its features.
    QTest::newRow("tanh/bn-off/sgd/width-64") << 64 << int(ActivationKind::Tanh) << false << 0.0
                                               << int(OptimizerKind::Sgd) << 0.0 << 64;
    QTest::newRow("tanh/bn-on/sgd/width-256") << 256 << int(ActivationKind::Tanh) << true << 0.0
                                               << int(OptimizerKind::Sgd) << 0.0 << 64;
    QTest::newRow("tanh/bn-off/sgd/width-256/batch-256") << 256 << int(ActivationKind::Tanh) << false << 0.0
                                                          << int(OptimizerKind::Sgd) << 0.0 << 256;
    QTest::newRow("tanh/bn-on/sgd/width-256/batch-256") << 256 << int(ActivationKind::Tanh) << true << 0.0
                                                         << int(OptimizerKind::Sgd) << 0.0 << 256;
    QTest::newRow("relu/bn-on/adam/decay") << 64 << int(ActivationKind::Relu) << true << 0.0
                                            << int(OptimizerKind::Adam) << 1e-4 << 64;
    QTest::newRow("elu/dropout/momentum/decay") << 64 << int(ActivationKind::Elu) << false << 0.3
                                                 << int(OptimizerKind::Momentum) << 1e-4 << 64;
    QTest::newRow("maxout/bn-on/sgd") << 32 << int(ActivationKind::Maxout) << true << 0.0
                                       << int(OptimizerKind::Sgd) << 0.0 << 64;
}

void TestAllocation::stepAllocatesNothing()
{
#if !defined(LAYERLENS_COUNT_ALLOCATIONS)
    QSKIP("counts allocations by wrapping glibc's malloc (not under a sanitizer)");
#else
    QFETCH(int, width);
    QFETCH(int, activation);
    QFETCH(bool, batchNorm);
    QFETCH(double, dropout);
    QFETCH(int, optimizer);
    QFETCH(double, weightDecay);
    QFETCH(int, batch);
    NetworkConfig config;
    config.inputs = 784;
    config.classes = 10;
    config.depth = 4;
    config.widths = {width};
    config.activation = static_cast<ActivationKind>(activation);
    config.batchNorm = batchNorm;
    config.bnWindow = 3; // the population window fills during the warm-up
    config.dropout = dropout;
    config.init.kind = InitKind::XavierNormal;
    Network<float> net(config);
    OptimizerConfig oc;
    oc.kind = static_cast<OptimizerKind>(optimizer);
    oc.lr = 0.01;
    oc.weightDecay = weightDecay;
    Optimizer<float> opt(net.parameters(), oc);
    Rng rng(3, RngStream::Data);
    Matrix<float> x(784, batch);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x.data()[i] = static_cast<float>(rng.uniform());
    std::vector<int> labels(static_cast<std::size_t>(batch));
    for (int &y : labels)
        y = static_cast<int>(rng.below(10));
    QCOMPARE(net.splitsForwardByColumns(x), batch == 256); // the row covers what it names
    for (int i = 0; i < 5; ++i)
        QCOMPARE(net.trainStep(x, labels, opt).status, StepStatus::Ok);

    g_allocations = 0;
    g_counting = true;
    bool ok = true;
    for (int i = 0; i < 10; ++i) {
        if (i % 2 == 0) // a step that records the update norms for the statistics, as the trainer's does
            opt.measureNextUpdate();
        ok = ok && net.trainStep(x, labels, opt).status == StepStatus::Ok;
    }
    g_counting = false;
    QVERIFY(ok);
    QCOMPARE(g_allocations.load(), 0L);
#endif
}

QTEST_APPLESS_MAIN(TestAllocation)
#include "tst_allocation.moc"
