"""The inputs of WORKLOADS.md's workloads (each from numpy.random.default_rng(0))
and NumPy's reference computations of them. The NumPy and PyTorch peers use
these arrays directly; gen_data.py writes them, with NumPy's first-call
results, as .npy files that the C++ benchmarks load and check against, so
all three implementations compute on the same numbers."""
import numpy as np

W9_ROWS, W9_COLS, W9_K, W9_POOL = 70000, 100, 200, 32


def w1():
    rng = np.random.default_rng(0)
    n = 10_000_000
    x, y, z = (rng.standard_normal(n, dtype=np.float32) for _ in range(3))
    return {"x": x, "y": y, "z": z}


def w2():
    rng = np.random.default_rng(0)
    return {"x": rng.standard_normal((4000, 4000), dtype=np.float32)}


def w3():
    rng = np.random.default_rng(0)
    n = 2048
    return {"a": rng.standard_normal((n, n), dtype=np.float32),
            "b": rng.standard_normal((n, n), dtype=np.float32)}


def w4():
    rng = np.random.default_rng(0)
    n, feats = 400, 784
    x = rng.standard_normal((n, feats), dtype=np.float32)
    y = rng.integers(0, 2, n).astype(np.float32)
    w = (0.01 * rng.standard_normal(feats)).astype(np.float32)
    return {"x": x, "y": y, "w": w}


def w5():
    rng = np.random.default_rng(0)
    n, n_in, n_hidden, n_out = 128, 784, 500, 10
    x = rng.standard_normal((n, n_in), dtype=np.float32)
    y = rng.integers(0, n_out, n)
    a1 = np.sqrt(6 / (n_in + n_hidden))
    a2 = np.sqrt(6 / (n_hidden + n_out))
    w1 = rng.uniform(-a1, a1, (n_in, n_hidden)).astype(np.float32)
    w2 = rng.uniform(-a2, a2, (n_hidden, n_out)).astype(np.float32)
    return {"x": x, "y": y, "w1": w1, "w2": w2}


def w9():
    rng = np.random.default_rng(0)
    c = rng.standard_normal((W9_ROWS, W9_COLS), dtype=np.float32)
    idx = np.stack([rng.choice(W9_ROWS, W9_K, replace=False) for _ in range(W9_POOL)])
    delta = rng.standard_normal((W9_POOL, W9_K, W9_COLS), dtype=np.float32)
    return {"c": c, "idx": idx.astype(np.int64), "delta": delta}


def w4_step(state, x, y):
    """One logistic-regression SGD step with hand-written gradients; returns the cost."""
    n = x.shape[0]
    w, b = state["w"], state["b"]
    p = 1 / (1 + np.exp(-(x @ w) - b))
    cost = np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)) + np.float32(0.01) * np.sum(w * w)
    gw = x.T @ (p - y) / np.float32(n) + np.float32(0.02) * w
    gb = np.mean(p - y)
    state["w"] = w - np.float32(0.1) * gw
    state["b"] = b - np.float32(0.1) * gb
    return cost


def w5_step(state, x, y, lr=np.float32(0.01)):
    """One MLP SGD step (forward, hand-written backward, in-place update); returns the loss."""
    n = x.shape[0]
    rows = np.arange(n)
    h = np.tanh(x @ state["w1"] + state["b1"])
    logits = h @ state["w2"] + state["b2"]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, y].mean()
    d_logits = np.exp(log_p)
    d_logits[rows, y] -= 1
    d_logits /= np.float32(n)
    d_h = (d_logits @ state["w2"].T) * (1 - h * h)
    state["w2"] -= lr * (h.T @ d_logits)
    state["b2"] -= lr * d_logits.sum(axis=0)
    state["w1"] -= lr * (x.T @ d_h)
    state["b1"] -= lr * d_h.sum(axis=0)
    return loss


def w4_state(d):
    return {"w": d["w"].copy(), "b": np.float32(0)}


def w5_state(d):
    return {"w1": d["w1"].copy(), "b1": np.zeros(500, np.float32),
            "w2": d["w2"].copy(), "b2": np.zeros(10, np.float32)}


def expected_w4():
    d = w4()
    s = w4_state(d)
    return np.array([w4_step(s, d["x"], d["y"]) for _ in range(2)], np.float32)


def expected_w5():
    d = w5()
    s = w5_state(d)
    return np.array([w5_step(s, d["x"], d["y"]) for _ in range(2)], np.float32)


def expected():
    """NumPy's results the C++ benchmarks check their first calls against."""
    out = {}
    d = w1()
    out["w1_out_every_1000th"] = (np.exp(d["x"]) * d["y"] + np.tanh(d["z"]) - d["x"] * d["x"])[::1000]
    out["w2_out"] = np.sum(w2()["x"] ** 2, axis=1)
    d = w3()
    out["w3_c_every_16th"] = (d["a"] @ d["b"])[::16, ::16]
    out["w4_cost_steps_1_2"] = expected_w4()
    out["w5_loss_steps_1_2"] = expected_w5()
    d = w9()
    c, idx = d["c"], d["idx"][0]
    c[idx] += d["delta"][0]
    out["w9_rows_after_call_1"] = c[idx]
    out["w10_out"] = np.array(2.0)
    return out
