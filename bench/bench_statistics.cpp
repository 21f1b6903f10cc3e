// Cost of one snapshot's statistics (every hidden layer: summaries with exact percentiles,
// histograms, norms, distinct neurons) against one training step, depth 10, input 784, tanh,
// float. Each iteration runs a plain training step, a step that records the update norms (as
// the trainer's step does when statistics are due) and the snapshot of that step, timed apart,
// so the machine's load (it is shared) weighs on all alike. They may use the second core (a
// step's paired products, a snapshot's layers shared with the helper thread), so the ratio
// that counts is of wall-clock times:
//   step_ms                 median wall-clock time of a plain step
//   update_norms_ms         what recording ‖ΔW‖ and ‖W‖ adds to a step (median difference)
//   snapshot_ms             median wall-clock time of measuring the layers, plus update_norms_ms
//   step_fraction           snapshot_ms / step_ms, the target is ≤ 0.25
//   cpu_step_fraction       the same ratio of the calling thread's CPU time (helper excluded)
// The benchmark's own time is the snapshot's (manual time, wall clock).
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAYERLENS_BUILD_BENCH=ON
//   cmake --build build-bench --target bench_statistics
//   ./build-bench/bench/bench_statistics --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include "core/denormals.h"
#include "core/layerstatistics.h"
#include "core/network.h"
#include "benchclock.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

using namespace layerlens::core;
using benchclock::median;
using benchclock::threadSeconds;
using benchclock::wallSeconds;

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
        OptimizerConfig oc;
        oc.lr = 0.01;
        opt = std::make_unique<Optimizer<float>>(net->parameters(), oc);
        Rng rng(1, RngStream::Data);
        x.resize(784, batch);
        for (Eigen::Index i = 0; i < x.size(); ++i)
            x.data()[i] = static_cast<float>(rng.normal());
        labels.resize(static_cast<std::size_t>(batch));
        for (auto &y : labels)
            y = static_cast<int>(rng.below(10));
    }
};

void snapshotStatistics(benchmark::State &state)
{
    const FlushDenormals flush; // as in every thread that trains
    Setup setup(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0);
    for (int i = 0; i < 3; ++i) // warm up: buffers allocated, caches and clocks settled
        setup.net->trainStep(setup.x, setup.labels, *setup.opt);
    std::vector<double> stepCpu, snapshotCpu, stepWall, snapshotWall, measuredCpu, measuredWall;
    std::vector<LayerStats> layers;
    for (auto _ : state) {
        // A plain step, then a step as the trainer takes it when statistics are due: the
        // optimizer records ‖ΔW‖ and ‖W‖ on the way. What that adds to the step counts as the
        // snapshot's cost, along with measuring the layers.
        const auto &hidden = setup.net->hiddenLayers();
        const double cpu0 = threadSeconds(), wall0 = wallSeconds();
        setup.net->trainStep(setup.x, setup.labels, *setup.opt);
        const double cpu1 = threadSeconds(), wall1 = wallSeconds();
        setup.opt->measureNextUpdate();
        setup.net->trainStep(setup.x, setup.labels, *setup.opt);
        const double cpu2 = threadSeconds(), wall2 = wallSeconds();
        measureLayers(hidden, setup.config, 50, setup.opt.get(), layers);
        benchmark::DoNotOptimize(layers.back().pre.p50);
        const double cpu3 = threadSeconds(), wall3 = wallSeconds();
        stepCpu.push_back(cpu1 - cpu0);
        stepWall.push_back(wall1 - wall0);
        measuredCpu.push_back(cpu2 - cpu1);
        measuredWall.push_back(wall2 - wall1);
        snapshotCpu.push_back(cpu3 - cpu2);
        snapshotWall.push_back(wall3 - wall2);
        state.SetIterationTime(snapshotWall.back());
    }
    if (stepCpu.empty())
        return;
    const double step = median(stepWall);
    const double norms = std::max(0.0, median(measuredWall) - step);
    const double snapshot = median(snapshotWall) + norms;
    state.counters["step_ms"] = step * 1e3;
    state.counters["update_norms_ms"] = norms * 1e3;
    state.counters["snapshot_ms"] = snapshot * 1e3;
    state.counters["step_fraction"] = snapshot / step;
    const double cpuStep = median(stepCpu);
    state.counters["cpu_step_fraction"] =
        (median(snapshotCpu) + std::max(0.0, median(measuredCpu) - cpuStep)) / cpuStep;
}

} // namespace

BENCHMARK(snapshotStatistics)
    ->ArgNames({"width", "batch", "bn"})
    ->Args({256, 256, 0})
    ->Args({256, 256, 1})
    ->Args({64, 64, 0})
    ->Args({1024, 256, 0})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

BENCHMARK_MAIN();
