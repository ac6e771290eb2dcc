"""The timing rule of WORKLOADS.md for the Python peers: warm up (3 calls),
pick k so a repetition of k calls lasts about 0.2 s, report the median per
call over 7 repetitions with min and max, in the line format every bench
program prints: `Wn <impl> <median seconds> <figure> <unit>  # min .. max .. k ..`."""
import time


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
    per_call.sort()
    return per_call[len(per_call) // 2], per_call[0], per_call[-1], k


def report(workload, impl, timing, figure, unit):
    median, lo, hi, k = timing
    print(f"{workload} {impl} {median:.6g} {figure:.4g} {unit}  # min {lo:.6g} max {hi:.6g} k {k}",
          flush=True)


def check(workload, impl, what, got, want, rtol, atol=0.0):
    """Prints `# check Wn <impl> <what> ok|FAILED` like the C++ benchmarks."""
    import numpy as np
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    err = np.abs(got - want)
    ok = got.shape == want.shape and bool(np.all(err <= atol + rtol * np.abs(want)))
    print(f"# check {workload} {impl} {what} {'ok' if ok else 'FAILED'} "
          f"({want.size} values, max abs error {err.max():.3g}, rtol {rtol:g} atol {atol:g})",
          flush=True)
    return ok


def run_selected(runners, banner):
    """The peers' command line: `--only W1,W4` runs a subset of `runners`
    (workload id -> function), in order, after printing `banner`."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    only = set(filter(None, parser.parse_args().only.split(",")))
    print(banner, flush=True)
    for name, run in runners.items():
        if not only or name in only:
            run()
