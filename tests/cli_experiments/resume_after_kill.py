#!/usr/bin/python3
"""resume_after_kill.py JICENG EXPERIMENT WORKDIR
Kills a sweep with SIGKILL part-way, runs the same command again, and checks
that the second run does only what was missing and that results.h5 is
identical to that of an uninterrupted sweep."""
import os
import shutil
import signal
import subprocess
import sys
import time

jiceng, experiment, work = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
whole, cut = os.path.join(work, "whole"), os.path.join(work, "cut")
for d in (whole, cut):
    shutil.rmtree(d, ignore_errors=True)

subprocess.run([jiceng, "sweep", experiment, "--out", whole, "--jobs", "2", "-q"], check=True)

# One job, so runs finish one at a time; kill once a few are in the journal.
header = 64
sweep = subprocess.Popen([jiceng, "sweep", experiment, "--out", cut, "--jobs", "1", "-q"])
journal = os.path.join(cut, "journal.bin")
deadline = time.time() + 20
while time.time() < deadline:
    if os.path.exists(journal) and os.path.getsize(journal) > header + 3 * 300:
        break
    if sweep.poll() is not None:
        break
    time.sleep(0.005)
if sweep.poll() is not None:
    sys.exit("the sweep finished before it could be killed: make %s larger" % experiment)
os.kill(sweep.pid, signal.SIGKILL)
sweep.wait()
assert not os.path.exists(os.path.join(cut, "results.h5")), "results.h5 written by an interrupted sweep"

again = subprocess.run([jiceng, "sweep", experiment, "--out", cut, "--jobs", "2"], capture_output=True, text=True, check=True)
print(again.stdout)
resumed = int(again.stdout.split(" resumed")[0].rsplit(" ", 1)[1])
total = int(again.stdout.split(" runs done")[0].rsplit(" ", 1)[1])
assert 0 < resumed < total, "expected a partial resume, got %d of %d" % (resumed, total)
with open(os.path.join(cut, "manifest.tsv"), encoding="utf-8") as m:
    text = m.read()
assert "%d of %d runs done" % (total, total) in text, text[:300]
subprocess.run(["/usr/bin/python3", os.path.join(here, "compare_sweeps.py"), whole, cut], check=True)
print("resumed %d of %d runs after kill -9; results identical" % (resumed, total))
