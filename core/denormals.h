#pragma once

namespace layerlens::core {

/// While alive, the calling thread treats subnormal floats as zero: results that would be
/// subnormal become ±0 (FTZ) and subnormal inputs read as ±0 (DAZ); the thread's previous mode
/// comes back when it goes. Why: deep sigmoid/tanh networks with small weights push their
/// backward pass below FLT_MIN (≈1.2e−38), and x86 handles each subnormal operand or result in
/// microcode, ~100 cycles instead of ~4, so a step ran ~20 times slower. Flushed, those values
/// are 0, which is what they round to at any precision the network can use.
///
/// The mode is per thread (x86: the MXCSR register, which SSE and AVX arithmetic, float and
/// double, both obey; x87 code is unaffected; a new thread starts with a copy of its creator's
/// on Linux, which nothing here relies on), so every thread that trains holds one for its
/// whole life: the GUI's worker, headless runs, benchmarks, and the Trainer's own entry points
/// so that a run gives the same numbers whichever thread drives it. A no-op where there is no SSE.
class FlushDenormals {
public:
    FlushDenormals();
    ~FlushDenormals();
    FlushDenormals(const FlushDenormals &) = delete;
    FlushDenormals &operator=(const FlushDenormals &) = delete;

private:
    unsigned m_saved = 0;
};

/// True when the calling thread flushes subnormals to zero (FTZ and DAZ both on); always false
/// where FlushDenormals is a no-op.
bool denormalsFlushed();

} // namespace layerlens::core
