#!/usr/bin/env python3
"""Training throughput of LayerLens against PyTorch on the CPU, for the 12 configurations of
bench_training (depth-10 tanh network, 784 inputs, 10 classes, float32, SGD lr 0.01; widths
64/256/1024, batches 64/256, BatchNorm off and on).

    /usr/bin/python3 bench/pytorch_compare.py [--bench build-bench/bench/bench_training]

Runs bench_training (built with -DLAYERLENS_BUILD_BENCH=ON) and, when torch can be imported, the
same models in PyTorch, then prints one table: our steps/s, PyTorch's steps/s at its better
setting (1 thread, or 2 threads with OMP_WAIT_POLICY=PASSIVE, which it needs on 2 cores), the
ratio, and our GFLOP/s. Optional: the build and the tests never need it; without torch it says so
and exits 0.

Both sides run with OPENBLAS_CORETYPE removed from the environment, so that OpenBLAS picks its
kernels for this CPU as it would on a user's machine (--keep-openblas-coretype keeps it).
PyTorch is timed like the benchmark: warm-up, then `--repetitions` runs of at least `--min-time`
seconds each, median of the steps/s. The two sides run one configuration at a time, interleaved.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys

CONFIGS = [(w, b, bn) for bn in (0, 1) for b in (64, 256) for w in (64, 256, 1024)]

TORCH_WORKER = r"""
import json, sys, time
import torch
width, batch, bn, threads, reps, min_time = json.loads(sys.argv[1])
torch.set_num_threads(threads)
torch.set_flush_denormal(True)   # as bench_training does
torch.manual_seed(1)
layers, fan_in = [], 784
for _ in range(10):
    layers.append(torch.nn.Linear(fan_in, width))
    if bn:
        layers.append(torch.nn.BatchNorm1d(width))   # before the activation, as in LayerLens
    layers.append(torch.nn.Tanh())
    fan_in = width
layers.append(torch.nn.Linear(fan_in, 10))
model = torch.nn.Sequential(*layers)
for m in model:
    if isinstance(m, torch.nn.Linear):
        torch.nn.init.xavier_normal_(m.weight)
        torch.nn.init.zeros_(m.bias)
loss_fn = torch.nn.CrossEntropyLoss()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
x = torch.rand(batch, 784)
y = torch.randint(0, 10, (batch,))

def step():
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    return loss

start = time.perf_counter()
n = 0
while n < 3 or time.perf_counter() - start < min(0.5, min_time):
    step()
    n += 1
rates = []
for _ in range(reps):
    n = 0
    start = time.perf_counter()
    while True:
        step()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_time:
            break
    rates.append(n / elapsed)
print(json.dumps(rates))
"""


def run_ours(bench, repetitions, min_time, env, extra):
    cmd = [bench, "--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
           "--benchmark_report_aggregates_only=true", f"--benchmark_min_time={min_time}"] + extra
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    doc = json.loads(out)
    results, peak = {}, {}
    for b in doc["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        parts = dict(p.split(":", 1) for p in b["run_name"].split("/")[1:] if ":" in p)
        if b["run_name"].startswith("productPeak"):
            peak[int(parts["threads"])] = b["GFLOP/s"]
        else:
            key = (int(parts["width"]), int(parts["batch"]), int(parts["bn"]))
            results[key] = (b["steps/s"], b["GFLOP/s"])
    return results, peak, doc["context"].get("products", "?")


def run_torch(config, threads, repetitions, min_time, env):
    width, batch, bn = config
    env = dict(env)
    env["OMP_NUM_THREADS"] = str(threads)
    env["OPENBLAS_NUM_THREADS"] = str(threads)   # Debian's torch calls OpenBLAS, which has threads of its own
    if threads > 1:
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    else:
        env.pop("OMP_WAIT_POLICY", None)
    arg = json.dumps([width, batch, bn, threads, repetitions, min_time])
    out = subprocess.run([sys.executable, "-c", TORCH_WORKER, arg], check=True, capture_output=True,
                         text=True, env=env).stdout
    return statistics.median(json.loads(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", default=os.path.join("build-bench", "bench", "bench_training"))
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=1.0)
    parser.add_argument("--keep-openblas-coretype", action="store_true")
    parser.add_argument("--bench-arg", action="append", default=[],
                        help="extra argument for bench_training (repeatable), e.g. --product_split=inf")
    args = parser.parse_args()

    try:
        import torch  # noqa: F401 (only to learn whether the comparison can run)
    except ImportError:
        print(f"pytorch_compare: torch cannot be imported by {sys.executable}; nothing to compare "
              "(on Debian 12: /usr/bin/python3 with python3-torch).")
        return 0
    if not os.access(args.bench, os.X_OK):
        print(f"pytorch_compare: {args.bench}: not found; build it with -DLAYERLENS_BUILD_BENCH=ON "
              "(cmake --build build-bench --target bench_training)", file=sys.stderr)
        return 1

    env = dict(os.environ)
    if not args.keep_openblas_coretype:
        env.pop("OPENBLAS_CORETYPE", None)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    _, peak, backend = run_ours(args.bench, args.repetitions, args.min_time, env,
                                args.bench_arg + ["--benchmark_filter=productPeak"])
    print(f"LayerLens products: {backend}")
    print("float product peak (2048³ through the same backend): "
          + ", ".join(f"{t} thread{'s' if t > 1 else ''} {g:.1f} GFLOP/s" for t, g in sorted(peak.items())))
    top = max(peak.values()) if peak else float("nan")
    import torch
    print(f"PyTorch {torch.__version__}")

    # One configuration at a time, ours then PyTorch's two settings, so that a change in the
    # machine's load during the run hits both sides of a row alike.
    rows = []
    for config in CONFIGS:
        width, batch, bn = config
        ours, _, _ = run_ours(args.bench, args.repetitions, args.min_time, env,
                              args.bench_arg + [f"--benchmark_filter=trainingStep/width:{width}/batch:{batch}/bn:{bn}/"])
        one = run_torch(config, 1, args.repetitions, args.min_time, env)
        two = run_torch(config, 2, args.repetitions, args.min_time, env)
        best, mode = (one, "1 thread") if one >= two else (two, "2 threads PASSIVE")
        rows.append((config, ours[config], best, mode, one, two))
        print(f"  {width}/{batch}/{'bn' if bn else 'no bn'}: ours {ours[config][0]:.1f} steps/s, PyTorch {best:.1f} "
              f"({mode}), load {os.getloadavg()[0]:.2f}", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| width | batch | BN | LayerLens steps/s | PyTorch steps/s (best) | PyTorch setting | ratio | "
          "LayerLens GFLOP/s | % of product peak | PyTorch 1 thread | PyTorch 2 threads |")
    print("|---:|---:|:---:|---:|---:|:---|---:|---:|---:|---:|---:|")
    for (width, batch, bn), (steps, gflops), best, mode, one, two in rows:
        print(f"| {width} | {batch} | {'on' if bn else 'off'} | {steps:.1f} | {best:.1f} | {mode} | "
              f"{steps / best:.2f}× | {gflops:.1f} | {100 * gflops / top:.0f}% | {one:.1f} | {two:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
