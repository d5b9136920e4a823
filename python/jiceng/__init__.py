"""jiceng (基层): agent-based simulation of grassroots Party organising, from Python.

The library the ``jiceng`` command is built on, with results as xarray
Datasets and tables as pandas DataFrames (docs/python.md):

    import jiceng
    ts = jiceng.run("scenarios/louzu.toml", days=365, overrides={"strategies.louzu.threshold": 4})
    ts["building_groups"].plot()

- ``run``, ``simulate``: one run of a scenario (with overrides); the time
  series laid out as ``xarray.open_dataset`` reads a run file.
- ``compare``: two scenarios, paired replicates under common random numbers.
- ``sweep``: an experiment file into a sweep directory (resumable).
- ``open_run``, ``open_results``: run files and a sweep's results.h5,
  checked by the library's reader first.
- ``parameters``, ``outcomes``, ``strategies``, ``scenario``: the tables and
  a resolved scenario.

Bad input raises ``jiceng.InputError`` (a ValueError) with the library's
message and ``.diagnostics`` (file, line, key, message) for every problem; a
bad run or results file raises ``jiceng.RunFileError`` (an OSError).
"""
import os
import sys

import numpy as np
import pandas as pd
import xarray as xr

from . import _jiceng
from ._jiceng import InputError, RunFileError

__all__ = ["run", "simulate", "Run", "compare", "sweep", "open_run", "open_results", "parameters", "outcomes",
           "strategies", "scenario", "InputError", "RunFileError", "__version__"]

__version__ = _jiceng.version()
git_commit = _jiceng.git_commit()

_CALENDAR = "proleptic_gregorian"


def _input_error(key, message):
    """An InputError as the library raises them: the message and its diagnostics."""
    error = InputError(f"arguments: {key}: {message}")
    error.diagnostics = [("arguments", 0, key, message)]
    return error


def _path(value, what):
    if value is None:
        raise _input_error(what, "a path is required")
    return os.fspath(value)


def _progress(progress):
    """None (silent), True (a line on standard error) or a callable(done, total)."""
    if progress is None or progress is False:
        return None
    if progress is True:
        def line(done, total):
            sys.stderr.write(f"\rjiceng: {done}/{total} ({100.0 * done / max(total, 1):.0f}%)")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        return line
    if not callable(progress):
        raise TypeError("progress must be None, True or a callable(done, total)")
    return progress


def _days_since(start, days):
    """Day numbers as dates: day N is start + N days (the library's calendar)."""
    return np.datetime64(start, "D") + np.asarray(days).astype("timedelta64[D]")


def _time(name, start, days, long_name, long_name_zh):
    coord = xr.Variable((name,), _days_since(start, days).astype("datetime64[ns]"),
                        {"long_name": long_name, "long_name_zh": long_name_zh, "standard_name": "time",
                         "axis": "T"})
    coord.encoding = {"units": f"days since {start}", "calendar": _CALENDAR, "dtype": "int32"}
    return coord


def _texts(values):
    return np.array(list(values), dtype=object)


def _provenance(attrs):
    return {k: v for k, v in attrs.items() if not k.startswith("param.")}


def _timeseries(raw):
    attrs = raw["attrs"]
    start = attrs["start_date"]
    day = _time("day", start, raw["day"], "Day (the end of day N is start_date + N days)",
                "日期（第N天结束时为起始日期加N天）")
    coords = {
        "day": day,
        "date": xr.Variable(("day",), _texts(raw["date"]), {"long_name": "Calendar date", "long_name_zh": "日期"}),
        "street": xr.Variable(("street",), _texts(raw["street"]), {"long_name": "Street", "long_name_zh": "街道"}),
        "street_name": xr.Variable(("street",), _texts(raw["street"]),
                                   {"long_name": "Street name", "long_name_zh": "街道名称"}),
        "org_type": xr.Variable(("org_type",), _texts(raw["org_type"]),
                                {"long_name": "Organisation type", "long_name_zh": "组织类型"}),
        "org_type_name": xr.Variable(("org_type",), _texts(raw["org_type"]), {"long_name": "Organisation type"}),
    }
    data = {}
    for o in raw["outcomes"]:
        data[o["name"]] = xr.Variable(("day",), o["values"], dict(o["attrs"]))
        if o["by_org_type"] is not None:
            data[o["name"] + "_by_org_type"] = xr.Variable(("day", "org_type"), o["by_org_type"], dict(o["attrs"]))
        if o["by_street"] is not None:
            data[o["name"] + "_by_street"] = xr.Variable(("day", "street"), o["by_street"], dict(o["attrs"]))
    return xr.Dataset(data, coords=coords, attrs=_provenance(attrs))


def _snapshots(raw):
    attrs = raw["attrs"]
    b = raw["buildings"]
    n = len(b["building_x"])
    coords = {
        "snapshot": _time("snapshot", attrs["start_date"], raw["snapshot"],
                          "Date of snapshot (the end of day N is start_date + N days)", "快照日期"),
        "building": xr.Variable(("building",), np.arange(n, dtype=np.int32)),
        "building_street_name": xr.Variable(("building",), _texts(b["building_street_name"]),
                                            {"long_name": "Street name", "long_name_zh": "街道名称"}),
    }
    columns = {
        "building_x": ("m", "Map x", "地图横坐标"),
        "building_y": ("m", "Map y", "地图纵坐标"),
        "building_street": ("1", "Street index", "街道编号"),
        "building_area": ("1", "Residential area index", "居民区编号"),
        "building_households": ("households", "Dwellings", "户数"),
    }
    data = {name: xr.Variable(("building",), b[name], {"units": u, "long_name": en, "long_name_zh": zh})
            for name, (u, en, zh) in columns.items()}
    for i in raw["indicators"]:
        data[i["name"]] = xr.Variable(("snapshot", "building"), i["values"], dict(i["attrs"]))
    return xr.Dataset(data, coords=coords, attrs=_provenance(attrs))


def _parameters(raw):
    data = {p["key"]: xr.Variable((), p["value"], dict(p["attrs"])) for p in raw["parameters"]}
    return xr.Dataset(data)


class Run:
    """One run in memory: ``timeseries``, ``snapshots`` and ``parameters``, the
    three groups of its run file as xarray Datasets, and ``changes`` (live
    changes: (day, key, value))."""

    def __init__(self, raw):
        self.timeseries = _timeseries(raw)
        self.snapshots = _snapshots(raw)
        self.parameters = _parameters(raw)
        self.changes = list(raw["changes"])
        self.attrs = dict(self.timeseries.attrs)

    def __repr__(self):
        a = self.attrs
        return (f"<jiceng.Run {a['scenario_name']} seed {a['seed']} replicate {a['replicate']}: "
                f"{a['start_date']} + {a['days']} days>")


def simulate(scenario, *, days=None, seed=None, replicate=0, threads=None, overrides=None, out=None,
             progress=None):
    """Runs one scenario file and returns a ``Run`` (time series, snapshots, parameters).

    ``overrides`` maps parameter keys to values ({"strategies.louzu.threshold": 4}),
    checked like a scenario file; ``days`` and ``seed`` override run.days and
    run.seed; ``replicate`` keys the random streams with the seed; ``threads``
    (default: all cores) never changes the results. ``out`` also writes the run
    file (atomically), as ``jiceng run --out`` does; nothing is written otherwise.
    """
    raw = _jiceng.simulate(_path(scenario, "scenario"), days, seed, int(replicate), int(threads or 0),
                           dict(overrides or {}), os.fspath(out) if out is not None else "", _progress(progress))
    return Run(raw)


def run(scenario, *, days=None, seed=None, replicate=0, threads=None, overrides=None, out=None, progress=None):
    """Runs one scenario file and returns its time series as an xarray.Dataset,
    laid out as ``xarray.open_dataset(RUN_FILE, group="timeseries")`` reads a
    run file: outcomes over ``day`` (dates: day N is the start date + N days),
    ``*_by_street`` over (day, street) with streets by name, provenance in
    ``.attrs``. Arguments as for ``simulate``."""
    return simulate(scenario, days=days, seed=seed, replicate=replicate, threads=threads, overrides=overrides,
                    out=out, progress=progress).timeseries


def compare(a, b, *, replicates=4, days=None, seed=None, threads=None, overrides=None, overrides_a=None,
            overrides_b=None, out_dir=None, progress=None):
    """Scenario B against A, as ``jiceng compare``: replicate r of each with the
    same seed and replicate number (common random numbers). Returns a Dataset
    over ``outcome``: ``a`` and ``b`` (replicate means of each run's summary: a
    stock's last value, a flow's total, a mean weighted by its events),
    ``diff`` (mean paired difference B − A), ``lo`` and ``hi`` (its 95 %
    interval; NaN with one replicate), and ``a_by_replicate`` and
    ``b_by_replicate`` over (replicate, outcome). ``overrides`` apply to both,
    ``overrides_a``/``overrides_b`` to one; ``out_dir`` also writes every run file."""
    raw = _jiceng.compare(_path(a, "a"), _path(b, "b"), int(replicates), days, seed, int(threads or 0),
                          dict(overrides or {}), dict(overrides_a or {}), dict(overrides_b or {}),
                          os.fspath(out_dir) if out_dir is not None else "", _progress(progress))
    outcome = xr.Variable(("outcome",), _texts(raw["outcome"]))
    coords = {"outcome": outcome, "units": ("outcome", _texts(raw["units"])),
              "kind": ("outcome", _texts(raw["kind"])),
              "replicate": np.arange(int(replicates), dtype=np.int32)}
    data = {
        "a": ("outcome", np.asarray(raw["a"], dtype=float), {"long_name": "A: mean over replicates"}),
        "b": ("outcome", np.asarray(raw["b"], dtype=float), {"long_name": "B: mean over replicates"}),
        "diff": ("outcome", np.asarray(raw["diff"], dtype=float), {"long_name": "Mean paired difference B - A"}),
        "lo": ("outcome", np.asarray(raw["lo"], dtype=float), {"long_name": "95 % interval of the difference, low"}),
        "hi": ("outcome", np.asarray(raw["hi"], dtype=float), {"long_name": "95 % interval of the difference, high"}),
        "a_by_replicate": (("replicate", "outcome"), np.asarray(raw["finals_a"], dtype=float)),
        "b_by_replicate": (("replicate", "outcome"), np.asarray(raw["finals_b"], dtype=float)),
    }
    return xr.Dataset(data, coords=coords, attrs=dict(raw["attrs"]))


def sweep(experiment, out, *, jobs=None, keep_runs=False, progress=None):
    """Runs an experiment file (scenarios/experiments/) into the sweep
    directory ``out``, as ``jiceng sweep``: only what is missing there (an
    interrupted sweep resumes), then results.h5, returned as by ``open_results``.
    ``jobs`` simulations at once (default: all cores) never change the results."""
    path = _jiceng.sweep(_path(experiment, "experiment"), _path(out, "out"), int(jobs or 0), bool(keep_runs),
                         _progress(progress))
    return open_results(path)


def _root_attrs(path):
    import h5py
    with h5py.File(path, "r") as f:
        out = {}
        for k, v in f.attrs.items():
            if k.startswith("param."):
                continue
            out[k] = v.decode() if isinstance(v, bytes) else (v.item() if hasattr(v, "item") else v)
        return out


def open_run(path, group="timeseries"):
    """A run file's group ("timeseries", "snapshots" or "parameters") as an
    xarray.Dataset, loaded into memory, with the run's provenance (the root
    attributes but the param.* ones) in ``.attrs``. The library's reader checks
    the file first: a damaged, foreign or truncated file raises RunFileError."""
    path = _path(path, "path")
    if group not in ("timeseries", "snapshots", "parameters", "changes"):
        raise _input_error("group", f"'{group}' is not a group of a run file (timeseries, snapshots, parameters, "
                                    "changes)")
    _jiceng.check_run(path)
    with xr.open_dataset(path, group=group) as ds:
        ds = ds.load()
    if group != "parameters":
        ds.attrs.update(_root_attrs(path))
    return ds


def open_results(path):
    """A sweep's results.h5 (the file or its directory) as an xarray.Dataset,
    loaded into memory: ``value`` over (point, replicate, day, outcome), each
    varied parameter as a coordinate over ``point``. Checked by the library's
    reader first (RunFileError, or RuntimeError naming what is wrong)."""
    file = _jiceng.check_results(_path(path, "path"))
    with xr.open_dataset(file) as ds:
        return ds.load()


def parameters():
    """The parameter table (sim/params/params.def): one row per key with type,
    default, unit, min, max, doc_en, doc_zh and source."""
    return pd.DataFrame(_jiceng.parameter_table()).set_index("key")


def outcomes():
    """The outcome table (sim/model/outcomes.def): kind (stock, flow, mean),
    by_street, by_org_type, units, long names and description."""
    return pd.DataFrame(_jiceng.outcome_table()).set_index("name")


def strategies():
    """The strategies a scenario can switch on ([strategies.<name>] enabled = true)."""
    return pd.DataFrame(_jiceng.strategy_table()).set_index("name")


def scenario(path, overrides=None):
    """A scenario file resolved (its extends chain, then ``overrides``):
    name, titles, descriptions, ``params`` (every key's value) and ``toml``."""
    return _jiceng.scenario(_path(path, "scenario"), dict(overrides or {}))
