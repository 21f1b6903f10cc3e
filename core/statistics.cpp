#include "core/statistics.h"

#include "core/diagnostics.h"

#include <algorithm>
#include <memory>
#include <cmath>
#include <limits>
#include <numeric>

namespace layerlens::core {

namespace {

/// Fine bins used to locate the percentiles' order statistics.
constexpr int kLocatorBins = 4096;
constexpr double kPercentiles[3] = {0.15, 0.50, 0.85};
/// Values summed vectorised in their own type before the partial sum joins the double total.
constexpr Eigen::Index kSumBlock = 256;
/// Values per block of bin indices: the indices of a block are used while they are in L1.
constexpr Eigen::Index kIndexBlock = 1024;

template <typename S>
using ArrayMap = Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>>;

/// Thread-local scratch for bin indices, so a snapshot allocates nothing per layer.
std::vector<int> &scratchIndices()
{
    thread_local std::vector<int> scratch;
    return scratch;
}

/// Counters for `slots` slots in four interleaved sets: runs of equal indices (a collapsed layer
/// puts everything in one bin) then do not serialise on one memory location.
class SlotCounter {
public:
    explicit SlotCounter(std::size_t slots) : m_slots(slots), m_counts(4 * slots, 0) {}

    /// Counts `n` indices, each in [0, slots).
    void add(const int *index, std::size_t n)
    {
        std::uint32_t *c = m_counts.data();
        const std::size_t s = m_slots;
        std::size_t i = 0;
        for (; i + 4 <= n; i += 4) {
            ++c[static_cast<std::size_t>(index[i])];
            ++c[s + static_cast<std::size_t>(index[i + 1])];
            ++c[2 * s + static_cast<std::size_t>(index[i + 2])];
            ++c[3 * s + static_cast<std::size_t>(index[i + 3])];
        }
        for (; i < n; ++i)
            ++c[static_cast<std::size_t>(index[i])];
    }
    /// The count of one slot so far.
    std::uint32_t count(std::size_t slot) const
    {
        return m_counts[slot] + m_counts[m_slots + slot] + m_counts[2 * m_slots + slot] + m_counts[3 * m_slots + slot];
    }
    /// The counts per slot.
    std::vector<std::uint32_t> take()
    {
        for (std::size_t b = 0; b < m_slots; ++b)
            m_counts[b] = count(b);
        m_counts.resize(m_slots);
        return std::move(m_counts);
    }

private:
    std::size_t m_slots;
    std::vector<std::uint32_t> m_counts;
};

/// Writes ⌊(x − lo)·scale + shift⌋, clamped to [0, last], into `out` as slot indices
/// (scale = slots per unit over [lo, hi]); non-decreasing in x whatever the rounding, so the
/// slots keep the values' order. Vectorised in the values' own type when lo, hi, hi − lo and
/// the scale are all normal numbers there; otherwise in double. Both happen with real data: values
/// near FLT_MIN (a vanishing gradient) give a range of 2e−38 whose 50 bins per unit, 2.5e39, are
/// Inf in float, and values near FLT_MAX give a range rounded out to ±5e38, beyond float; Inf
/// times 0 is NaN, and NaN converts to INT_MIN, an index far outside the counters. Anything not
/// above 0, NaN included, goes to slot 0 in either path, so no index is ever out of range.
template <typename S>
void slotIndices(const ArrayMap<S> &x, double lo, double hi, double scale, double shift, int last, int *index)
{
    Eigen::Map<Eigen::ArrayXi> out(index, x.size());
    const auto loS = static_cast<S>(lo), scaleS = static_cast<S>(scale);
    const bool inRange = std::isfinite(loS) && std::isfinite(static_cast<S>(hi))
                         && std::isfinite(static_cast<S>(hi) - loS)
                         && (scaleS == S(0) || (std::isfinite(scaleS) && scaleS >= std::numeric_limits<S>::min()));
    if (inRange && (scale == 0.0) == (scaleS == S(0))) {
        const auto t = (x - loS) * scaleS + static_cast<S>(shift);
        out = (t > S(0)).select(t.min(static_cast<S>(last)), S(0)).template cast<int>();
    } else {
        const auto t = (x.template cast<double>() - lo) * scale + shift;
        out = (t > 0.0).select(t.min(static_cast<double>(last)), 0.0).template cast<int>();
    }
}

/// Histogram of finite values over [lo, hi]. Slot indices t = (v − lo)·bins/(hi − lo) + 1 are
/// computed vectorised in the values' own type and clamped to [0, bins + 2] before truncation:
/// slot 0 is below lo, 1…bins the bins, bins + 1 is [hi, hi + width) and bins + 2 beyond. A value
/// equal to hi belongs to the last bin.
template <typename S>
Histogram countHistogram(const S *data, Eigen::Index n, int bins, double lo, double hi)
{
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    bins = std::max(1, bins);
    const double scale = hi > lo ? bins / (hi - lo) : 0.0;
    const auto hiSlot = static_cast<std::size_t>(bins) + 1;
    SlotCounter counter(static_cast<std::size_t>(bins) + 3);
    // Block by block, so the indices stay in L1 between computing and counting them.
    std::vector<int> &index = scratchIndices();
    index.resize(static_cast<std::size_t>(kIndexBlock));
    std::uint32_t atHi = 0;
    for (Eigen::Index start = 0; start < n; start += kIndexBlock) {
        const Eigen::Index len = std::min(kIndexBlock, n - start);
        const ArrayMap<S> x(data + start, len);
        slotIndices(x, lo, hi, scale, 1.0, bins + 2, index.data());
        const std::uint32_t hiBefore = counter.count(hiSlot);
        counter.add(index.data(), static_cast<std::size_t>(len));
        // Values equal to hi sit in slot bins + 1; only a block that put any there is searched.
        if (counter.count(hiSlot) != hiBefore)
            for (Eigen::Index i = 0; i < len; ++i)
                atHi += static_cast<std::uint32_t>(index[static_cast<std::size_t>(i)] == bins + 1 && x[i] == static_cast<S>(hi));
    }
    const auto slots = counter.take();
    h.counts.assign(slots.begin() + 1, slots.begin() + 1 + bins);
    h.underflow = slots[0];
    h.counts.back() += atHi;
    h.overflow = slots[hiSlot] - atHi + slots[static_cast<std::size_t>(bins) + 2];
    return h;
}

/// Calls fn(start, len, index) for the consecutive blocks of kIndexBlock values (the last one
/// shorter), `index` holding the bin of each value of the block among `fine` equal bins over
/// [lo, hi], for values that all lie in [lo, hi]. Only the order of the indices matters for
/// locating order statistics: (v − lo)·scale is non-decreasing in v whatever the rounding, so
/// the selection that follows stays exact; every value is ≥ lo, so truncation is the floor,
/// and hi (or a value rounded up to it) goes into the last bin. The count and the gather that
/// follows it both compute the indices here, block by block from the start, so every value sits
/// at the same place in its block both times and gets the same bin (nothing is stored between).
template <typename S, typename F>
void forEachFineBlock(const S *data, Eigen::Index n, int fine, double lo, double hi, F &&fn)
{
    std::vector<int> &index = scratchIndices();
    index.resize(static_cast<std::size_t>(kIndexBlock));
    for (Eigen::Index start = 0; start < n; start += kIndexBlock) {
        const Eigen::Index len = std::min(kIndexBlock, n - start);
        slotIndices(ArrayMap<S>(data + start, len), lo, hi, fine / (hi - lo), 0.0, fine - 1, index.data());
        fn(start, len, index.data());
    }
}

/// Counts of `fine` equal bins over [lo, hi] of values that all lie in [lo, hi] (the bins of
/// forEachFineBlock).
template <typename S>
std::vector<std::uint32_t> fineBinCounts(const S *data, Eigen::Index n, int fine, double lo, double hi)
{
    SlotCounter counter(static_cast<std::size_t>(fine));
    forEachFineBlock(data, n, fine, lo, hi, [&](Eigen::Index, Eigen::Index len, const int *index) {
        counter.add(index, static_cast<std::size_t>(len));
    });
    return counter.take();
}

/// Below this a sum of n squares taken in S may have lost terms: a value under √FLT_MIN ≈ 1e−19
/// squares to a subnormal or, with subnormals flushed, to 0, so a gradient of 1e−20 everywhere
/// would read as a norm of 0. Such sums are taken again in double, where the squares are exact
/// down to 1e−154; above it the lost terms are < n·FLT_MIN, a relative error < 1e−8.
template <typename S>
double tinySumOfSquares(Eigen::Index n)
{
    return static_cast<double>(std::numeric_limits<S>::min()) * 1e8 * static_cast<double>(n);
}

/// Σ v, Σ (v − mean)², min and max of n values in two passes over 16 lanes: the first sums
/// (and takes min and max), the second sums the deviations d = v − c from c, the mean it found
/// rounded to S, and their squares. Each lane adds the values of a block of kSumBlock in S, and
/// the blocks' lane sums join double accumulators, so no long chain of float additions forms
/// and no lane is reduced per block. Σ (v − mean)² = Σ d² − (Σ d)²/n holds for any c, so the
/// rounding of the first pass's mean does not enter it; values that are all equal (min = max)
/// skip the second pass with m2 = 0. min, max and m2 are meaningful only when the sum is finite
/// (every value finite).
struct Moments {
    double sum = 0.0, m2 = 0.0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
};

template <typename S>
Moments moments(const S *data, Eigen::Index n)
{
    constexpr Eigen::Index kLanes = 16;
    using Packet = Eigen::Array<S, kLanes, 1>;
    using Wide = Eigen::Array<double, kLanes, 1>;
    Moments m;
    if (n == 0)
        return m;
    const Eigen::Index whole = n / kLanes * kLanes;
    const ArrayMap<S> tail(data + whole, n - whole);
    Wide sum = Wide::Zero();
    Packet low = Packet::Constant(std::numeric_limits<S>::infinity()), high = -low;
    for (Eigen::Index b = 0; b < whole; b += kSumBlock) {
        const Eigen::Index end = std::min(whole, b + kSumBlock);
        Packet blockSum = Packet::Zero();
        for (Eigen::Index i = b; i < end; i += kLanes) {
            const Packet v = Packet::Map(data + i);
            blockSum += v;
            low = low.min(v);
            high = high.max(v);
        }
        sum += blockSum.template cast<double>();
    }
    m.sum = sum.sum() + static_cast<double>(tail.sum());
    S lo = low.minCoeff(), hi = high.maxCoeff();
    if (whole < n) {
        lo = std::min(lo, tail.minCoeff());
        hi = std::max(hi, tail.maxCoeff());
    }
    m.min = static_cast<double>(lo);
    m.max = static_cast<double>(hi);
    if (!std::isfinite(m.sum) || lo == hi) // non-finite values, or all equal: m2 = 0 exactly
        return m;
    const auto center = static_cast<S>(m.sum / static_cast<double>(n));
    const Packet c = Packet::Constant(center);
    Wide deviations = Wide::Zero(), squares = Wide::Zero();
    for (Eigen::Index b = 0; b < whole; b += kSumBlock) {
        const Eigen::Index end = std::min(whole, b + kSumBlock);
        Packet blockDeviations = Packet::Zero(), blockSquares = Packet::Zero();
        for (Eigen::Index i = b; i < end; i += kLanes) {
            const Packet d = Packet::Map(data + i) - c;
            blockDeviations += d;
            blockSquares += d.square();
        }
        deviations += blockDeviations.template cast<double>();
        squares += blockSquares.template cast<double>();
    }
    const double d = deviations.sum() + static_cast<double>((tail - center).sum());
    const double m2 = squares.sum() + static_cast<double>((tail - center).square().sum())
                      - d * d / static_cast<double>(n);
    m.m2 = std::max(0.0, m2);
    return m;
}

/// The finite values of `values`, or nullptr when all are finite (the common case, no copy).
/// A finite block sum proves every value finite (NaN and ±Inf propagate), so the check is free.
template <typename S>
std::unique_ptr<std::vector<S>> finiteCopy(const Matrix<S> &values, double sum)
{
    if (std::isfinite(sum))
        return nullptr;
    auto finite = std::make_unique<std::vector<S>>();
    for (Eigen::Index i = 0; i < values.size(); ++i)
        if (std::isfinite(values.data()[i]))
            finite->push_back(values.data()[i]);
    return finite;
}

HistogramRange resolveRange(const HistogramRange &range, double min, double max)
{
    if (range.fixed)
        return range;
    const double extent = std::max(std::abs(min), std::abs(max));
    if (!(extent > 0.0) || !std::isfinite(extent))
        return {true, -1.0, 1.0};
    const double r = niceCeiling(extent);
    return {true, min >= 0.0 ? 0.0 : -r, r};
}

} // namespace

template <typename S>
double blockSumSquares(const S *data, Eigen::Index n, double center)
{
    const ArrayMap<S> x(data, n);
    const auto c = static_cast<S>(center);
    double total = 0.0;
    for (Eigen::Index b = 0; b < n; b += kSumBlock)
        total += static_cast<double>((x.segment(b, std::min(kSumBlock, n - b)) - c).square().sum());
    if (total < tinySumOfSquares<S>(n))
        total = (x.template cast<double>() - center).square().sum();
    return total;
}

template <typename S>
double blockSquaredDistance(const S *a, const S *b, Eigen::Index n)
{
    const ArrayMap<S> x(a, n), y(b, n);
    double total = 0.0;
    for (Eigen::Index i = 0; i < n; i += kSumBlock) {
        const Eigen::Index len = std::min(kSumBlock, n - i);
        total += static_cast<double>((x.segment(i, len) - y.segment(i, len)).square().sum());
    }
    if (total < tinySumOfSquares<S>(n))
        total = (x.template cast<double>() - y.template cast<double>()).square().sum();
    return total;
}

std::uint64_t Histogram::total() const
{
    return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0}) + underflow + overflow + nonFinite;
}

HistogramRange activationRange(ActivationKind kind)
{
    switch (kind) {
    case ActivationKind::Sigmoid:
        return {true, 0.0, 1.0};
    case ActivationKind::Tanh:
        return {true, -1.0, 1.0};
    default:
        return {};
    }
}

double niceCeiling(double x)
{
    if (!(x > 0.0) || !std::isfinite(x))
        return 1.0;
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * power >= x * (1.0 - 1e-12))
            return step * power;
    return 10.0 * power;
}

template <typename S>
Histogram histogram(const Matrix<S> &values, int bins, const HistogramRange &range)
{
    Moments m = moments(values.data(), values.size());
    const auto finite = finiteCopy(values, m.sum);
    const S *data = finite ? finite->data() : values.data();
    const auto n = finite ? static_cast<Eigen::Index>(finite->size()) : values.size();
    if (finite)
        m = moments(data, n);
    HistogramRange r = range;
    if (!range.fixed)
        r = n > 0 ? resolveRange(range, m.min, m.max) : HistogramRange{true, -1.0, 1.0};
    Histogram h = countHistogram(data, n, bins, r.lo, r.hi);
    h.nonFinite = static_cast<std::uint64_t>(values.size() - n);
    return h;
}

template <typename S>
Summary summarize(const Matrix<S> &values, int bins, const HistogramRange &range, PercentileOrder *order,
                  bool percentiles)
{
    Summary s;
    Moments m = moments(values.data(), values.size());
    const auto finite = finiteCopy(values, m.sum);
    const S *data = finite ? finite->data() : values.data();
    const auto n = finite ? static_cast<Eigen::Index>(finite->size()) : values.size();
    if (finite)
        m = moments(data, n);
    s.count = static_cast<std::uint64_t>(n);
    s.nonFinite = static_cast<std::uint64_t>(values.size() - n);
    if (order)
        *order = PercentileOrder{};
    if (n == 0) {
        const HistogramRange display = range.fixed ? range : HistogramRange{true, -1.0, 1.0};
        s.hist = Histogram{display.lo, display.hi, std::vector<std::uint32_t>(static_cast<std::size_t>(std::max(1, bins)), 0),
                           0, 0, s.nonFinite};
        s.mean = s.std = s.p15 = s.p50 = s.p85 = s.min = s.max = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    s.min = m.min;
    s.max = m.max;
    s.mean = m.sum / static_cast<double>(n);
    // Squares that fell below float's range were lost in the blocks' sums; take them in double.
    // (Not when every value is equal: then m2 is 0 exactly.)
    const double m2 = m.m2 < tinySumOfSquares<S>(n) && s.max > s.min ? blockSumSquares(data, n, s.mean) : m.m2;
    s.std = std::sqrt(m2 / static_cast<double>(n));
    const HistogramRange display = resolveRange(range, s.min, s.max);
    const bool locate = percentiles && s.max > s.min;
    // An adaptive range holds every value, so one count over fine bins that nest in the display
    // bins gives both the histogram and the locator of the order statistics.
    const bool shared = locate && !range.fixed;
    std::vector<std::uint32_t> fineCounts;
    int fine = kLocatorBins;
    double fineLo = s.min, fineHi = s.max;
    if (shared) {
        bins = std::max(1, bins);
        const int perBin = std::max(1, (kLocatorBins + bins - 1) / bins);
        fine = bins * perBin;
        fineLo = display.lo;
        fineHi = display.hi;
        fineCounts = fineBinCounts(data, n, fine, fineLo, fineHi);
        s.hist.lo = display.lo;
        s.hist.hi = display.hi;
        s.hist.counts.assign(static_cast<std::size_t>(bins), 0);
        const std::uint32_t *next = fineCounts.data();
        for (auto &count : s.hist.counts)
            for (int f = 0; f < perBin; ++f)
                count += *next++;
    } else {
        s.hist = countHistogram(data, n, bins, display.lo, display.hi);
    }
    s.hist.nonFinite = s.nonFinite;
    if (!percentiles)
        return s;
    if (s.max == s.min) {
        s.p15 = s.p50 = s.p85 = s.min;
        if (order)
            order->valid = !finite;
        return s;
    }

    // Locate the order statistics k and k+1 of each percentile in fine bins (those of the
    // histogram, or else kLocatorBins over [min, max]) ...
    if (!shared)
        fineCounts = fineBinCounts(data, n, fine, fineLo, fineHi);
    std::vector<std::uint64_t> below(fineCounts.size() + 1, 0); // values in bins before b
    for (std::size_t b = 0; b < fineCounts.size(); ++b)
        below[b + 1] = below[b] + fineCounts[b];
    auto binOf = [&](std::uint64_t rank) {
        return static_cast<int>(std::upper_bound(below.begin(), below.end(), rank) - below.begin()) - 1;
    };
    struct Wanted {
        std::uint64_t rank;
        double fraction;
        int firstBin, lastBin;
    };
    Wanted wanted[3];
    const auto count = static_cast<std::uint64_t>(n);
    for (int p = 0; p < 3; ++p) {
        const double position = kPercentiles[p] * static_cast<double>(count - 1);
        const auto k = static_cast<std::uint64_t>(std::floor(position));
        const std::uint64_t next = std::min<std::uint64_t>(k + 1, count - 1);
        wanted[p] = {k, position - static_cast<double>(k), binOf(k), binOf(next)};
    }
    // ... then gather just the values of those bins, with their positions, and select inside them.
    // Few values are wanted (those of 3 to 6 fine bins), so the values are tested 16 at a time with
    // one unsigned compare per percentile, (bin − first) ≤ (last − first), which the compiler
    // vectorises; only the rare group with a wanted value is looked at one by one.
    struct Entry {
        double value;
        Eigen::Index position;
        bool operator<(const Entry &other) const { return value < other.value; }
    };
    unsigned first[3], span[3];
    for (int p = 0; p < 3; ++p) {
        first[p] = static_cast<unsigned>(wanted[p].firstBin);
        span[p] = static_cast<unsigned>(wanted[p].lastBin - wanted[p].firstBin);
    }
    auto wantedBy = [&](int index) {
        const auto bin = static_cast<unsigned>(index);
        return static_cast<unsigned>(bin - first[0] <= span[0]) | static_cast<unsigned>(bin - first[1] <= span[1]) << 1
               | static_cast<unsigned>(bin - first[2] <= span[2]) << 2;
    };
    std::vector<Entry> gathered[3];
    constexpr Eigen::Index kGroup = 16;
    forEachFineBlock(data, n, fine, fineLo, fineHi, [&](Eigen::Index blockStart, Eigen::Index len, const int *index) {
        for (Eigen::Index start = 0; start < len; start += kGroup) {
            const Eigen::Index end = std::min(len, start + kGroup);
            unsigned any = 0;
            for (Eigen::Index i = start; i < end; ++i)
                any |= wantedBy(index[i]);
            if (any == 0) [[likely]]
                continue;
            for (Eigen::Index i = start; i < end; ++i)
                if (const unsigned bits = wantedBy(index[i]))
                    for (int p = 0; p < 3; ++p)
                        if (bits & (1u << p))
                            gathered[p].push_back({static_cast<double>(data[blockStart + i]), blockStart + i});
        }
    });
    double *targets[3] = {&s.p15, &s.p50, &s.p85};
    if (order)
        order->valid = !finite;
    for (int p = 0; p < 3; ++p) {
        auto &g = gathered[p];
        const std::uint64_t offset = below[static_cast<std::size_t>(wanted[p].firstBin)];
        const auto k = static_cast<std::ptrdiff_t>(wanted[p].rank - offset);
        std::nth_element(g.begin(), g.begin() + k, g.end());
        const Entry low = g[static_cast<std::size_t>(k)];
        Entry high = low;
        if (wanted[p].fraction > 0.0 && k + 1 < static_cast<std::ptrdiff_t>(g.size()))
            high = *std::min_element(g.begin() + k + 1, g.end());
        *targets[p] = low.value + wanted[p].fraction * (high.value - low.value);
        if (order) {
            order->low[p] = low.position;
            order->high[p] = high.position;
            order->fraction[p] = wanted[p].fraction;
        }
    }
    return s;
}

template <typename S>
int distinctRows(const Matrix<S> &weight, const Matrix<S> &bias, double tolerance)
{
    const Eigen::Index rows = weight.rows(), cols = weight.cols();
    if (rows <= 1)
        return static_cast<int>(rows);
    const double scale = std::max<double>({static_cast<double>(weight.cwiseAbs().maxCoeff()),
                                           static_cast<double>(bias.cwiseAbs().maxCoeff()),
                                           std::numeric_limits<double>::min()});
    const double tol = tolerance * scale;
    // Sort the neurons by a fixed projection of (W, b). Neurons equal within tol have keys within
    // tol·Σ|p| plus the rounding of the products, so only neighbours closer than that need their
    // rows compared; distinct random rows almost never do.
    Vector<S> projection(cols);
    for (Eigen::Index j = 0; j < cols; ++j)
        projection(j) = static_cast<S>(1.0 + 0.618033988749895 * static_cast<double>(j % 7));
    const S biasWeight = S(2.5);
    Vector<S> keys(rows);
    keys.noalias() = weight * projection;
    keys += biasWeight * bias.col(0);
    const double projectionMass = static_cast<double>(projection.sum() + biasWeight);
    const double rounding = 4.0 * std::numeric_limits<S>::epsilon() * static_cast<double>(cols + 1) * scale * projectionMass;
    const double keyGap = tol * projectionMass + rounding;
    std::vector<Eigen::Index> order(static_cast<std::size_t>(rows));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return keys(a) < keys(b); });
    auto same = [&](Eigen::Index a, Eigen::Index b) {
        if (std::abs(static_cast<double>(bias(a, 0) - bias(b, 0))) > tol)
            return false;
        for (Eigen::Index j = 0; j < cols; ++j)
            if (std::abs(static_cast<double>(weight(a, j)) - static_cast<double>(weight(b, j))) > tol)
                return false;
        return true;
    };
    int distinct = 1;
    Eigen::Index representative = order.front();
    for (std::size_t i = 1; i < order.size(); ++i) {
        const Eigen::Index r = order[i];
        if (static_cast<double>(keys(r) - keys(representative)) > keyGap || !same(r, representative)) {
            ++distinct;
            representative = r;
        }
    }
    return distinct;
}

template Summary summarize<float>(const Matrix<float> &, int, const HistogramRange &, PercentileOrder *, bool);
template Summary summarize<double>(const Matrix<double> &, int, const HistogramRange &, PercentileOrder *, bool);
template Histogram histogram<float>(const Matrix<float> &, int, const HistogramRange &);
template Histogram histogram<double>(const Matrix<double> &, int, const HistogramRange &);
template int distinctRows<float>(const Matrix<float> &, const Matrix<float> &, double);
template int distinctRows<double>(const Matrix<double> &, const Matrix<double> &, double);
template double blockSumSquares<float>(const float *, Eigen::Index, double);
template double blockSumSquares<double>(const double *, Eigen::Index, double);
template double blockSquaredDistance<float>(const float *, const float *, Eigen::Index);
template double blockSquaredDistance<double>(const double *, const double *, Eigen::Index);

} // namespace layerlens::core

namespace layerlens::core {

template <typename S>
double saturatedFraction(const Matrix<S> &a, ActivationKind kind, double eluAlpha)
{
    if (a.size() == 0)
        return 0.0;
    const double limit = thresholds::kSaturationDerivative;
    Eigen::Index count = 0;
    switch (kind) {
    case ActivationKind::Sigmoid: // f' = a(1 − a), max 1/4
        count = (a.array() * (S(1) - a.array()) < static_cast<S>(0.25 * limit)).count();
        break;
    case ActivationKind::Tanh: // f' = 1 − a², max 1
        count = (S(1) - a.array().square() < static_cast<S>(limit)).count();
        break;
    case ActivationKind::Elu: // f' = a + α for z ≤ 0, max 1
        count = ((a.array() <= S(0)) && (a.array() + static_cast<S>(eluAlpha) < static_cast<S>(limit))).count();
        break;
    default:
        return 0.0;
    }
    return static_cast<double>(count) / static_cast<double>(a.size());
}

template <typename S>
int deadUnits(const Matrix<S> &z, ActivationKind kind)
{
    if (kind != ActivationKind::Relu && kind != ActivationKind::LeakyRelu && kind != ActivationKind::Elu)
        return 0;
    int dead = 0;
    for (Eigen::Index r = 0; r < z.rows(); ++r)
        dead += (z.row(r).array() > S(0)).any() ? 0 : 1;
    return dead;
}

template double saturatedFraction<float>(const Matrix<float> &, ActivationKind, double);
template double saturatedFraction<double>(const Matrix<double> &, ActivationKind, double);
template int deadUnits<float>(const Matrix<float> &, ActivationKind);
template int deadUnits<double>(const Matrix<double> &, ActivationKind);

} // namespace layerlens::core
