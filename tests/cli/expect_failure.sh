#!/usr/bin/env bash
# expect_failure.sh CODE OUTPUT MENTION COMMAND...
# Runs COMMAND; passes when it exits with CODE, prints a message on stderr
# that contains MENTION (text), and leaves no OUTPUT file
# (nor any temporary .part- file beside it). OUTPUT "-" skips that check.
set -u
code=$1 output=$2 mention=$3
shift 3
err=$(mktemp)
"$@" 2>"$err" >/dev/null
status=$?
fail=0
if [ "$status" -ne "$code" ]; then echo "exit status $status, expected $code" >&2; fail=1; fi
if ! grep -qF -- "$mention" "$err"; then echo "stderr does not mention '$mention'" >&2; fail=1; fi
if [ "$output" != "-" ]; then
  if [ -e "$output" ]; then echo "output file $output exists" >&2; fail=1; fi
  if ls "$output".part-* >/dev/null 2>&1; then echo "temporary file left beside $output" >&2; fail=1; fi
fi
echo "--- stderr:"; cat "$err"
rm -f "$err"
exit $fail
