#!/usr/bin/python3
"""compare_runs.py same|differ A.h5 B.h5: every dataset in /timeseries and
/snapshots (and the resolved scenario) is bit-identical, or some differ."""
import sys

import h5py
import numpy as np

mode, a_path, b_path = sys.argv[1:4]
with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
    names = []
    a.visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
    assert names, "no datasets"
    differing = []
    for name in names:
        if name.startswith("parameters/"):
            continue
        x, y = a[name][()], b[name][()]
        if x.dtype.kind in "fiu":
            same = x.shape == y.shape and np.array_equal(x, y)
        else:
            same = x.shape == y.shape and (x == y).all()
        if not same:
            differing.append(name)
    for key in ("scenario_toml", "seed", "replicate", "days", "git_commit"):
        if a.attrs[key] != b.attrs[key]:
            differing.append("@" + key)
print(f"{len(names)} datasets compared; differing: {differing[:10]}")
if mode == "same":
    sys.exit(1 if differing else 0)
sys.exit(0 if any(not d.startswith("@") for d in differing) else 1)
