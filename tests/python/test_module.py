#!/usr/bin/python3
"""The Python module (docs/python.md), run by ctest with PYTHONPATH=build/python:
`import jiceng` runs scenarios with overrides into xarray Datasets that equal
the run files, compares and sweeps exactly as the command does, opens run and
results files through the library's reader, loads the parameter table, and
turns the library's errors into Python exceptions with its messages.

  test_module.py JICENG_COMMAND SOURCE_DIR WORKDIR [TestCase ...]
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import unittest
import warnings

import numpy as np
import xarray as xr

import jiceng

warnings.simplefilter("ignore")  # h5netcdf's notes on dimension scales
COMMAND, SOURCE, WORK = sys.argv[1:4]
SMALL = os.path.join(SOURCE, "tests", "cli", "small.toml")
SMALL_LOUZU = os.path.join(SOURCE, "tests", "cli", "small_louzu.toml")
TINY_GRID = os.path.join(SOURCE, "tests", "cli_experiments", "tiny_grid.toml")


def work(name):
    path = os.path.join(WORK, name)
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)
    return path


def cli(*args):
    return subprocess.run([COMMAND, *args], capture_output=True, text=True, check=True).stdout


class RunTest(unittest.TestCase):
    def test_run_with_overrides_equals_the_command_and_the_file(self):
        overrides = {"strategies.louzu.enabled": True, "strategies.louzu.threshold": 4}
        out = work("py-run.h5")
        ts = jiceng.run(SMALL, days=120, overrides=overrides, out=out, threads=1)
        self.assertIsInstance(ts, xr.Dataset)
        self.assertEqual(ts.sizes["day"], 121)
        self.assertEqual(str(ts["day"].values[0])[:10], "2003-01-01")
        self.assertEqual(list(ts["street"].values), ["street-01", "street-02"])
        self.assertEqual(ts["member_hours"].dtype, np.float64)
        self.assertEqual(ts.attrs["scenario_name"], "small")
        self.assertIn("threshold = 4", ts.attrs["scenario_toml"])
        # In memory, the Dataset is what xarray reads from the file it wrote.
        xr.testing.assert_identical(ts, jiceng.open_run(out))
        # And the command, given the same values in a scenario file, computes the same numbers.
        toml = work("py-run.toml")
        with open(toml, "w", encoding="utf-8") as f:
            f.write(f'extends = "{SMALL}"\n[strategies.louzu]\nenabled = true\nthreshold = 4\n')
        cli_out = work("cli-run.h5")
        cli("run", toml, "--days", "120", "--threads", "2", "--quiet", "--out", cli_out)
        from_cli = jiceng.open_run(cli_out)
        for name in ts.data_vars:
            np.testing.assert_array_equal(ts[name].values, from_cli[name].values, err_msg=name)
        self.assertGreater(float(ts["building_groups"][-1]), 0)

    def test_overrides_move_the_outcome_they_act_on(self):
        # Fewer members needed per building: more building Party groups (same seed, same district).
        groups = {}
        for threshold in (2, 8):
            ts = jiceng.run(SMALL, days=90, overrides={"strategies.louzu.enabled": True,
                                                       "strategies.louzu.threshold": threshold})
            groups[threshold] = float(ts["building_groups"][-1])
        self.assertGreater(groups[2], groups[8])
        baseline = jiceng.run(SMALL, days=90)
        self.assertEqual(float(baseline["building_groups"][-1]), 0.0)

    def test_simulate_gives_every_group_of_the_run_file(self):
        out = work("py-sim.h5")
        result = jiceng.simulate(SMALL, days=60, seed=5, replicate=1, out=out)
        self.assertIn("small seed 5 replicate 1", repr(result))
        xr.testing.assert_identical(result.snapshots, jiceng.open_run(out, "snapshots"))
        xr.testing.assert_identical(result.parameters, jiceng.open_run(out, "parameters"))
        self.assertEqual(int(result.parameters["run.seed"]), 5)
        self.assertEqual(int(result.parameters["run.days"]), 60)
        self.assertEqual(result.timeseries.attrs["replicate"], 1)
        # Without out, nothing is written.
        before = set(os.listdir(WORK))
        jiceng.simulate(SMALL, days=5)
        self.assertEqual(set(os.listdir(WORK)), before)

    def test_progress_is_reported_and_its_errors_stop_the_run(self):
        seen = []
        jiceng.run(SMALL, days=40, progress=lambda done, total: seen.append((done, total)))
        self.assertEqual(seen[-1], (40, 40))
        self.assertEqual([d for d, _ in seen], [16, 32, 40])

        def stop(done, total):
            raise RuntimeError("stopped by the callback")
        out = work("py-stopped.h5")
        with self.assertRaisesRegex(RuntimeError, "stopped by the callback"):
            jiceng.run(SMALL, days=40, progress=stop, out=out)
        self.assertFalse(os.path.exists(out))

    def test_ctrl_c_interrupts_a_long_run(self):
        script = textwrap.dedent(f"""
            import os, signal, threading, jiceng
            threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
            try:
                jiceng.run({os.path.join(SOURCE, "scenarios", "baseline.toml")!r}, days=20000)
            except KeyboardInterrupt:
                print("interrupted")
            """)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        self.assertEqual(done.stdout.strip(), "interrupted", done.stderr)


class CompareTest(unittest.TestCase):
    def test_compare_equals_the_command(self):
        ds = jiceng.compare(SMALL, SMALL_LOUZU, replicates=2, days=60)
        self.assertEqual(ds.attrs["replicates"], 2)
        self.assertEqual(ds.attrs["end_date"], "2003-03-02")
        expected = json.loads(cli("compare", SMALL, SMALL_LOUZU, "--replicates", "2", "--days", "60", "--json",
                                  "--quiet"))
        self.assertEqual(list(ds["outcome"].values), list(expected["outcomes"].keys()))
        for name, row in expected["outcomes"].items():
            for key in ("a", "b", "diff", "lo", "hi"):
                got = float(ds[key].sel(outcome=name))
                want = np.nan if row[key] is None else row[key]
                self.assertTrue(np.isclose(got, want, rtol=1e-12, equal_nan=True), (name, key, got, want))
        groups = ds.sel(outcome="building_groups")
        self.assertGreater(float(groups["diff"]), 0)
        self.assertEqual(groups["units"].item(), "groups")
        np.testing.assert_allclose(ds["b_by_replicate"].mean("replicate"), ds["b"])

    def test_compare_with_overrides_on_one_side(self):
        ds = jiceng.compare(SMALL, SMALL, replicates=1, days=30,
                            overrides_b={"strategies.louzu.enabled": True, "strategies.louzu.threshold": 2})
        self.assertGreater(float(ds["diff"].sel(outcome="building_groups")), 0)
        self.assertTrue(np.isnan(float(ds["lo"].sel(outcome="building_groups"))))  # one replicate: no interval
        same = jiceng.compare(SMALL, SMALL, replicates=2, days=30)
        self.assertTrue((same["diff"] == 0).all())  # identical scenarios, common random numbers


class SweepTest(unittest.TestCase):
    def test_sweep_equals_the_command_and_resumes(self):
        out = work("py-sweep")
        ds = jiceng.sweep(TINY_GRID, out, jobs=2)
        self.assertEqual(dict(ds["value"].sizes), {"point": 3, "replicate": 2, "day": 4, "outcome": 4})
        self.assertEqual(list(ds["strategies.louzu.threshold"].values), [2.0, 4.0, 6.0])
        cli_out = work("cli-sweep")
        cli("sweep", TINY_GRID, "--out", cli_out, "--jobs", "1", "--quiet")
        np.testing.assert_array_equal(ds["value"].values, jiceng.open_results(cli_out)["value"].values)
        trust = ds["value"].sel(outcome="trust_mean")
        self.assertEqual(trust.dims, ("point", "replicate", "day"))
        # Again: nothing left to do, the same results.
        calls = []
        again = jiceng.sweep(TINY_GRID, out, progress=lambda d, t: calls.append(d))
        xr.testing.assert_identical(again, ds)

    def test_a_failing_callback_stops_a_sweep_from_a_worker_thread(self):
        out = work("py-sweep-stopped")

        def stop(done, total):
            raise RuntimeError(f"stop after {done}")
        with self.assertRaisesRegex(RuntimeError, "stop after"):
            jiceng.sweep(TINY_GRID, out, jobs=2, progress=stop)
        self.assertFalse(os.path.exists(os.path.join(out, "results.h5")))
        # What was done is kept: running again completes it.
        ds = jiceng.sweep(TINY_GRID, out, jobs=2)
        self.assertEqual(ds["value"].shape, (3, 2, 4, 4))


class FilesTest(unittest.TestCase):
    def test_bad_files_raise_the_readers_messages(self):
        text = work("not-a-run.h5")
        with open(text, "w") as f:
            f.write("hello\n")
        with self.assertRaises(jiceng.RunFileError) as caught:
            jiceng.open_run(text)
        self.assertIn("not-a-run.h5: not an HDF5 file", str(caught.exception))
        self.assertIsInstance(caught.exception, OSError)
        with self.assertRaises(jiceng.RunFileError) as caught:
            jiceng.open_run(work("missing.h5"))
        self.assertIn("missing.h5: no such file", str(caught.exception))
        empty = work("empty-dir")
        os.makedirs(empty)
        with self.assertRaisesRegex(RuntimeError, "no such file"):
            jiceng.open_results(empty)
        with self.assertRaises(jiceng.InputError):
            jiceng.open_run(text, group="nonsense")

    def test_open_results_of_the_command(self):
        out = work("cli-sweep-open")
        cli("sweep", TINY_GRID, "--out", out, "--quiet")
        ds = jiceng.open_results(out)
        self.assertEqual(list(ds["outcome"].values),
                         ["trust_mean", "building_groups", "needs_resolved", "resolution_days_mean"])
        self.assertEqual(ds["day"].dtype.kind, "M")
        xr.testing.assert_identical(ds, jiceng.open_results(os.path.join(out, "results.h5")))


class TablesTest(unittest.TestCase):
    def test_parameter_table_with_units_and_sources(self):
        table = jiceng.parameters()
        listed = [line.split()[0] for line in cli("params").splitlines() if line.strip()]
        self.assertEqual(list(table.index), listed)
        self.assertEqual(list(table.columns), ["type", "default", "unit", "min", "max", "doc_en", "doc_zh", "source"])
        row = table.loc["strategies.louzu.threshold"]
        self.assertEqual(row["type"], "integer")
        self.assertEqual(row["default"], 3)
        self.assertTrue(row["source"])
        self.assertTrue((table["source"].str.len() > 0).all())
        self.assertTrue((table["doc_zh"].str.len() > 0).all())
        self.assertEqual(table.loc["run.days", "unit"], "day")
        self.assertEqual(table.loc["run.start_date", "default"], "2003-01-01")
        self.assertTrue(np.isnan(table.loc["run.start_date", "min"]))

    def test_outcomes_strategies_and_scenarios(self):
        outcomes = jiceng.outcomes()
        self.assertEqual(outcomes.loc["member_hours", "units"], "hour")
        self.assertEqual(set(outcomes["kind"]), {"stock", "flow", "mean"})
        self.assertIn("louzu", jiceng.strategies().index)
        s = jiceng.scenario(SMALL_LOUZU, overrides={"strategies.louzu.cap": 8})
        self.assertEqual(s["name"], "small_louzu")
        self.assertTrue(s["params"]["strategies.louzu.enabled"])
        self.assertEqual(s["params"]["strategies.louzu.cap"], 8)
        self.assertEqual(s["params"]["district.streets"], 2)


class ErrorsTest(unittest.TestCase):
    def test_bad_overrides_report_every_problem_with_the_librarys_messages(self):
        with self.assertRaises(jiceng.InputError) as caught:
            jiceng.run(SMALL, days=5, overrides={"strategies.louzu.treshold": 4, "members.share": 0.9,
                                                 "strategies.louzu.cap": "ten"})
        e = caught.exception
        self.assertIsInstance(e, ValueError)
        message = str(e)
        self.assertIn("strategies.louzu.treshold: unknown parameter (did you mean 'strategies.louzu.threshold'?)",
                      message)
        self.assertIn("members.share: value 0.9 is out of range (expected 0.0 to 0.5 share)", message)
        self.assertIn("strategies.louzu.cap: expected an integer, got str 'ten'", message)
        self.assertEqual(len(e.diagnostics), 3)
        self.assertEqual({d[2] for d in e.diagnostics},
                         {"strategies.louzu.treshold", "members.share", "strategies.louzu.cap"})

    def test_bad_scenarios_and_arguments(self):
        with self.assertRaisesRegex(jiceng.InputError, "no-such.toml"):
            jiceng.run("no-such.toml")
        bad = os.path.join(SOURCE, "tests", "data", "bad-scenarios", "negative.toml")
        with open(bad, encoding="utf-8") as f:
            expected = f.readline().split("# expect: ", 1)[1].strip()
        with self.assertRaises(jiceng.InputError) as caught:
            jiceng.run(bad)
        self.assertIn(expected, str(caught.exception))  # the command's message, word for word
        with self.assertRaisesRegex(jiceng.InputError, "run.days: value 0 is out of range"):
            jiceng.run(SMALL, days=0)
        with self.assertRaisesRegex(jiceng.InputError, "expected True or False"):
            jiceng.run(SMALL, days=5, overrides={"strategies.louzu.enabled": 1})
        with self.assertRaisesRegex(jiceng.InputError, "replicates: must be at least 1"):
            jiceng.compare(SMALL, SMALL_LOUZU, replicates=0)
        with self.assertRaisesRegex(jiceng.InputError, "no-such-experiment.toml"):
            jiceng.sweep("no-such-experiment.toml", work("never"))
        self.assertFalse(os.path.exists(os.path.join(WORK, "never")))


if __name__ == "__main__":
    os.makedirs(WORK, exist_ok=True)
    unittest.main(argv=[sys.argv[0], "-v", *sys.argv[4:]])
