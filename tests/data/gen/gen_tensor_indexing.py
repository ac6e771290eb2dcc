#!/usr/bin/python3
"""Golden arrays for tests/plugins/tensor/indexing_*_test.cpp (numpy 1.24).

Every case indexes, sets or increments the same input x = arange(60) (3, 4, 5)
float64 scaled by 0.5; the C++ tests build the same index with T::index and
compare with <case>.npy. Run: /usr/bin/python3 tests/data/gen/gen_tensor_indexing.py
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "tensor", "indexing")

x = np.arange(60, dtype=np.float64).reshape(3, 4, 5) * 0.5
mask2 = np.array([[True, False, True, False], [False, False, True, True],
                  [True, True, False, False]])
mask1 = np.array([True, False, True, True])


def add_at(idx, y):
    r = x.copy()
    np.add.at(r, idx, y)
    return r


def set_at(idx, y):
    r = x.copy()
    r[idx] = y
    return r


CASES = {
    "x": x,
    # basic
    "basic_1_m1": x[1:-1],
    "basic_rev_2": x[::-1, 2],
    "basic_mixed": x[:, ::-2, 1:4],
    "basic_last_step3": x[-1, :, ::3],
    "basic_ellipsis_1": x[..., 1],
    "basic_newaxis": x[None, 1, :, None],
    "basic_neg_bounds": x[-2:-5:-1, 3:0:-2, -1],
    "basic_empty": x[2:1],
    "basic_set_newaxis": set_at((None, 1, slice(None), None), np.arange(20.0).reshape(4, 1, 5)),
    "basic_inc_newaxis": add_at((slice(None), None, -1), np.arange(5.0)),
    # AdvancedSubtensor1 and its inc / set
    "adv1_rows": x[[2, 0, 2, -1]],
    "adv1_inc_repeat": add_at(([0, 2, 0, -3],), np.arange(20.0).reshape(4, 5)),
    "adv1_set": set_at(([1, -1],), -7.0),
    # AdvancedSubtensor
    "adv_nonadjacent": x[[0, 2], :, [1, 3]],
    "adv_adjacent_bcast": x[:, [[0], [2]], [1, 3]],
    "adv_slice_int": x[1:, [0, -1], 2],
    "adv_newaxis": x[None, [1, 2], ::-1],
    "adv_inc_repeat": add_at((slice(None), [1, 1, 3], [0, 0, 4]), 1.5),
    "adv_set_bcast": set_at(([0, 2], slice(1, 3)), np.array([10.0, 20.0, 30.0, 40.0, 50.0])),
    # boolean masks
    "mask_2d": x[mask2],
    "mask_axis1": x[:, mask1],
    "mask_inc": add_at((mask2,), np.arange(5.0)),
    "mask_set": set_at((slice(None), mask1), 0.0),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, value in CASES.items():
        np.save(os.path.join(OUT, name + ".npy"), np.ascontiguousarray(value))
    print("wrote", len(CASES), "arrays to", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
