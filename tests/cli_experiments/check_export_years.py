#!/usr/bin/python3
"""check_export_years.py JICENG SCENARIO WORKDIR

`jiceng export --aggregate year` and `--tidy`, checked against an
independent computation in pandas/xarray on the run file itself: an 800-day
run from 2003-01-01 covers 2003, the leap year 2004 (366 days) and part of
2005. By calendar year a flow is summed over the year's days (day 0, the
initial state, has no events), a stock is given at the year's last day and
as its mean, a mean outcome is averaged weighted by its events; streets are
named; every row has its units. The tidy daily CSV pivots back to the wide
one."""
import io
import os
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import xarray as xr

warnings.simplefilter("ignore")
jiceng, scenario, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
run = os.path.join(work, "run.h5")
subprocess.run([jiceng, "run", scenario, "--days", "800", "--quiet", "--out", run], check=True)


def export(*args):
    out = subprocess.run([jiceng, "export", run, *args], capture_output=True, text=True, check=True).stdout
    return pd.read_csv(io.StringIO(out), keep_default_na=False, na_values=[""])


ts = xr.open_dataset(run, group="timeseries")
year = ts["day"].dt.year

# ---- district, by year ----
names = ["needs_resolved", "needs_backlog", "trust_mean", "resolution_days_mean", "member_hours"]
rows = export("--level", "district", "--aggregate", "year", "--variables", ",".join(names))
assert list(rows.columns) == ["year", "first_date", "last_date", "days", "complete", "variable", "statistic",
                              "value", "units", "kind"], rows.columns
years = rows.drop_duplicates("year")
assert list(years["year"]) == [2003, 2004, 2005]
assert list(years["days"]) == [365, 366, 70], years["days"]  # 2004 is a leap year
assert list(years["complete"]) == [True, True, False]
assert list(years["first_date"]) == ["2003-01-01", "2004-01-01", "2005-01-01"]
assert list(years["last_date"]) == ["2003-12-31", "2004-12-31", "2005-03-11"]


def value(frame, y, variable, statistic):
    hit = frame[(frame["year"] == y) & (frame["variable"] == variable) & (frame["statistic"] == statistic)]
    assert len(hit) == 1, (y, variable, statistic, len(hit))
    return float(hit["value"].iloc[0])


events = ts.isel(day=slice(1, None))  # day 0 has no events
for y in (2003, 2004, 2005):
    in_year = ts.sel(day=str(y))
    events_in_year = events.sel(day=str(y))
    assert value(rows, y, "needs_resolved", "sum") == float(events_in_year["needs_resolved"].sum())
    assert value(rows, y, "member_hours", "sum") == float(events_in_year["member_hours"].sum())
    assert value(rows, y, "needs_backlog", "end") == float(in_year["needs_backlog"][-1])
    assert np.isclose(value(rows, y, "needs_backlog", "mean"), float(in_year["needs_backlog"].mean()), rtol=1e-12)
    assert value(rows, y, "trust_mean", "end") == float(in_year["trust_mean"][-1])
    weights = events_in_year["needs_resolved"]
    expected = float((events_in_year["resolution_days_mean"] * weights).sum() / weights.sum())
    assert np.isclose(value(rows, y, "resolution_days_mean", "mean"), expected, rtol=1e-12)
units = dict(zip(rows["variable"], rows["units"]))
assert units == {"needs_resolved": "needs", "needs_backlog": "needs", "trust_mean": "0-1",
                 "resolution_days_mean": "day", "member_hours": "hour"}, units
# The years' flows add up to the whole run.
total = rows[(rows["variable"] == "needs_resolved")]["value"].sum()
assert total == float(events["needs_resolved"].sum())

# ---- streets, by year: named, and adding up to the district ----
streets = export("--level", "street", "--aggregate", "year", "--variables", "needs_resolved,residents")
names = [str(s) for s in ts["street"].values]
assert sorted(set(streets["street_name"])) == sorted(names), set(streets["street_name"])
for y in (2003, 2004, 2005):
    for variable, statistic in (("needs_resolved", "sum"), ("residents", "end")):
        part = streets[(streets["year"] == y) & (streets["variable"] == variable) & (streets["statistic"] == statistic)]
        assert len(part) == len(names)
        assert part["value"].sum() == value(rows if variable == "needs_resolved" else
                                            export("--level", "district", "--aggregate", "year", "--variables",
                                                   "residents"), y, variable, statistic)
        for _, r in part.iterrows():
            by_street = ts[f"{variable}_by_street"].sel(street=r["street_name"])
            if statistic == "sum":
                expected = float(by_street.isel(day=slice(1, None)).sel(day=str(y)).sum())
            else:
                expected = float(by_street.sel(day=str(y))[-1])
            assert r["value"] == expected, (y, variable, r["street_name"])

# ---- tidy daily rows pivot back to the wide table ----
wide = export("--level", "street", "--variables", "residents,trust_mean")
tidy = export("--level", "street", "--variables", "residents,trust_mean", "--tidy")
assert list(tidy.columns) == ["date", "day", "street", "street_name", "variable", "value", "units", "kind"]
assert len(tidy) == 2 * len(wide)
back = tidy.pivot_table(index=["date", "day", "street", "street_name"], columns="variable", values="value")
back = back.reset_index().sort_values(["day", "street"]).reset_index(drop=True)
for name in ("residents", "trust_mean"):
    assert np.array_equal(back[name].values, wide[name].values), name
assert set(tidy[tidy["variable"] == "trust_mean"]["units"]) == {"0-1"}
assert set(tidy[tidy["variable"] == "residents"]["kind"]) == {"stock"}
print("export by year (2003, leap 2004, part of 2005) and tidy CSV agree with the run file")
