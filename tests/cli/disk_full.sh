#!/usr/bin/env bash
# disk_full.sh JICENG SCENARIO DIR: every command that writes a file, run
# under a file size limit (ulimit -f, as on a full disk), must fail with a
# message naming the file and a non-zero status, and leave neither the file
# nor a temporary .part- file. jiceng ignores SIGXFSZ, so the write fails with
# EFBIG instead of the process being killed (status 153).
set -u
jiceng=$1 scenario=$2 dir=$3
rm -rf "$dir"
mkdir -p "$dir"
fail=0
# A complete run file to read (no limit), then each writer under a limit below
# the size of what it writes.
"$jiceng" run "$scenario" --days 20 --quiet --out "$dir/input.h5" || { echo "cannot make the input run"; exit 1; }
limited() {  # NAME KB OUTPUT COMMAND...
    local name=$1 kb=$2 output=$3
    shift 3
    (ulimit -f "$kb"; "$@") >"$dir/$name.out" 2>"$dir/$name.err"
    local status=$?
    echo "--- $name: exit $status; stderr:"
    cat "$dir/$name.err"
    if [ "$status" -eq 0 ] || [ "$status" -gt 128 ]; then echo "FAIL $name: exit status $status"; fail=1; fi
    if ! grep -qF -- "$output" "$dir/$name.err"; then echo "FAIL $name: stderr does not name $output"; fail=1; fi
    if [ -e "$output" ]; then echo "FAIL $name: $output exists"; fail=1; fi
    if ls "$output".part-* >/dev/null 2>&1; then echo "FAIL $name: temporary file left beside $output"; fail=1; fi
}
limited run 16 "$dir/run.h5" "$jiceng" run "$scenario" --days 20 --quiet --out "$dir/run.h5"
limited report 16 "$dir/report.html" "$jiceng" report "$dir/input.h5" --quiet --out "$dir/report.html"
limited export_csv 16 "$dir/street.csv" "$jiceng" export "$dir/input.h5" --level building --csv "$dir/street.csv"
limited export_netcdf 2 "$dir/street.nc" "$jiceng" export "$dir/input.h5" --level building --netcdf "$dir/street.nc"
exit $fail
