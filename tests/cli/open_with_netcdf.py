#!/usr/bin/python3
"""open_with_netcdf.py RUN.h5: netCDF-4 (netCDF4.Dataset) and xarray
(h5netcdf engine) both open a run file and see its dimensions and metadata."""
import sys

import netCDF4
import xarray as xr

path = sys.argv[1]
with netCDF4.Dataset(path) as nc:
    assert nc.getncattr("format") == "jiceng-run", nc.ncattrs()
    ts = nc.groups["timeseries"]
    assert "day" in ts.dimensions and "street" in ts.dimensions, ts.dimensions
    assert ts.variables["trust_mean"].dimensions == ("day",)
    assert ts.variables["needs_backlog_by_street"].dimensions == ("day", "street")
    assert ts.variables["trust_mean"].long_name_zh == "平均信任度"
    days = len(ts.dimensions["day"])
    assert days == nc.getncattr("days") + 1
ts = xr.open_dataset(path, group="timeseries", engine="h5netcdf")
assert ts["trust_mean"].dims == ("day",)
assert ts["date"].values[0] == "2003-01-01", ts["date"].values[0]
assert ts["residents_by_street"].sizes == {"day": days, "street": 2}
assert float(ts["residents"][0]) > 9000
snap = xr.open_dataset(path, group="snapshots", engine="h5netcdf")
assert snap["trust_mean"].dims == ("snapshot", "building")
# Snapshot days are CF times: day N is 2003-01-01 + N days.
assert [str(d)[:10] for d in snap["snapshot"].values] == ["2003-01-01", "2003-02-20", "2003-04-11", "2003-05-31",
                                                          "2003-07-20"], snap["snapshot"].values
params = xr.open_dataset(path, group="parameters", engine="h5netcdf")
assert int(params["district.streets"]) == 2
print("netCDF4 and xarray opened", path, "with", len(ts.data_vars), "time series")
