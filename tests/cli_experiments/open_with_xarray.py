#!/usr/bin/python3
"""open_with_xarray.py JICENG SCENARIO SWEEP_DIR WORKDIR

Every kind of file jiceng writes opens with the README's plain
`xarray.open_dataset(...)` call (Debian's python3-xarray, default engine, and
the h5netcdf engine), with
  - every outcome a float or an integer (no timedelta64 from units of time),
  - dimension coordinates as labels: outcome, parameter, street and
    organisation-type names; day and snapshot as CF times (day N is
    start_date + N days, across the leap day of 2004),
and with the same values that h5py and netCDF4 read from the file. The kinds:
a run file (/timeseries, /snapshots, /parameters), a sweep's results.h5, and
the netCDF files `jiceng export --netcdf` writes from both."""
import os
import subprocess
import sys
import warnings

import h5py
import netCDF4
import numpy as np
import xarray as xr

warnings.simplefilter("ignore")  # h5netcdf's notes on dimension scales it did not make
jiceng, scenario, sweep, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
run = os.path.join(work, "run.h5")
# 430 days from 2003-01-01: through 2004-01-01 (day 365) to 2004-03-06, past 29 February.
subprocess.run([jiceng, "run", scenario, "--days", "430", "--quiet", "--out", run], check=True)
results = os.path.join(sweep, "results.h5")
START = np.datetime64("2003-01-01")
checked = []


def open_all(path, group=None):
    """The README's call, with the default engine and with h5netcdf: both must agree."""
    plain = xr.open_dataset(path, group=group)
    other = xr.open_dataset(path, group=group, engine="h5netcdf")
    assert set(plain.variables) == set(other.variables), (path, group)
    for name in plain.variables:
        assert plain[name].dtype == other[name].dtype, (path, group, name)
        nan = plain[name].dtype.kind == "f"
        assert np.array_equal(plain[name].values, other[name].values, equal_nan=nan), (path, group, name)
    return plain


def numeric(ds, where, allow=()):
    for name in ds.data_vars:
        if name in allow:
            continue
        kind = ds[name].dtype.kind
        assert kind in "fiu", f"{where}: {name} is {ds[name].dtype}, not a float or integer"


def is_time(coord, days, where):
    assert coord.dtype.kind == "M", f"{where}: {coord.name} is {coord.dtype}, not a time coordinate"
    expected = START + np.asarray(days).astype("timedelta64[D]")
    assert np.array_equal(coord.values.astype("datetime64[D]"), expected), (where, coord.values[:3])


def texts(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


# ---- a run file ----
h = h5py.File(run, "r")
with netCDF4.Dataset(run) as nc:  # netCDF4 still opens every group
    assert set(nc.groups) >= {"timeseries", "snapshots", "parameters"}, nc.groups.keys()
    assert nc.groups["timeseries"].variables["day"].units == "days since 2003-01-01"
ts = open_all(run, "timeseries")
hts = h["timeseries"]
days = hts["day"][()]
is_time(ts["day"], days, "timeseries")
assert ts["day"].values[365].astype("datetime64[D]") == np.datetime64("2004-01-01")
assert ts["day"].values[365 + 59].astype("datetime64[D]") == np.datetime64("2004-02-29")
assert ts.sel(day="2004-02-29")["residents"].size == 1
assert ts.sel(day="2004")["residents"].size == 430 - 365 + 1  # the days of 2004 in the run
assert texts(ts["date"].values) == [str(d) for d in ts["day"].values.astype("datetime64[D]")]
numeric(ts, "timeseries")
streets = texts(hts["street_name"][()])
assert texts(ts["street"].values) == streets and len(streets) == 2, ts["street"].values
assert texts(ts["org_type"].values)[:2] == ["government", "public"], ts["org_type"].values
for name in ("member_hours", "staff_hours", "generic_service_hours", "resolution_days_mean"):
    assert ts[name].dtype == np.float64, (name, ts[name].dtype)
    assert ts[name].attrs["units"] in ("hour", "day"), ts[name].attrs
for name in hts:
    if isinstance(hts[name], h5py.Dataset) and hts[name].dtype.kind == "f":
        assert np.array_equal(ts[name].values, hts[name][()]), name
by_street = ts["residents_by_street"].sel(street=streets[1])
assert np.array_equal(by_street.values, hts["residents_by_street"][:, 1])
assert ts["workplaces_by_org_type"].sel(org_type="private").shape == (431,)
checked.append("run /timeseries")

snap = open_all(run, "snapshots")
hs = h["snapshots"]
is_time(snap["snapshot"], hs["snapshot"][()], "snapshots")
numeric(snap, "snapshots")
assert np.array_equal(snap["trust_mean"].values, hs["trust_mean"][()])
names = texts(snap["building_street_name"].values)
assert names == [streets[s] for s in hs["building_street"][()]]
assert int(snap["residents"].sel(snapshot="2003-01-01").groupby("building_street_name").sum().sum()) == int(
    hs["residents"][0].sum())
checked.append("run /snapshots")

params = open_all(run, "parameters")
numeric(params, "parameters", allow=("run.start_date",))
for key in ("run.days", "needs.max_age", "response.hours_per_need", "engagement.overload_hours"):
    assert params[key].dtype.kind in "fi", (key, params[key].dtype)
    assert float(params[key]) == float(h.attrs["param." + key]), key
assert int(params["run.days"]) == 430
checked.append("run /parameters")

# ---- a sweep's results.h5 ----
hr = h5py.File(results, "r")
res = open_all(results)
numeric(res, "results.h5")
is_time(res["day"], hr["day"][()], "results.h5")
outcomes = texts(hr["outcome_name"][()])
assert texts(res["outcome"].values) == outcomes and "trust_mean" in outcomes, res["outcome"].values
assert texts(res["parameter"].values) == texts(hr["parameter_name"][()]) == ["strategies.louzu.threshold"]
assert res["value"].dims == ("point", "replicate", "day", "outcome")
assert np.array_equal(res["value"].values, hr["value"][()])
trust = res["value"].sel(outcome="trust_mean").isel(day=-1)
assert np.array_equal(trust.values, hr["value"][:, :, -1, outcomes.index("trust_mean")])
assert res["strategies.louzu.threshold"].dtype.kind == "f"
assert list(res["strategies.louzu.threshold"].values) == [2.0, 4.0, 6.0]
assert res["design_unit"].sel(parameter="strategies.louzu.threshold").shape == (3,)
checked.append("sweep results.h5")


# ---- exported netCDF ----
def export(source, level, name, *extra):
    path = os.path.join(work, name)
    subprocess.run([jiceng, "export", source, "--level", level, *extra, "--netcdf", path], check=True)
    with netCDF4.Dataset(path):  # netCDF4 opens it too
        pass
    return open_all(path), h5py.File(path, "r")


ds, raw = export(run, "district", "district.nc")
numeric(ds, "export district")
is_time(ds["day"], days, "export district")
assert np.array_equal(ds["trust_mean"].values, hts["trust_mean"][()])
assert np.array_equal(ds["member_hours"].values, hts["member_hours"][()])
checked.append("export district")

ds, raw = export(run, "street", "street.nc")
numeric(ds, "export street")
assert texts(ds["street"].values) == streets
assert ds["needs_backlog"].dims == ("day", "street")
assert np.array_equal(ds["needs_backlog"].values, hts["needs_backlog_by_street"][()])
checked.append("export street")

for level in ("building", "area", "street", "district"):
    ds, raw = export(run, level, f"indicators-{level}.nc", "--what", "indicators")
    numeric(ds, f"export {level} indicators")
    is_time(ds["snapshot"], hs["snapshot"][()], f"export {level} indicators")
    if level == "street":
        assert texts(ds["street"].values) == streets
        assert np.allclose(ds["residents"].sum("street").values, hs["residents"][()].sum(axis=1))
    elif level in ("building", "area"):
        assert ds[level].dtype.kind == "i", (level, ds[level].dtype)
    if level == "building":
        assert np.array_equal(ds["residents"].values, hs["residents"][()])
        assert np.array_equal(ds["trust_mean"].values, hs["trust_mean"][()], equal_nan=True)
checked.append("export indicators at every level")

ds, raw = export(sweep, "district", "sweep.nc")
numeric(ds, "export sweep")
is_time(ds["day"], hr["day"][()], "export sweep")
assert list(ds["strategies.louzu.threshold"].values) == [2.0, 4.0, 6.0]
assert np.array_equal(ds["trust_mean"].values, hr["value"][:, :, :, outcomes.index("trust_mean")])
checked.append("export sweep")

print("xarray opened cleanly:", ", ".join(checked))
