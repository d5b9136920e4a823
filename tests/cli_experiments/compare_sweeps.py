#!/usr/bin/python3
"""compare_sweeps.py A B: two sweep results files (or directories) hold the same
content: every dataset equal element for element and every attribute equal.
results.h5 carries no timestamps, so nothing is left out of the comparison."""
import os
import sys

import h5py
import numpy as np


def path_of(p):
    return os.path.join(p, "results.h5") if os.path.isdir(p) else p


def attrs(obj):
    return {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in obj.attrs.items()
            if k not in ("DIMENSION_LIST", "REFERENCE_LIST")}


def main():
    a, b = (h5py.File(path_of(p), "r") for p in sys.argv[1:3])
    problems = []
    if attrs(a) != attrs(b):
        keys = set(attrs(a)) | set(attrs(b))
        problems += ["root attribute %s differs" % k for k in sorted(keys) if attrs(a).get(k) != attrs(b).get(k)]
    names_a, names_b = set(a.keys()), set(b.keys())
    if names_a != names_b:
        problems.append("datasets differ: %s" % sorted(names_a ^ names_b))
    for name in sorted(names_a & names_b):
        x, y = a[name][()], b[name][()]
        if x.shape != y.shape or not np.array_equal(x, y):
            problems.append("dataset %s differs" % name)
        if attrs(a[name]) != attrs(b[name]):
            problems.append("attributes of %s differ" % name)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("identical:", len(names_a), "datasets,", a["value"].size, "values")


main()
