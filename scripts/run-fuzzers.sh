#!/usr/bin/env bash
# run-fuzzers.sh BUILD_DIR SECONDS TARGET...: runs each libFuzzer target for
# SECONDS, starting from its committed seed corpus (fuzz/corpus/TARGET, never
# written to) plus the inputs earlier runs found (BUILD_DIR/fuzz-corpus/TARGET),
# and reports executions and findings. Crashing inputs are saved under
# BUILD_DIR/fuzz-artifacts/TARGET/; add them to fuzz/corpus/TARGET/ once fixed.
# Exits 1 when any target found a crash, leak, timeout or out-of-memory.
set -u
build=$1 seconds=$2
shift 2
cd "$(dirname "$0")/.."
status=0
summary=""
for target in "$@"; do
    work=$build/fuzz-corpus/$target artifacts=$build/fuzz-artifacts/$target
    mkdir -p "$work" "$artifacts" "$build/fuzz-tmp"
    log=$build/fuzz-$target.log
    echo "fuzz: $target for ${seconds}s (log $log)"
    # One 10 s limit per input and 2 GiB of memory: a hang or an unbounded
    # allocation is a finding, not a stall. Full stacks on malloc (HDF5 has no
    # frame pointers) so that fuzz/lsan.supp matches only the leak it names.
    asan=fast_unwind_on_malloc=0 limits=()
    if [ "$target" = run_reader ]; then
        # HDF5 allocates sizes it reads from the file and treats a failed
        # malloc as a damaged file (as in production, where malloc of
        # terabytes returns NULL); let such a malloc fail instead of reporting
        # it. The RSS limit still catches memory actually used. Leak checking
        # is off here: HDF5 leaks on its own error paths, and the full stacks
        # that would tell those apart cut the speed tenfold; ctest replays the
        # corpus with leak checking under the asan preset.
        asan=allocator_may_return_null=1
        limits=(-malloc_limit_mb=1000000000 -detect_leaks=0)
    fi
    TMPDIR=$build/fuzz-tmp ASAN_OPTIONS=$asan LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp \
        "$build/bin/fuzz_$target" "${limits[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "fuzz/corpus/$target" >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    found=$(find "$artifacts" -type f | wc -l)
    line="$target: ${runs:-?} executions in ${seconds}s, ${cov:-cov ?}, corpus $(find "$work" -type f | wc -l) found inputs, $found crashing inputs, exit $rc"
    echo "  $line"
    summary+="  $line"$'\n'
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        grep -m1 -A12 'ERROR:\|unexpected failure\|==ERROR' "$log" || tail -20 "$log"
    fi
done
echo "fuzz summary:"
printf '%s' "$summary"
exit $status
