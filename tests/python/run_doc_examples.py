#!/usr/bin/python3
"""run_doc_examples.py DOC.md SOURCE_DIR WORKDIR

Runs every ```python block of DOC.md, in order, as one program, so that the
worked example of docs/python.md is tested as written. It runs in WORKDIR
(emptied first), where `scenarios` points to the repository's scenarios, so
the example's relative paths work and whatever it writes stays there."""
import os
import re
import shutil
import subprocess
import sys

doc, source, work = sys.argv[1:4]
with open(doc, encoding="utf-8") as f:
    blocks = re.findall(r"^```python\n(.*?)^```", f.read(), flags=re.S | re.M)
if not blocks:
    sys.exit(f"{doc}: no ```python block to run")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
os.symlink(os.path.join(source, "scenarios"), os.path.join(work, "scenarios"))
program = os.path.join(work, "example.py")
with open(program, "w", encoding="utf-8") as f:
    f.write("\n\n".join(blocks))
result = subprocess.run([sys.executable, program], cwd=work)
if result.returncode != 0:
    sys.exit(f"{doc}: the example failed (exit {result.returncode}); the program is {program}")
print(f"{doc}: {len(blocks)} python blocks ran")
