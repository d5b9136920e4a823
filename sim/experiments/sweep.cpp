#include "sim/experiments/sweep.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <tbb/task_arena.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "sim/core/calendar.hpp"
#include "sim/core/version.hpp"
#include "sim/experiments/compare.hpp"
#include "sim/experiments/files.hpp"
#include "sim/io/contained_read.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/simulation/simulation.hpp"

namespace jiceng {

namespace fs = std::filesystem;

// ---- running ---------------------------------------------------------------

std::string run_file_name(const Experiment& e, std::size_t run) {
    char name[64];
    std::snprintf(name, sizeof name, "p%06zu-r%03d.h5", e.point_of(run), e.replicate_of(run));
    return name;
}

RunRecord execute_run(const Experiment& e, std::size_t run, const fs::path& run_dir) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t point = e.point_of(run);
    const auto replicate = static_cast<std::uint64_t>(e.replicate_of(run));
    const std::string started = utc_now_iso();
    auto write = [&](const Simulation& sim) {
        if (run_dir.empty()) return;
        // HDF5 is thread-safe only when built so (Debian's is); one writer at a time costs little.
        static std::mutex hdf5_mutex;
        std::lock_guard lock(hdf5_mutex);
        write_run(run_dir / run_file_name(e, run), sim,
                  RunProvenance{e.file + " (point " + std::to_string(point) + ")", 1, started, utc_now_iso()});
    };
    const Results results = run_one(freeze(e.point_scenario(point)), e.seed, replicate, e.days, {}, write);
    RunRecord r;
    r.run = run;
    r.values.reserve(e.values_per_run());
    for (auto day : e.sample_days)
        for (int k : e.outcomes) r.values.push_back(summary_at(results, k, day));
    r.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

void run_tasks(std::size_t count, int jobs, const std::function<void(std::size_t)>& task, int threads_per_task) {
    const std::size_t threads = std::min<std::size_t>(count, static_cast<std::size_t>(std::max(1, jobs)));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto worker = [&] {
        tbb::task_arena arena(std::max(1, threads_per_task));
        while (!failed) {
            const std::size_t k = next.fetch_add(1);
            if (k >= count) break;
            try {
                arena.execute([&] { task(k); });
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    if (threads > 0) worker();
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

// ---- the journal -------------------------------------------------------------

namespace {

constexpr char kJournalMagic[32] = "JICENG-SWEEP-JOURNAL-1\n";
constexpr std::uint32_t kRecordMagic = 0x4A524543;  // "JREC"
constexpr std::size_t kHeaderSize = 32 + 4 * 8;

struct JournalHeader {
    std::uint64_t fingerprint = 0, runs = 0, values_per_run = 0;
};

template <class T>
void put(std::vector<char>& out, const T& value) {
    const char* p = reinterpret_cast<const char*>(&value);
    out.insert(out.end(), p, p + sizeof(T));
}
template <class T>
T get(const char* p) {
    T value;
    std::memcpy(&value, p, sizeof(T));
    return value;
}

std::vector<char> header_bytes(const JournalHeader& h) {
    std::vector<char> out(kJournalMagic, kJournalMagic + 32);
    put(out, h.fingerprint);
    put(out, h.runs);
    put(out, h.values_per_run);
    put(out, fnv1a(out.data(), out.size()));
    return out;
}

std::vector<char> record_bytes(const RunRecord& r) {
    std::vector<char> out;
    out.reserve(32 + 8 * r.values.size());
    put(out, kRecordMagic);
    put(out, r.worker);
    put(out, r.run);
    put(out, r.wall_seconds);
    put(out, static_cast<std::uint64_t>(r.values.size()));
    for (double v : r.values) put(out, v);
    put(out, fnv1a(out.data(), out.size()));
    return out;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot read: " + std::strerror(errno));
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::optional<JournalHeader> parse_header(const std::string& bytes) {
    if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kJournalMagic, 32) != 0) return std::nullopt;
    if (get<std::uint64_t>(bytes.data() + kHeaderSize - 8) != fnv1a(bytes.data(), kHeaderSize - 8)) return std::nullopt;
    return JournalHeader{get<std::uint64_t>(bytes.data() + 32), get<std::uint64_t>(bytes.data() + 40),
                         get<std::uint64_t>(bytes.data() + 48)};
}

std::string hex(std::uint64_t x) {
    char text[20];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(x));
    return text;
}

void write_all(int fd, const std::vector<char>& bytes, const std::string& what) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error(what + ": cannot write: " + std::strerror(errno));
        written += static_cast<std::size_t>(n);
    }
}

}  // namespace

SweepStore::SweepStore(const fs::path& dir, const Experiment& e) : dir_(dir), e_(e) {
    const fs::path journal = dir / "journal.bin";
    const JournalHeader expected{e.fingerprint(), e.runs(), e.values_per_run()};
    std::error_code ec;
    // Refuse, before touching anything, a directory that holds something else.
    if (fs::exists(journal, ec)) {
        const auto header = parse_header(read_file(journal));
        if (!header)
            throw InputError(
                {{journal.string(), 0, "", "is not a jiceng sweep journal (damaged?); use a new --out directory"}});
        if (header->fingerprint != expected.fingerprint || header->runs != expected.runs ||
            header->values_per_run != expected.values_per_run)
            throw InputError({{dir.string(), 0, "--out",
                               "holds a sweep of another experiment, or of this one before it was edited or by another "
                               "jiceng build (its fingerprint is " +
                                   hex(header->fingerprint) + ", this one's is " + hex(expected.fingerprint) +
                                   "); use a new --out directory, or delete this one to start again"}});
    } else if (fs::is_directory(dir, ec)) {
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.path().filename() != ".lock")
                throw InputError(
                    {{dir.string(), 0, "--out",
                      "exists and is not a sweep directory (no journal.bin); use a new or empty directory"}});
    } else if (fs::exists(dir, ec)) {
        throw InputError({{dir.string(), 0, "--out", "exists and is not a directory"}});
    }

    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error(dir.string() + ": cannot create directory: " + ec.message());
    const fs::path lock = dir / ".lock";
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0) throw std::runtime_error(lock.string() + ": cannot open: " + std::strerror(errno));
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(lock_fd_);
        lock_fd_ = -1;
        // Some cluster file systems cannot lock at all: go on without the guard there.
        if (error == EWOULDBLOCK)
            throw std::runtime_error(dir.string() +
                                     ": another sweep is writing to this directory (wait for it, or stop it first)");
    }
    // Temporary files of a writer that was killed: nobody else holds the lock, so they are stale.
    for (const fs::path& folder : {dir, dir / "runs"})
        for (const auto& entry : fs::directory_iterator(folder, ec))
            if (entry.path().filename().string().find(".part-") != std::string::npos) fs::remove(entry.path(), ec);
    if (!fs::exists(journal, ec)) {
        const auto bytes = header_bytes(expected);
        write_text_atomic(journal, std::string(bytes.begin(), bytes.end()));
    }
    if (!fs::exists(dir / "experiment.toml", ec)) write_text_atomic(dir / "experiment.toml", e.text);

    done_.assign(e.runs(), 0);
    values_.assign(e.runs() * e.values_per_run(), std::nan(""));
    wall_.assign(e.runs(), std::nan(""));
    worker_.assign(e.runs(), -1);
    replay();
    journal_fd_ = ::open(journal.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (journal_fd_ < 0)
        throw std::runtime_error(journal.string() + ": cannot open for writing: " + std::strerror(errno));
    manifest_written_ = std::chrono::steady_clock::now();
}

SweepStore::~SweepStore() {
    if (journal_fd_ >= 0) ::close(journal_fd_);
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

void SweepStore::replay() {
    const fs::path journal = dir_ / "journal.bin";
    const std::string bytes = read_file(journal);
    const std::size_t n = e_.values_per_run();
    const std::size_t record_size = 4 + 4 + 8 + 8 + 8 + 8 * n + 8;
    std::size_t offset = kHeaderSize;
    while (offset + record_size <= bytes.size()) {
        const char* p = bytes.data() + offset;
        if (get<std::uint32_t>(p) != kRecordMagic || get<std::uint64_t>(p + 24) != n ||
            get<std::uint64_t>(p + record_size - 8) != fnv1a(p, record_size - 8))
            break;
        const auto run = get<std::uint64_t>(p + 8);
        if (run >= e_.runs()) break;
        if (!done_[run]) {
            done_[run] = 1;
            ++done_count_;
            worker_[run] = get<std::int32_t>(p + 4);
            wall_[run] = get<double>(p + 16);
            std::memcpy(&values_[run * n], p + 32, 8 * n);
        }
        offset += record_size;
    }
    // A record cut short by a kill: drop it so that appends start clean.
    if (offset < bytes.size() && ::truncate(journal.c_str(), static_cast<off_t>(offset)) != 0)
        throw std::runtime_error(journal.string() + ": cannot drop a torn record: " + std::strerror(errno));
}

std::vector<std::size_t> SweepStore::pending() const {
    std::lock_guard lock(mutex_);
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < done_.size(); ++r)
        if (!done_[r]) out.push_back(r);
    return out;
}

std::size_t SweepStore::done() const {
    std::lock_guard lock(mutex_);
    return done_count_;
}

void SweepStore::record(const RunRecord& r) {
    if (r.run >= e_.runs() || r.values.size() != e_.values_per_run())
        throw std::logic_error("SweepStore::record: a record that does not belong to this experiment");
    const auto bytes = record_bytes(r);
    std::lock_guard lock(mutex_);
    if (done_[r.run]) return;
    write_all(journal_fd_, bytes, (dir_ / "journal.bin").string());
    if (::fdatasync(journal_fd_) != 0 && errno != EINVAL)
        throw std::runtime_error((dir_ / "journal.bin").string() + ": cannot sync: " + std::strerror(errno));
    done_[r.run] = 1;
    ++done_count_;
    wall_[r.run] = r.wall_seconds;
    worker_[r.run] = r.worker;
    std::copy(r.values.begin(), r.values.end(),
              values_.begin() + static_cast<std::ptrdiff_t>(r.run * e_.values_per_run()));
    const auto now = std::chrono::steady_clock::now();
    if (now - manifest_written_ > std::chrono::seconds(5)) {
        write_manifest_locked();
        manifest_written_ = now;
    }
}

void SweepStore::write_manifest() const {
    std::lock_guard lock(mutex_);
    write_manifest_locked();
}

void SweepStore::write_manifest_locked() const {
    std::ostringstream out;
    out << "# jiceng sweep manifest: " << e_.name << " (" << e_.file << ")\n"
        << "# " << done_count_ << " of " << e_.runs() << " runs done; fingerprint " << hex(e_.fingerprint()) << "\n"
        << "# Run (point P, replicate R) is `jiceng run` of the scenario printed by\n"
        << "#   jiceng sweep " << e_.file << " --point-scenario P\n"
        << "# with --replicate R (its run.seed is the experiment seed " << e_.seed << ").\n"
        << "run\tpoint\treplicate\tseed\tstatus\twall_s\tworker";
    for (const auto& p : e_.params) out << "\t" << p.key;
    out << "\n";
    char wall[32];
    for (std::size_t r = 0; r < e_.runs(); ++r) {
        const std::size_t point = e_.point_of(r);
        std::snprintf(wall, sizeof wall, "%.3f", wall_[r]);
        out << r << "\t" << point << "\t" << e_.replicate_of(r) << "\t" << e_.seed << "\t"
            << (done_[r] ? "done" : "pending") << "\t" << (done_[r] ? wall : "") << "\t"
            << (done_[r] ? std::to_string(worker_[r]) : "");
        for (const auto& v : e_.values[point]) out << "\t" << plain_number(as_number(v));
        out << "\n";
    }
    write_text_atomic(dir_ / "manifest.tsv", out.str());
}

// ---- results.h5 --------------------------------------------------------------

namespace {

constexpr std::int64_t kSweepFormatVersion = 1;

void write_results_file(const fs::path& path, const Experiment& e, const std::vector<double>& values) {
    h5::silence_errors();
    h5::Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
                    "create " + path.string());
    const Calendar calendar(e.base.params.run_start_date);
    h5::write_attr(file, "format", std::string("jiceng-sweep"));
    h5::write_attr(file, "format_version", kSweepFormatVersion);
    h5::write_attr(file, "jiceng_version", std::string(version()));
    h5::write_attr(file, "git_commit", std::string(git_commit()));
    h5::write_attr(file, "experiment_name", e.name);
    h5::write_attr(file, "experiment_title_en", e.title_en);
    h5::write_attr(file, "experiment_title_zh", e.title_zh);
    h5::write_attr(file, "experiment_description_en", e.description_en);
    h5::write_attr(file, "experiment_description_zh", e.description_zh);
    h5::write_attr(file, "experiment_file", e.file);
    h5::write_attr(file, "experiment_toml", e.text);
    h5::write_attr(file, "fingerprint", hex(e.fingerprint()));
    h5::write_attr(file, "scenario_name", e.base.meta.name);
    h5::write_attr(file, "scenario_file", e.scenario_file);
    h5::write_attr(file, "scenario_toml", e.base.resolved_toml());
    h5::write_attr(file, "scenario_sources", e.base.sources_text());
    h5::write_attr(file, "seed", static_cast<std::int64_t>(e.seed));
    h5::write_attr(file, "days", e.days);
    h5::write_attr(file, "replicates", static_cast<std::int64_t>(e.replicates));
    h5::write_attr(file, "start_date", e.base.params.run_start_date);
    h5::write_attr(file, "design_method", std::string(method_name(e.method)));
    h5::write_attr(file, "design_seed", static_cast<std::int64_t>(e.design_seed));
    h5::write_attr(file, "morris_levels", static_cast<std::int64_t>(e.morris_levels));
    h5::write_attr(file, "sobol_base_samples", static_cast<std::int64_t>(e.sobol_base_samples));
    h5::write_attr(
        file, "seeding",
        std::string("run (point p, replicate r) is simulated with the experiment seed and replicate number r "
                    "(common random numbers across points)"));

    auto index_scale = [&](const std::string& name, std::size_t n, const std::string& long_name) {
        std::vector<std::int32_t> index(n);
        for (std::size_t k = 0; k < n; ++k) index[k] = static_cast<std::int32_t>(k);
        auto ds = h5::write_dataset(file, name, {n}, index.data());
        h5::make_scale(ds, name);
        h5::write_attr(ds, "long_name", long_name);
        return ds;
    };
    const std::size_t P = e.points(), R = static_cast<std::size_t>(e.replicates), D = e.sample_days.size(),
                      O = e.outcomes.size(), K = e.params.size();
    auto point = index_scale("point", P, "Design point");
    auto replicate = index_scale("replicate", R, "Replicate number (keys the random streams with the experiment seed)");
    // The sample day as a CF time (day N is start_date + N days); outcomes
    // and varied parameters labelled by name (outcome_name and
    // parameter_name repeat the names for readers of older files).
    auto day = h5::write_dataset(file, "day", {D}, e.sample_days.data());
    h5::make_scale(day, "day");
    h5::describe_days_since(day, e.base.params.run_start_date);
    h5::write_attr(day, "long_name", std::string("Sample day (the end of day N is start_date + N days)"));

    std::vector<std::string> dates, names, units, kinds, long_en, long_zh;
    for (auto d : e.sample_days) dates.push_back(calendar.iso(d));
    for (int k : e.outcomes) {
        const auto& o = outcome_table()[static_cast<std::size_t>(k)];
        names.emplace_back(o.name);
        units.emplace_back(o.units);
        kinds.emplace_back(kind_name(o.kind));
        long_en.emplace_back(o.long_en);
        long_zh.emplace_back(o.long_zh);
    }
    auto outcome = h5::write_strings(file, "outcome", names);
    h5::make_scale(outcome, "outcome");
    h5::write_attr(outcome, "long_name", std::string("Outcome"));
    std::vector<std::string> keys;
    for (const auto& p : e.params) keys.push_back(p.key);
    auto parameter = h5::write_strings(file, "parameter", keys);
    h5::make_scale(parameter, "parameter");
    h5::write_attr(parameter, "long_name", std::string("Varied parameter"));
    auto strings_over = [&](const std::string& name, const std::vector<std::string>& v, hid_t scale) {
        auto ds = h5::write_strings(file, name, v);
        h5::attach_scale(ds, scale, 0);
        return ds;
    };
    strings_over("date", dates, day);
    strings_over("outcome_name", names, outcome);
    strings_over("outcome_units", units, outcome);
    strings_over("outcome_kind", kinds, outcome);
    strings_over("outcome_long_name", long_en, outcome);
    strings_over("outcome_long_name_zh", long_zh, outcome);

    std::vector<double> mins, maxs;
    std::vector<std::int32_t> logs;
    for (const auto& p : e.params) {
        double lo = p.min, hi = p.max;
        if (e.method == DesignMethod::Grid) {
            lo = hi = as_number(p.levels.front());
            for (const auto& v : p.levels) {
                lo = std::min(lo, as_number(v));
                hi = std::max(hi, as_number(v));
            }
        }
        mins.push_back(lo);
        maxs.push_back(hi);
        logs.push_back(p.log_scale ? 1 : 0);
    }
    strings_over("parameter_name", keys, parameter);
    auto numbers_over = [&](const std::string& name, const auto& v, hid_t scale, const std::string& long_name) {
        auto ds = h5::write_dataset(file, name, {v.size()}, v.data());
        h5::attach_scale(ds, scale, 0);
        h5::write_attr(ds, "long_name", long_name);
    };
    numbers_over("parameter_min", mins, parameter, "Lower end of the parameter's range in the design");
    numbers_over("parameter_max", maxs, parameter, "Upper end of the parameter's range in the design");
    numbers_over("parameter_log", logs, parameter, "1 when the range is sampled on a log scale");

    std::string coordinates = "date outcome_name outcome_units outcome_kind outcome_long_name outcome_long_name_zh";
    for (std::size_t i = 0; i < K; ++i) {
        const auto& p = e.params[i];
        std::vector<double> v(P);
        for (std::size_t q = 0; q < P; ++q) v[q] = as_number(e.values[q][i]);
        auto ds = h5::write_dataset(file, p.key, {P}, v.data());
        h5::attach_scale(ds, point, 0);
        h5::write_attr(ds, "units", std::string(p.spec->unit));
        h5::write_attr(ds, "long_name", std::string(p.spec->doc_en));
        h5::write_attr(ds, "long_name_zh", std::string(p.spec->doc_zh));
        h5::write_attr(ds, "type", std::string(type_name(p.spec->type)));
        coordinates += " " + p.key;
    }
    std::vector<double> unit(P * K);
    for (std::size_t q = 0; q < P; ++q)
        for (std::size_t i = 0; i < K; ++i) unit[q * K + i] = e.unit[q][i];
    {
        auto ds = h5::write_dataset(file, "design_unit", {P, K}, unit.data());
        h5::attach_scale(ds, point, 0);
        h5::attach_scale(ds, parameter, 1);
        h5::write_attr(ds, "long_name", std::string("Design coordinates in [0, 1] (range position of each parameter)"));
        h5::write_attr(ds, "coordinates", std::string("parameter_name"));
    }
    auto value = h5::write_dataset(file, "value", {P, R, D, O}, values.data());
    h5::attach_scale(value, point, 0);
    h5::attach_scale(value, replicate, 1);
    h5::attach_scale(value, day, 2);
    h5::attach_scale(value, outcome, 3);
    h5::write_attr(value, "long_name", std::string("Outcome on the sample day"));
    h5::write_attr(
        value, "description",
        std::string("a stock's value on the day; a flow's total over days 1..day; a mean's average over days 1..day"));
    h5::write_attr(value, "coordinates", coordinates);
    h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL), "flush " + path.string());
    file.close("close " + path.string());
}

}  // namespace

void SweepStore::write_results() const {
    std::lock_guard lock(mutex_);
    if (done_count_ != e_.runs()) throw std::logic_error("SweepStore::write_results: the sweep is not complete");
    const fs::path out = dir_ / "results.h5";
    write_atomic(out, [&](const fs::path& temp) {
        try {
            write_results_file(temp, e_, values_);
        } catch (const std::exception& ex) {
            throw std::runtime_error(out.string() + ": " + ex.what());
        }
    });
}

SweepProgress run_sweep(const Experiment& e, const fs::path& dir, const SweepOptions& options) {
    SweepStore store(dir, e);
    const auto pending = store.pending();
    SweepProgress progress{store.total(), store.done(), store.done(), 0};
    const auto t0 = std::chrono::steady_clock::now();
    std::mutex progress_mutex;
    const fs::path run_dir = options.keep_runs ? dir / "runs" : fs::path();
    run_tasks(pending.size(), options.jobs, [&](std::size_t k) {
        const RunRecord r = execute_run(e, pending[k], run_dir);
        store.record(r);
        std::lock_guard lock(progress_mutex);
        ++progress.done;
        progress.elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (options.on_progress) options.on_progress(progress);
    });
    store.write_manifest();
    store.write_results();
    progress.elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return progress;
}

// ---- reading -------------------------------------------------------------------

double SweepResults::mean(std::size_t point, std::size_t day, std::size_t outcome) const {
    double total = 0;
    for (std::size_t r = 0; r < static_cast<std::size_t>(replicates); ++r) total += at(point, r, day, outcome);
    return total / static_cast<double>(replicates);
}

int SweepResults::outcome_index(const std::string& name) const {
    for (std::size_t k = 0; k < outcomes.size(); ++k)
        if (outcomes[k] == name) return static_cast<int>(k);
    return -1;
}

bool is_sweep(const fs::path& path) {
    std::error_code ec;
    const fs::path file = fs::is_directory(path, ec) ? path / "results.h5" : path;
    if (!fs::is_regular_file(file, ec) || H5Fis_hdf5(file.c_str()) <= 0) return false;
    // The first read of a file a command was given: contain what HDF5 does on a damaged one.
    trial_read_contained(file);
    h5::silence_errors();
    const hid_t id = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id < 0) return false;
    h5::Handle handle(id, H5Fclose, "open " + file.string());
    return h5::has_attr(handle, "format") && h5::read_attr_string(handle, "format") == "jiceng-sweep";
}

SweepResults read_sweep(const fs::path& dir_or_file) {
    h5::silence_errors();
    std::error_code ec;
    const fs::path file = fs::is_directory(dir_or_file, ec) ? dir_or_file / "results.h5" : dir_or_file;
    if (!fs::exists(file, ec)) {
        if (fs::exists(dir_or_file / "journal.bin", ec))
            throw std::runtime_error(
                file.string() +
                ": no such file: the sweep is not finished (run the same `jiceng sweep` command again to complete it)");
        throw std::runtime_error(file.string() + ": no such file (expected a sweep directory made by `jiceng sweep`)");
    }
    SweepResults s;
    s.path = file.string();
    try {
        if (H5Fis_hdf5(file.c_str()) <= 0) throw std::runtime_error("not an HDF5 file");
        h5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open the file");
        if (!h5::has_attr(f, "format") || h5::read_attr_string(f, "format") != "jiceng-sweep")
            throw std::runtime_error("not a jiceng sweep results file (format is not \"jiceng-sweep\")");
        if (h5::read_attr_int(f, "format_version") != kSweepFormatVersion)
            throw std::runtime_error("sweep format version " + std::to_string(h5::read_attr_int(f, "format_version")) +
                                     " is not supported");
        auto str = [&](const char* name) {
            return h5::has_attr(f, name) ? h5::read_attr_string(f, name) : std::string();
        };
        s.name = str("experiment_name");
        s.title_en = str("experiment_title_en");
        s.title_zh = str("experiment_title_zh");
        s.description_en = str("experiment_description_en");
        s.description_zh = str("experiment_description_zh");
        s.method = str("design_method");
        s.scenario_name = str("scenario_name");
        s.scenario_file = str("scenario_file");
        s.scenario_toml = str("scenario_toml");
        s.experiment_toml = str("experiment_toml");
        s.start_date = str("start_date");
        s.jiceng_version = str("jiceng_version");
        s.git_commit = str("git_commit");
        s.seed = h5::read_attr_int(f, "seed");
        s.days = h5::read_attr_int(f, "days");
        s.replicates = h5::read_attr_int(f, "replicates");
        s.morris_levels = h5::read_attr_int(f, "morris_levels");
        s.sobol_base_samples = h5::read_attr_int(f, "sobol_base_samples");
        s.sample_days = h5::read_ints(f, "day");
        s.dates = h5::read_strings(f, "date");
        s.outcomes = h5::read_strings(f, "outcome_name");
        s.outcome_units = h5::read_strings(f, "outcome_units");
        s.outcome_kinds = h5::read_strings(f, "outcome_kind");
        s.outcome_long_en = h5::read_strings(f, "outcome_long_name");
        s.outcome_long_zh = h5::read_strings(f, "outcome_long_name_zh");
        s.points = h5::read_ints(f, "point").size();
        const auto keys = h5::read_strings(f, "parameter_name");
        const auto mins = h5::read_doubles(f, "parameter_min");
        const auto maxs = h5::read_doubles(f, "parameter_max");
        const auto logs = h5::read_ints(f, "parameter_log");
        for (std::size_t i = 0; i < keys.size(); ++i) {
            SweepParameter p;
            p.key = keys[i];
            p.min = mins.at(i);
            p.max = maxs.at(i);
            p.log_scale = logs.at(i) != 0;
            h5::Handle ds(H5Dopen2(f, p.key.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + p.key);
            p.units = h5::read_attr_string(ds, "units");
            p.long_name = h5::read_attr_string(ds, "long_name");
            p.long_name_zh = h5::read_attr_string(ds, "long_name_zh");
            p.type = h5::read_attr_string(ds, "type");
            p.values = h5::read_doubles(f, p.key);
            if (p.values.size() != s.points)
                throw std::runtime_error("parameter " + p.key + " does not cover every point");
            s.params.push_back(std::move(p));
        }
        s.unit = h5::read_doubles(f, "design_unit");
        s.values = h5::read_doubles(f, "value");
        const std::size_t expected =
            s.points * static_cast<std::size_t>(s.replicates) * s.sample_days.size() * s.outcomes.size();
        if (s.values.size() != expected || s.unit.size() != s.points * s.params.size() ||
            s.dates.size() != s.sample_days.size())
            throw std::runtime_error("datasets do not match the dimensions point, replicate, day, outcome");
    } catch (const std::exception& ex) {
        throw std::runtime_error(file.string() + ": " + ex.what());
    }
    return s;
}

}  // namespace jiceng
