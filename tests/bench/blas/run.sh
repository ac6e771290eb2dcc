#!/bin/sh
# W3 and W4 with their peers, from an existing build folder (kept for habit:
# tests/bench/run is the suite). Usage: run.sh [build-dir]
exec bash "$(dirname "$0")/../run" --no-build --no-ceilings --build-dir "${1:-build}" --only W3,W4
