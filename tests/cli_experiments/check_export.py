#!/usr/bin/python3
"""check_export.py JICENG RUN_FILE SWEEP_DIR WORKDIR
Exports a run at every level and a sweep, as CSV and netCDF, and checks the
roll-ups against the run file itself."""
import csv
import io
import os
import subprocess
import sys

import h5py
import numpy as np
import xarray as xr

jiceng, run, sweep, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)


def export(*args):
    out = subprocess.run([jiceng, "export", *args], capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


f = h5py.File(run, "r")
ts, snaps = f["timeseries"], f["snapshots"]
days = int(f.attrs["days"])

district = export(run, "--level", "district")
assert len(district) == days + 1
assert district[0]["date"] == "2003-01-01"
assert np.allclose([float(r["trust_mean"]) for r in district], ts["trust_mean"][()])

street = export(run, "--level", "street", "--variables", "residents,needs_resolved")
assert list(street[0].keys()) == ["date", "day", "street", "street_name", "residents", "needs_resolved"], street[0].keys()

residents = snaps["residents"][()]
for level, groups in (("building", residents.shape[1]), ("area", len(set(snaps["building_area"][()]))), ("street", 1)):
    rows = export(run, "--level", level, "--what", "indicators", "--variables", "residents,trust_mean")
    assert len(rows) == residents.shape[0] * groups, (level, len(rows))
    total = sum(float(r["residents"]) for r in rows if r["day"] == "0")
    assert total == residents[0].sum(), (level, total, residents[0].sum())

path = os.path.join(work, "areas.csv")
subprocess.run([jiceng, "export", run, "--level", "area", "--csv", path], check=True)
with open(path, encoding="utf-8") as handle:
    assert handle.readline().startswith("date,day,area,street,street_name,residents")

nc = os.path.join(work, "buildings.nc")
subprocess.run([jiceng, "export", run, "--level", "building", "--netcdf", nc], check=True)
ds = xr.open_dataset(nc, engine="h5netcdf")
assert ds["trust_mean"].dims == ("snapshot", "building"), ds["trust_mean"].dims
assert ds["trust_mean"].attrs["long_name_zh"] == "平均信任度"
assert np.allclose(ds["residents"].values, residents)

rows = export(sweep, "--level", "district", "--variables", "trust_mean")
results = h5py.File(os.path.join(sweep, "results.h5"), "r")
points, replicates, sample_days, _ = results["value"].shape
assert len(rows) == points * replicates * sample_days
assert "strategies.louzu.threshold" in rows[0]
print("export checked at building, area, street and district levels, CSV and netCDF")
