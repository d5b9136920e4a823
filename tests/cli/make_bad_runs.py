#!/usr/bin/python3
"""make_bad_runs.py RUN.h5 DIR: writes the kinds of bad run file every
command that reads run files must refuse (exit 2, naming the file):
truncated.h5 (the first half of RUN.h5), empty.h5, text.h5 (not HDF5),
foreign.h5 (a valid HDF5 file made by h5py that is not a jiceng run) and
version.h5 (RUN.h5 with format_version = 99)."""
import os
import shutil
import sys

import h5py
import numpy as np

run, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(run, "rb") as f:
    data = f.read()
with open(os.path.join(out, "truncated.h5"), "wb") as f:
    f.write(data[: len(data) // 2])
open(os.path.join(out, "empty.h5"), "wb").close()
with open(os.path.join(out, "text.h5"), "w") as f:
    f.write("day,trust_mean\n0,0.5\n")
with h5py.File(os.path.join(out, "foreign.h5"), "w") as f:
    f.attrs["title"] = "some other program's data"
    f["timeseries/day"] = np.arange(10, dtype=np.int32)
version = os.path.join(out, "version.h5")
shutil.copyfile(run, version)
with h5py.File(version, "r+") as f:
    del f.attrs["format_version"]
    f.attrs["format_version"] = np.int64(99)
