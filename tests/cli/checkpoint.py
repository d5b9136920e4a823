#!/usr/bin/python3
"""checkpoint.py MODE JICENG SCENARIO_DIR WORK_DIR: end-to-end tests of
checkpoints, resuming, branching and signals (README "Reliability").

  kill    kill -9 a run at 3 random moments, resume each time from the latest
          checkpoint; the final file equals the uninterrupted run
  signal  SIGTERM and SIGINT: exit 143/130, checkpoint, no run file; the printed
          resume command gives the uninterrupted run's file
  branch  two branches from one burn-in share the trajectory up to the branch
          day; the one that switches 楼组党建 on diverges after it
  refuse  checkpoints of another build, format or scenario, and branches over
          another district, are refused with exit 2 and a message naming the key

Files are compared dataset for dataset (values, types, shapes) and attribute
for attribute, except the root attributes in EXCLUDED, which record when and
how the file was made, and dimension-scale references (REFERENCE_LIST,
DIMENSION_LIST), which point into their own file and are compared by name only.
"""
import os
import random
import shlex
import signal
import subprocess
import sys
import time

import h5py
import numpy as np

EXCLUDED = {"started_at", "finished_at", "resumed_from", "resumed_day"}
BRANCH_ATTRS = {"branch_day", "branch_scenario_name", "branch_scenario_file", "branch_scenario_toml"}
SCALE_REFS = {"REFERENCE_LIST", "DIMENSION_LIST"}
DAYS = 3000


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def same_value(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if x.shape != y.shape or x.dtype != y.dtype:
        return False
    return bool(np.array_equal(x, y)) if x.dtype.kind in "fiub" else bool((x == y).all())


def differences(a_path, b_path, excluded=EXCLUDED):
    """Names of datasets and attributes that differ between two files."""
    out = []
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        names = {"/"}
        a.visit(lambda n: names.add(n))
        other = {"/"}
        b.visit(lambda n: other.add(n))
        out += [f"only in one file: {n}" for n in sorted(names ^ other)]
        for name in sorted(names & other):
            x, y = a[name], b[name]
            if isinstance(x, h5py.Dataset) and not same_value(x[()], y[()]):
                out.append(name)
            skip = excluded if name == "/" else set()
            keys = (set(x.attrs) | set(y.attrs)) - skip
            for key in sorted(keys):
                if key not in x.attrs or key not in y.attrs:
                    out.append(f"{name}@{key} (missing in one)")
                elif key not in SCALE_REFS and not same_value(x.attrs[key], y.attrs[key]):
                    out.append(f"{name}@{key}")
        print(f"compared {len(names)} objects of {a_path} and {b_path}")
    return out


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def run(cmd, expect=0):
    started = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != expect:
        fail(f"{shlex.join(cmd)}: exit {p.returncode}, expected {expect}\n{p.stdout}\n{p.stderr}")
    return p, time.monotonic() - started


def no_output(out, killed=False):
    if os.path.exists(out):
        fail(f"{out} exists after an interrupted run")
    if killed:
        return  # SIGKILL during the final write may leave a .part file; only the final name matters
    parts = [f for f in os.listdir(os.path.dirname(out)) if f.startswith(os.path.basename(out) + ".part-")]
    if parts:
        fail(f"temporary files left beside {out}: {parts}")


def ckpt_day(path):
    with h5py.File(path, "r") as f:
        return int(f.attrs["day"])


def fresh(work, name):
    path = os.path.join(work, name)
    for f in os.listdir(work):
        if f.startswith(name):
            os.remove(os.path.join(work, f))
    return path


def reference(jiceng, small, work):
    ref = fresh(work, "ref.h5")
    _, wall = run([jiceng, "run", small, "--days", str(DAYS), "--threads", "2", "--quiet", "--out", ref])
    print(f"uninterrupted run: {wall:.2f} s")
    return ref, wall


def test_kill(jiceng, small, work):
    ref, wall = reference(jiceng, small, work)
    _, startup = run([jiceng, "run", small, "--days", "1", "--quiet", "--out", fresh(work, "startup.h5")])
    seed = int(os.environ.get("JICENG_TEST_SEED", time.time_ns() % 1000000))
    rng = random.Random(seed)
    print(f"random seed {seed} (set JICENG_TEST_SEED to repeat)")
    out, ckpt = fresh(work, "killed.h5"), fresh(work, "killed.ckpt")
    start = [jiceng, "run", small, "--days", str(DAYS), "--threads", "2", "--quiet", "--out", out,
             "--checkpoint-every", "25", "--checkpoint", ckpt]
    resume = [jiceng, "run", "--resume", ckpt, "--threads", "2", "--quiet"]
    kills = resumes = 0
    for attempt in range(3):
        cmd = resume if os.path.exists(ckpt) else start
        resumes += cmd is resume
        # Past start-up (loading, synthesis), then somewhere in the first
        # quarter of the remaining days, so every kill lands mid-run.
        delay = startup + rng.uniform(0.02, 0.25) * wall
        p = subprocess.Popen(cmd)
        time.sleep(delay)
        if p.poll() is not None:
            if p.returncode != 0:
                fail(f"{shlex.join(cmd)} exited {p.returncode}")
            print(f"attempt {attempt}: finished before the kill at {delay:.2f} s")
            break
        p.kill()
        p.wait()
        kills += 1
        no_output(out, killed=True)
        day = ckpt_day(ckpt) if os.path.exists(ckpt) else None
        print(f"attempt {attempt}: kill -9 after {delay:.2f} s; latest checkpoint: day {day}")
    if not os.path.exists(out):
        cmd = resume if os.path.exists(ckpt) else start
        resumes += cmd is resume
        run(cmd)
    if kills < 2 or resumes < 1:
        fail(f"only {kills} kill(s) and {resumes} resume(s) landed mid-run; the test proved nothing")
    with h5py.File(out, "r") as f:
        if "resumed_from" not in f.attrs:
            fail("the final file does not record that it was resumed")
    diff = differences(ref, out)
    if diff:
        fail(f"resumed run differs from the uninterrupted run: {diff[:10]}")
    print(f"{kills} kills, {resumes} resumes: identical to the uninterrupted run")


def test_signal(jiceng, small, work):
    ref, wall = reference(jiceng, small, work)
    for sig, code in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        out = fresh(work, f"signal{code}.h5")
        p = subprocess.Popen([jiceng, "run", small, "--days", str(DAYS), "--threads", "2", "--quiet", "--out", out],
                             stderr=subprocess.PIPE, text=True)
        time.sleep(0.35 * wall)
        if p.poll() is not None:
            fail(f"run finished before the signal (exit {p.returncode})")
        p.send_signal(sig)
        _, err = p.communicate()
        print(err.strip())
        if p.returncode != code:
            fail(f"exit {p.returncode} after {sig.name}, expected {code}")
        no_output(out)
        ckpt = out + ".ckpt"
        if not os.path.exists(ckpt):
            fail(f"no checkpoint at the default path {ckpt}")
        day = ckpt_day(ckpt)
        if not 0 < day < DAYS:
            fail(f"checkpoint day {day} is not mid-run")
        lines = err.strip().splitlines()
        if "resume with:" not in lines[-2]:
            fail("no resume command printed")
        cmd = shlex.split(lines[-1])
        if cmd[:3] != [jiceng, "run", "--resume"]:
            fail(f"unexpected resume command {cmd}")
        run(cmd + ["--quiet", "--threads", "2"])
        diff = differences(ref, out)
        if diff:
            fail(f"{sig.name}: resumed run differs: {diff[:10]}")
        print(f"{sig.name}: exit {code}, checkpoint at day {day}, resumed run identical")


def test_branch(jiceng, small, louzu, work):
    burn_out, burn = fresh(work, "burnin.h5"), fresh(work, "burnin.ckpt")
    run([jiceng, "run", small, "--days", "100", "--quiet", "--out", burn_out, "--checkpoint-every", "100",
         "--checkpoint", burn])
    ref = fresh(work, "branch_ref.h5")
    run([jiceng, "run", small, "--days", "300", "--quiet", "--out", ref])
    a, b = fresh(work, "branch_a.h5"), fresh(work, "branch_b.h5")
    run([jiceng, "run", small, "--days", "300", "--from", burn, "--quiet", "--out", a])
    run([jiceng, "run", louzu, "--days", "300", "--from", burn, "--quiet", "--out", b])
    # Branching under the same scenario is the uninterrupted run.
    diff = differences(ref, a, EXCLUDED | BRANCH_ATTRS)
    if diff:
        fail(f"same-scenario branch differs from the uninterrupted run: {diff[:10]}")
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
        for f, name in ((fa, "small"), (fb, "small_louzu")):
            if int(f.attrs["branch_day"]) != 100 or text(f.attrs["branch_scenario_name"]) != "small":
                fail("branch attributes missing or wrong")
            if text(f.attrs["scenario_name"]) != name or 'name = "small"' not in text(f.attrs["branch_scenario_toml"]):
                fail("the two scenarios are not both recorded")
        days = fa["timeseries/day"][()]
        if not np.array_equal(days, fb["timeseries/day"][()]) or days[-1] != 300:
            fail("branches cover different days")
        upto = days <= 100
        shared = diverged = 0
        for name, ds in fa["timeseries"].items():
            if ds.ndim == 0 or ds.shape[0] != len(days) or ds.dtype.kind != "f":
                continue
            x, y = ds[()], fb["timeseries"][name][()]
            if not np.array_equal(x[upto], y[upto]):
                fail(f"{name} differs before the branch day")
            shared += 1
            diverged += not np.array_equal(x[~upto], y[~upto])
        groups_a, groups_b = fa["timeseries/building_groups"][()], fb["timeseries/building_groups"][()]
        if groups_a[-1] != 0 or groups_b[-1] <= 0 or groups_b[upto].any():
            fail(f"building groups: {groups_a[-1]} without, {groups_b[-1]} with 楼组党建")
        if diverged < 5:
            fail(f"only {diverged} outcomes diverge after the branch")
    print(f"{shared} outcome series identical to day 100; {diverged} diverge after it")
    # A branched run that is stopped and resumed still records its branching.
    b2, b2_ckpt = fresh(work, "branch_b2.h5"), fresh(work, "branch_b2.ckpt")
    run([jiceng, "run", louzu, "--days", "200", "--from", burn, "--quiet", "--out", b2, "--checkpoint-every", "200",
         "--checkpoint", b2_ckpt])
    os.remove(b2)
    run([jiceng, "run", "--resume", b2_ckpt, "--days", "300", "--quiet"])
    diff = differences(b, b2)
    if diff:
        fail(f"resumed branch differs from the branch run in one go: {diff[:10]}")
    print("a resumed branch equals the branch run in one go, branch attributes included")


def expect_refused(cmd, mention, out):
    p, _ = run(cmd, expect=2)
    if mention not in p.stderr:
        fail(f"{shlex.join(cmd)}: stderr does not mention {mention!r}:\n{p.stderr}")
    no_output(out)
    print(f"refused (exit 2): {p.stderr.strip().splitlines()[0]}")


def test_refuse(jiceng, small, louzu, work):
    out, ckpt = fresh(work, "refuse.h5"), fresh(work, "refuse.ckpt")
    run([jiceng, "run", small, "--days", "20", "--quiet", "--out", out, "--checkpoint-every", "10",
         "--checkpoint", ckpt])
    target = fresh(work, "refused.h5")

    def altered(name, **attrs):
        path = fresh(work, name)
        with open(ckpt, "rb") as src, open(path, "wb") as dst:
            dst.write(src.read())
        with h5py.File(path, "r+") as f:
            for key, value in attrs.items():
                f.attrs[key] = value
        return path

    expect_refused([jiceng, "run", "--resume", altered("commit.ckpt", git_commit="0000000"), "--out", target],
                   "git_commit", target)
    expect_refused([jiceng, "run", "--resume", altered("version.ckpt", format_version=np.int64(99)), "--out", target],
                   "format_version", target)
    expect_refused([jiceng, "run", "--resume", out, "--out", target], "not a jiceng checkpoint", target)
    expect_refused([jiceng, "run", "--resume", os.path.join(work, "missing.ckpt"), "--out", target],
                   "no such checkpoint", target)
    truncated = fresh(work, "truncated.ckpt")
    with open(ckpt, "rb") as src, open(truncated, "wb") as dst:
        dst.write(src.read()[: os.path.getsize(ckpt) // 2])
    expect_refused([jiceng, "run", "--resume", truncated, "--out", target], "checkpoint", target)
    damaged = altered("damaged.ckpt")
    with h5py.File(damaged, "r+") as f:
        f["world/residents/trust"].attrs["element_size"] = np.int64(8)
    expect_refused([jiceng, "run", "--resume", damaged, "--out", target], "world/residents/trust", target)
    expect_refused([jiceng, "run", louzu, "--resume", ckpt, "--out", target], "strategies.louzu.enabled", target)
    expect_refused([jiceng, "run", "--resume", ckpt, "--seed", "5", "--out", target], "run.seed", target)
    other = os.path.join(work, "other_district.toml")
    with open(other, "w") as f:
        f.write(f'extends = "{small}"\n[scenario]\nname = "other"\n[district]\nresidents_per_street = 6000\n'
                f'renter_share = 0.5\n')
    expect_refused([jiceng, "run", other, "--from", ckpt, "--out", target], "district.residents_per_street", target)
    expect_refused([jiceng, "run", other, "--from", ckpt, "--out", target], "district.renter_share", target)
    expect_refused([jiceng, "run", louzu, "--from", ckpt, "--replicate", "1", "--out", target], "--replicate", target)
    expect_refused([jiceng, "run", louzu, "--from", ckpt, "--days", "5", "--out", target], "run.days", target)


def main():
    mode, jiceng, scenarios, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    small = os.path.join(scenarios, "small.toml")
    louzu = os.path.join(scenarios, "small_louzu.toml")
    if mode == "kill":
        test_kill(jiceng, small, work)
    elif mode == "signal":
        test_signal(jiceng, small, work)
    elif mode == "branch":
        test_branch(jiceng, small, louzu, work)
    elif mode == "refuse":
        test_refuse(jiceng, small, louzu, work)
    else:
        fail(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
