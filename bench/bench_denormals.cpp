// Subnormal floats: a deep tanh or sigmoid network with tiny initial weights (N(0, 0.01), as in
// the vanishing-gradient lessons) against the same network with Xavier initialisation, depth 10,
// width 256, batch 256, 784 inputs, SGD. Each iteration trains one step of each network, timed
// apart on the thread's CPU clock, so the load of the machine weighs on both alike.
//   flush:0  the CPU default: subnormal operands and results take a slow microcode path
//   flush:1  core::FlushDenormals on (FTZ + DAZ), as every thread that trains runs
// Counters: small_ms and healthy_ms (median step), slowdown = small_ms / healthy_ms (the issue's
// target is ≤ 1.1 with flushing), and subnormal_share, the fraction of the small-init network's
// per-layer values (z, a, ∂L/∂a, ∂L/∂W) that are subnormal after the last step.
//   ./build-bench/bench/bench_denormals --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

#include "core/denormals.h"
#include "core/network.h"
#include "benchclock.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

using namespace layerlens::core;
using benchclock::median;
using benchclock::threadSeconds;

namespace {

struct Run {
    NetworkConfig config;
    std::unique_ptr<Network<float>> net;
    std::unique_ptr<Optimizer<float>> opt;

    Run(ActivationKind activation, int depth, bool smallInit)
    {
        config.inputs = 784;
        config.classes = 10;
        config.depth = depth;
        config.widths = {256};
        config.activation = activation;
        if (smallInit) {
            config.init.kind = InitKind::Normal;
            config.init.std = 0.01;
        } else {
            config.init.kind = InitKind::XavierNormal;
        }
        net = std::make_unique<Network<float>>(config);
        OptimizerConfig oc;
        oc.lr = 0.01;
        opt = std::make_unique<Optimizer<float>>(net->parameters(), oc);
    }
};

long long subnormals(const Matrix<float> &m)
{
    return (m.array() != 0.0f && m.array().abs() < std::numeric_limits<float>::min()).count();
}

void vanishingVsHealthy(benchmark::State &state)
{
    const bool flush = state.range(0) != 0;
    const auto activation = state.range(1) == 0 ? ActivationKind::Tanh : ActivationKind::Sigmoid;
    std::optional<FlushDenormals> guard;
    if (flush)
        guard.emplace();
    const int depth = static_cast<int>(state.range(2));
    Run small(activation, depth, true), healthy(activation, depth, false);
    Rng rng(1, RngStream::Data);
    Matrix<float> x(784, 256);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x.data()[i] = static_cast<float>(rng.normal());
    std::vector<int> labels(256);
    for (auto &y : labels)
        y = static_cast<int>(rng.below(10));
    for (int i = 0; i < 2; ++i) {
        small.net->trainStep(x, labels, *small.opt);
        healthy.net->trainStep(x, labels, *healthy.opt);
    }
    std::vector<double> smallTimes, healthyTimes;
    for (auto _ : state) {
        const double t0 = threadSeconds();
        small.net->trainStep(x, labels, *small.opt);
        const double t1 = threadSeconds();
        healthy.net->trainStep(x, labels, *healthy.opt);
        const double t2 = threadSeconds();
        smallTimes.push_back(t1 - t0);
        healthyTimes.push_back(t2 - t1);
        state.SetIterationTime(t2 - t0);
    }
    long long count = 0, total = 0;
    for (const auto &layer : small.net->hiddenLayers())
        for (const Matrix<float> *m : {layer.preActivation, layer.activationOutput, layer.activationGradient,
                                       &layer.dense->weightGradient()}) {
            count += subnormals(*m);
            total += m->size();
        }
    if (smallTimes.empty())
        return;
    state.counters["small_ms"] = median(smallTimes) * 1e3;
    state.counters["healthy_ms"] = median(healthyTimes) * 1e3;
    state.counters["slowdown"] = median(smallTimes) / median(healthyTimes);
    state.counters["subnormal_share"] = static_cast<double>(count) / static_cast<double>(std::max(1LL, total));
}

} // namespace

BENCHMARK(vanishingVsHealthy)
    ->ArgNames({"flush", "sigmoid", "depth"})
    ->ArgsProduct({{0, 1}, {0, 1}, {10, 50}})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

BENCHMARK_MAIN();
