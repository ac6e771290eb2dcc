#!/usr/bin/python3
"""Generates the golden files of the values tests (tests/core/values) with NumPy.

Writes into tests/data/npy/:
  dtype_<name>.npy      one small (2, 3) array per dtype, little-endian, format 1.0
  be_<name>.npy         the same values stored big-endian ('>' descr)
  fortran_*.npy         Fortran-ordered arrays (fortran_order True)
  scalar_*.npy          0-d arrays
  empty_*.npy           arrays with a zero dim
  v2_float32.npy        format 2.0 header;  v3_int16.npy: format 3.0 header
  promote_types.txt     numpy.result_type for every pair of dtypes
  can_cast_safe.txt     numpy.can_cast(from, to, 'safe') for every pair
  astype_cases.txt      source values and numpy's astype result for every pair
  float16_cases.txt     float32 / float64 values and the float16 bits NumPy rounds them to
Run from anywhere: /usr/bin/python3 tests/data/gen/make_npy.py
"""
import os
import warnings

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "npy")
NAMES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]


def golden_values(name):
    """The (2, 3) array stored in dtype_<name>.npy (the C++ test repeats these values)."""
    dt = np.dtype(name)
    if dt.kind == "b":
        vals = [True, False, True, False, False, True]
    elif dt.kind == "i":
        info = np.iinfo(dt)
        vals = [0, 1, -2, info.min, info.max, 7]
    elif dt.kind == "u":
        info = np.iinfo(dt)
        vals = [0, 1, 2, info.max - 1, info.max, 7]
    elif dt.kind == "f":
        vals = [0.0, -0.0, 1.5, -2.25, np.inf, np.nan]
    else:
        vals = [1 + 2j, -0.5j, 3, complex(np.inf, 1), complex(np.nan, 0), -1 - 1j]
    return np.array(vals, dtype=dt).reshape(2, 3)


def save(name, arr, version=None):
    with open(os.path.join(OUT, name), "wb") as f:
        np.lib.format.write_array(f, arr, version=version)


def write_npy_files():
    for name in NAMES:
        arr = golden_values(name)
        save("dtype_%s.npy" % name, arr, version=(1, 0))
        if arr.dtype.itemsize > 1:
            save("be_%s.npy" % name, arr.astype(arr.dtype.newbyteorder(">")), version=(1, 0))
    save("fortran_float64.npy", np.asfortranarray(np.arange(6.0).reshape(2, 3) * 1.5))
    save("fortran_int32_3d.npy", np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4)))
    save("scalar_float64.npy", np.array(3.25))
    save("scalar_bool.npy", np.array(True))
    save("scalar_complex128.npy", np.array(1.5 - 2j))
    save("empty_float32_0x3.npy", np.zeros((0, 3), dtype=np.float32))
    save("empty_int64_0.npy", np.zeros((0,), dtype=np.int64))
    save("v2_float32.npy", np.arange(5, dtype=np.float32) / 4, version=(2, 0))
    save("v3_int16.npy", np.arange(-3, 3, dtype=np.int16).reshape(3, 2), version=(3, 0))


def write_tables():
    with open(os.path.join(OUT, "promote_types.txt"), "w") as f:
        f.write("# row dtype, then numpy.result_type(row, column) for columns in this order:\n")
        f.write("# " + " ".join(NAMES) + "\n")
        for a in NAMES:
            f.write(a + " " + " ".join(np.result_type(np.dtype(a), np.dtype(b)).name for b in NAMES) + "\n")
    with open(os.path.join(OUT, "can_cast_safe.txt"), "w") as f:
        f.write("# from-dtype, then numpy.can_cast(from, to, 'safe') (1/0) for to in this order:\n")
        f.write("# " + " ".join(NAMES) + "\n")
        for a in NAMES:
            f.write(a + " " + " ".join(str(int(np.can_cast(a, b, "safe"))) for b in NAMES) + "\n")


def source_values(name, to_kind):
    """Values cast from dtype `name`; NaN/inf and out-of-range floats only where
    NumPy's result is defined (not for integer targets)."""
    dt = np.dtype(name)
    if dt.kind == "b":
        return [False, True]
    if dt.kind in "iu":
        info = np.iinfo(dt)
        vals = [0, 1, 2, 7, 100, 127, info.max, info.min, info.max // 3]
        if dt.kind == "i":
            vals += [-1, -2, -100, -129 if info.min < -129 else -128]
        else:
            vals += [255, 256 if info.max >= 256 else 254, 65535 if info.max >= 65535 else 3]
        return vals
    floats = [0.0, -0.0, 0.5, 1.5, 2.5, -1.7, 3.75, 100.25, -100.75, 127.5, 250.0, -0.4,
              1e-3, 65504.0, 1000.5, -3000.25]
    if to_kind not in "iu":
        floats += [np.inf, -np.inf, np.nan, 1e-8, 70000.0, 1e30]
    if dt.kind == "f":
        return floats
    return [complex(x, y) for x, y in zip(floats, floats[::-1])]


def encode(value, kind):
    if kind == "b":
        return str(int(bool(value)))
    if kind in "iu":
        return str(int(value))
    if kind == "f":
        return float(value).hex()
    return float(value.real).hex() + "," + float(value.imag).hex()


def write_astype():
    lines = ["# from to | source values | numpy astype results (floats as float.hex, complex re,im)"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for a in NAMES:
            for b in NAMES:
                src = np.array(source_values(a, np.dtype(b).kind), dtype=a)
                dst = src.astype(b)
                ka, kb = np.dtype(a).kind, np.dtype(b).kind
                lines.append("%s %s | %s | %s" % (a, b, " ".join(encode(v, ka) for v in src),
                                                  " ".join(encode(v, kb) for v in dst)))
    with open(os.path.join(OUT, "astype_cases.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def write_float16_cases():
    rng = np.random.default_rng(1234)
    edge = [0.0, -0.0, 1.0, -1.0, 65504.0, 65519.99, 65520.0, 65536.0, 1e10, -1e10,
            2.0 ** -14, 2.0 ** -24, 2.0 ** -25, 2.0 ** -25 * 1.0000001, 2.0 ** -26, 3 * 2.0 ** -25,
            2.0 ** -14 - 2.0 ** -25, 1.0 + 2.0 ** -11, 1.0 + 3 * 2.0 ** -11, 1.0 + 2.0 ** -11 + 2.0 ** -20,
            0.1, 1.0 / 3, np.inf, -np.inf, 5.960464477539063e-08, 6.097555160522461e-05]
    mags = np.exp(rng.uniform(np.log(1e-9), np.log(1e6), 400)) * rng.choice([-1, 1], 400)
    # exact ties: half-way between two adjacent float16 values
    h = rng.integers(0, 0x7bff, 200, dtype=np.uint16)
    lo = h.view(np.float16).astype(np.float64)
    hi = (h + 1).view(np.float16).astype(np.float64)
    ties = list((lo + hi) / 2)
    values = edge + list(mags) + ties
    with open(os.path.join(OUT, "float16_cases.txt"), "w") as f:
        f.write("# kind value(float.hex) float16-bits(hex): numpy's astype(float16) from float32 / float64\n")
        for v in values:
            f32 = np.float32(v)
            f.write("f32 %s %04x\n" % (float(f32).hex(), int(np.array(f32).astype(np.float16).view(np.uint16))))
            f.write("f64 %s %04x\n" % (float(v).hex(), int(np.array(v).astype(np.float16).view(np.uint16))))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_npy_files()
    write_tables()
    write_astype()
    write_float16_cases()
