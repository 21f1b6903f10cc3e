// Training throughput: forward, backward and SGD update of a depth-10 tanh network on 784 inputs
// and 10 classes, in float, for widths 64/256/1024, batches 64/256, BatchNorm off and on.
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAYERLENS_BUILD_BENCH=ON
//   cmake --build build-bench --target bench_training
//   ./build-bench/bench/bench_training --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//   (add --product_split=inf to keep every product on one core)
// bench/pytorch_compare.py runs it next to the same models in PyTorch; docs/performance.md has the numbers.
//
// Rates are per wall-clock second (UseRealTime), since a step may use a second core.

#include "core/denormals.h"
#include "core/matrixproduct.h"
#include "core/network.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <limits>

using namespace layerlens::core;

namespace {

void trainingStep(benchmark::State &state)
{
    // As every thread that trains: a fixed batch trained for thousands of steps can drive the
    // backward pass below FLT_MIN, and the benchmark would then time subnormal assists.
    const FlushDenormals flush;
    const int width = static_cast<int>(state.range(0));
    const int batch = static_cast<int>(state.range(1));
    NetworkConfig config;
    config.inputs = 784;
    config.classes = 10;
    config.depth = 10;
    config.widths = {width};
    config.activation = ActivationKind::Tanh;
    config.init.kind = InitKind::XavierNormal;
    config.batchNorm = state.range(2) != 0;
    Network<float> net(config);
    OptimizerConfig oc;
    oc.lr = 0.01;
    Optimizer<float> opt(net.parameters(), oc);
    Rng rng(1, RngStream::Data);
    Matrix<float> x(784, batch);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x.data()[i] = static_cast<float>(rng.uniform());
    std::vector<int> labels(batch);
    for (int i = 0; i < batch; ++i)
        labels[i] = static_cast<int>(rng.below(10));
    for (auto _ : state) {
        const StepResult r = net.trainStep(x, labels, opt);
        benchmark::DoNotOptimize(r.loss);
    }
    state.counters["steps/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    // 3 products of 2·in·out·batch flops per Dense layer (forward, ∂W, ∂X; the first layer skips ∂X).
    double flops = 0;
    int in = 784;
    for (int l = 0; l <= config.depth; ++l) {
        const int out = l < config.depth ? width : 10;
        flops += (l == 0 ? 2.0 : 3.0) * 2.0 * in * out * batch;
        in = out;
    }
    state.counters["GFLOP/s"] = benchmark::Counter(flops * static_cast<double>(state.iterations()) / 1e9,
                                                    benchmark::Counter::kIsRate);
}

// The machine's float product peak through the same backend: one 2048³ product (17.2 GFLOP),
// on one core (threads:1, no split) and on both (threads:2, the product split over the helper).
// bench/pytorch_compare.py and docs/performance.md compare the training GFLOP/s with it.
void productPeak(benchmark::State &state)
{
    const FlushDenormals flush;
    const double saved = productSplitFlops();
    setProductSplitFlops(state.range(0) == 2 ? kSplitProductFlops : std::numeric_limits<double>::infinity());
    const Eigen::Index n = 2048;
    const Matrix<float> a = Matrix<float>::Random(n, n), b = Matrix<float>::Random(n, n);
    Matrix<float> c(n, n);
    for (auto _ : state) {
        multiply(a, Op::AsIs, b, Op::AsIs, 0.0f, c);
        benchmark::DoNotOptimize(c.data());
    }
    setProductSplitFlops(saved);
    state.counters["GFLOP/s"] = benchmark::Counter(2.0 * n * n * n * static_cast<double>(state.iterations()) / 1e9,
                                                    benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK(productPeak)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(1.0)->UseRealTime();

BENCHMARK(trainingStep)
    ->ArgNames({"width", "batch", "bn"})
    ->ArgsProduct({{64, 256, 1024}, {64, 256}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0)
    ->UseRealTime();

// --product_split=FLOPS sets the size from which a product uses the second core (inf: never),
// to measure what the second core buys; the backend and threshold are printed in the context.
int main(int argc, char **argv)
{
    const char *flag = "--product_split=";
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], flag, std::strlen(flag)) == 0) {
            const char *value = argv[i] + std::strlen(flag);
            setProductSplitFlops(std::strcmp(value, "inf") == 0 ? std::numeric_limits<double>::infinity()
                                                                : std::strtod(value, nullptr));
            for (int j = i; j + 1 < argc; ++j)
                argv[j] = argv[j + 1];
            --argc;
            --i;
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::AddCustomContext("products", productBackend());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
