// Sweeps: every run of an experiment, recorded so that an interrupted sweep
// resumes where it stopped, gathered into one DIR/results.h5.
//
// Run r is point r / replicates with replicate r % replicates, simulated with
// the experiment seed and that replicate number: replicate k of every point
// draws the same random numbers (common random numbers), and any run can be
// repeated alone (`jiceng sweep EXP --point-scenario P` prints the scenario,
// `jiceng run` of it with --replicate k repeats the run).
//
// DIR holds
//   journal.bin    every finished run's values, appended and synced one record
//                  at a time; a torn last record (kill -9) is dropped on resume
//   manifest.tsv   what is done: run, point, replicate, seed, wall time, worker
//   experiment.toml  the experiment file as given
//   results.h5     written (atomically) once every run is done
//   runs/          per-run files, only with keep_runs
// The library does no MPI: a distributed front end hands runs to
// execute_run() on its workers and their records to SweepStore::record().
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "sim/experiments/experiment.hpp"

namespace jiceng {

// One finished run.
struct RunRecord {
    std::uint64_t run = 0;
    double wall_seconds = 0;
    std::int32_t worker = 0;     // MPI rank, or 0
    std::vector<double> values;  // [sample day][outcome], Experiment::values_per_run()
};

// Simulates run `run` of the experiment; deterministic and thread-safe. With
// a non-empty `run_dir` it also writes the run's file there.
RunRecord execute_run(const Experiment& e, std::size_t run, const std::filesystem::path& run_dir = {});
// runs/p<point>-r<replicate>.h5, zero-padded so that names sort in run order.
std::string run_file_name(const Experiment& e, std::size_t run);

class SweepStore {
public:
    // Opens (creating if need be) DIR for experiment `e`, takes DIR's lock and
    // replays its journal. Throws InputError when DIR holds another
    // experiment's sweep (nothing is changed then), std::runtime_error when
    // another sweep holds the lock or DIR cannot be written.
    SweepStore(const std::filesystem::path& dir, const Experiment& e);
    ~SweepStore();
    SweepStore(const SweepStore&) = delete;
    SweepStore& operator=(const SweepStore&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    std::vector<std::size_t> pending() const;  // runs not yet done, in run order
    std::size_t done() const;
    std::size_t total() const { return e_.runs(); }
    bool complete() const { return done() == total(); }

    // Appends a finished run to the journal and syncs it; thread-safe. A run
    // recorded twice keeps its first record (both are identical anyway).
    void record(const RunRecord& r);
    // Rewrites manifest.tsv (atomically).
    void write_manifest() const;
    // Writes results.h5 (atomically); every run must be done.
    void write_results() const;

private:
    void replay();
    std::filesystem::path dir_;
    const Experiment& e_;
    int lock_fd_ = -1;
    int journal_fd_ = -1;
    mutable std::mutex mutex_;
    std::vector<char> done_;
    std::size_t done_count_ = 0;
    std::vector<double> values_;        // [run][value]
    std::vector<double> wall_;          // [run]
    std::vector<std::int32_t> worker_;  // [run]
    std::chrono::steady_clock::time_point manifest_written_;
    void write_manifest_locked() const;
};

struct SweepProgress {
    std::size_t total = 0, done = 0, resumed = 0;  // resumed: done before this call
    double elapsed = 0;                            // seconds in this call
};

struct SweepOptions {
    int jobs = 1;                                           // simulations at once (each single-threaded)
    bool keep_runs = false;                                 // also write runs/*.h5
    std::function<void(const SweepProgress&)> on_progress;  // after each run, serialised
};

// Runs whatever is missing in DIR with `jobs` threads, then writes the
// manifest and results.h5. Returns the progress at the end.
SweepProgress run_sweep(const Experiment& e, const std::filesystem::path& dir, const SweepOptions& options);

// Runs `count` tasks on `jobs` threads, taking tasks in index order as
// threads come free. Each task runs in its own TBB arena of
// `threads_per_task` slots (1: the task's parallel loops stay on its thread,
// so `jobs` tasks use `jobs` cores). The first exception stops the remaining
// tasks and is rethrown.
void run_tasks(std::size_t count, int jobs, const std::function<void(std::size_t)>& task, int threads_per_task = 1);

// ---- reading results.h5 -------------------------------------------------

struct SweepParameter {
    std::string key;
    double min = 0, max = 0;
    bool log_scale = false;
    std::string units, long_name, long_name_zh, type;
    std::vector<double> values;  // [point]
};

struct SweepResults {
    std::string path;
    std::string name, title_en, title_zh, description_en, description_zh;
    std::string method;  // grid, lhs, morris, sobol
    std::int64_t seed = 0, days = 0, replicates = 0, morris_levels = 0, sobol_base_samples = 0;
    std::string scenario_name, scenario_file, scenario_toml, experiment_toml, start_date, jiceng_version, git_commit;
    std::vector<std::int32_t> sample_days;
    std::vector<std::string> dates;
    std::vector<std::string> outcomes, outcome_units, outcome_kinds, outcome_long_en, outcome_long_zh;
    std::vector<SweepParameter> params;
    std::vector<double> unit;    // [point][param]
    std::vector<double> values;  // [point][replicate][day][outcome]
    std::size_t points = 0;

    double at(std::size_t point, std::size_t replicate, std::size_t day, std::size_t outcome) const {
        return values[((point * static_cast<std::size_t>(replicates) + replicate) * sample_days.size() + day) *
                          outcomes.size() +
                      outcome];
    }
    // Mean over replicates.
    double mean(std::size_t point, std::size_t day, std::size_t outcome) const;
    double unit_at(std::size_t point, std::size_t param) const { return unit[point * params.size() + param]; }
    // Index of an outcome by name, or -1.
    int outcome_index(const std::string& name) const;
};

// Reads DIR/results.h5 (or the file itself); throws std::runtime_error naming the file.
SweepResults read_sweep(const std::filesystem::path& dir_or_file);
// Whether `path` is a sweep directory (or a sweep results file).
bool is_sweep(const std::filesystem::path& path);

}  // namespace jiceng
