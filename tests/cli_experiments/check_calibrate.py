#!/usr/bin/python3
"""check_calibrate.py JICENG SCENARIO WORKDIR
Makes synthetic targets with the model itself (known parameter values), runs
`jiceng calibrate` from the scenario's own values and checks that it recovers
them, writes an overlay that loads, a fit table and a record for the report."""
import csv
import os
import shutil
import subprocess
import sys
import tomllib

import h5py

jiceng, scenario, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
truth = {"trust.learning": 0.33, "trust.initial": 0.58}
truth_file = os.path.join(work, "truth.toml")
with open(truth_file, "w", encoding="utf-8") as f:
    f.write('extends = "%s"\n[trust]\nlearning = %r\ninitial = %r\n' % (os.path.abspath(scenario), truth["trust.learning"], truth["trust.initial"]))
replicates = 2
trust30 = trust60 = 0.0
for r in range(replicates):
    out = os.path.join(work, "truth-r%d.h5" % r)
    subprocess.run([jiceng, "run", truth_file, "--replicate", str(r), "--quiet", "--out", out], check=True)
    ts = h5py.File(out, "r")["timeseries"]
    trust30 += ts["trust_mean"][30] / replicates
    trust60 += ts["trust_mean"][60] / replicates
targets = os.path.join(work, "targets.toml")
with open(targets, "w", encoding="utf-8") as f:
    f.write('[[target]]\noutcome = "trust_mean"\nday = 30\nvalue = %r\ntolerance = 0.002\n\n' % trust30)
    f.write('[[target]]\nlabel = "trust at the end"\noutcome = "trust_mean"\nday = 60\nvalue = %r\ntolerance = 0.002\n\n' % trust60)
    f.write('[parameters]\n"trust.learning" = { min = 0.05, max = 0.6 }\n"trust.initial" = { min = 0.3, max = 0.8 }\n')
out = os.path.join(work, "fit")
result = subprocess.run([jiceng, "calibrate", scenario, "--targets", targets, "--params", "trust.learning,trust.initial",
                         "--budget", "45", "--replicates", str(replicates), "--jobs", "2", "--out", out],
                        capture_output=True, text=True, check=True)
print(result.stdout)
with open(os.path.join(out, "calibration.toml"), "rb") as f:
    record = tomllib.load(f)
best = {p["key"]: p["best"] for p in record["param"]}
print("fitted", best, "truth", truth)
assert abs(best["trust.learning"] - truth["trust.learning"]) < 0.04, best
assert abs(best["trust.initial"] - truth["trust.initial"]) < 0.01, best
assert record["loss"] < record["initial_loss"]
assert record["evaluations"] <= 45
with open(os.path.join(out, "fit.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert [r["target"] for r in rows] == ["trust_mean", "trust at the end"], rows
assert all(abs(float(r["z"])) < 1 for r in rows), rows
check = subprocess.run([jiceng, "check", os.path.join(out, "fit.toml")], capture_output=True, text=True)
assert check.returncode == 0, check.stderr
print(check.stdout)
