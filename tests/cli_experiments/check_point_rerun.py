#!/usr/bin/python3
"""check_point_rerun.py JICENG EXPERIMENT SWEEP_DIR WORKDIR POINT REPLICATE
Repeats one run of a finished sweep alone (`jiceng sweep --point-scenario`,
then `jiceng run --replicate`) and checks that its outcomes are the values
the sweep recorded for that point and replicate."""
import os
import subprocess
import sys

import h5py
import numpy as np

jiceng, experiment, sweep_dir, work, point, replicate = sys.argv[1:7]
point, replicate = int(point), int(replicate)
os.makedirs(work, exist_ok=True)
scenario = os.path.join(work, "point.toml")
with open(scenario, "w", encoding="utf-8") as f:
    subprocess.run([jiceng, "sweep", experiment, "--point-scenario", str(point)], stdout=f, check=True)
run = os.path.join(work, "point.h5")
subprocess.run([jiceng, "run", scenario, "--replicate", str(replicate), "--quiet", "--out", run], check=True)

sweep = h5py.File(os.path.join(sweep_dir, "results.h5"), "r")
names = [n.decode() if isinstance(n, bytes) else n for n in sweep["outcome_name"][()]]
kinds = [k.decode() if isinstance(k, bytes) else k for k in sweep["outcome_kind"][()]]
days = sweep["day"][()]
ts = h5py.File(run, "r")["timeseries"]
checked = 0
for o, (name, kind) in enumerate(zip(names, kinds)):
    series = ts[name][()]
    for d, day in enumerate(days):
        if kind == "stock" or day == 0:
            expected = series[day]
        elif kind == "flow":
            expected = series[1:day + 1].sum()
        else:
            continue  # means are weighted by another outcome: checked in the unit tests
        got = sweep["value"][point, replicate, d, o]
        assert np.isclose(got, expected, rtol=1e-12, atol=0), (name, day, got, expected)
        checked += 1
assert checked > 0
print("point %d replicate %d repeated alone: %d values match" % (point, replicate, checked))
