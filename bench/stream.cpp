// jiceng-stream [THREADS] [MIB]: a STREAM-like memory-bandwidth kernel
// (McCalpin's copy, scale, add, triad, plus a read-only sum, which is what the
// simulator's sweeps mostly do). Arrays are far larger than the caches; each
// kernel runs several times and the best time counts, as in STREAM. Bytes are
// counted as STREAM counts them (reads + writes, no write-allocate traffic).
// Prints one JSON object; bench/run.sh records it next to the model's figures
// so that `make bench` can report how close the loop is to the machine.
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

template <class F>
double best_seconds(int repeats, F&& kernel) {
    double best = 1e30;
    for (int k = 0; k < repeats; ++k) {
        const auto t0 = clock_type::now();
        kernel();
        best = std::min(best, std::chrono::duration<double>(clock_type::now() - t0).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const int threads = argc > 1 ? std::stoi(argv[1]) : 2;
    const std::size_t mib = argc > 2 ? std::stoul(argv[2]) : 256;  // per array
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    const std::size_t n = mib * 1024 * 1024 / sizeof(double);
    std::vector<double> a(n), b(n), c(n);
    // First touch in parallel, with the same static partition the kernels use.
    const std::size_t chunk = (n + static_cast<std::size_t>(threads) - 1) / static_cast<std::size_t>(threads);
    auto each = [&](auto&& body) {
        tbb::parallel_for(0, threads, [&](int t) {
            const std::size_t lo = static_cast<std::size_t>(t) * chunk, hi = std::min(n, lo + chunk);
            body(lo, hi);
        });
    };
    each([&](std::size_t lo, std::size_t hi) {
        for (std::size_t i = lo; i < hi; ++i) a[i] = 1.0, b[i] = 2.0, c[i] = 0.0;
    });
    const double s = 3.0;
    const int repeats = 6;
    std::vector<double> partial(static_cast<std::size_t>(threads));
    const double copy = best_seconds(repeats, [&] {
        each([&](std::size_t lo, std::size_t hi) { std::copy(a.begin() + lo, a.begin() + hi, c.begin() + lo); });
    });
    const double scale = best_seconds(repeats, [&] {
        each([&](std::size_t lo, std::size_t hi) {
            for (std::size_t i = lo; i < hi; ++i) b[i] = s * c[i];
        });
    });
    const double add = best_seconds(repeats, [&] {
        each([&](std::size_t lo, std::size_t hi) {
            for (std::size_t i = lo; i < hi; ++i) c[i] = a[i] + b[i];
        });
    });
    const double triad = best_seconds(repeats, [&] {
        each([&](std::size_t lo, std::size_t hi) {
            for (std::size_t i = lo; i < hi; ++i) a[i] = b[i] + s * c[i];
        });
    });
    const double read = best_seconds(repeats, [&] {
        tbb::parallel_for(0, threads, [&](int t) {
            const std::size_t lo = static_cast<std::size_t>(t) * chunk, hi = std::min(n, lo + chunk);
            double sum = 0;
            for (std::size_t i = lo; i < hi; ++i) sum += a[i] + b[i];
            partial[static_cast<std::size_t>(t)] = sum;
        });
    });
    double check = 0;
    for (double x : partial) check += x;
    const double bytes = static_cast<double>(n * sizeof(double));
    std::printf(
        "{\"threads\": %d, \"array_mib\": %zu, \"copy_gb_s\": %.3f, \"scale_gb_s\": %.3f, \"add_gb_s\": %.3f, "
        "\"triad_gb_s\": %.3f, \"read_gb_s\": %.3f, \"checksum\": %.1f}\n",
        threads, mib, 2 * bytes / copy / 1e9, 2 * bytes / scale / 1e9, 3 * bytes / add / 1e9, 3 * bytes / triad / 1e9,
        2 * bytes / read / 1e9, check);
    return 0;
}
