#!/usr/bin/env bash
# make bench: runs the benchmark scenario at 1 and 2 threads, each in its own
# process (so peak memory is per run), and writes bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
jiceng=${1:-build/bin/jiceng}
bench_bin=$(dirname "$jiceng")/jiceng-bench
scenario=${BENCH_SCENARIO:-scenarios/bench/bench.toml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for threads in 1 2; do
  echo "bench: $scenario on $threads thread(s)..." >&2
  "$bench_bin" "$scenario" "$threads" "$tmp/run$threads.h5" > "$tmp/t$threads.json"
done
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
/usr/bin/python3 - "$tmp/t1.json" "$tmp/t2.json" "$scenario" "$commit" <<'PY'
import json, sys, platform, os
one, two = (json.load(open(p)) for p in sys.argv[1:3])
scenario, commit = sys.argv[3:5]
rd = two["residents"] * two["days"]
result = {
    "scenario": scenario,
    "commit": commit,
    "machine": {"cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()},
    "residents": two["residents"],
    "days": two["days"],
    "resident_days_per_second_loop": rd / two["loop_seconds"],
    "resident_days_per_second_loop_1_thread": rd / one["loop_seconds"],
    "resident_days_per_second_total": rd / two["total_seconds"],
    "speedup_2_threads": one["loop_seconds"] / two["loop_seconds"],
    "peak_rss_bytes": two["peak_rss_bytes"],
    "bytes_per_resident": two["peak_rss_bytes"] / two["residents"],
    "end_to_end_over_loop": two["total_seconds"] / two["loop_seconds"],
    "runs": {"1": one, "2": two},
}
with open("bench/results.json", "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
for key in ("resident_days_per_second_loop", "resident_days_per_second_loop_1_thread", "resident_days_per_second_total",
            "speedup_2_threads", "peak_rss_bytes", "bytes_per_resident", "end_to_end_over_loop"):
    print(f"{key:40s} {result[key]:.4g}")
print("wrote bench/results.json")
PY
