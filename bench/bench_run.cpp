// jiceng-bench SCENARIO THREADS OUT.h5: one timed run, printed as one JSON
// object. Times: synthesis, the day loop alone, writing the output; peak
// resident memory of this process. bench/run.sh runs it at 1 and 2 threads.
#include <sys/resource.h>
#include <tbb/global_control.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "sim/io/run_writer.hpp"
#include "sim/simulation/simulation.hpp"

using namespace jiceng;

namespace {
// CPU time of the whole process (all threads): on a busy machine the loop's
// CPU seconds at one thread say more than its wall seconds.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: jiceng-bench SCENARIO THREADS OUT.h5\n");
        return 2;
    }
    const int threads = std::stoi(argv[2]);
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    using clock = std::chrono::steady_clock;
    auto seconds = [](clock::time_point a, clock::time_point b) {
        return std::chrono::duration<double>(b - a).count();
    };
    try {
        const auto t0 = clock::now();
        auto model = freeze(load_scenario(argv[1]));
        const std::int64_t days = model->params().run_days;
        Simulation sim(model, static_cast<std::uint64_t>(model->params().run_seed), 0, days);
        const auto t1 = clock::now();
        const double cpu1 = cpu_seconds();
        sim.run();
        sim.finish();
        const auto t2 = clock::now();
        const double loop_cpu = cpu_seconds() - cpu1;
        write_run(argv[3], sim, RunProvenance{argv[1], threads, utc_now_iso(), utc_now_iso()});
        const auto t3 = clock::now();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const double residents = sim.results().value(Outcome::residents, 0);
        const double slots = static_cast<double>(sim.world().residents.size());
        std::printf(
            "{\"threads\": %d, \"residents\": %.0f, \"resident_slots\": %.0f, \"days\": %lld, "
            "\"synthesis_seconds\": %.4f, \"loop_seconds\": %.4f, \"loop_cpu_seconds\": %.4f, \"output_seconds\": "
            "%.4f, "
            "\"total_seconds\": %.4f, \"peak_rss_bytes\": %ld, \"phases\": {",
            threads, residents, slots, static_cast<long long>(days), seconds(t0, t1), seconds(t1, t2), loop_cpu,
            seconds(t2, t3), seconds(t0, t3), usage.ru_maxrss * 1024L);
        bool first = true;
        for (const auto& [name, s] : sim.phase_seconds()) {
            std::printf("%s\"%s\": %.4f", first ? "" : ", ", name.c_str(), s);
            first = false;
        }
        std::printf("}}\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "jiceng-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
