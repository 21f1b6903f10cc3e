#pragma once

#include <cstdint>

namespace layerlens::core {

/// Independent random streams derived from the one user seed, so that changing e.g. the batch
/// size (which changes how many shuffles happen) never changes the initial weights.
enum class RngStream : std::uint64_t { Init = 1, Shuffle = 2, Dropout = 3, Data = 4 };

/// xoshiro256** seeded through splitmix64. Written out here rather than taken from <random>
/// because std::normal_distribution differs between standard libraries; this generator gives
/// the same numbers everywhere for the same seed.
class Rng {
public:
    /// A stream of the given seed; different streams are statistically independent.
    explicit Rng(std::uint64_t seed, RngStream stream = RngStream::Init);

    /// Next raw 64-bit value.
    std::uint64_t next();
    /// Uniform double in [0, 1) with 53 random bits.
    double uniform();
    /// Uniform double in [lo, hi).
    double uniform(double lo, double hi);
    /// Standard normal (Marsaglia's polar method; one value per call, the pair's second cached).
    double normal();
    /// Uniform integer in [0, n) without modulo bias.
    std::uint64_t below(std::uint64_t n);

private:
    std::uint64_t m_state[4];
    double m_cachedNormal = 0.0;
    bool m_hasCachedNormal = false;
};

} // namespace layerlens::core
