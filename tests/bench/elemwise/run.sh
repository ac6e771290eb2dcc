#!/bin/sh
# Runs the elemwise benchmarks and their NumPy peers back to back, then the
# ratio of each workload's median time to NumPy's and to the hand-fused C
# loop with vectorised libm (M3). Usage: run.sh [build-dir]
set -e
here=$(dirname "$0")
build=${1:-build}
out=$(mktemp)
"$build/bin/bench_elemwise" | tee "$out"
/usr/bin/python3 "$here/peers_numpy.py" | tee -a "$out"
echo "# ratios (our time / theirs; lower is better)"
awk '$1 ~ /^W/ { t[$1 " " $2] = $3 }
     END {
       for (w in t) { split(w, p, " "); if (p[2] == "theanopp") {
         n = t[p[1] " numpy"]; c = t[p[1] " c_loop_fastmath"];
         if (n) printf "%s theanopp/numpy %.3f\n", p[1], t[w] / n;
         if (c) printf "%s theanopp/c_loop_fastmath %.3f\n", p[1], t[w] / c; } } }' "$out" | sort
rm -f "$out"
