// Distributed sweeps over MPI: the transport only. Rank 0 owns the sweep
// directory (journal, manifest, results.h5), hands out runs one request at a
// time (dynamic load balancing) and records the results; every rank,
// rank 0 included, simulates with `jobs` threads. Only each rank's main
// thread calls MPI (MPI_THREAD_FUNNELED). Results do not depend on the number
// of ranks: each run is the same deterministic execute_run() wherever it runs,
// and results.h5 is assembled by run index.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "sim/experiments/sweep.hpp"

#ifdef JICENG_HAVE_MPI
#include <mpi.h>
#include <tbb/task_arena.h>
#endif

namespace jiceng::cli {

namespace fs = std::filesystem;

// Whether this process was started by an MPI launcher with more than one
// process (mpirun, mpiexec, srun --mpi=pmix/pmi2).
bool launched_under_mpi() {
    for (const char* size_var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE", "MPI_LOCALNRANKS"}) {
        if (const char* v = std::getenv(size_var)) return std::atoi(v) > 1;
    }
    return std::getenv("PMIX_RANK") != nullptr;
}

// This process's rank as the launcher announced it (before MPI_Init), or 0.
int launcher_rank() {
    for (const char* rank_var : {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK"})
        if (const char* v = std::getenv(rank_var)) return std::atoi(v);
    return 0;
}

bool built_with_mpi() {
#ifdef JICENG_HAVE_MPI
    return true;
#else
    return false;
#endif
}

// What a distributed sweep needs from the command line. `on_progress` is
// called on rank 0 after each recorded run.
namespace {
struct MpiSweepOptions {
    int jobs = 1;
    bool keep_runs = false;
    std::function<void(const SweepProgress&)> on_progress;
};
}  // namespace

#ifndef JICENG_HAVE_MPI

int mpi_sweep(const Experiment&, const fs::path&, int, bool, const std::function<void(const SweepProgress&)>&,
              SweepProgress&, int&) {
    throw std::runtime_error(
        "this jiceng was built without MPI, so under mpirun every process would run the whole sweep; "
        "install libopenmpi-dev (scripts/install-deps.sh), reconfigure and rebuild, or run `jiceng sweep` without "
        "mpirun");
}

#else

namespace {

enum Tag : int { kRequest = 1, kAssign = 2, kResult = 3, kDone = 4 };

// A run record as doubles: run, wall seconds, worker, values (run < 2^53).
std::vector<double> pack(const RunRecord& r) {
    std::vector<double> out{static_cast<double>(r.run), r.wall_seconds, static_cast<double>(r.worker)};
    out.insert(out.end(), r.values.begin(), r.values.end());
    return out;
}

RunRecord unpack(const std::vector<double>& in) {
    RunRecord r;
    r.run = static_cast<std::uint64_t>(in.at(0));
    r.wall_seconds = in.at(1);
    r.worker = static_cast<std::int32_t>(in.at(2));
    r.values.assign(in.begin() + 3, in.end());
    return r;
}

void idle() {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

// A thread-safe queue of run indices for the local workers; -1 stops one worker.
class RunQueue {
public:
    void push(std::int64_t run) {
        std::lock_guard lock(mutex_);
        queue_.push_back(run);
    }
    std::optional<std::int64_t> try_pop() {
        std::lock_guard lock(mutex_);
        if (queue_.empty()) return std::nullopt;
        const auto run = queue_.front();
        queue_.pop_front();
        return run;
    }
    std::size_t size() const {
        std::lock_guard lock(mutex_);
        return queue_.size();
    }

private:
    mutable std::mutex mutex_;
    std::deque<std::int64_t> queue_;
};

// Worker threads of one rank: each takes a run from `queue`, simulates it in
// a one-slot arena and hands the record to `deliver`; -1 ends the thread.
class LocalWorkers {
public:
    LocalWorkers(int jobs, RunQueue& queue, const Experiment& e, const fs::path& run_dir, int rank,
                 std::function<void(RunRecord)> deliver)
        : deliver_(std::move(deliver)) {
        for (int k = 0; k < jobs; ++k)
            threads_.emplace_back([this, &queue, &e, run_dir, rank] {
                tbb::task_arena arena(1);
                for (;;) {
                    const auto next = queue.try_pop();
                    if (!next) {
                        idle();
                        continue;
                    }
                    if (*next < 0) return;
                    try {
                        RunRecord r;
                        arena.execute([&] { r = execute_run(e, static_cast<std::size_t>(*next), run_dir); });
                        r.worker = rank;
                        deliver_(std::move(r));
                    } catch (const std::exception& ex) {
                        std::fprintf(stderr, "jiceng: error: rank %d, run %lld: %s\n", rank,
                                     static_cast<long long>(*next), ex.what());
                        MPI_Abort(MPI_COMM_WORLD, 1);
                    }
                }
            });
    }
    void join() {
        for (auto& t : threads_) t.join();
        threads_.clear();
    }

private:
    std::function<void(RunRecord)> deliver_;
    std::vector<std::thread> threads_;
};

int coordinate(const Experiment& e, SweepStore& store, const MpiSweepOptions& options, int ranks,
               SweepProgress& progress) {
    const fs::path run_dir = options.keep_runs ? store.dir() / "runs" : fs::path();
    std::deque<std::size_t> pending;
    for (auto r : store.pending()) pending.push_back(r);
    progress = {store.total(), store.done(), store.done(), 0};
    const auto t0 = std::chrono::steady_clock::now();
    std::mutex mutex;  // guards pending, progress and the local queue's refills
    auto recorded = [&](const RunRecord& r) {
        store.record(r);
        std::lock_guard lock(mutex);
        ++progress.done;
        progress.elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (options.on_progress) options.on_progress(progress);
    };
    // Rank 0's own workers draw from the same pending list as remote ranks,
    // one run at a time, through a queue kept one deep per worker.
    RunQueue local;
    std::vector<RunRecord> local_done;
    std::mutex local_done_mutex;
    LocalWorkers workers(options.jobs, local, e, run_dir, 0, [&](RunRecord r) {
        std::lock_guard lock(local_done_mutex);
        local_done.push_back(std::move(r));
    });
    std::size_t local_in_flight = 0;
    int ranks_done = 0;
    std::vector<double> buffer;
    while (ranks_done < ranks - 1 || local_in_flight > 0 || !pending.empty()) {
        bool busy = false;
        // Local results first, then top the local queue up.
        std::vector<RunRecord> finished;
        {
            std::lock_guard lock(local_done_mutex);
            finished.swap(local_done);
        }
        for (const auto& r : finished) {
            recorded(r);
            --local_in_flight;
            busy = true;
        }
        while (local_in_flight < static_cast<std::size_t>(options.jobs) && !pending.empty()) {
            local.push(static_cast<std::int64_t>(pending.front()));
            pending.pop_front();
            ++local_in_flight;
            busy = true;
        }
        int flag = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
        if (flag) {
            busy = true;
            int count = 0;
            if (status.MPI_TAG == kRequest) {
                std::int64_t wanted = 0;
                MPI_Recv(&wanted, 1, MPI_INT64_T, status.MPI_SOURCE, kRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                std::vector<std::int64_t> assign;
                while (static_cast<std::int64_t>(assign.size()) < wanted && !pending.empty()) {
                    assign.push_back(static_cast<std::int64_t>(pending.front()));
                    pending.pop_front();
                }
                // An empty assignment tells the rank that nothing is left.
                MPI_Send(assign.data(), static_cast<int>(assign.size()), MPI_INT64_T, status.MPI_SOURCE, kAssign,
                         MPI_COMM_WORLD);
            } else if (status.MPI_TAG == kResult) {
                MPI_Get_count(&status, MPI_DOUBLE, &count);
                buffer.resize(static_cast<std::size_t>(count));
                MPI_Recv(buffer.data(), count, MPI_DOUBLE, status.MPI_SOURCE, kResult, MPI_COMM_WORLD,
                         MPI_STATUS_IGNORE);
                recorded(unpack(buffer));
            } else if (status.MPI_TAG == kDone) {
                MPI_Recv(nullptr, 0, MPI_BYTE, status.MPI_SOURCE, kDone, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                ++ranks_done;
            }
        }
        if (!busy) idle();
    }
    for (int k = 0; k < options.jobs; ++k) local.push(-1);
    workers.join();
    store.write_manifest();
    if (!store.complete())
        throw std::runtime_error(
            "the sweep ended with runs missing (a worker rank failed?); run the same command again");
    store.write_results();
    progress.elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return 0;
}

void work(const Experiment& e, const fs::path& dir, const MpiSweepOptions& options, int rank) {
    const fs::path run_dir = options.keep_runs ? dir / "runs" : fs::path();
    RunQueue queue;
    std::vector<RunRecord> finished;
    std::mutex finished_mutex;
    LocalWorkers workers(options.jobs, queue, e, run_dir, rank, [&](RunRecord r) {
        std::lock_guard lock(finished_mutex);
        finished.push_back(std::move(r));
    });
    int in_flight = 0;
    bool asked = false, stopped = false;
    std::vector<std::int64_t> assign;
    while (!stopped || in_flight > 0) {
        bool busy = false;
        std::vector<RunRecord> results;
        {
            std::lock_guard lock(finished_mutex);
            results.swap(finished);
        }
        for (const auto& r : results) {
            auto packed = pack(r);
            MPI_Send(packed.data(), static_cast<int>(packed.size()), MPI_DOUBLE, 0, kResult, MPI_COMM_WORLD);
            --in_flight;
            busy = true;
        }
        if (!stopped && !asked && in_flight < options.jobs) {
            const std::int64_t wanted = options.jobs - in_flight;
            MPI_Send(&wanted, 1, MPI_INT64_T, 0, kRequest, MPI_COMM_WORLD);
            asked = true;
            busy = true;
        }
        int flag = 0;
        MPI_Status status;
        if (asked) MPI_Iprobe(0, kAssign, MPI_COMM_WORLD, &flag, &status);
        if (flag) {
            int count = 0;
            MPI_Get_count(&status, MPI_INT64_T, &count);
            assign.resize(static_cast<std::size_t>(count));
            MPI_Recv(assign.data(), count, MPI_INT64_T, 0, kAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            asked = false;
            if (count == 0) stopped = true;
            for (auto run : assign) {
                queue.push(run);
                ++in_flight;
            }
            busy = true;
        }
        if (!busy) idle();
    }
    for (int k = 0; k < options.jobs; ++k) queue.push(-1);
    workers.join();
    MPI_Send(nullptr, 0, MPI_BYTE, 0, kDone, MPI_COMM_WORLD);
}

}  // namespace

// Returns the exit status; on ranks other than 0 it prints nothing. `rank`
// receives this process's rank.
int mpi_sweep(const Experiment& e, const fs::path& dir, int jobs, bool keep_runs,
              const std::function<void(const SweepProgress&)>& on_progress, SweepProgress& progress, int& rank) {
    const MpiSweepOptions options{jobs, keep_runs, on_progress};
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    int ranks = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    if (provided < MPI_THREAD_FUNNELED) {
        if (rank == 0)
            std::fprintf(stderr, "jiceng: error: the MPI library does not support threads (MPI_THREAD_FUNNELED)\n");
        MPI_Finalize();
        return 1;
    }
    // Rank 0 opens the directory; everyone learns whether that worked.
    int status = 0;
    std::optional<SweepStore> store;
    std::string message;
    if (rank == 0) {
        try {
            store.emplace(dir, e);
        } catch (const InputError& ex) {
            status = 2;
            message = ex.what();
        } catch (const std::exception& ex) {
            status = 1;
            message = std::string("jiceng: error: ") + ex.what();
        }
    }
    MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (status != 0) {
        if (rank == 0) std::fprintf(stderr, "%s\n", message.c_str());
        MPI_Finalize();
        return status;
    }
    try {
        if (rank == 0)
            coordinate(e, *store, options, ranks, progress);
        else
            work(e, dir, options, rank);
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "jiceng: error: rank %d: %s\n", rank, ex.what());
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    store.reset();
    MPI_Finalize();
    return 0;
}

#endif

}  // namespace jiceng::cli
