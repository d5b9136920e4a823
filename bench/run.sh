#!/usr/bin/env bash
# make bench: the figures of docs/performance.md, each run in its own process
# (so peak memory is per run).
#   bench/results.json  the benchmark scenario (1.2 million residents, every
#                       strategy on) at 1 and 2 threads, best of BENCH_REPEATS
#                       runs each, and the machine's memory bandwidth measured
#                       by bench/stream.cpp, with the loop's share of it;
#   bench/scaling.json  100 thousand, 1 million and 10 million residents at 2
#                       threads, and the 25-million city (scenarios/bench/shanghai.toml).
# BENCH_QUICK=1 skips the 10-million and city runs.
set -euo pipefail
cd "$(dirname "$0")/.."
jiceng=${1:-build/bin/jiceng}
bin_dir=$(dirname "$jiceng")
scenario=${BENCH_SCENARIO:-scenarios/bench/bench.toml}
repeats=${BENCH_REPEATS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "bench: memory bandwidth (STREAM-like kernel, 1 and 2 threads)..." >&2
"$bin_dir/jiceng-stream" 1 > "$tmp/stream1.json"
"$bin_dir/jiceng-stream" 2 > "$tmp/stream2.json"

for threads in 1 2; do
  for k in $(seq "$repeats"); do
    echo "bench: $scenario on $threads thread(s), run $k of $repeats..." >&2
    "$bin_dir/jiceng-bench" "$scenario" "$threads" "$tmp/run.h5" > "$tmp/t$threads-$k.json"
  done
done

scaling=(scenarios/bench/scale-100k.toml scenarios/bench/scale-1m.toml)
[ "${BENCH_QUICK:-0}" = 1 ] || scaling+=(scenarios/bench/scale-10m.toml scenarios/bench/shanghai.toml)
for s in "${scaling[@]}"; do
  echo "bench: scaling, $s on 2 threads..." >&2
  "$bin_dir/jiceng-bench" "$s" 2 "$tmp/scale.h5" > "$tmp/scale-$(basename "$s" .toml).json"
done

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
/usr/bin/python3 - "$tmp" "$scenario" "$commit" "$repeats" "${scaling[@]}" <<'PY'
import glob, json, os, platform, sys
tmp, scenario, commit, repeats = sys.argv[1:5]
scaling = sys.argv[5:]
load = lambda p: json.load(open(p))

def best(threads):
    runs = [load(p) for p in sorted(glob.glob(f"{tmp}/t{threads}-*.json"))]
    return min(runs, key=lambda r: r["loop_seconds"]), runs

one, one_all = best(1)
two, two_all = best(2)
stream = {"1": load(f"{tmp}/stream1.json"), "2": load(f"{tmp}/stream2.json")}
rd = two["residents"] * two["days"]
# Bytes the day's passes read and write per resident-day, counted array by
# array in docs/performance.md (an estimate: this machine exposes no memory
# counters): the loop's bandwidth is this times its rate.
bytes_per_resident_day = 30
loop_rate = rd / two["loop_seconds"]
loop_gb_s = loop_rate * bytes_per_resident_day / 1e9
ceiling = max(stream["2"]["read_gb_s"], stream["2"]["triad_gb_s"], stream["2"]["copy_gb_s"])
machine = {"cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()}
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            machine["model"] = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
result = {
    "scenario": scenario,
    "commit": commit,
    "machine": machine,
    "repeats": int(repeats),
    "residents": two["residents"],
    "days": two["days"],
    "resident_days_per_second_loop": loop_rate,
    "resident_days_per_second_loop_1_thread": rd / one["loop_seconds"],
    "resident_days_per_second_total": rd / two["total_seconds"],
    "speedup_2_threads": one["loop_seconds"] / two["loop_seconds"],
    "peak_rss_bytes": two["peak_rss_bytes"],
    "bytes_per_resident": two["peak_rss_bytes"] / two["residents"],
    "end_to_end_over_loop": two["total_seconds"] / two["loop_seconds"],
    "bytes_per_resident_day_estimate": bytes_per_resident_day,
    "loop_bandwidth_gb_s": loop_gb_s,
    "stream": stream,
    "loop_share_of_stream_bandwidth": loop_gb_s / ceiling,
    "runs": {"1": one, "2": two},
    "all_loop_seconds": {"1": [r["loop_seconds"] for r in one_all], "2": [r["loop_seconds"] for r in two_all]},
}
with open("bench/results.json", "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")

rows = []
for path in scaling:
    name = os.path.basename(path)[:-5]
    r = load(f"{tmp}/scale-{name}.json")
    rows.append({
        "scenario": path,
        "residents": r["residents"],
        "days": r["days"],
        "seconds_per_day": r["loop_seconds"] / r["days"],
        "nanoseconds_per_resident_day": 1e9 * r["loop_seconds"] / (r["residents"] * r["days"]),
        "resident_days_per_second_loop": r["residents"] * r["days"] / r["loop_seconds"],
        "synthesis_seconds": r["synthesis_seconds"],
        "output_seconds": r["output_seconds"],
        "total_seconds": r["total_seconds"],
        "peak_rss_bytes": r["peak_rss_bytes"],
        "bytes_per_resident": r["peak_rss_bytes"] / r["residents"],
    })
with open("bench/scaling.json", "w") as f:
    json.dump({"commit": commit, "machine": machine, "threads": 2, "runs": rows}, f, indent=2)
    f.write("\n")

for key in ("resident_days_per_second_loop", "resident_days_per_second_loop_1_thread", "resident_days_per_second_total",
            "speedup_2_threads", "peak_rss_bytes", "bytes_per_resident", "end_to_end_over_loop",
            "loop_bandwidth_gb_s", "loop_share_of_stream_bandwidth"):
    print(f"{key:40s} {result[key]:.4g}")
print(f"{'stream bandwidth, 2 threads (GB/s)':40s} read {stream['2']['read_gb_s']:.1f}, triad {stream['2']['triad_gb_s']:.1f}")
print(f"\n{'residents':>12s} {'s/day':>9s} {'ns/res-day':>11s} {'peak MB':>9s} {'B/resident':>11s}")
for r in rows:
    print(f"{r['residents']:12.0f} {r['seconds_per_day']:9.4f} {r['nanoseconds_per_resident_day']:11.2f} "
          f"{r['peak_rss_bytes'] / 1e6:9.0f} {r['bytes_per_resident']:11.1f}")
print("wrote bench/results.json and bench/scaling.json")
PY
