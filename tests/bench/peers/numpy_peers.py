"""The NumPy peers of WORKLOADS.md's workloads that Theano++ runs (W1-W5,
W9, W10), on workloads.py's inputs, printing the common line format.
Usage: numpy_peers.py [--only W1,W4]"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402
from timing import report, run_selected, time_call  # noqa: E402


def w1():
    d = workloads.w1()
    x, y, z = d["x"], d["y"], d["z"]
    t = time_call(lambda: np.exp(x) * y + np.tanh(z) - x * x)
    report("W1", "numpy", t, 4 * x.size * 4 / t[0] / 1e9, "GB/s")


def w2():
    m = workloads.w2()["x"]
    t = time_call(lambda: np.sum(m * m, axis=1))
    report("W2", "numpy", t, m.nbytes / t[0] / 1e9, "GB/s")


def w3():
    d = workloads.w3()
    a, b = d["a"], d["b"]
    t = time_call(lambda: a @ b)
    report("W3", "numpy", t, 2 * a.shape[0] ** 3 / t[0] / 1e9, "GFLOP/s")


def w4():
    d = workloads.w4()
    state = workloads.w4_state(d)
    t = time_call(lambda: workloads.w4_step(state, d["x"], d["y"]))
    report("W4", "numpy", t, 1 / t[0], "steps/s")


def w5():
    d = workloads.w5()
    state = workloads.w5_state(d)
    t = time_call(lambda: workloads.w5_step(state, d["x"], d["y"]))
    report("W5", "numpy", t, 1 / t[0], "steps/s")


def w9():
    d = workloads.w9()
    pool = list(zip(d["idx"], d["delta"]))
    for impl in ("numpy", "numpy_add_at"):
        c = d["c"].copy()
        calls = [0]

        def call():
            idx, delta = pool[calls[0] % len(pool)]
            calls[0] += 1
            if impl == "numpy":
                c[idx] += delta
            else:
                np.add.at(c, idx, delta)

        t = time_call(call)
        report("W9", impl, t, t[0] * 1e6, "us/call")


def w10():
    s = np.array(1.0)
    t = time_call(lambda: s + 1)
    report("W10", "numpy", t, t[0] * 1e6, "us/call")


def main():
    run_selected({"W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "W9": w9, "W10": w10},
                 f"# numpy {np.__version__}")


if __name__ == "__main__":
    main()
