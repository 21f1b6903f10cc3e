// Statistics against hand computations on hand-made activations: summaries and exact
// percentiles, histograms, saturation, dead units, distinct neurons, and a measured layer.

#include "core/denormals.h"
#include "core/layerstatistics.h"
#include "core/statistics.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

using namespace layerlens::core;

Q_DECLARE_METATYPE(ActivationKind)

namespace {

/// numpy.percentile(v, q) with the default linear interpolation, by full sorting.
double referencePercentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    const double position = q * static_cast<double>(v.size() - 1);
    const auto k = static_cast<std::size_t>(std::floor(position));
    const double f = position - static_cast<double>(k);
    return k + 1 < v.size() ? v[k] + f * (v[k + 1] - v[k]) : v[k];
}

} // namespace

class TestStatistics : public QObject {
    Q_OBJECT
private slots:
    void smallHandExample();
    void percentilesExact_data();
    void percentilesExact();
    void monotoneActivationPercentiles_data();
    void monotoneActivationPercentiles();
    void histogramCounts();
    void adaptiveRange();
    void nonFiniteCountedApart();
    void nonFiniteInTheLanes_data();
    void nonFiniteInTheLanes();
    void equalValuesHaveNoSpread_data();
    void equalValuesHaveNoSpread();
    void extremeRangesStayInTheirBins_data();
    void extremeRangesStayInTheirBins();
    void saturation();
    void deadUnits();
    void distinctNeurons();
    void measuredLayer();
};

void TestStatistics::smallHandExample()
{
    // Values 1..10: mean 5.5, population std √8.25, p15 = 1 + 0.15·9 = 2.35, p50 = 5.5, p85 = 8.65.
    Matrix<double> v(2, 5);
    v << 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
    const Summary s = summarize(v, 10, HistogramRange{true, 0.0, 10.0});
    QCOMPARE(s.mean, 5.5);
    QVERIFY(std::abs(s.std - std::sqrt(8.25)) < 1e-12);
    QVERIFY(std::abs(s.p15 - 2.35) < 1e-12);
    QVERIFY(std::abs(s.p50 - 5.5) < 1e-12);
    QVERIFY(std::abs(s.p85 - 8.65) < 1e-12);
    QCOMPARE(s.min, 1.0);
    QCOMPARE(s.max, 10.0);
    // Bins of width 1 over [0, 10]: value k falls in bin k (10 in the last, closed bin).
    const std::vector<std::uint32_t> expected{0, 1, 1, 1, 1, 1, 1, 1, 1, 2};
    QCOMPARE(s.hist.counts, expected);
}

void TestStatistics::percentilesExact_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("shape");
    QTest::newRow("normal/65536") << 65536 << 0;
    QTest::newRow("heavy_tail/10001") << 10001 << 1;
    QTest::newRow("relu_like_ties/5000") << 5000 << 2;
    QTest::newRow("tiny_values/777") << 777 << 3;
    QTest::newRow("two_values/2") << 2 << 0;
}

void TestStatistics::percentilesExact()
{
    QFETCH(int, n);
    QFETCH(int, shape);
    Rng rng(static_cast<std::uint64_t>(n + shape), RngStream::Data);
    Matrix<float> v(1, n);
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal();
        switch (shape) {
        case 0: v(0, i) = static_cast<float>(z); break;
        case 1: v(0, i) = static_cast<float>(z * z * z * 100.0); break;  // a few huge values
        case 2: v(0, i) = static_cast<float>(std::max(0.0, z)); break;   // half exact zeros
        case 3: v(0, i) = static_cast<float>(z * 1e-6); break;
        }
    }
    std::vector<double> values(v.data(), v.data() + n);
    const Summary s = summarize(v, 50, HistogramRange{});
    // Exact up to float→double rounding of the interpolation: the selection finds the same order statistics.
    const double scale = std::max(1e-300, std::abs(s.max - s.min));
    QVERIFY(std::abs(s.p15 - referencePercentile(values, 0.15)) <= 1e-12 * scale);
    QVERIFY(std::abs(s.p50 - referencePercentile(values, 0.50)) <= 1e-12 * scale);
    QVERIFY(std::abs(s.p85 - referencePercentile(values, 0.85)) <= 1e-12 * scale);
    QCOMPARE(s.hist.total(), static_cast<std::uint64_t>(n));
    // The adaptive range's histogram is summed from the locator's fine bins: the same counts as
    // the histogram counted on its own.
    const Histogram alone = histogram(v, 50, HistogramRange{});
    QCOMPARE(s.hist.lo, alone.lo);
    QCOMPARE(s.hist.hi, alone.hi);
    QCOMPARE(s.hist.counts, alone.counts);
    // A fixed range that leaves values outside locates in bins over [min, max] instead: as exact.
    const Summary fixed = summarize(v, 50, HistogramRange{true, -0.5, 0.5});
    QVERIFY(std::abs(fixed.p15 - referencePercentile(values, 0.15)) <= 1e-12 * scale);
    QVERIFY(std::abs(fixed.p50 - referencePercentile(values, 0.50)) <= 1e-12 * scale);
    QVERIFY(std::abs(fixed.p85 - referencePercentile(values, 0.85)) <= 1e-12 * scale);
    QCOMPARE(fixed.hist.total(), static_cast<std::uint64_t>(n));
}

void TestStatistics::monotoneActivationPercentiles_data()
{
    QTest::addColumn<ActivationKind>("kind");
    QTest::newRow("sigmoid") << ActivationKind::Sigmoid;
    QTest::newRow("tanh") << ActivationKind::Tanh;
    QTest::newRow("relu") << ActivationKind::Relu;
    QTest::newRow("leaky_relu") << ActivationKind::LeakyRelu;
    QTest::newRow("elu") << ActivationKind::Elu;
    QTest::newRow("linear") << ActivationKind::Linear;
}

void TestStatistics::monotoneActivationPercentiles()
{
    // a's percentiles read at the positions of z's order statistics equal a's own, exactly.
    QFETCH(ActivationKind, kind);
    Rng rng(4, RngStream::Data);
    Matrix<float> z(97, 131);
    for (Eigen::Index i = 0; i < z.size(); ++i)
        z.data()[i] = static_cast<float>(3.0 * rng.normal());
    Activation<float> f(kind, kind == ActivationKind::Elu ? 1.0 : 0.01);
    const Matrix<float> a = f.forward(z);
    PercentileOrder order;
    summarize(z, 50, HistogramRange{}, &order);
    QVERIFY(order.valid);
    const Summary direct = summarize(a, 50, activationRange(kind));
    const Summary mapped = summarizeMonotone(a, 50, activationRange(kind), order);
    QCOMPARE(mapped.p15, direct.p15);
    QCOMPARE(mapped.p50, direct.p50);
    QCOMPARE(mapped.p85, direct.p85);
    QCOMPARE(mapped.mean, direct.mean);
    QCOMPARE(mapped.hist.counts, direct.hist.counts);
}

void TestStatistics::histogramCounts()
{
    Matrix<double> v(1, 6);
    v << -2.0, -1.0, -0.5, 0.5, 1.0, 3.0;
    const Histogram h = histogram(v, 4, HistogramRange{true, -1.0, 1.0});
    // Bins [−1,−.5) [−.5,0) [0,.5) [.5,1]: −1 → 0, −0.5 → 1, 0.5 → 3, 1 → 3; −2 under, 3 over.
    const std::vector<std::uint32_t> expected{1, 1, 0, 2};
    QCOMPARE(h.counts, expected);
    QCOMPARE(h.underflow, 1u);
    QCOMPARE(h.overflow, 1u);
    QCOMPARE(h.binWidth(), 0.5);
}

void TestStatistics::adaptiveRange()
{
    QCOMPARE(niceCeiling(0.7), 1.0);
    QCOMPARE(niceCeiling(1.3), 2.0);
    QCOMPARE(niceCeiling(3.0), 5.0);
    QCOMPARE(niceCeiling(0.00042), 0.0005);
    Matrix<double> v(1, 3);
    v << -0.3, 0.1, 1.7;
    const Histogram h = histogram(v, 10, HistogramRange{});
    QCOMPARE(h.lo, -2.0);
    QCOMPARE(h.hi, 2.0);
    v << 0.0, 0.1, 1.7; // all ≥ 0: [0, R]
    QCOMPARE(histogram(v, 10, HistogramRange{}).lo, 0.0);
}

void TestStatistics::nonFiniteCountedApart()
{
    Matrix<double> v(1, 4);
    v << 1.0, std::nan(""), 3.0, INFINITY;
    const Summary s = summarize(v, 4, HistogramRange{true, 0, 4});
    QCOMPARE(s.count, 2u);
    QCOMPARE(s.nonFinite, 2u);
    QCOMPARE(s.mean, 2.0);
    QCOMPARE(s.hist.nonFinite, 2u);
}

void TestStatistics::nonFiniteInTheLanes_data()
{
    QTest::addColumn<bool>("isDouble");
    QTest::addColumn<int>("n");
    QTest::newRow("float, 16 lanes and a tail") << false << 1000;
    QTest::newRow("double, 16 lanes and a tail") << true << 1000;
    QTest::newRow("float, tail only") << false << 13;
}

template <typename S>
static void checkNonFiniteInTheLanes(int n)
{
    // NaN, +Inf and −Inf in different lanes of the 16-wide moments pass (and in the tail): each
    // is counted apart, and the moments, the histogram and the percentiles are those of the rest.
    Matrix<S> v(1, n);
    for (int i = 0; i < n; ++i)
        v(0, i) = static_cast<S>(i % 10);
    const int bad[3] = {3, n / 2, n - 2};
    v(0, bad[0]) = std::numeric_limits<S>::quiet_NaN();
    v(0, bad[1]) = std::numeric_limits<S>::infinity();
    v(0, bad[2]) = -std::numeric_limits<S>::infinity();
    std::vector<double> finite;
    for (int i = 0; i < n; ++i)
        if (i != bad[0] && i != bad[1] && i != bad[2])
            finite.push_back(static_cast<double>(v(0, i)));
    const double mean = std::accumulate(finite.begin(), finite.end(), 0.0) / static_cast<double>(finite.size());
    double m2 = 0.0;
    for (double x : finite)
        m2 += (x - mean) * (x - mean);
    const Summary s = summarize(v, 10, HistogramRange{});
    QCOMPARE(s.nonFinite, 3u);
    QCOMPARE(s.count, static_cast<std::uint64_t>(finite.size()));
    QVERIFY(std::abs(s.mean - mean) <= 1e-12 * std::abs(mean));
    const double std = std::sqrt(m2 / static_cast<double>(finite.size()));
    QVERIFY(std::abs(s.std - std) <= 1e-6 * std); // float sums: about 1e-7 relative
    QCOMPARE(s.min, *std::min_element(finite.begin(), finite.end()));
    QCOMPARE(s.max, *std::max_element(finite.begin(), finite.end()));
    QCOMPARE(s.p50, referencePercentile(finite, 0.50));
    QCOMPARE(s.hist.total(), static_cast<std::uint64_t>(n));
    QCOMPARE(s.hist.nonFinite, 3u);
}

void TestStatistics::nonFiniteInTheLanes()
{
    QFETCH(bool, isDouble);
    QFETCH(int, n);
    if (isDouble)
        checkNonFiniteInTheLanes<double>(n);
    else
        checkNonFiniteInTheLanes<float>(n);
}

void TestStatistics::equalValuesHaveNoSpread_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<int>("n");
    QTest::newRow("0.05 × 65536") << 0.05f << 65536;
    QTest::newRow("-3.7 × 1001") << -3.7f << 1001;
    QTest::newRow("1e-3 × 4099") << 1e-3f << 4099;
}

void TestStatistics::equalValuesHaveNoSpread()
{
    // A layer whose values are all equal (a symmetric network's neurons) has std exactly 0,
    // however the sum of the values rounds.
    QFETCH(float, value);
    QFETCH(int, n);
    const Matrix<float> v = Matrix<float>::Constant(1, n, value);
    const Summary s = summarize(v, 50, HistogramRange{});
    QCOMPARE(s.std, 0.0);
    QCOMPARE(s.min, static_cast<double>(value));
    QCOMPARE(s.p50, static_cast<double>(value));
}

void TestStatistics::saturation()
{
    // f' < 1% of its max: sigmoid a(1−a) < 0.0025, tanh 1 − a² < 0.01, ELU (α=1) a + 1 < 0.01.
    Matrix<double> sig(1, 4);
    sig << 0.5, 0.002, 0.9999, 0.01;
    QCOMPARE(saturatedFraction(sig, ActivationKind::Sigmoid, 1.0), 0.5);
    Matrix<double> tanh(1, 5);
    tanh << 0.0, 0.996, -0.999, 0.9, -0.5;
    QCOMPARE(saturatedFraction(tanh, ActivationKind::Tanh, 1.0), 0.4);
    Matrix<double> elu(1, 4);
    elu << 2.0, -0.5, -0.995, -0.9999;
    QCOMPARE(saturatedFraction(elu, ActivationKind::Elu, 1.0), 0.5);
    QCOMPARE(saturatedFraction(elu, ActivationKind::Relu, 1.0), 0.0);
}

void TestStatistics::deadUnits()
{
    Matrix<double> z(3, 4);
    z << -1, -2, 0, -3,   // dead: never > 0
        -1, 2, -1, -1,    // alive on one sample
        0, 0, 0, 0;       // dead
    QCOMPARE(layerlens::core::deadUnits(z, ActivationKind::Relu), 2);
    QCOMPARE(layerlens::core::deadUnits(z, ActivationKind::LeakyRelu), 2);
    QCOMPARE(layerlens::core::deadUnits(z, ActivationKind::Tanh), 0);
}

void TestStatistics::distinctNeurons()
{
    Matrix<double> w(4, 3), b(4, 1);
    w << 1, 2, 3, 1, 2, 3, 1, 2, 3.0000000001, 0, 0, 0;
    b << 0.5, 0.5, 0.5, 0.5;
    QCOMPARE(distinctRows(w, b), 2); // rows 0–2 equal within rounding, row 3 apart
    b(1, 0) = 0.7;                  // a different bias makes a different neuron
    QCOMPARE(distinctRows(w, b), 3);
    const Matrix<double> zeros = Matrix<double>::Zero(50, 20), zeroBias = Matrix<double>::Zero(50, 1);
    QCOMPARE(distinctRows(zeros, zeroBias), 1);
    Rng rng(3);
    Matrix<double> random(64, 10);
    for (Eigen::Index i = 0; i < random.size(); ++i)
        random.data()[i] = rng.normal();
    QCOMPARE(distinctRows(random, Matrix<double>(Matrix<double>::Zero(64, 1))), 64);
}

void TestStatistics::measuredLayer()
{
    // One hidden ReLU layer with hand-set weights: z = W·x + b on three samples.
    NetworkConfig c;
    c.inputs = 2;
    c.classes = 2;
    c.depth = 1;
    c.widths = {3};
    c.activation = ActivationKind::Relu;
    Network<double> net(c);
    auto &layer = net.hiddenLayers().front();
    layer.dense->weight() << 1, 0, 0, 1, -1, -1;
    layer.dense->bias() << 0, 0, -10;
    Matrix<double> x(2, 3);
    x << 1, 2, -1, 3, -4, 0.5;
    net.forward(x);
    const std::vector<int> labels{0, 1, 0};
    net.loss(labels);
    net.backward();
    const LayerStats s = measureLayer(layer, 1, c, 10, nullptr);
    // z rows: [1 2 −1], [3 −4 0.5], [−14 −8 −9.5]; the third unit is dead.
    QCOMPARE(s.deadUnits, 1);
    QVERIFY(std::abs(s.dead - 1.0 / 3.0) < 1e-15);
    QCOMPARE(s.pre.min, -14.0);
    QCOMPARE(s.pre.max, 3.0);
    QVERIFY(std::abs(s.pre.mean - (1 + 2 - 1 + 3 - 4 + 0.5 - 14 - 8 - 9.5) / 9.0) < 1e-12);
    QCOMPARE(s.act.min, 0.0);
    QCOMPARE(s.act.max, 3.0);
    QVERIFY(std::abs(s.grad.weightNorm - layer.dense->weightGradient().norm()) < 1e-15);
    QVERIFY(s.grad.weightNorm > 0.0);
    QCOMPARE(s.weight.distinctNeurons, 3);
    QCOMPARE(s.grad.updateRatio, 0.0);
    // The update ratio is ‖ΔW‖/‖W_prev‖ from the norms the optimizer recorded.
    const UpdateNorms update{16.0, 0.25, std::nullopt};
    const LayerStats t = measureLayer(layer, 1, c, 10, &update);
    QCOMPARE(t.grad.updateRatio, 0.125);
    const UpdateNorms fromZero{0.0, 1.0, std::nullopt}; // from W = 0 the ratio has no meaning; it stays 0
    QCOMPARE(measureLayer(layer, 1, c, 10, &fromZero).grad.updateRatio, 0.0);
}

void TestStatistics::extremeRangesStayInTheirBins_data()
{
    QTest::addColumn<std::vector<float>>("values");
    QTest::addColumn<int>("bins");
    constexpr float tiny = std::numeric_limits<float>::min(), huge = std::numeric_limits<float>::max();
    // The soak test's crash: {FLT_MIN, 0} gives the range [0, 2e−38], whose 50 bins per unit are
    // 2.5e39, Inf in float; 0·Inf = NaN became the bin index INT_MIN.
    QTest::newRow("FLT_MIN and 0, 50 bins") << std::vector<float>{tiny, 0.0f} << 50;
    QTest::newRow("vanishing gradient") << std::vector<float>{3 * tiny, -tiny, 0.0f, 2 * tiny, 5 * tiny} << 50;
    // Near FLT_MAX the range rounds out to ±5e38, beyond float, and one bin's scale flushes to 0.
    QTest::newRow("±FLT_MAX, 1 bin") << std::vector<float>{huge, -huge, 0.0f} << 1;
    QTest::newRow("±FLT_MAX, 50 bins") << std::vector<float>{huge, -huge, 1e38f, -3e38f, 0.0f} << 50;
    QTest::newRow("3e38 and 1, 7 bins") << std::vector<float>{3e38f, 1.0f, 2e38f} << 7;
}

void TestStatistics::extremeRangesStayInTheirBins()
{
    QFETCH(std::vector<float>, values);
    QFETCH(int, bins);
    const FlushDenormals flush; // as in the training thread
    Matrix<float> m(static_cast<Eigen::Index>(values.size()), 1);
    for (std::size_t i = 0; i < values.size(); ++i)
        m(static_cast<Eigen::Index>(i), 0) = values[i];
    std::vector<float> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (const Summary &s : {summarize(m, bins, HistogramRange{}), Summary{.hist = histogram(m, bins, HistogramRange{})}}) {
        // An adaptive range holds every value: all in the bins, each in the bin its value names.
        QCOMPARE(s.hist.underflow, 0u);
        QCOMPARE(s.hist.overflow, 0u);
        QCOMPARE(s.hist.total(), static_cast<std::uint64_t>(values.size()));
        QVERIFY(s.hist.lo <= sorted.front() && sorted.back() <= s.hist.hi);
        const double width = (s.hist.hi - s.hist.lo) / bins;
        for (float v : values) {
            // A value on a bin edge may go to either side of it.
            const double position = (static_cast<double>(v) - s.hist.lo) / width;
            const int bin = std::min(bins - 1, static_cast<int>(position));
            const bool onEdge = std::abs(position - std::round(position)) < 1e-6;
            const int other = std::clamp(static_cast<int>(std::round(position)) - (bin == std::round(position) ? 1 : 0), 0, bins - 1);
            QVERIFY2(s.hist.counts[static_cast<std::size_t>(bin)] > 0
                         || (onEdge && s.hist.counts[static_cast<std::size_t>(other)] > 0),
                     qPrintable(QString::number(v)));
        }
    }
    const Summary s = summarize(m, bins, HistogramRange{});
    QCOMPARE(s.min, static_cast<double>(sorted.front()));
    QCOMPARE(s.max, static_cast<double>(sorted.back()));
    QVERIFY(s.p50 >= sorted.front() && s.p50 <= sorted.back());
}

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
