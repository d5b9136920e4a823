#!/usr/bin/env bash
# check_golden.sh JICENG THREADS FRESH.h5: run the golden scenario and compare
# every dataset with the committed baseline.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jiceng="$1" threads="$2" fresh="$3"
rm -f "$fresh"
# Run from the source tree so the recorded scenario path is the same as the baseline's.
cd "$here/../.."
"$jiceng" run tests/regression/golden.toml --threads "$threads" --quiet --out "$fresh"
/usr/bin/python3 "$here/golden.py" compare "$here/golden.h5" "$fresh"
