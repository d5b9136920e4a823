#!/usr/bin/python3
"""The golden baseline: compare a fresh run with the committed reference, or
summarise a run file so that `git diff` shows which numbers moved.

  golden.py compare GOLDEN.h5 FRESH.h5   exit 0 when every dataset and its
                                          attributes are identical, else 1,
                                          naming the first datasets that differ
  golden.py summary RUN.h5                one line per dataset: shape, sum,
                                          min, max, last value (stdout)

Provenance that differs between two runs of the same scenario (wall-clock
times, build, thread count, file paths) is not compared; everything else is,
bit for bit.
"""
import sys

import h5py
import numpy as np

# Root attributes that describe how and when a run was made, not what it computed.
PROVENANCE = {"started_at", "finished_at", "git_commit", "jiceng_version", "threads",
              "scenario_file", "scenario_sources"}
MAX_REPORTED = 12


def datasets(f):
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, obj) if isinstance(obj, h5py.Dataset) else None)
    return out


def attrs(obj, skip=()):
    return {k: obj.attrs[k] for k in obj.attrs.keys() if k not in skip and k not in ("DIMENSION_LIST", "REFERENCE_LIST")}


def same_value(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.dtype.kind != b.dtype.kind:
        return False
    if a.dtype.kind == "f":
        # Bit for bit: NaN equals NaN, -0.0 differs from 0.0.
        return a.tobytes() == b.tobytes()
    return np.array_equal(a, b)


def short(value, limit=160):
    """A value for a message: long texts are cut, multi-line texts show their first differing line."""
    text = value.decode(errors="replace") if isinstance(value, bytes) else repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def text_difference(a, b):
    a = a.decode(errors="replace") if isinstance(a, bytes) else str(a)
    b = b.decode(errors="replace") if isinstance(b, bytes) else str(b)
    la, lb = a.splitlines(), b.splitlines()
    for k in range(max(len(la), len(lb))):
        x = la[k] if k < len(la) else "(end)"
        y = lb[k] if k < len(lb) else "(end)"
        if x != y:
            return f"line {k + 1}: baseline {short(x)!r}, now {short(y)!r}"
    return f"baseline {short(a)}, now {short(b)}"


def describe_difference(name, a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        return f"{name}: shape {a.shape} in the baseline, {b.shape} now"
    if a.dtype.kind in "fiu" and b.dtype.kind in "fiu":
        diff = np.argwhere(~((a == b) | (np.isnan(a.astype(float)) & np.isnan(b.astype(float)))))
        if len(diff) == 0:
            return f"{name}: same values, different type or bits ({a.dtype} vs {b.dtype})"
        first = tuple(int(x) for x in diff[0])
        return (f"{name}: {len(diff)} of {a.size} values differ; first at index {first}: "
                f"baseline {a[first]!r}, now {b[first]!r}")
    return f"{name}: {text_difference(a.item() if a.size == 1 else a, b.item() if b.size == 1 else b)}"


def compare(golden_path, fresh_path):
    problems, attr_problems = [], []
    with h5py.File(golden_path, "r") as g, h5py.File(fresh_path, "r") as f:
        ga, fa = attrs(g, PROVENANCE), attrs(f, PROVENANCE)
        for k in sorted(set(ga) | set(fa)):
            if k not in fa:
                attr_problems.append(f"root attribute {k}: in the baseline, missing now")
            elif k not in ga:
                attr_problems.append(f"root attribute {k}: new (not in the baseline)")
            elif not same_value(ga[k], fa[k]):
                attr_problems.append(f"root attribute {k}: {text_difference(ga[k], fa[k])}")
        gd, fd = datasets(g), datasets(f)
        for name in sorted(set(gd) - set(fd)):
            problems.append(f"{name}: in the baseline, missing now")
        for name in sorted(set(fd) - set(gd)):
            problems.append(f"{name}: new dataset (not in the baseline)")
        # Results first (what a reader cares about), then inputs and metadata.
        order = {"timeseries": 0, "snapshots": 1, "changes": 2}
        for name in sorted(set(gd) & set(fd), key=lambda n: (order.get(n.split("/")[0], 3), n)):
            a, b = gd[name][()], fd[name][()]
            if not same_value(a, b):
                problems.append(describe_difference(name, a, b))
            gat, fat = attrs(gd[name]), attrs(fd[name])
            for k in sorted(set(gat) | set(fat)):
                if k not in gat or k not in fat or not same_value(gat[k], fat[k]):
                    problems.append(f"{name} attribute {k}: baseline {short(gat.get(k))}, now {short(fat.get(k))}")
    problems += attr_problems
    if not problems:
        print(f"golden baseline: identical ({golden_path} vs {fresh_path})")
        return 0
    print(f"golden baseline: {len(problems)} differences between {golden_path} and {fresh_path}; the first:")
    for line in problems[:MAX_REPORTED]:
        print("  " + line)
    if len(problems) > MAX_REPORTED:
        print(f"  ... and {len(problems) - MAX_REPORTED} more")
    print("If the change is meant to move these numbers, run `make update-baseline` and say in the "
          "commit message which numbers moved and why (tests/regression/README.md).")
    return 1


def summary(path):
    with h5py.File(path, "r") as f:
        for name, ds in sorted(datasets(f).items()):
            v = ds[()]
            a = np.asarray(v)
            if a.dtype.kind in "fiu" and a.size > 0:
                flat = a.astype(float).ravel()
                print(f"{name} {list(a.shape)} sum={flat.sum():.10g} min={flat.min():.10g} "
                      f"max={flat.max():.10g} last={flat[-1]:.10g}")
            elif a.dtype.kind in "SOU" and a.size == 1:
                text = a.item().decode() if isinstance(a.item(), bytes) else str(a.item())
                print(f"{name} = {text[:60]!r}")
            else:
                print(f"{name} {list(a.shape)} {a.dtype}")
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "compare":
        return compare(argv[2], argv[3])
    if len(argv) == 3 and argv[1] == "summary":
        return summary(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
