"""The PyTorch peers (2 threads, eager mode) of WORKLOADS.md's workloads
that Theano++ runs (W1-W5, W9, W10), on workloads.py's inputs, printing the
common line format; W4 and W5 check their first two losses against NumPy's.
Skips cleanly without torch. Usage: torch_peers.py [--only W1,W4]"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402
from timing import check, report, run_selected, time_call  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    print("# torch is not installed: PyTorch peers skipped")
    sys.exit(0)

import numpy as np  # noqa: E402


def w1():
    x, y, z = (torch.from_numpy(a) for a in workloads.w1().values())
    t = time_call(lambda: torch.exp(x) * y + torch.tanh(z) - x * x)
    report("W1", "torch", t, 4 * x.numel() * 4 / t[0] / 1e9, "GB/s")


def w2():
    m = torch.from_numpy(workloads.w2()["x"])
    t = time_call(lambda: torch.sum(m * m, dim=1))
    report("W2", "torch", t, m.numel() * 4 / t[0] / 1e9, "GB/s")


def w3():
    d = workloads.w3()
    a, b = torch.from_numpy(d["a"]), torch.from_numpy(d["b"])
    t = time_call(lambda: a @ b)
    report("W3", "torch", t, 2 * a.shape[0] ** 3 / t[0] / 1e9, "GFLOP/s")


def w4():
    d = workloads.w4()
    x, y = torch.from_numpy(d["x"]), torch.from_numpy(d["y"])
    w = torch.from_numpy(d["w"].copy()).requires_grad_()
    b = torch.zeros((), requires_grad=True)

    def step():
        p = 1 / (1 + torch.exp(-(x @ w) - b))
        cost = torch.mean(-y * torch.log(p) - (1 - y) * torch.log(1 - p)) + 0.01 * torch.sum(w * w)
        gw, gb = torch.autograd.grad(cost, [w, b])
        with torch.no_grad():
            w.sub_(0.1 * gw)
            b.sub_(0.1 * gb)
        return cost

    first = [step().item() for _ in range(2)]
    check("W4", "torch", "w4_cost_steps_1_2", first, workloads.expected_w4(), 1e-4)
    t = time_call(step)
    report("W4", "torch", t, 1 / t[0], "steps/s")


def w5():
    d = workloads.w5()
    x, y = torch.from_numpy(d["x"]), torch.from_numpy(d["y"])
    params = [torch.from_numpy(d["w1"].copy()), torch.zeros(500), torch.from_numpy(d["w2"].copy()),
              torch.zeros(10)]
    for p in params:
        p.requires_grad_()
    w1, b1, w2, b2 = params

    def step():
        logits = torch.tanh(x @ w1 + b1) @ w2 + b2
        loss = F.cross_entropy(logits, y)
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            for p, g in zip(params, grads):
                p.sub_(0.01 * g)
        return loss

    first = [step().item() for _ in range(2)]
    check("W5", "torch", "w5_loss_steps_1_2", first, workloads.expected_w5(), 1e-4)
    t = time_call(step)
    report("W5", "torch", t, 1 / t[0], "steps/s")


def w9():
    d = workloads.w9()
    c = torch.from_numpy(d["c"].copy())
    pool = [(torch.from_numpy(i), torch.from_numpy(v)) for i, v in zip(d["idx"], d["delta"])]
    calls = [0]

    def call():
        idx, delta = pool[calls[0] % len(pool)]
        calls[0] += 1
        c.index_add_(0, idx, delta)

    t = time_call(call)
    report("W9", "torch", t, t[0] * 1e6, "us/call")


def w10():
    s = torch.tensor(1.0, dtype=torch.float64)
    t = time_call(lambda: s + 1)
    report("W10", "torch", t, t[0] * 1e6, "us/call")


def main():
    torch.set_num_threads(2)
    run_selected({"W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "W9": w9, "W10": w10},
                 f"# torch {torch.__version__} numpy {np.__version__}")


if __name__ == "__main__":
    main()
