"""Reads the uniform lines the benchmarks print and prints one table:
workload, our median, NumPy's and PyTorch's medians with their ratio
peer/ours (> 1: we are faster), our figure as a fraction of the machine's
ceiling (M1 stream triad for bandwidth-bound workloads, M2 cblas_sgemm for
GEMM-bound ones), our compile time and whether our result matched NumPy's.
Usage: table.py RESULTS [--json FILE]. Exit status 1 when a check failed."""
import argparse
import json
import re
import sys

ORDER = ["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11"]
NOT_EXPRESSIBLE = {
    "W6": "LeNet step: needs a conv/pool plugin",
    "W7": "RNN with BPTT: needs a scan plugin",
    "W8": "sparse x dense: needs a sparse plugin",
    "W11": "random numbers: needs a random-streams plugin",
}
# What each workload's figure is measured against: (ceiling, work per call).
# Bandwidth-bound: bytes moved (GB) against M1; GEMM-bound: FLOPs against M2.
W5_FLOPS = 2 * 128 * 784 * 500 * 2 + 2 * 128 * 500 * 10 * 3
WORK = {
    "W1": ("M1", 4 * 10**7 * 4 / 1e9),
    "W2": ("M1", 4000 * 4000 * 4 / 1e9),
    "W3": ("M2", 2 * 2048**3 / 1e9),
    "W4": ("M2", 2 * 2 * 400 * 784 / 1e9),
    "W5": ("M2", W5_FLOPS / 1e9),
    "W9": ("M1", 3 * 200 * 100 * 4 / 1e9),
}
LINE = re.compile(r"^(W\d+|M\d+) (\S+) (\S+) (\S+) (\S+)\s*#\s*min (\S+) max (\S+) k (\d+)")
COMPILE = re.compile(r"^# compile (W\d+) (\S+) (\S+) ms")
CHECK = re.compile(r"^# check (W\d+) (\S+) (\S+) (ok|FAILED|skipped)")


def parse(lines):
    timings, compiles, checks = {}, {}, {}
    for line in lines:
        if m := LINE.match(line):
            wid, impl, med, fig, unit, lo, hi, k = m.groups()
            timings[(wid, impl)] = {"median_s": float(med), "figure": float(fig), "unit": unit,
                                    "min_s": float(lo), "max_s": float(hi), "k": int(k)}
        elif m := COMPILE.match(line):
            compiles[(m[1], m[2])] = float(m[3])
        elif m := CHECK.match(line):
            key = (m[1], m[2])
            if checks.get(key) != "FAILED":
                checks[key] = m[4]
    return timings, compiles, checks


def ceilings(timings):
    def best(wid, tag):
        figs = [t["figure"] for (w, i), t in timings.items() if w == wid and tag in i]
        return max(figs) if figs else None
    return {"M1": best("M1", "2threads"), "M2": best("M2", "2threads")}


def human(seconds):
    if seconds is None:
        return "-"
    for scale, unit in ((1, "s"), (1e-3, "ms"), (1e-6, "us")):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def rows(timings, compiles, checks, ceil):
    out = []
    for wid in ORDER:
        if wid in NOT_EXPRESSIBLE:
            out.append({"workload": wid, "impl": "-", "note": "not expressible yet: "
                        + NOT_EXPRESSIBLE[wid]})
            continue
        ours = sorted(i for (w, i) in timings if w == wid and i.startswith("theanopp"))
        for impl in ours:
            t = timings[(wid, impl)]
            row = {"workload": wid, "impl": impl, "ours_s": t["median_s"],
                   "ours_figure": f"{t['figure']:.4g} {t['unit']}",
                   "ours_min_s": t["min_s"], "ours_max_s": t["max_s"],
                   "compile_ms": compiles.get((wid, impl)), "check": checks.get((wid, impl), "-")}
            for peer in ("numpy", "torch"):
                p = timings.get((wid, peer))
                row[f"{peer}_s"] = p["median_s"] if p else None
                row[f"{peer}_ratio"] = p["median_s"] / t["median_s"] if p else None
            if wid in WORK and ceil.get(WORK[wid][0]):
                name, work = WORK[wid]
                row["ceiling"] = name
                row["ceiling_fraction"] = work / t["median_s"] / ceil[name]
            out.append(row)
    return out


def fmt_ratio(r):
    return "-" if r is None else f"{r:.2f}x"


def print_table(table, ceil, timings):
    head = ["workload", "impl", "ours", "numpy", "numpy/ours", "torch", "torch/ours",
            "of ceiling", "compile", "check"]
    lines = []
    for r in table:
        if "note" in r:
            lines.append([r["workload"], r["note"]] + [""] * 8)
            continue
        frac = (f"{100 * r['ceiling_fraction']:.1f}% {r['ceiling']}"
                if r.get("ceiling_fraction") is not None else "-")
        comp = "-" if r["compile_ms"] is None else f"{r['compile_ms']:.1f} ms"
        lines.append([r["workload"], r["impl"], human(r["ours_s"]), human(r["numpy_s"]),
                      fmt_ratio(r["numpy_ratio"]), human(r["torch_s"]),
                      fmt_ratio(r["torch_ratio"]), frac, comp, r["check"]])
    widths = [max(len(h), *(len(l[i]) for l in lines if l[2])) for i, h in enumerate(head)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for l in lines:
        if not l[2]:
            print(f"| {l[0]} | {l[1]} |" + " |" * 8)
        else:
            print("| " + " | ".join(c.ljust(w) for c, w in zip(l, widths)) + " |")
    m1 = f"{ceil['M1']:.3g} GB/s" if ceil["M1"] else "not measured"
    m2 = f"{ceil['M2']:.4g} GFLOP/s" if ceil["M2"] else "not measured"
    print(f"\nCeilings (2 threads): M1 stream triad {m1}; M2 cblas_sgemm 2048^3 {m2}.")
    for wid in ("W1", "W2"):
        a = timings.get((wid, "c_loop_fastmath"))
        if a:
            print(f"M3 {wid} fused C loop (-ffast-math): {human(a['median_s'])}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--json")
    args = parser.parse_args()
    with open(args.results) as f:
        timings, compiles, checks = parse(f)
    ceil = ceilings(timings)
    table = rows(timings, compiles, checks, ceil)
    print_table(table, ceil, timings)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rows": table, "ceilings": ceil,
                       "lines": [{"workload": w, "impl": i, **t} for (w, i), t in timings.items()]},
                      f, indent=1)
    failed = sorted(f"{w} {i}" for (w, i), c in checks.items() if c == "FAILED")
    if failed:
        print("\nWRONG RESULTS (check against NumPy failed): " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
