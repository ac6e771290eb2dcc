#!/bin/sh
# ctest's bench_smoke: every benchmark binary once with --smoke (one call per
# workload, seeded inputs, no timing loop), so the benchmarks never rot.
# Usage: smoke.sh BIN_DIR
set -e
bin=$1
for b in bench_elemwise bench_blas bench_training bench_m1_triad bench_m2_sgemm; do
  echo "== $b --smoke"
  "$bin/$b" --smoke
done
