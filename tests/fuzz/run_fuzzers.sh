#!/bin/sh
# Runs the fuzzers one after the other: tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS WORK_DIR [TARGET...]
# BUILD_DIR was configured with -DLAYERLENS_BUILD_FUZZ=ON. Each target reads the committed seeds and
# regression files and writes what it finds to WORK_DIR/TARGET/corpus (new inputs), WORK_DIR/TARGET/artifacts
# (crashers, timeouts, out-of-memory inputs) and WORK_DIR/TARGET/log. See docs/reliability.md.
set -u
build=$1 seconds=$2 work=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
targets=${*:-config model csv idx gzip preset}
for target in $targets; do
    mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
    dict=
    case $target in config|model|preset) dict=-dict=$here/json.dict ;; esac
    nice -n 5 "$build/tests/fuzz/fuzz_$target" "$work/$target/corpus" "$here/corpus/$target" "$here/regression/$target" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$work/$target/artifacts/" $dict > "$work/$target/log" 2>&1
    echo "$target: exit $? $(grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec' "$work/$target/log" | tr '\n' ' ')"
done
