#!/usr/bin/python3
"""Golden data for the extra ops of theano.ops.tensor (sort, argsort, topk,
searchsorted, cumsum/cumprod, diff, bincount, unique).

Run with /usr/bin/python3 (numpy 1.24) from the repository root:
    /usr/bin/python3 tests/data/gen/gen_tensor_extra.py
Writes tests/data/tensor/extra/*.npy. Argsorts use kind='stable' (ours is
always stable), so ties have one right answer.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "tensor", "extra")


def save(name, array):
    np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(array))


def sorting():
    rng = np.random.default_rng(7)
    x = rng.integers(-3, 4, size=(4, 6)).astype(np.float64)  # many ties
    x[1, 2] = np.nan
    x[3, 0] = np.nan
    x[3, 4] = np.nan
    x[2, 5] = -np.inf
    save("sort_x", x)
    for axis, tag in ((1, "axis1"), (0, "axis0"), (None, "flat")):
        save("sort_" + tag, np.sort(x, axis=axis))
        save("argsort_" + tag, np.argsort(x, axis=axis, kind="stable").astype(np.int64))
    xi = rng.integers(-50, 50, size=(3, 2, 5)).astype(np.int32)
    save("sort_int_x", xi)
    save("sort_int_axis1", np.sort(xi, axis=1))
    save("argsort_int_axis2", np.argsort(xi, axis=2, kind="stable").astype(np.int64))
    big = rng.standard_normal((200, 200)).astype(np.float32)
    save("sort_big_x", big)
    save("sort_big_axis0", np.sort(big, axis=0))


def topk():
    rng = np.random.default_rng(11)
    x = rng.permutation(24).reshape(4, 6).astype(np.float64) / 4.0 - 2.0  # distinct
    save("topk_x", x)
    order = np.argsort(-x, axis=1, kind="stable")[:, :2]
    save("topk_k2_axis1_idx", order.astype(np.int64))
    save("topk_k2_axis1_val", np.take_along_axis(x, order, axis=1))
    order = np.argsort(x, axis=0, kind="stable")[:3, :]
    save("topk_km3_axis0_idx", order.astype(np.int64))
    save("topk_km3_axis0_val", np.take_along_axis(x, order, axis=0))
    flat = np.argsort(-x, axis=None, kind="stable")[:5]
    save("topk_k5_flat_idx", flat.astype(np.int64))
    save("topk_k5_flat_val", x.ravel()[flat])


def searchsorted():
    a = np.array([-1.0, 0.0, 0.0, 2.5, 2.5, 2.5, 7.0, np.nan])
    v = np.array([[-5.0, 0.0, 2.5], [3.0, 7.0, np.nan]])
    save("ss_a", a)
    save("ss_v", v)
    save("ss_left", np.searchsorted(a, v, side="left").astype(np.int64))
    save("ss_right", np.searchsorted(a, v, side="right").astype(np.int64))
    rng = np.random.default_rng(3)
    unsorted = rng.standard_normal(9)
    sorter = np.argsort(unsorted, kind="stable").astype(np.int64)
    q = rng.standard_normal(5)
    save("ss_unsorted", unsorted)
    save("ss_sorter", sorter)
    save("ss_q", q)
    save("ss_sorter_left", np.searchsorted(unsorted, q, sorter=sorter).astype(np.int64))


def cumulative():
    rng = np.random.default_rng(5)
    x = rng.uniform(0.5, 1.5, size=(3, 4, 2))
    save("cum_x", x)
    save("cumsum_axis1", np.cumsum(x, axis=1))
    save("cumprod_axis2", np.cumprod(x, axis=2))
    save("cumsum_flat", np.cumsum(x))
    save("cumprod_flat", np.cumprod(x))
    xi = rng.integers(-9, 10, size=(5, 3)).astype(np.int32)
    save("cum_int_x", xi)
    save("cumsum_int_axis0", np.cumsum(xi, axis=0, dtype=np.int32))
    big = rng.uniform(-1, 1, size=(48, 700)).astype(np.float32)
    save("cum_big_x", big)
    save("cumsum_big_axis1", np.cumsum(big, axis=1))


def differences():
    rng = np.random.default_rng(9)
    x = rng.standard_normal((3, 6))
    save("diff_x", x)
    save("diff_n1_axism1", np.diff(x, n=1, axis=-1))
    save("diff_n2_axis0", np.diff(x, n=2, axis=0))
    save("diff_n3_axis1", np.diff(x, n=3, axis=1))
    xi = np.array([1, 4, 9, 16, 25, 36], dtype=np.int64)
    save("diff_int_x", xi)
    save("diff_int_n2", np.diff(xi, n=2))


def counting():
    x = np.array([0, 3, 3, 1, 7, 3, 0], dtype=np.int64)
    w = np.array([0.5, 1.0, 2.0, -1.0, 4.0, 0.25, 3.0])
    save("bin_x", x)
    save("bin_w", w)
    save("bin_counts", np.bincount(x).astype(np.int64))
    save("bin_counts_min10", np.bincount(x, minlength=10).astype(np.int64))
    save("bin_weighted", np.bincount(x, weights=w))
    u = np.array([[3.0, np.nan, 1.0, 3.0], [-2.0, 1.0, np.nan, 0.0]])
    save("uniq_x", u)
    values, index, inverse, counts = np.unique(
        u, return_index=True, return_inverse=True, return_counts=True)
    save("uniq_values", values)
    save("uniq_index", index.astype(np.int64))
    save("uniq_inverse", inverse.reshape(-1).astype(np.int64))
    save("uniq_counts", counts.astype(np.int64))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    sorting()
    topk()
    searchsorted()
    cumulative()
    differences()
    counting()
