"""Golden data for the theano.ops.blas tests (run with /usr/bin/python3, numpy 1.24).

Writes tests/data/blas/<case>_<dtype>_{a,b,out}.npy: the operands and NumPy's
result of numpy.dot / numpy.tensordot / a batched matmul for every rank
combination and dtype the plugin covers (int8 with values that overflow, so
the wrapping integer loop is checked too).
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "blas")
DTYPES = ["float32", "float64", "complex64", "complex128", "int32", "int8", "int64"]

# name -> (shape of a, shape of b, function)
DOT_CASES = {
    "dot_1_1": ((7,), (7,), np.dot),
    "dot_2_1": ((5, 7), (7,), np.dot),
    "dot_1_2": ((7,), (7, 3), np.dot),
    "dot_2_2": ((5, 7), (7, 3), np.dot),
    "dot_3_2": ((2, 5, 7), (7, 3), np.dot),
    "dot_2_3": ((5, 7), (2, 7, 3), np.dot),
    "dot_3_3": ((2, 3, 4), (3, 4, 2), np.dot),
    "tensordot_2": ((2, 3, 4), (3, 4, 5), lambda a, b: np.tensordot(a, b, 2)),
    "tensordot_axes": ((3, 4, 5), (5, 3, 2), lambda a, b: np.tensordot(a, b, ([0, 2], [1, 0]))),
    "batched_3_3": ((4, 2, 3), (4, 3, 5), np.matmul),
    "batched_2_3": ((4, 3), (4, 3, 5), lambda a, b: np.einsum("bk,bkm->bm", a, b)),
    "batched_3_2": ((4, 2, 3), (4, 3), lambda a, b: np.einsum("bnk,bk->bn", a, b)),
    "batched_2_2": ((4, 3), (4, 3), lambda a, b: np.einsum("bk,bk->b", a, b)),
}


def sample(rng, shape, dtype):
    if dtype == "int8":
        return rng.integers(-100, 100, size=shape).astype(dtype)
    if dtype.startswith("int"):
        return rng.integers(-5, 6, size=shape).astype(dtype)
    x = rng.standard_normal(shape)
    if dtype.startswith("complex"):
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(0)
    for name, (sa, sb, fn) in DOT_CASES.items():
        for dtype in DTYPES:
            a, b = sample(rng, sa, dtype), sample(rng, sb, dtype)
            with np.errstate(over="ignore"):
                out = np.asarray(fn(a, b)).astype(dtype)
            for suffix, arr in (("a", a), ("b", b), ("out", out)):
                np.save(os.path.join(OUT, f"{name}_{dtype}_{suffix}.npy"), arr)


if __name__ == "__main__":
    main()
