"""Writes the workloads' inputs (workloads.py) and NumPy's expected results
as .npy files into DIR, for the C++ benchmarks' --data DIR. Skips the work
when DIR/stamp matches the hash of workloads.py. Usage: gen_data.py DIR"""
import hashlib
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402


def main(out_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "workloads.py"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    stamp = os.path.join(out_dir, "stamp")
    if os.path.exists(stamp) and open(stamp).read() == digest:
        return
    os.makedirs(out_dir, exist_ok=True)
    for wid in ("w1", "w2", "w3", "w4", "w5", "w9"):
        for name, array in getattr(workloads, wid)().items():
            np.save(os.path.join(out_dir, f"{wid}_{name}.npy"), array)
    for name, array in workloads.expected().items():
        np.save(os.path.join(out_dir, f"{name}.npy"), array)
    with open(stamp, "w") as f:
        f.write(digest)


if __name__ == "__main__":
    main(sys.argv[1])
