#!/usr/bin/python3
"""Golden values for the indexed cross-entropy tests
(tests/plugins/nnet/xent_index_test.cpp): mean(-log(softmax(x + b))[arange(n), y])
and its gradients, computed with NumPy in float64. Writes .npy files into
tests/data/nnet/. Run from the repository root:
/usr/bin/python3 tests/data/gen/gen_nnet_xent_index.py"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "nnet")
rng = np.random.RandomState(7)


def save(name, a):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(a))


def log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))


x = rng.standard_normal((6, 5)) * 3
x[0, :] = [1000.0, -1000.0, 0.0, 999.0, 5.0]  # extreme logits: still finite
b = rng.standard_normal(5)
y = np.array([3, 1, 4, 0, 0, 2], dtype=np.int32)
n = x.shape[0]
onehot = np.zeros_like(x)
onehot[np.arange(n), y] = 1
for name, bias in (("nobias", np.zeros(5)), ("bias", b)):
    z = x + bias
    loss = -log_softmax(z)[np.arange(n), y].mean()
    gz = (np.exp(log_softmax(z)) - onehot) / n  # d loss / d z
    save("xent_index_%s_loss" % name, np.array([loss]))  # shape (1,)
    save("xent_index_%s_gx" % name, gz)
    save("xent_index_%s_gb" % name, gz.sum(axis=0))
save("xent_index_x", x)
save("xent_index_b", b)
save("xent_index_y", y)
