#!/usr/bin/python3
"""Golden values for the theano.ops.nnet tests (tests/plugins/nnet), computed
with NumPy in float64. Writes .npy files into tests/data/nnet/. Run from the
repository root: /usr/bin/python3 tests/data/gen/gen_nnet.py"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "nnet")
rng = np.random.RandomState(20261122)


def save(name, a):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(a))


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softplus(x):
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def ultra_fast_sigmoid(x):
    t = np.abs(0.5 * x)
    a = np.where(t < 1.7, 1.5 * t / (1 + t),
                 np.where(t < 3, 0.935409070603099 + 0.0458812946797165 * (t - 1.7),
                          0.99505475368673))
    return 0.5 * (np.where(x < 0, -a, a) + 1)


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    m = x.max(axis=axis, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=axis, keepdims=True))


def elu(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(x))


def main():
    os.makedirs(OUT, exist_ok=True)
    # Activations over edge values and random ones.
    v = np.concatenate([[-1000, -745, -100, -30, -20, -3, -1, -0.1, 0, 0.1, 1, 3, 20, 30, 100, 1000],
                        rng.randn(16) * 4])
    save("act_x", v)
    save("sigmoid", sigmoid(v))
    save("softplus", softplus(v))
    save("softsign", v / (1 + np.abs(v)))
    save("ultra_fast_sigmoid", ultra_fast_sigmoid(v))
    save("hard_sigmoid", np.clip(0.2 * v + 0.5, 0, 1))
    save("relu", np.maximum(v, 0))
    save("relu_leaky", np.where(v > 0, v, 0.1 * v))
    save("elu", elu(v, 1.0))
    save("selu", 1.0507009873554804934193349852946 * elu(v, 1.6732632423543772848170429916717))

    # Softmax family on a (4, 5) matrix with one row of huge logits.
    x = rng.randn(4, 5) * 3
    x[3] = [1000, -1000, 999, 0, -5]
    b = rng.randn(5)
    dy = rng.randn(4, 5)
    y = np.array([2, 0, 4, 1], dtype=np.int64)
    save("x", x)
    save("b", b)
    save("dy", dy)
    save("y", y)
    save("softmax_rows", softmax(x, 1))
    save("softmax_cols", softmax(x, 0))
    save("log_softmax_rows", log_softmax(x, 1))
    save("log_softmax_cols", log_softmax(x, 0))
    save("softmax_with_bias", softmax(x + b, 1))
    sm = softmax(x, 1)
    save("softmax_grad", (dy - (dy * sm).sum(1, keepdims=True)) * sm)
    # Cross-entropies on probabilities p.
    p = softmax(rng.randn(4, 5), 1)
    t = np.eye(5)[y]
    save("p", p)
    save("xent_1hot", -np.log(p[np.arange(4), y]))
    save("xent_dense", -(t * np.log(p)).sum(-1))
    g = rng.randn(4)
    save("g", g)
    g1 = np.zeros_like(p)
    g1[np.arange(4), y] = -g / p[np.arange(4), y]
    save("xent_1hot_grad", g1)
    # Fused softmax + cross-entropy with bias (huge row included).
    z = x + b
    save("fused_nll", -log_softmax(z, 1)[np.arange(4), y])
    save("fused_sm", softmax(z, 1))
    save("fused_argmax", z.argmax(1).astype(np.int64))
    save("fused_dx", g[:, None] * (softmax(z, 1) - t))
    # Binary cross-entropies (outputs in (0, 1), logits, targets in [0, 1]).
    o = rng.uniform(0.05, 0.95, size=(3, 4))
    tb = rng.uniform(0, 1, size=(3, 4))
    zl = rng.randn(3, 4) * 5
    zl[0, :2] = [1000, -1000]
    save("bce_o", o)
    save("bce_t", tb)
    save("bce", -(tb * np.log(o) + (1 - tb) * np.log(1 - o)))
    save("bce_z", zl)
    save("sigmoid_bce", softplus(-np.abs(zl)) + zl * ((zl > 0) - tb))


if __name__ == "__main__":
    main()
