"""PyTorch peers of W3 (GEMM) and W4 (logistic-regression SGD step with
autograd), as WORKLOADS.md defines them. Skips cleanly without torch."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blas_timing import report, time_call  # noqa: E402

try:
    import torch
except ImportError:
    print("# torch is not installed: W3/W4 torch peers skipped")
    sys.exit(0)

import numpy as np  # noqa: E402


def w3():
    rng = np.random.default_rng(0)
    n = 2048
    a = torch.from_numpy(rng.standard_normal((n, n), dtype=np.float32))
    b = torch.from_numpy(rng.standard_normal((n, n), dtype=np.float32))
    t = time_call(lambda: a @ b)
    report("W3", "torch", t, 2 * n**3 / t[0] / 1e9, "GFLOP/s")


def w4():
    rng = np.random.default_rng(0)
    n, feats = 400, 784
    x = torch.from_numpy(rng.standard_normal((n, feats), dtype=np.float32))
    y = torch.from_numpy(rng.integers(0, 2, n).astype(np.float32))
    w = torch.from_numpy((0.01 * rng.standard_normal(feats)).astype(np.float32)).requires_grad_()
    b = torch.zeros((), requires_grad=True)

    def step():
        p = torch.sigmoid(x @ w + b)
        cost = torch.mean(-y * torch.log(p) - (1 - y) * torch.log(1 - p)) + 0.01 * torch.sum(w * w)
        gw, gb = torch.autograd.grad(cost, [w, b])
        with torch.no_grad():
            w.sub_(0.1 * gw)
            b.sub_(0.1 * gb)
        return cost

    t = time_call(step)
    report("W4", "torch", t, 1 / t[0], "steps/s")


if __name__ == "__main__":
    torch.set_num_threads(2)
    w3()
    w4()
