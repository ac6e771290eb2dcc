"""NumPy peers of W3 (GEMM) and W4 (logistic-regression SGD step with
hand-written gradients), as WORKLOADS.md defines them."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blas_timing import report, time_call  # noqa: E402


def w3():
    rng = np.random.default_rng(0)
    n = 2048
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    t = time_call(lambda: a @ b)
    report("W3", "numpy", t, 2 * n**3 / t[0] / 1e9, "GFLOP/s")


def w4():
    rng = np.random.default_rng(0)
    n, feats = 400, 784
    x = rng.standard_normal((n, feats), dtype=np.float32)
    y = rng.integers(0, 2, n).astype(np.float32)
    state = {"w": (0.01 * rng.standard_normal(feats)).astype(np.float32), "b": np.float32(0)}

    def step():
        w, b = state["w"], state["b"]
        p = 1 / (1 + np.exp(-(x @ w) - b))
        cost = np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)) + 0.01 * np.sum(w * w)
        gw = x.T @ (p - y) / n + 0.02 * w
        gb = np.mean(p - y)
        state["w"] = w - np.float32(0.1) * gw
        state["b"] = b - np.float32(0.1) * gb
        return cost

    t = time_call(step)
    report("W4", "numpy", t, 1 / t[0], "steps/s")


if __name__ == "__main__":
    w3()
    w4()
