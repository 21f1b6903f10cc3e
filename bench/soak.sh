#!/usr/bin/env bash
# Soak test (issue 8): trains in the main window (offscreen) for MINUTES (default 60) with a
# config change every second and prints memory every minute (resident, malloc heap, after trim); see bench/soak.cpp.
# Not part of CI. Usage: bench/soak.sh [minutes] [build-dir]   (log: soak-YYYYmmdd-HHMM.log)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}
build=${2:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLAYERLENS_BUILD_BENCH=ON -DLAYERLENS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target soak
log=soak-$(date +%Y%m%d-%H%M).log
echo "soak: $minutes minutes, log $log"
env -u OPENBLAS_CORETYPE QT_QPA_PLATFORM=offscreen "$build/bench/soak" "$minutes" 2>&1 | grep -v -e '^qt\.' -e 'does not support propagateSizeHints' | tee "$log"
