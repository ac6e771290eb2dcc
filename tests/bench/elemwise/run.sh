#!/bin/sh
# W1, W2 and W10 with their peers, from an existing build folder (kept for
# habit: tests/bench/run is the suite). Usage: run.sh [build-dir]
exec bash "$(dirname "$0")/../run" --no-build --no-ceilings --build-dir "${1:-build}" --only W1,W2,W10
