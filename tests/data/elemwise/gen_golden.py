#!/usr/bin/python3
"""Golden values of the elemwise plugin's scalar ops, made with NumPy/SciPy.

Writes one float64 .npy per case into golden/: row i < nin is input i (values
exactly representable in the case's input dtype), the last row the reference
output computed in float64 (or in the integer dtype itself, wrapping as NumPy
does), and a manifest.txt with one line per case:

    <op> <input dtypes, comma-separated> <file>

Run from this folder: /usr/bin/python3 gen_golden.py (Debian's python3-numpy
and python3-scipy). The C++ test (tests/plugins/elemwise/golden_test.cpp)
checks values and tolerances; output dtypes are tested by hand elsewhere.
"""
import os

import numpy as np
import scipy.special as sp

RNG = np.random.default_rng(20261122)
OUT = "golden"
N_RANDOM = 40


def floats(edge, lo, hi, dtype):
    vals = np.concatenate([np.array(edge, dtype=np.float64), RNG.uniform(lo, hi, N_RANDOM)])
    return vals.astype(dtype).astype(np.float64)


def ints(edge, lo, hi, dtype):
    vals = np.concatenate([np.array(edge, dtype=np.int64), RNG.integers(lo, hi, N_RANDOM)])
    info = np.iinfo(dtype)
    return np.clip(vals, info.min, info.max).astype(dtype)


# Unary float ops: name -> (reference, edge values, random range).
INF, NAN = np.inf, np.nan
UNARY_FLOAT = {
    "exp": (np.exp, [0, -0.0, 1, -1, 1e-8, 10, 80, -100, 100, INF, -INF, NAN], (-20, 20)),
    "exp2": (np.exp2, [0, 1, -1, 10, 127.5, -149, 200, INF, NAN], (-30, 30)),
    "expm1": (np.expm1, [0, 1e-10, -1e-10, 1e-4, 1, -1, 30, -50, NAN], (-5, 5)),
    "log": (np.log, [1, 0, -1, 1e-30, 1e30, 2.718281828459045, INF, NAN], (0.001, 100)),
    "log2": (np.log2, [1, 2, 1024, 0.5, 0, -1, 3, INF], (0.001, 100)),
    "log10": (np.log10, [1, 10, 1000, 0.1, 0, -1, 7], (0.001, 100)),
    "log1p": (np.log1p, [0, 1e-10, -1e-10, 1e-4, -0.5, -1, -2, 1e10], (-0.9, 10)),
    "sqrt": (np.sqrt, [0, -0.0, 1, 4, 2, 1e-30, 1e30, -1, INF], (0, 1000)),
    "sin": (np.sin, [0, np.pi, np.pi / 2, -np.pi / 2, 1e-7, 100, 1e4], (-10, 10)),
    "cos": (np.cos, [0, np.pi, np.pi / 2, -np.pi / 2, 1e-7, 100, 1e4], (-10, 10)),
    "tan": (np.tan, [0, 1, -1, 1.5, -1.5, 1e-7, 100], (-1.5, 1.5)),
    "arcsin": (np.arcsin, [0, 1, -1, 0.5, -0.5, 1e-7, 1.5], (-1, 1)),
    "arccos": (np.arccos, [0, 1, -1, 0.5, -0.5, 1e-7, 1.5], (-1, 1)),
    "arctan": (np.arctan, [0, 1, -1, 1e10, -1e10, 1e-7, INF], (-10, 10)),
    "sinh": (np.sinh, [0, 1, -1, 1e-7, 20, -20, 100], (-8, 8)),
    "cosh": (np.cosh, [0, 1, -1, 1e-7, 20, -20, 100], (-8, 8)),
    "tanh": (np.tanh, [0, 1, -1, 1e-7, 20, -20, 100, -100, INF, NAN], (-8, 8)),
    "arcsinh": (np.arcsinh, [0, 1, -1, 1e-7, 1e10, -1e10], (-10, 10)),
    "arccosh": (np.arccosh, [1, 2, 1 + 1e-6, 1e10, 0.5], (1, 20)),
    "arctanh": (np.arctanh, [0, 0.5, -0.5, 0.999, -0.999, 1e-7, 1, -1, 2], (-0.99, 0.99)),
    "deg2rad": (np.deg2rad, [0, 90, 180, -360, 1e-7], (-720, 720)),
    "rad2deg": (np.rad2deg, [0, np.pi, -np.pi, 1e-7], (-10, 10)),
    "erf": (sp.erf, [0, 1, -1, 1e-7, 3, -3, 6, -6, INF], (-4, 4)),
    "erfc": (sp.erfc, [0, 1, -1, 1e-7, 3, -3, 9, 26, -6], (-4, 8)),
    "erfinv": (sp.erfinv, [0, 0.5, -0.5, 0.999, -0.999, 1e-7, 0.9999999, 1, -1, 2], (-0.999, 0.999)),
    "erfcinv": (sp.erfcinv, [1, 0.5, 1.5, 0.01, 1.99, 1e-5, 0, 2], (0.001, 1.999)),
    "gamma": (sp.gamma, [1, 2, 0.5, 5, 10, 30, -0.5, -1.5, 1e-5], (0.01, 15)),
    "gammaln": (sp.gammaln, [1, 2, 0.5, 5, 100, 1000, 1e-5, 3.5], (0.01, 50)),
    "psi": (sp.psi, [1, 2, 0.5, 5, 100, 1e-3, -0.5, -1.5, 1.4616321449683622], (0.01, 30)),
    "tri_gamma": (lambda x: sp.polygamma(1, x), [1, 2, 0.5, 5, 100, 1e-3, -0.5], (0.05, 30)),
    "xlogx": (lambda x: np.where(x == 0, 0.0, x * np.log(np.where(x == 0, 1, x))), [0, 1, 0.5, 2, 1e-30], (0, 10)),
    "floor": (np.floor, [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 1e20, -1e20, INF, NAN], (-10, 10)),
    "ceil": (np.ceil, [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 1e20, INF, NAN], (-10, 10)),
    "trunc": (np.trunc, [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 1e20, INF, NAN], (-10, 10)),
    "round_half_to_even": (np.round, [0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999997, 1e20, NAN], (-10, 10)),
    "round_half_away_from_zero": (
        lambda x: np.sign(x) * np.floor(np.abs(x) + 0.5),
        [0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1e15, NAN], (-10, 10)),
    "sgn": (np.sign, [0, -0.0, 1, -1, 1e-30, -1e30, INF, -INF, NAN], (-10, 10)),
    "abs": (np.abs, [0, -0.0, 1, -1, -1e30, -INF, NAN], (-10, 10)),
    "neg": (np.negative, [0, -0.0, 1, -1, 1e30, INF, NAN], (-10, 10)),
    "inv": (lambda x: 1.0 / x, [1, -1, 2, 0.5, 1e-30, 1e30, INF], (0.1, 10)),
    "sqr": (np.square, [0, 1, -1, 1e20, 1e-20, 3, INF], (-10, 10)),
    "identity": (lambda x: x, [0, -0.0, 1, INF, NAN], (-10, 10)),
    "isnan": (np.isnan, [0, 1, INF, -INF, NAN], (-10, 10)),
    "isinf": (np.isinf, [0, 1, INF, -INF, NAN], (-10, 10)),
}
# Binary float ops: name -> (reference, edge pairs, random ranges of a and b).
BINARY_FLOAT = {
    "add": (np.add, [(1, 2), (INF, -INF), (1e30, 1e30), (NAN, 1)], (-10, 10), (-10, 10)),
    "sub": (np.subtract, [(1, 2), (INF, INF), (0, -0.0)], (-10, 10), (-10, 10)),
    "mul": (np.multiply, [(2, 3), (0, INF), (-0.0, 1), (1e30, 1e30)], (-10, 10), (-10, 10)),
    "true_div": (np.true_divide, [(1, 2), (1, 0), (-1, 0), (0, 0), (1, 3)], (-10, 10), (0.5, 10)),
    "int_div": (np.floor_divide, [(7, 2), (-7, 2), (7, -2), (-7, -2), (1, 0.1), (5, 0), (-0.0, 3)],
                (-10, 10), (0.5, 5)),
    "mod": (np.mod, [(7, 2), (-7, 2), (7, -2), (-7, -2), (1, 0.1), (5, 0), (6, 3), (-6, 3)],
            (-10, 10), (0.5, 5)),
    "pow": (np.power, [(2, 3), (2, -1), (0, 0), (0, 2), (-2, 3), (-8, 1.0 / 3), (4, 0.5), (1, INF)],
            (0.1, 10), (-3, 3)),
    "maximum": (np.maximum, [(1, 2), (NAN, 1), (1, NAN), (-0.0, 0), (INF, -INF)], (-10, 10), (-10, 10)),
    "minimum": (np.minimum, [(1, 2), (NAN, 1), (1, NAN), (-0.0, 0), (INF, -INF)], (-10, 10), (-10, 10)),
    "arctan2": (np.arctan2, [(0, 1), (1, 0), (0, -1), (-0.0, -1), (1, 1), (-1, -1)], (-10, 10), (-10, 10)),
    "xlogy0": (lambda x, y: np.where(x == 0, 0.0, x * np.log(np.where(x == 0, 1, y))),
               [(0, 0), (0, 5), (1, 1), (2, 3)], (0, 5), (0.1, 5)),
    "lt": (np.less, [(1, 2), (2, 1), (1, 1), (NAN, 1)], (-3, 3), (-3, 3)),
    "gt": (np.greater, [(1, 2), (2, 1), (1, 1), (NAN, 1)], (-3, 3), (-3, 3)),
    "le": (np.less_equal, [(1, 2), (2, 1), (1, 1), (NAN, 1)], (-3, 3), (-3, 3)),
    "ge": (np.greater_equal, [(1, 2), (2, 1), (1, 1), (NAN, 1)], (-3, 3), (-3, 3)),
    "eq": (np.equal, [(1, 2), (1, 1), (-0.0, 0), (NAN, NAN)], (-3, 3), (-3, 3)),
    "neq": (np.not_equal, [(1, 2), (1, 1), (-0.0, 0), (NAN, NAN)], (-3, 3), (-3, 3)),
}
# Integer ops: name -> (reference, edge pairs, random ranges). Computed in the
# integer dtype itself, so overflow wraps as in NumPy (and in our kernels).
BINARY_INT = {
    "add": (np.add, [(100, 100), (-128, -1), (5, -5)], (-50, 50), (-50, 50)),
    "sub": (np.subtract, [(-100, 100), (0, -128), (5, 5)], (-50, 50), (-50, 50)),
    "mul": (np.multiply, [(16, 16), (-128, -1), (7, -3)], (-12, 12), (-12, 12)),
    "int_div": (np.floor_divide, [(7, 2), (-7, 2), (7, -2), (-7, -2), (5, 0), (0, 3), (-128, -1)],
                (-100, 100), (1, 10)),
    "mod": (np.mod, [(7, 2), (-7, 2), (7, -2), (-7, -2), (5, 0), (6, 3), (-128, -1)],
            (-100, 100), (1, 10)),
    "pow": (np.power, [(2, 3), (0, 0), (-2, 3), (3, 4), (2, 7), (-1, 5)], (-4, 4), (0, 5)),
    "maximum": (np.maximum, [(1, 2), (-128, 127)], (-100, 100), (-100, 100)),
    "minimum": (np.minimum, [(1, 2), (-128, 127)], (-100, 100), (-100, 100)),
    "and": (np.bitwise_and, [(12, 10), (-1, 77)], (-100, 100), (-100, 100)),
    "or": (np.bitwise_or, [(12, 10), (0, 77)], (-100, 100), (-100, 100)),
    "xor": (np.bitwise_xor, [(12, 10), (-1, 77)], (-100, 100), (-100, 100)),
    "lt": (np.less, [(1, 2), (2, 1), (1, 1)], (-3, 3), (-3, 3)),
    "eq": (np.equal, [(1, 2), (1, 1)], (-3, 3), (-3, 3)),
}
UNARY_INT = {
    "neg": (np.negative, [0, 1, -1, -128, 127], (-100, 100)),
    "abs": (np.abs, [0, 1, -1, -128, 127], (-100, 100)),
    "sgn": (np.sign, [0, 1, -1, -128, 127], (-100, 100)),
    "sqr": (np.square, [0, 3, -3, 12, -128], (-11, 11)),
    "invert": (np.invert, [0, 1, -1, -128, 127], (-100, 100)),
    "identity": (lambda x: x, [0, 1, -1], (-100, 100)),
}


def save(manifest, op, dtypes, rows):
    name = f"{op}__{'_'.join(dtypes)}.npy"
    arr = np.array([np.asarray(r, dtype=np.float64) for r in rows])
    np.save(os.path.join(OUT, name), arr)
    manifest.append(f"{op} {','.join(dtypes)} {name}")


REDUCE_AXES = [None, (0,), (1,), (2,), (-1,), (0, 2), (1, 2), (0, 1, 2)]
REDUCE_OPS = {
    "sum": (np.sum, ("float32", "float64", "int8", "int32", "uint8", "bool")),
    "prod": (np.prod, ("float32", "float64", "int32")),
    "max": (np.max, ("float32", "float64", "int32", "uint8", "bool")),
    "min": (np.min, ("float32", "float64", "int32", "uint8")),
    "all": (np.all, ("bool", "int32", "float64")),
    "any": (np.any, ("bool", "int32", "float64")),
    "mean": (np.mean, ("float32", "float64", "int32")),
    "var": (np.var, ("float32", "float64")),
    "std": (np.std, ("float64",)),
    "argmax": (np.argmax, ("float32", "int32")),
    "argmin": (np.argmin, ("float64", "uint8")),
}


def reduce_input(dtype):
    shape = (3, 4, 5)
    if dtype == "bool":
        return RNG.integers(0, 4, shape) > 0
    if dtype in ("int8", "int32"):
        return RNG.integers(-5, 6, shape).astype(dtype)
    if dtype == "uint8":
        return RNG.integers(0, 200, shape).astype(dtype)
    return RNG.uniform(0.5, 1.6, shape).astype(dtype) * RNG.choice([-1, 1], shape).astype(dtype)


def reductions():
    """golden_reduce/in_<dtype>.npy inputs; golden_reduce/out_<op>_<dtype>.npy: every
    case's output flattened (float64) one after another. manifest_reduce.txt lines:
    <op> <dtype> <axes: all or comma list> <keepdims 0/1> <input> <output> <offset> <shape>
    with shape as comma list ("-" for 0-d)."""
    folder = "golden_reduce"
    os.makedirs(folder, exist_ok=True)
    inputs = {}
    lines = []
    for op, (fn, dtypes) in REDUCE_OPS.items():
        for dtype in dtypes:
            if dtype not in inputs:
                inputs[dtype] = reduce_input(dtype)
                np.save(os.path.join(folder, f"in_{dtype}.npy"), inputs[dtype])
            x = inputs[dtype]
            chunks, offset = [], 0
            out_name = f"out_{op}_{dtype}.npy"
            for axes in REDUCE_AXES:
                arg = op.startswith("arg")
                if arg and axes is not None and len(axes) != 1:
                    continue
                for keep in (0, 1):
                    if keep and (arg or axes not in (None, (1,), (0, 2))):
                        continue
                    kwargs = {"axis": axes if axes is None or not arg else axes[0]}
                    if not arg:
                        kwargs["keepdims"] = bool(keep)
                    y = np.asarray(fn(x, **kwargs))
                    tag = "all" if axes is None else ",".join(str(a) for a in axes)
                    shape = ",".join(str(d) for d in y.shape) or "-"
                    lines.append(f"{op} {dtype} {tag} {keep} in_{dtype}.npy {out_name} {offset} {shape}")
                    chunks.append(y.astype(np.float64).ravel())
                    offset += y.size
            np.save(os.path.join(folder, out_name), np.concatenate(chunks))
    with open("manifest_reduce.txt", "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} reduction cases")


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = []
    with np.errstate(all="ignore"):
        for dtype in ("float32", "float64"):
            for op, (fn, edge, (lo, hi)) in UNARY_FLOAT.items():
                x = floats(edge, lo, hi, dtype)
                save(manifest, op, [dtype], [x, fn(x)])
            for op, (fn, edge, ra, rb) in BINARY_FLOAT.items():
                a = floats([p[0] for p in edge], *ra, dtype)
                b = floats([p[1] for p in edge], *rb, dtype)
                save(manifest, op, [dtype, dtype], [a, b, fn(a, b)])
            x = floats([0.5, -3, 7, NAN, 1, -1], -3, 3, dtype)
            save(manifest, "clip", [dtype] * 3,
                 [x, np.full_like(x, -1), np.full_like(x, 1), np.clip(x, -1, 1)])
        for dtype in ("int8", "int32", "int64"):
            for op, (fn, edge, ra, rb) in BINARY_INT.items():
                a = ints([p[0] for p in edge], *ra, dtype)
                b = ints([p[1] for p in edge], *rb, dtype)
                save(manifest, op, [dtype, dtype], [a, b, fn(a, b)])
            for op, (fn, edge, (lo, hi)) in UNARY_INT.items():
                x = ints(edge, lo, hi, dtype)
                save(manifest, op, [dtype], [x, fn(x)])
        for dtype in ("uint8", "uint32"):
            for op in ("add", "sub", "mul", "int_div", "mod", "maximum", "xor"):
                fn = BINARY_INT[op][0] if op in BINARY_INT else np.subtract
                a = ints([0, 255, 7, 200], 0, 250, dtype)
                b = ints([1, 1, 0, 56], 0, 20, dtype)
                save(manifest, op, [dtype, dtype], [a, b, fn(a, b)])
        c = np.array(RNG.integers(0, 2, 40), dtype=bool)
        a = floats([], -5, 5, "float32")[:40]
        b = floats([], -5, 5, "float32")[:40]
        save(manifest, "switch", ["bool", "float32", "float32"], [c, a, b, np.where(c, a, b)])
        p = np.array([True, True, False, False] * 3)
        q = np.array([True, False, True, False] * 3)
        for op, fn in (("and", np.logical_and), ("or", np.logical_or), ("xor", np.logical_xor),
                       ("add", np.logical_or), ("mul", np.logical_and), ("maximum", np.logical_or)):
            save(manifest, op, ["bool", "bool"], [p, q, fn(p, q)])
        save(manifest, "invert", ["bool"], [p, ~p])
    with open("manifest.txt", "w") as f:
        f.write("\n".join(manifest) + "\n")
    print(f"{len(manifest)} cases")
    reductions()


if __name__ == "__main__":
    main()
