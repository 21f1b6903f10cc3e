#include "core/matrixproduct.h"

#include "core/threadpriority.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <stdexcept>
#include <thread>

#if defined(LAYERLENS_USE_OPENBLAS)
#include <cblas.h>
#endif
#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace layerlens::core {

namespace {

std::atomic<double> g_splitFlops{kSplitProductFlops};
/// How long the helper and a waiting caller spin before sleeping in the kernel. Within a backward
/// pass the products come every few tens of microseconds; between steps the helper sleeps.
constexpr auto kSpin = std::chrono::microseconds(50);

/// The caller's floating-point mode (x86: MXCSR, which holds flush-to-zero and
/// denormals-are-zero), so that a helper thread computes exactly what the caller would.
unsigned floatingPointMode()
{
#if defined(__SSE__)
    return _mm_getcsr();
#else
    return 0;
#endif
}

void setFloatingPointMode([[maybe_unused]] unsigned mode)
{
#if defined(__SSE__)
    _mm_setcsr(mode);
#endif
}

/// The second thread of the large products. It spins for up to kSpin after its last job, then
/// sleeps in a futex (std::atomic::wait) until a caller posts a job, runs it in the caller's floating-point mode and reports back. One per
/// process, shared by every network: a caller that finds it busy (another network training in
/// another thread, as in compare mode) does the whole job itself. A caller that is done before
/// the helper has even started (the other core busy with other programs) cancels the post
/// instead of waiting for it, so a loaded machine costs little more than one thread would.
class ProductHelper {
public:
    using Task = void (*)(const void *);

    static ProductHelper &instance()
    {
        static ProductHelper helper;
        return helper;
    }

    ~ProductHelper()
    {
        m_stop.store(true, std::memory_order_relaxed);
        m_posted.fetch_add(1, std::memory_order_release);
        m_posted.notify_one();
        m_thread.join();
    }

    ProductHelper(const ProductHelper &) = delete;
    ProductHelper &operator=(const ProductHelper &) = delete;

    /// Posts task(arg) to the helper and returns true, or returns false when it is busy.
    bool tryPost(Task task, const void *arg)
    {
        if (m_busy.exchange(true, std::memory_order_acquire))
            return false;
        m_task = task;
        m_arg = arg;
        m_mode = floatingPointMode();
        m_nice = requestedThreadNice();
        m_state.store(kPosted, std::memory_order_release);
        m_posted.fetch_add(1, std::memory_order_release);
        m_posted.notify_one();
        return true;
    }

    /// After a successful tryPost: cancels the task if the helper has not started it, else waits
    /// until it has finished; then frees the helper. `arg` may be destroyed after this returns.
    void finish()
    {
        int state = kPosted;
        if (!m_state.compare_exchange_strong(state, kIdle, std::memory_order_acq_rel)) {
            spinWhile([&] { return m_state.load(std::memory_order_acquire) != kFinished; });
            while ((state = m_state.load(std::memory_order_acquire)) != kFinished)
                m_state.wait(state, std::memory_order_acquire);
        }
        m_state.store(kIdle, std::memory_order_relaxed);
        m_busy.store(false, std::memory_order_release);
    }

private:
    enum : int { kIdle, kPosted, kRunning, kFinished };

    ProductHelper() : m_thread([this] { run(); }) {}

    /// Busy-waits while pending() holds, for at most kSpin: a futex wake-up costs tens of
    /// microseconds here, more than a product of 4·10⁶ flops takes on the other core.
    template <typename Pending>
    static void spinWhile(Pending pending)
    {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; pending(); ++i) {
#if defined(__SSE__)
            _mm_pause();
#endif
            if ((i & 63) == 63 && std::chrono::steady_clock::now() - start > kSpin)
                return;
        }
    }

    void run()
    {
        std::uint32_t seen = 0;
        for (;;) {
            spinWhile([&] { return m_posted.load(std::memory_order_acquire) == seen; });
            m_posted.wait(seen, std::memory_order_acquire);
            seen = m_posted.load(std::memory_order_acquire);
            if (m_stop.load(std::memory_order_relaxed))
                return;
            int state = kPosted;
            if (!m_state.compare_exchange_strong(state, kRunning, std::memory_order_acq_rel))
                continue; // cancelled: the caller did it all
            setFloatingPointMode(m_mode);
            // It works for a thread that runs beside a user interface: not above that thread's
            // priority (which, once lowered, stays so: see threadpriority.h).
            if (m_nice > m_appliedNice) {
                raiseThreadNiceTo(m_nice);
                m_appliedNice = m_nice;
            }
            m_task(m_arg);
            m_state.store(kFinished, std::memory_order_release);
            m_state.notify_one();
        }
    }

    std::atomic<bool> m_busy{false};
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_state{kIdle};
    std::atomic<std::uint32_t> m_posted{0}; // bumped per post; the helper wakes when it changes
    Task m_task = nullptr;                  // written before kPosted's release, read after kRunning's acquire
    const void *m_arg = nullptr;
    unsigned m_mode = 0;
    int m_nice = 0;        // the poster's requestedThreadNice(), passed like m_mode
    int m_appliedNice = 0; // the helper thread's own, read and written by it alone
    std::thread m_thread; // last: starts once every member it reads is initialised
};

/// One product, and the block of C (rows [row, row + rows) × columns [col, col + cols)) to compute.
template <typename S>
struct Product {
    const Matrix<S> *a;
    Op opA;
    const Matrix<S> *b;
    Op opB;
    S beta;
    Matrix<S> *c;
};

struct Block {
    Eigen::Index row, rows, col, cols;
};

#if defined(LAYERLENS_USE_OPENBLAS)
void pinOpenBlasToOneThread()
{
    // Its own threads would compete with the product split above and with the UI thread, and a
    // thread count from the environment would change the blocking and so the last bits.
    static const bool pinned = [] {
        openblas_set_num_threads(1);
        return true;
    }();
    (void)pinned;
}

CBLAS_TRANSPOSE blasOp(Op op)
{
    return op == Op::AsIs ? CblasNoTrans : CblasTrans;
}

void gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k, const float *a, int lda, const float *b,
          int ldb, float beta, float *c, int ldc)
{
    cblas_sgemm(CblasColMajor, ta, tb, m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc);
}

void gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k, const double *a, int lda, const double *b,
          int ldb, double beta, double *c, int ldc)
{
    cblas_dgemm(CblasColMajor, ta, tb, m, n, k, 1.0, a, lda, b, ldb, beta, c, ldc);
}
#endif

template <typename S>
void multiplyBlock(const Product<S> &p, const Block &block)
{
    const Matrix<S> &a = *p.a;
    const Matrix<S> &b = *p.b;
    Matrix<S> &c = *p.c;
#if defined(LAYERLENS_USE_OPENBLAS)
    const Eigen::Index k = p.opA == Op::AsIs ? a.cols() : a.rows();
    // Rows of op(A) are rows of A as is, columns of A transposed; columns of op(B) likewise.
    const S *blockA = p.opA == Op::AsIs ? a.data() + block.row : a.data() + block.row * a.rows();
    const S *blockB = p.opB == Op::AsIs ? b.data() + block.col * b.rows() : b.data() + block.col;
    gemm(blasOp(p.opA), blasOp(p.opB), static_cast<int>(block.rows), static_cast<int>(block.cols),
         static_cast<int>(k), blockA, static_cast<int>(a.rows()), blockB, static_cast<int>(b.rows()), p.beta,
         c.data() + block.row + block.col * c.rows(), static_cast<int>(c.rows()));
#else
    auto target = c.block(block.row, block.col, block.rows, block.cols);
    auto run = [&](const auto &lhs, const auto &rhs) {
        if (p.beta == S(0))
            target.noalias() = lhs * rhs;
        else
            target.noalias() += lhs * rhs;
    };
    if (p.opA == Op::AsIs) {
        const auto lhs = a.middleRows(block.row, block.rows);
        if (p.opB == Op::AsIs)
            run(lhs, b.middleCols(block.col, block.cols));
        else
            run(lhs, b.middleRows(block.col, block.cols).transpose());
    } else {
        const auto lhs = a.middleCols(block.row, block.rows).transpose();
        if (p.opB == Op::AsIs)
            run(lhs, b.middleCols(block.col, block.cols));
        else
            run(lhs, b.middleRows(block.col, block.cols).transpose());
    }
#endif
}

/// A product cut into up to kMaxPieces blocks of C. Both threads claim blocks from `next` until
/// none is left; which thread computes a block never changes what it computes.
constexpr int kMaxPieces = 4;

template <typename S>
struct SplitProduct {
    const Product<S> *product[kMaxPieces];
    Block blocks[kMaxPieces];
    int pieces;
    mutable std::atomic<int> next{0};
};

template <typename S>
void claimBlocks(const void *job)
{
    const auto *split = static_cast<const SplitProduct<S> *>(job);
    for (int i = split->next.fetch_add(1, std::memory_order_relaxed); i < split->pieces;
         i = split->next.fetch_add(1, std::memory_order_relaxed))
        multiplyBlock(*split->product[i], split->blocks[i]);
}

/// Runs the pieces of `split` on the calling thread and, if it is free, the helper.
template <typename S>
void runPieces(SplitProduct<S> &split)
{
    ProductHelper &helper = ProductHelper::instance();
    const bool posted = helper.tryPost(&claimBlocks<S>, &split);
    claimBlocks<S>(&split);
    if (posted)
        helper.finish();
}

struct Shape {
    Eigen::Index m, n, k;
};

/// Checks op(A)·op(B) against C and returns its m, n, k.
template <typename S>
Shape checkedShape(const Matrix<S> &a, Op opA, const Matrix<S> &b, Op opB, S beta, const Matrix<S> &c)
{
    const Eigen::Index m = opA == Op::AsIs ? a.rows() : a.cols();
    const Eigen::Index k = opA == Op::AsIs ? a.cols() : a.rows();
    const Eigen::Index kB = opB == Op::AsIs ? b.rows() : b.cols();
    const Eigen::Index n = opB == Op::AsIs ? b.cols() : b.rows();
    if (k != kB || c.rows() != m || c.cols() != n)
        throw std::invalid_argument("multiply: op(A) is " + std::to_string(m) + "×" + std::to_string(k)
                                    + ", op(B) " + std::to_string(kB) + "×" + std::to_string(n) + ", C "
                                    + std::to_string(c.rows()) + "×" + std::to_string(c.cols()));
    if (beta != S(0) && beta != S(1))
        throw std::invalid_argument("multiply: beta must be 0 or 1");
    return {m, n, k};
}

} // namespace

template <typename S>
void multiply(const Matrix<S> &a, Op opA, const Matrix<S> &b, Op opB, S beta, Matrix<S> &c)
{
    const auto [m, n, k] = checkedShape(a, opA, b, opB, beta, c);
    if (m == 0 || n == 0)
        return;
    if (k == 0) { // an empty sum; BLAS would refuse a leading dimension of 0
        if (beta == S(0))
            c.setZero();
        return;
    }
#if defined(LAYERLENS_USE_OPENBLAS)
    pinOpenBlasToOneThread();
#endif
    const Product<S> product{&a, opA, &b, opB, beta, &c};
    const double flops = 2.0 * static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(k);
    const double threshold = g_splitFlops.load(std::memory_order_relaxed);
    if (!(flops >= threshold)) {
        multiplyBlock(product, Block{0, m, 0, n});
        return;
    }
    // Cut the longer side of C, so that each block packs a part of the larger operand and all of
    // the smaller one; rows are cut at multiples of 16 to keep every block's columns 64-byte
    // aligned. Two blocks, or four for products of four times the threshold (finer balance when
    // the other core is busy). The cut depends on the shapes alone.
    SplitProduct<S> split;
    const int wanted = flops >= 4.0 * threshold ? 4 : 2;
    const Eigen::Index side = m >= n ? m : n;
    const Eigen::Index grain = m >= n ? 16 : 1;
    const Eigen::Index step = std::max<Eigen::Index>(grain, (side / wanted + grain - 1) / grain * grain);
    split.pieces = 0;
    for (Eigen::Index start = 0; start < side && split.pieces < kMaxPieces; start += step) {
        const Eigen::Index len = split.pieces == kMaxPieces - 1 ? side - start : std::min(step, side - start);
        split.product[split.pieces] = &product;
        split.blocks[split.pieces++] = m >= n ? Block{start, len, 0, n} : Block{0, m, start, len};
    }
    if (split.pieces < 2) {
        multiplyBlock(product, Block{0, m, 0, n});
        return;
    }
    runPieces(split);
}

template <typename S>
void multiplyColumns(const Matrix<S> &a, Op opA, const Matrix<S> &b, S beta, Matrix<S> &c, Eigen::Index col,
                     Eigen::Index cols)
{
    const auto [m, n, k] = checkedShape(a, opA, b, Op::AsIs, beta, c);
    if (col < 0 || cols < 0 || col + cols > n)
        throw std::invalid_argument("multiplyColumns: columns [" + std::to_string(col) + ", "
                                    + std::to_string(col + cols) + ") outside C's " + std::to_string(n));
    if (m == 0 || cols == 0)
        return;
    if (k == 0) {
        if (beta == S(0))
            c.middleCols(col, cols).setZero();
        return;
    }
#if defined(LAYERLENS_USE_OPENBLAS)
    pinOpenBlasToOneThread();
#endif
    const Product<S> product{&a, opA, &b, Op::AsIs, beta, &c};
    multiplyBlock(product, Block{0, m, col, cols});
}

template <typename S>
void multiplyPair(const Matrix<S> &a1, Op opA1, const Matrix<S> &b1, Op opB1, S beta1, Matrix<S> &c1,
                  const Matrix<S> &a2, Op opA2, const Matrix<S> &b2, Op opB2, S beta2, Matrix<S> &c2)
{
    const Shape s1 = checkedShape(a1, opA1, b1, opB1, beta1, c1);
    const Shape s2 = checkedShape(a2, opA2, b2, opB2, beta2, c2);
    auto flops = [](const Shape &s) { return 2.0 * static_cast<double>(s.m) * static_cast<double>(s.n) * static_cast<double>(s.k); };
    const double threshold = g_splitFlops.load(std::memory_order_relaxed);
    const double pairThreshold = threshold / kPairFraction;
    auto nonEmpty = [](const Shape &s) { return s.m > 0 && s.n > 0 && s.k > 0; };
    const bool plain = nonEmpty(s1) && nonEmpty(s2);
    // When each product alone is many times the split threshold, splitting each balances better
    // than one each (a busy core then holds up only a quarter of the work).
    const double splitEach = threshold * kPairFraction;
    if (!plain || !(flops(s1) + flops(s2) >= pairThreshold) || (flops(s1) >= splitEach && flops(s2) >= splitEach)) {
        multiply(a1, opA1, b1, opB1, beta1, c1);
        multiply(a2, opA2, b2, opB2, beta2, c2);
        return;
    }
#if defined(LAYERLENS_USE_OPENBLAS)
    pinOpenBlasToOneThread();
#endif
    const Product<S> first{&a1, opA1, &b1, opB1, beta1, &c1};
    const Product<S> second{&a2, opA2, &b2, opB2, beta2, &c2};
    SplitProduct<S> split;
    split.pieces = 2;
    split.product[0] = &first;
    split.blocks[0] = Block{0, s1.m, 0, s1.n};
    split.product[1] = &second;
    split.blocks[1] = Block{0, s2.m, 0, s2.n};
    runPieces(split);
}

namespace {

struct SharedWork {
    const std::function<void(int)> *work;
    int count;
    mutable std::atomic<int> next{0};
    mutable std::atomic<bool> failed{false};
    mutable std::exception_ptr error; // the first exception, written by whoever set `failed`
};

void claimWork(const void *job)
{
    const auto *shared = static_cast<const SharedWork *>(job);
    for (int i = shared->next.fetch_add(1, std::memory_order_relaxed); i < shared->count;
         i = shared->next.fetch_add(1, std::memory_order_relaxed)) {
        try {
            (*shared->work)(i);
        } catch (...) {
            if (!shared->failed.exchange(true, std::memory_order_acq_rel))
                shared->error = std::current_exception();
        }
    }
}

} // namespace

void shareWork(int count, const std::function<void(int)> &work)
{
    if (count <= 0)
        return;
    SharedWork shared;
    shared.work = &work;
    shared.count = count;
    if (count == 1 || !(productSplitFlops() < std::numeric_limits<double>::infinity())) {
        claimWork(&shared);
    } else {
        ProductHelper &helper = ProductHelper::instance();
        const bool posted = helper.tryPost(&claimWork, &shared);
        claimWork(&shared);
        if (posted)
            helper.finish();
    }
    if (shared.failed.load(std::memory_order_acquire))
        std::rethrow_exception(shared.error);
}

void setProductSplitFlops(double flops)
{
    g_splitFlops.store(flops, std::memory_order_relaxed);
}

double productSplitFlops()
{
    return g_splitFlops.load(std::memory_order_relaxed);
}

std::string productBackend()
{
    const double split = productSplitFlops();
    const std::string threads = split == std::numeric_limits<double>::infinity()
                                    ? "1 thread"
                                    : "products of >= " + std::to_string(static_cast<long long>(split / 1e3))
                                          + " kFLOP split over 2 threads";
#if defined(LAYERLENS_USE_OPENBLAS)
    pinOpenBlasToOneThread();
    return std::string(openblas_get_config()) + " (" + openblas_get_corename() + " kernels, "
           + std::to_string(openblas_get_num_threads()) + " thread per call); " + threads;
#else
    return "Eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "."
           + std::to_string(EIGEN_MINOR_VERSION) + "; " + threads;
#endif
}

template void multiply<float>(const Matrix<float> &, Op, const Matrix<float> &, Op, float, Matrix<float> &);
template void multiply<double>(const Matrix<double> &, Op, const Matrix<double> &, Op, double, Matrix<double> &);
template void multiplyColumns<float>(const Matrix<float> &, Op, const Matrix<float> &, float, Matrix<float> &,
                                     Eigen::Index, Eigen::Index);
template void multiplyColumns<double>(const Matrix<double> &, Op, const Matrix<double> &, double, Matrix<double> &,
                                      Eigen::Index, Eigen::Index);
template void multiplyPair<float>(const Matrix<float> &, Op, const Matrix<float> &, Op, float, Matrix<float> &,
                                  const Matrix<float> &, Op, const Matrix<float> &, Op, float, Matrix<float> &);
template void multiplyPair<double>(const Matrix<double> &, Op, const Matrix<double> &, Op, double, Matrix<double> &,
                                   const Matrix<double> &, Op, const Matrix<double> &, Op, double, Matrix<double> &);

} // namespace layerlens::core
