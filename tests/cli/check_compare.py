#!/usr/bin/python3
"""check_compare.py JICENG A.toml B.toml: `jiceng compare --json` prints every
outcome with a, b, diff, lo, hi, and the interval contains the difference."""
import json
import subprocess
import sys

jiceng, a, b = sys.argv[1:4]
out = subprocess.run([jiceng, "compare", a, b, "--replicates", "3", "--days", "60", "--json", "--quiet"],
                     check=True, capture_output=True, text=True).stdout
data = json.loads(out)
assert data["replicates"] == 3 and data["days"] == 60
outcomes = data["outcomes"]
assert "building_groups" in outcomes and "trust_mean" in outcomes
for name, row in outcomes.items():
    assert set(row) == {"a", "b", "diff", "lo", "hi"}, row
    assert abs(row["b"] - row["a"] - row["diff"]) < 1e-6 * max(1.0, abs(row["diff"])), (name, row)
    assert row["lo"] <= row["diff"] <= row["hi"], (name, row)
assert outcomes["building_groups"]["a"] == 0 and outcomes["building_groups"]["b"] > 0
print("compare --json ok:", len(outcomes), "outcomes")
