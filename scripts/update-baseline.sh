#!/usr/bin/env bash
# update-baseline.sh JICENG: regenerate the golden baseline on purpose
# (tests/regression/golden.h5 and its text summary) and show which numbers moved.
# The commit that changes it must say which numbers moved and why.
set -euo pipefail
cd "$(dirname "$0")/.."
jiceng="$1"
dir=tests/regression
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$jiceng" run $dir/golden.toml --threads 2 --quiet --out "$tmp/golden.h5"
/usr/bin/python3 $dir/golden.py summary "$tmp/golden.h5" > "$tmp/golden-summary.txt"
if [ -f $dir/golden.h5 ] && /usr/bin/python3 $dir/golden.py compare $dir/golden.h5 "$tmp/golden.h5" > /dev/null; then
  echo "update-baseline: the golden baseline is unchanged"
  exit 0
fi
mv "$tmp/golden.h5" $dir/golden.h5
mv "$tmp/golden-summary.txt" $dir/golden-summary.txt
echo "update-baseline: wrote $dir/golden.h5; what moved (git diff of the summary):"
git --no-pager diff --stat -- $dir/golden-summary.txt || true
git --no-pager diff -U0 -- $dir/golden-summary.txt | grep '^[-+][^-+]' | head -60 || true
