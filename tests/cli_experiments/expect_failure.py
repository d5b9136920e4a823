#!/usr/bin/python3
"""expect_failure.py CODE OUTPUT MENTION COMMAND...
Runs COMMAND and passes when it exits with CODE, says MENTION on standard
error, and leaves nothing at OUTPUT (a file or directory; "-" skips that
check), nor any temporary .part- file beside it. MENTION "@FILE" takes the
text after "# expect: " on the first line of FILE."""
import glob
import os
import shutil
import subprocess
import sys

code, output, mention = int(sys.argv[1]), sys.argv[2], sys.argv[3]
command = sys.argv[4:]
if mention.startswith("@"):
    with open(mention[1:], encoding="utf-8") as f:
        mention = f.readline().split("# expect: ", 1)[1].strip()
# Start clean: what an earlier run left at OUTPUT would hide what this one does.
if output != "-":
    if os.path.isdir(output):
        shutil.rmtree(output)
    elif os.path.exists(output):
        os.remove(output)
result = subprocess.run(command, capture_output=True, text=True)
print("--- stderr:\n" + result.stderr)
fail = []
if result.returncode != code:
    fail.append("exit status %d, expected %d" % (result.returncode, code))
if mention not in result.stderr:
    fail.append("stderr does not mention: " + mention)
if output != "-":
    if os.path.exists(output):
        fail.append("output %s exists" % output)
    if glob.glob(output + ".part-*"):
        fail.append("temporary file left beside " + output)
if fail:
    print("\n".join(fail))
    sys.exit(1)
