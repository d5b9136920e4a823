#!/usr/bin/python3
"""open_sweep_netcdf.py SWEEP_DIR POINTS REPLICATES: netCDF-4 and xarray open
results.h5 with dimensions point x replicate x day x outcome and the varied
parameters as coordinates over point."""
import os
import sys

import netCDF4
import xarray as xr

path = os.path.join(sys.argv[1], "results.h5")
points, replicates = int(sys.argv[2]), int(sys.argv[3])
with netCDF4.Dataset(path) as nc:
    assert nc.getncattr("format") == "jiceng-sweep"
    assert nc.variables["value"].dimensions == ("point", "replicate", "day", "outcome"), nc.variables["value"].dimensions
    assert len(nc.dimensions["point"]) == points and len(nc.dimensions["replicate"]) == replicates
ds = xr.open_dataset(path, engine="h5netcdf")
assert ds["value"].dims == ("point", "replicate", "day", "outcome")
params = [str(p) for p in ds["parameter_name"].values]
for p in params:
    assert p in ds["value"].coords and ds[p].dims == ("point",), (p, list(ds["value"].coords))
assert "date" in ds["value"].coords and "outcome_name" in ds["value"].coords
mean = ds["value"].mean("replicate")
assert mean.sizes["point"] == points
print("netCDF4 and xarray opened", path, "with parameters", params)
