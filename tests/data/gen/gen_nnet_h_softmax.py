#!/usr/bin/python3
"""Golden values for the two-level hierarchical softmax test
(tests/plugins/nnet/h_softmax_test.cpp), computed with NumPy in float64.
Writes .npy files into tests/data/nnet/. Run from the repository root:
/usr/bin/python3 tests/data/gen/gen_nnet_h_softmax.py"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "nnet")
rng = np.random.RandomState(11)


def save(name, a):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(a))


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


batch, dim, n_classes, per_class, n_outputs = 4, 3, 3, 2, 5
x = rng.standard_normal((batch, dim))
W1 = rng.standard_normal((dim, n_classes))
b1 = rng.standard_normal(n_classes)
W2 = rng.standard_normal((n_classes, dim, per_class))
b2 = rng.standard_normal((n_classes, per_class))
target = np.array([4, 0, 3, 1], dtype=np.int32)

p_class = softmax(x @ W1 + b1)  # (batch, n_classes)
p_within = softmax(np.einsum("bd,cdk->bck", x, W2) + b2)  # (batch, n_classes, per_class)
p_all = (p_class[:, :, None] * p_within).reshape(batch, -1)[:, :n_outputs]
p_target = p_all[np.arange(batch), target]
for name, a in (("x", x), ("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2), ("target", target),
                ("all", p_all), ("target_probs", p_target)):
    save("h_softmax_" + name, a)
