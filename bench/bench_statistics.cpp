// Cost of one snapshot's statistics (every hidden layer: summaries with exact percentiles,
// histograms, norms, distinct neurons) against one training step, depth 10, width 256,
// batch 256, input 784, tanh, float. The ratio is printed as the counter "step_fraction".
//   ./build-bench/bench/bench_statistics --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include "core/layerstatistics.h"
#include "core/network.h"

#include <benchmark/benchmark.h>

#include <chrono>

using namespace layerlens::core;

namespace {

struct Setup {
    NetworkConfig config;
    std::unique_ptr<Network<float>> net;
    std::unique_ptr<Optimizer<float>> opt;
    Matrix<float> x;
    std::vector<int> labels;

    Setup(int width, int batch, bool batchNorm)
    {
        config.inputs = 784;
        config.classes = 10;
        config.depth = 10;
        config.widths = {width};
        config.activation = ActivationKind::Tanh;
        config.init.kind = InitKind::XavierNormal;
        config.batchNorm = batchNorm;
        net = std::make_unique<Network<float>>(config);
        opt = std::make_unique<Optimizer<float>>(net->parameters(), OptimizerConfig{});
        Rng rng(1, RngStream::Data);
        x.resize(784, batch);
        for (Eigen::Index i = 0; i < x.size(); ++i)
            x.data()[i] = static_cast<float>(rng.normal());
        labels.resize(static_cast<std::size_t>(batch));
        for (auto &y : labels)
            y = static_cast<int>(rng.below(10));
    }

    double secondsPerStep(int steps)
    {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < steps; ++i)
            net->trainStep(x, labels, *opt);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / steps;
    }
};

void snapshotStatistics(benchmark::State &state)
{
    Setup setup(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0);
    const double step = setup.secondsPerStep(20);
    std::vector<Matrix<float>> previous;
    for (const auto &layer : setup.net->hiddenLayers())
        previous.push_back(layer.dense->weight());
    setup.net->trainStep(setup.x, setup.labels, *setup.opt);
    for (auto _ : state) {
        const auto &hidden = setup.net->hiddenLayers();
        for (std::size_t i = 0; i < hidden.size(); ++i) {
            LayerStats s = measureLayer(hidden[i], static_cast<int>(i) + 1, setup.config, 50, &previous[i]);
            benchmark::DoNotOptimize(s.pre.p50);
        }
    }
    state.counters["step_ms"] = step * 1e3;
    state.counters["step_fraction"] = benchmark::Counter(
        static_cast<double>(state.iterations()) * step, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

} // namespace

BENCHMARK(snapshotStatistics)
    ->ArgNames({"width", "batch", "bn"})
    ->Args({256, 256, 0})
    ->Args({256, 256, 1})
    ->Args({64, 64, 0})
    ->Args({1024, 256, 0})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

BENCHMARK_MAIN();
