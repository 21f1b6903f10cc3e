#pragma once

#include "core/types.h"

#include <functional>
#include <string>

namespace layerlens::core {

/// Whether a product operand is used as stored or transposed.
enum class Op { AsIs, Transposed };

/// C ← op(A)·op(B) + β·C, β either 0 (C is only written) or 1 (the product is added to C).
/// C must already have the product's shape; nothing is allocated.
///
/// The products run in OpenBLAS when the core is built with it (LAYERLENS_BLAS, the default),
/// pinned to one thread per call, and in Eigen otherwise. A product of at least
/// productSplitFlops() is cut into 2 (or, from 4× that, 4) blocks of C, fixed by the shapes
/// alone; the calling thread and one process-wide helper thread claim blocks until none is left
/// (the caller takes back a block the helper has not started). Each block is computed by the
/// same call on the same data whichever thread runs it, and the helper copies the caller's
/// floating-point mode (flush-to-zero), so results never depend on timing: the same inputs give
/// bit-identical products.
///
/// Not for aliasing: C must not share memory with A or B.
template <typename S>
void multiply(const Matrix<S> &a, Op opA, const Matrix<S> &b, Op opB, S beta, Matrix<S> &c);

/// Only columns [col, col + cols) of C ← op(A)·B + β·C, on the calling thread (never split nor
/// shared): for work that is already divided between the threads by columns (Network::forward).
/// The same call gives the same bits; they may differ from multiply()'s in the last place, since
/// a BLAS blocks the sums by the shape it is given.
template <typename S>
void multiplyColumns(const Matrix<S> &a, Op opA, const Matrix<S> &b, S beta, Matrix<S> &c, Eigen::Index col,
                     Eigen::Index cols);

/// Both products, c1 ← op(a1)·op(b1) + β1·c1 and c2 ← …, which must be independent (neither C
/// an operand of the other). When their flops together reach productSplitFlops() / kPairFraction
/// (4·10⁶ by default: a backward pass's dW and dX from width 64 at batch 256, or width 256 at
/// batch 64) and not both reach productSplitFlops() · kPairFraction (10⁸: width 1024 at batch 64),
/// the calling thread and the helper each take one whole product, claimed as multiply()'s blocks
/// are; otherwise this is two multiply() calls. Either way the results are bit-identical to two
/// multiply() calls.
template <typename S>
void multiplyPair(const Matrix<S> &a1, Op opA1, const Matrix<S> &b1, Op opB1, S beta1, Matrix<S> &c1,
                  const Matrix<S> &a2, Op opA2, const Matrix<S> &b2, Op opB2, S beta2, Matrix<S> &c2);

/// Products of at least this many flops (2·m·n·k) are split between two threads by default: the
/// first layer's products from width 64 at batch 256 (784 inputs) on. Below it, handing work to a
/// second thread costs more than it saves. The best value depends on the machine; measured in
/// docs/performance.md (item 12 of the training section).
inline constexpr double kSplitProductFlops = 2.0e7;
/// multiplyPair runs two whole products in parallel from this fraction of the split threshold on,
/// and up to this multiple of it: no block is cut and each thread packs its own operands, so
/// smaller work gains (measured in docs/performance.md).
inline constexpr double kPairFraction = 5.0;

/// Changes the split threshold for the whole process (benchmarks compare 1 and 2 threads with it;
/// infinity never splits nor pairs). Results depend on it, so runs that must match use the same value.
void setProductSplitFlops(double flops);
/// The current split threshold.
double productSplitFlops();

/// Calls work(i) once for every i in [0, count), on the calling thread and, when it is free, on
/// the products' helper thread (the two claim indices until none is left), and returns when all
/// are done. work(i) must not depend on which thread runs it nor touch what another i touches.
/// The first exception thrown by any work(i) is rethrown here after all have finished. With
/// productSplitFlops() infinite everything runs on the calling thread. For the half-layer
/// statistics of a snapshot, the two halves of a forward (and of the activations' backward)
/// split by columns, and the parameters of a shared update (Optimizer::step). A shareWork called
/// inside work(i) of one that got the helper finds it busy and runs on the calling thread.
void shareWork(int count, const std::function<void(int)> &work);

/// What computes the products, e.g. "OpenBLAS 0.3.21 (Cooperlake kernels), 1 thread per call"
/// or "Eigen 3.4.0"; for benchmark reports.
std::string productBackend();

} // namespace layerlens::core
