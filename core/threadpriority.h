#pragma once

namespace layerlens::core {

/// How much lower than the user interface a thread that trains beside it runs: a nice value
/// (Linux: 0 is normal, 19 the lowest). A window that wakes up to draw then gets a core at once,
/// and training still takes everything the window leaves idle; another program that keeps a
/// core busy at normal priority comes first, though, and training slows down (its steps/s shows
/// it). Measured against 5 and 10 in docs/performance.md (training, item 12): the lowest gave
/// both the shortest frames and the most steps with the window open.
inline constexpr int kBackgroundNice = 19;

/// Lowers the calling thread's scheduling priority to `nice` (clamped to 0–19; if it is not lower
/// already) for the thread's remaining life, and marks it so: the products' helper
/// (matrixproduct.h) lowers its own to the same value when it first works for such a thread, and
/// keeps it from then on, for every thread it works for (without privileges a thread's priority
/// cannot be raised again). For the GUI's training thread: with two cores, the trainer and the
/// helper could otherwise hold both while the window waits to draw. A process should therefore
/// train either beside a window (lowered) or not lowered at all. Linux only (there the nice
/// value is per thread); elsewhere, and where the system refuses, nothing changes.
void lowerThreadPriority(int nice = kBackgroundNice);

/// The nice value this thread asked for through lowerThreadPriority() (0 if it did not).
int requestedThreadNice();

/// Makes the calling thread's nice value at least `nice` (best effort, Linux only). The helper
/// calls it with the nice of the thread it works for.
void raiseThreadNiceTo(int nice);

/// The calling thread's nice value as the system reports it (0 where unsupported).
int threadNice();

} // namespace layerlens::core
