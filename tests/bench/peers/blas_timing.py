"""The timing rule of WORKLOADS.md for the Python peers: warm up, pick k so a
repetition lasts about 0.2 s, report the median of 7 repetitions."""
import time


def time_call(call, repetitions=7):
    for _ in range(3):
        call()
    k = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(k):
            call()
        if time.perf_counter() - t0 >= 0.2:
            break
        k *= 2
    per_call = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        for _ in range(k):
            call()
        per_call.append((time.perf_counter() - t0) / k)
    per_call.sort()
    return per_call[len(per_call) // 2], per_call[0], per_call[-1], k


def report(workload, impl, timing, figure, unit):
    median, lo, hi, k = timing
    print(f"{workload} {impl} {median:.6g} {figure:.4g} {unit}  # min {lo:.6g} max {hi:.6g} k {k}",
          flush=True)
