#!/usr/bin/python3
"""Golden .npy files for the structural ops of theano.ops.tensor.

Run from anywhere with /usr/bin/python3 (NumPy 1.24): writes into
tests/data/tensor/structure/. Inputs are deterministic (arange-based) so the
C++ tests rebuild them without reading input files.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tensor", "structure")


def save(name, array):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(array))


def main():
    os.makedirs(OUT, exist_ok=True)
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4) * 0.5 - 3.0  # the shared input
    save("x", x)
    save("reshape_4_m1", x.reshape(4, -1))
    save("reshape_m1_2_3", x.reshape(-1, 2, 3))
    save("flatten_2", x.reshape(2, -1))
    save("transpose_reshape", x.transpose(2, 0, 1).reshape(4, 6))
    save("arange_int", np.arange(3, 20, 4))
    save("arange_neg_step", np.arange(10, -7, -3))
    save("arange_float32", np.arange(0.1, 2.0, 0.3, dtype=np.float32))
    save("arange_float64", np.arange(-1.0, 1.0, 0.15))
    save("eye_4_5_k1", np.eye(4, 5, 1, dtype=np.float32))
    save("eye_4_3_km2", np.eye(4, 3, -2, dtype=np.float32))
    save("tri_4_5_k1", np.tri(4, 5, 1, dtype=np.float32))
    m = x[0]
    save("tril_k0", np.tril(m))
    save("triu_k1", np.triu(m, 1))
    save("tril_3d_km1", np.tril(x, -1))
    save("concat_axis1", np.concatenate([x, x[:, :2] * 2], axis=1))
    save("concat_axis2", np.concatenate([x, x[:, :, :1] + 1, x], axis=2))
    save("stack_axis1", np.stack([x[0], x[1]], axis=1))
    save("split_axis2_a", x[:, :, :1])
    save("split_axis2_b", x[:, :, 1:4])
    save("tile_2_1_3", np.tile(x, (2, 1, 3)))
    save("tile_vector_2x3", np.tile(np.arange(3, dtype=np.float32), (2, 3)))
    save("repeat_axis1_2", np.repeat(x, 2, axis=1))
    save("repeat_flat_3", np.repeat(x, 3))
    save("repeat_axis2_counts", np.repeat(x, [0, 2, 1, 3], axis=2))
    save("diag_k1", np.diag(m, 1))
    save("diag_km1", np.diag(m, -1))
    save("diagonal_3d", np.diagonal(x, 1, 1, 2))
    save("diag_vector_k2", np.diag(np.arange(1, 4, dtype=np.float32), 2))


if __name__ == "__main__":
    main()
