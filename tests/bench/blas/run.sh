#!/bin/sh
# Runs the BLAS benchmarks (default threads, then blas.threads=1 and 2) and
# their NumPy and PyTorch peers back to back, then the ratio of our median
# time to each peer's. Usage: run.sh [build-dir]
set -e
here=$(dirname "$0")
build=${1:-build}
out=$(mktemp)
"$build/bin/bench_blas" | tee "$out"
"$build/bin/bench_blas" --threads 1 | tee -a "$out"
"$build/bin/bench_blas" --threads 2 | tee -a "$out"
/usr/bin/python3 "$here/../peers/blas_numpy.py" | tee -a "$out"
/usr/bin/python3 "$here/../peers/blas_torch.py" | tee -a "$out"
echo "# ratios (our time / theirs; lower is better)"
awk '$1 ~ /^W/ { t[$1 " " $2] = $3 }
     END {
       for (w in t) { split(w, p, " "); if (p[2] == "theanopp") {
         for (o in t) { split(o, q, " "); if (q[1] == p[1] && q[2] !~ /^theanopp/)
           printf "%s theanopp/%s %.3f\n", p[1], q[2], t[w] / t[o]; } } } }' "$out" | sort
rm -f "$out"
