#!/usr/bin/env python3
"""What the UI thread does in its slowest frames, against its median ones.

`ui_latency` with FRAMELOG=FILE writes one line per frame: the time the frame ended
(CLOCK_MONOTONIC, seconds), its wall-clock time and its UI-thread CPU time (ms). Recorded under
`perf record -k CLOCK_MONOTONIC`, perf's samples carry the same clock, so each sample of the UI
thread can be put into its frame. This script prints, per frame, how many samples of each
function (inclusive) the slowest frames had against the frames around the median, largest
difference first: what makes a frame slow, not what every frame costs.

  FRAMELOG=/tmp/frames.txt env -u OPENBLAS_CORETYPE QT_NO_GLIB=1 DISPLAY=:91 \\
      perf record -k CLOCK_MONOTONIC -e cpu-clock -F 500 --call-graph dwarf,16384 -o /tmp/perf.data \\
      ./build-bench/bench/ui_latency 10 0 0 20
  UI=$(perf script -i /tmp/perf.data -F pid | sort -n | uniq | head -1)   # the main thread's id is the pid
  perf script -i /tmp/perf.data --tid=$UI -F time,ip,sym > /tmp/ui.stacks
  bench/frame_profile.py /tmp/ui.stacks /tmp/frames.txt [--slowest 0.05] [--rows 45]
"""

import argparse
import bisect
import collections
import re
import sys


def read_frames(path):
    """(start, end, wall ms) of each frame, sorted by start."""
    frames = []
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) < 2:
                continue
            end, wall = float(fields[0]), float(fields[1])
            frames.append((end - wall / 1000.0, end, wall))
    frames.sort()
    return frames


def read_samples(path):
    """(time, [function, ...] innermost first) per sample of `perf script -F time,ip,sym`."""
    with open(path) as f:
        blocks = f.read().split("\n\n")
    for block in blocks:
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        try:
            time = float(lines[0].rstrip(":"))
        except ValueError:
            continue
        functions = []
        for line in lines[1:]:
            parts = line.split(None, 1)
            functions.append(re.sub(r"\+0x[0-9a-f]+$", "", parts[1] if len(parts) > 1 else "?"))
        yield time, functions


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stacks", help="perf script -F time,ip,sym output of the UI thread")
    parser.add_argument("frames", help="ui_latency's FRAMELOG file")
    parser.add_argument("--slowest", type=float, default=0.05, help="fraction of frames called slow (0.05)")
    parser.add_argument("--rows", type=int, default=45, help="functions printed (45)")
    args = parser.parse_args()

    frames = read_frames(args.frames)
    if not frames:
        sys.exit("no frames in " + args.frames)
    walls = sorted(f[2] for f in frames)
    slow_from = walls[min(len(walls) - 1, int((1.0 - args.slowest) * len(walls)))]
    median_lo, median_hi = walls[int(0.4 * (len(walls) - 1))], walls[int(0.6 * (len(walls) - 1))]
    slow = {i for i, f in enumerate(frames) if f[2] >= slow_from}
    median = {i for i, f in enumerate(frames) if median_lo <= f[2] <= median_hi}
    starts = [f[0] for f in frames]

    counts = {"slow": collections.Counter(), "median": collections.Counter()}
    samples = {"slow": 0, "median": 0}
    for time, functions in read_samples(args.stacks):
        i = bisect.bisect_right(starts, time) - 1
        if i < 0 or time > frames[i][1]:
            continue  # between frames
        for kind, chosen in (("slow", slow), ("median", median)):
            if i in chosen:
                samples[kind] += 1
                counts[kind].update(set(functions))

    print("frames: %d; slow (>= %.2f ms): %d; around the median (%.2f-%.2f ms): %d"
          % (len(frames), slow_from, len(slow), median_lo, median_hi, len(median)))
    if not slow or not median:
        return
    print("samples per frame: slow %.2f, median %.2f" % (samples["slow"] / len(slow), samples["median"] / len(median)))
    per_frame = {
        kind: {name: n / len(chosen) for name, n in counts[kind].items()}
        for kind, chosen in (("slow", slow), ("median", median))
    }
    names = {n for kind in per_frame for n, v in per_frame[kind].items() if v >= 0.3}
    rows = sorted(names, key=lambda n: per_frame["median"].get(n, 0.0) - per_frame["slow"].get(n, 0.0))
    print("%8s %8s  %s" % ("slow", "median", "function (samples per frame, inclusive)"))
    for name in rows[: args.rows]:
        print("%8.2f %8.2f  %s" % (per_frame["slow"].get(name, 0.0), per_frame["median"].get(name, 0.0), name[:120]))


if __name__ == "__main__":
    main()
