#!/usr/bin/python3
"""W1, W2 and W10 of shared/bench/WORKLOADS.md in NumPy, printing the same
line format as bench_elemwise, so run.sh can put the two side by side."""
import statistics
import sys
import time

import numpy as np


def time_call(call, repetitions=7):
    for _ in range(3):
        call()
    k = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(k):
            call()
        if time.perf_counter() - t0 >= 0.2 or k >= 1 << 30:
            break
        k *= 2
    per_call = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        for _ in range(k):
            call()
        per_call.append((time.perf_counter() - t0) / k)
    return statistics.median(per_call), min(per_call), max(per_call), k


def report(workload, impl, t, figure, unit):
    median, lo, hi, k = t
    print(f"{workload} {impl} {median:.6g} {figure:.4g} {unit}  # min {lo:.6g} max {hi:.6g} k {k}")
    sys.stdout.flush()


def main():
    rng = np.random.default_rng(0)
    n = 10_000_000
    x, y, z = (rng.standard_normal(n, dtype=np.float32) for _ in range(3))
    t = time_call(lambda: np.exp(x) * y + np.tanh(z) - x * x)
    report("W1", "numpy", t, 4 * n * 4 / t[0] / 1e9, "GB/s")
    m = rng.standard_normal((4000, 4000), dtype=np.float32)
    t = time_call(lambda: np.sum(m * m, axis=1))
    report("W2", "numpy", t, m.nbytes / t[0] / 1e9, "GB/s")
    s = np.array(1.0)
    t = time_call(lambda: s + 1)
    report("W10", "numpy", t, t[0] * 1e6, "us/call")


if __name__ == "__main__":
    main()
