// Experiment commands: sweep, sensitivity, calibrate, report, export. The
// options are parsed here; the work is done by sim/experiments/. Bad input is
// an InputError (main prints it and exits 2); nothing is written then.
#include <tbb/info.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sim/cli/commands.hpp"
#include "sim/cli/progress.hpp"
#include "sim/experiments/calibrate.hpp"
#include "sim/experiments/experiment.hpp"
#include "sim/experiments/export.hpp"
#include "sim/experiments/files.hpp"
#include "sim/experiments/report.hpp"
#include "sim/experiments/sensitivity.hpp"
#include "sim/experiments/sweep.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/simulation/memory_estimate.hpp"

namespace jiceng::cli {

namespace fs = std::filesystem;

// experiments_mpi.cpp
bool launched_under_mpi();
int launcher_rank();
bool built_with_mpi();
// Returns the exit status; prints nothing on ranks other than 0; `rank` gets this process's rank.
int mpi_sweep(const Experiment& e, const fs::path& dir, int jobs, bool keep_runs,
              const std::function<void(const SweepProgress&)>& on_progress, SweepProgress& progress, int& rank);

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

std::string clock_text(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "?";
    const auto s = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
    return text;
}

// One line for the whole sweep: done/total, rate and time left (on a terminal,
// redrawn in place; otherwise a line a minute, for batch logs).
class SweepProgressLine {
public:
    explicit SweepProgressLine(bool enabled) : enabled_(enabled), terminal_(stderr_is_terminal()) {}
    ~SweepProgressLine() { finish(); }
    void update(const SweepProgress& p) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        const auto gap = terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(60000);
        if (p.done < p.total && drawn_once_ && now - last_ < gap) return;
        if (!terminal_ && p.done == p.total) return;  // the summary line says it
        last_ = now;
        drawn_once_ = true;
        const std::size_t fresh = p.done - p.resumed;
        const double rate = p.elapsed > 0 ? static_cast<double>(fresh) / p.elapsed : 0.0;
        const double left = rate > 0 ? static_cast<double>(p.total - p.done) / rate : NAN;
        char line[200];
        std::snprintf(line, sizeof line, "sweep %zu/%zu runs (%.0f%%)%s  %.1f runs/min  %s left", p.done, p.total,
                      p.total ? 100.0 * static_cast<double>(p.done) / static_cast<double>(p.total) : 100.0,
                      p.resumed ? (" [" + std::to_string(p.resumed) + " resumed]").c_str() : "", rate * 60.0,
                      fresh ? clock_text(left).c_str() : "?");
        if (terminal_)
            std::fprintf(stderr, "\r%-90s", line);
        else
            std::fprintf(stderr, "%s\n", line);
        std::fflush(stderr);
        shown_ = terminal_;
    }
    void finish() {
        if (shown_) std::fprintf(stderr, "\r%90s\r", "");
        shown_ = false;
    }

private:
    bool enabled_, terminal_, drawn_once_ = false, shown_ = false;
    std::chrono::steady_clock::time_point last_;
};

std::vector<std::string> split_list(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        std::stringstream in(item);
        std::string word;
        while (std::getline(in, word, ','))
            if (!word.empty()) out.push_back(word);
    }
    return out;
}

// Like did_you_mean; failing that, the names that contain the word, or all of them.
std::string outcome_hint(const std::string& word, const std::vector<std::string>& names) {
    if (const std::string near = did_you_mean(word, names); !near.empty()) return " (did you mean '" + near + "'?)";
    std::vector<std::string> containing;
    std::string all;
    for (const auto& n : names) {
        all += (all.empty() ? "" : ", ") + n;
        if (n.find(word) != std::string::npos) containing.push_back(n);
    }
    if (containing.empty()) return " (it recorded " + all + ")";
    if (containing.size() == 1) return " (did you mean '" + containing.front() + "'?)";
    std::string list;
    for (const auto& n : containing) list += (list.empty() ? "" : ", ") + n;
    return " (did you mean one of " + list + "?)";
}

int default_jobs() {
    return std::max(1, tbb::info::default_concurrency());
}

void check_jobs(int jobs) {
    if (jobs < 1) throw InputError({{"command line", 0, "--jobs", "must be 1 or more"}});
}

// ---- sweep ----

struct SweepArgs {
    std::string experiment, out, max_memory;
    std::optional<int> jobs;
    bool keep_runs = false, quiet = false, plan = false;
    std::optional<std::int64_t> point_scenario;
};

int cmd_sweep(const SweepArgs& a) {
    const bool mpi = launched_under_mpi();
    // Under MPI every rank parses the file; only rank 0 reports problems.
    const bool speaks = !mpi || launcher_rank() == 0;
    if (mpi && !built_with_mpi())
        throw std::runtime_error(
            "this jiceng was built without MPI, so under mpirun every process would run the whole sweep; install "
            "libopenmpi-dev (scripts/install-deps.sh), reconfigure and rebuild, or run `jiceng sweep` without mpirun");
    if (a.jobs) check_jobs(*a.jobs);
    Experiment e;
    try {
        e = load_experiment(a.experiment);
    } catch (const InputError&) {
        if (speaks) throw;
        return kExitBadInput;
    }
    if (a.point_scenario) {
        if (*a.point_scenario < 0 || static_cast<std::size_t>(*a.point_scenario) >= e.points())
            throw InputError({{"command line", 0, "--point-scenario",
                               std::to_string(*a.point_scenario) + " is not a point (expected 0.." +
                                   std::to_string(e.points() - 1) + ")"}});
        Scenario s = e.point_scenario(static_cast<std::size_t>(*a.point_scenario));
        std::printf(
            "# Point %lld of experiment %s (%s). `jiceng run` this file with --replicate R\n"
            "# to repeat run (point %lld, replicate R) of the sweep exactly.\n%s",
            static_cast<long long>(*a.point_scenario), e.name.c_str(), e.file.c_str(),
            static_cast<long long>(*a.point_scenario), s.resolved_toml().c_str());
        return kExitOk;
    }
    if (a.plan) {
        std::printf("%s: %s design, %zu points x %d replicates = %zu runs of %lld days; %zu outcomes on %zu days\n",
                    e.name.c_str(), std::string(method_name(e.method)).c_str(), e.points(), e.replicates, e.runs(),
                    static_cast<long long>(e.days), e.outcomes.size(), e.sample_days.size());
        std::printf("point");
        for (const auto& p : e.params) std::printf("\t%s", p.key.c_str());
        std::printf("\n");
        for (std::size_t q = 0; q < e.points(); ++q) {
            std::printf("%zu", q);
            for (const auto& v : e.values[q]) std::printf("\t%s", plain_number(as_number(v)).c_str());
            std::printf("\n");
        }
        return kExitOk;
    }
    {
        // The largest point, times the simulations this process runs at once, must fit.
        MemoryEstimate largest;
        for (std::size_t q = 0; q < e.points(); ++q) {
            const MemoryEstimate m = estimate_memory(e.point_scenario(q).params, e.days);
            if (q == 0 || m.total() > largest.total()) largest = m;
        }
        const int jobs = mpi ? a.jobs.value_or(1) : a.jobs.value_or(default_jobs());
        const auto at_once = std::min<std::size_t>(static_cast<std::size_t>(jobs), std::max<std::size_t>(e.runs(), 1));
        try {
            check_memory(largest, static_cast<int>(at_once), max_memory_option(a.max_memory), e.file);
        } catch (const InputError&) {
            if (speaks) throw;
            return kExitBadInput;
        }
    }
    const fs::path dir = a.out.empty() ? fs::path("output") / ("sweep-" + e.name) : fs::path(a.out);
    SweepProgressLine line(!a.quiet && speaks);
    SweepProgress result;
    if (mpi) {
        int rank = 0;
        const int status = mpi_sweep(
            e, dir, a.jobs.value_or(1), a.keep_runs, [&](const SweepProgress& p) { line.update(p); }, result, rank);
        line.finish();
        if (rank != 0 || status != 0) return status;
    } else {
        SweepOptions options;
        options.jobs = a.jobs.value_or(default_jobs());
        options.keep_runs = a.keep_runs;
        options.on_progress = [&](const SweepProgress& p) { line.update(p); };
        result = run_sweep(e, dir, options);
        line.finish();
    }
    if (!a.quiet) {
        const std::size_t fresh = result.done - result.resumed;
        std::printf("sweep %s: %zu runs done (%zu now, %zu resumed) in %.1f s", e.name.c_str(), result.done, fresh,
                    result.resumed, result.elapsed);
        if (fresh > 0 && result.elapsed > 0)
            std::printf(", %.0f runs/hour", 3600.0 * static_cast<double>(fresh) / result.elapsed);
        std::printf("\nwrote %s\n", (dir / "results.h5").string().c_str());
    }
    return kExitOk;
}

// ---- sensitivity ----

struct SensitivityArgs {
    std::string dir, csv;
    std::vector<std::string> outcomes;
    std::optional<std::int64_t> day;
    int bootstrap = 1000;
};

int cmd_sensitivity(const SensitivityArgs& a) {
    if (a.bootstrap < 0) throw InputError({{"command line", 0, "--bootstrap", "must be 0 or more"}});
    SweepResults s;
    try {
        s = read_sweep(a.dir);
    } catch (const std::runtime_error& ex) {
        throw InputError({{a.dir, 0, "", ex.what()}});
    }
    if (s.method != "morris" && s.method != "sobol")
        throw InputError({{a.dir, 0, "design.method",
                           "the sweep's design is \"" + s.method +
                               "\"; sensitivity indices need a \"morris\" or \"sobol\" design"}});
    std::vector<std::size_t> outcomes;
    std::vector<Diagnostic> problems;
    for (const auto& name : split_list(a.outcomes)) {
        const int k = s.outcome_index(name);
        if (k < 0) {
            problems.push_back({"command line", 0, "--outcomes",
                                "'" + name + "' is not an outcome of this sweep" + outcome_hint(name, s.outcomes)});
        } else
            outcomes.push_back(static_cast<std::size_t>(k));
    }
    if (outcomes.empty() && a.outcomes.empty())
        for (std::size_t k = 0; k < s.outcomes.size(); ++k) outcomes.push_back(k);
    std::size_t day = s.sample_days.size() - 1;
    if (a.day) {
        const auto it = std::find(s.sample_days.begin(), s.sample_days.end(), static_cast<std::int32_t>(*a.day));
        if (it == s.sample_days.end()) {
            std::string days;
            for (auto d : s.sample_days) days += (days.empty() ? "" : ", ") + std::to_string(d);
            problems.push_back({"command line", 0, "--day",
                                std::to_string(*a.day) + " is not a sample day of this sweep (" + days + ")"});
        } else
            day = static_cast<std::size_t>(it - s.sample_days.begin());
    }
    if (!problems.empty()) throw InputError(problems);

    std::ostringstream csv;
    const bool morris = s.method == "morris";
    csv << (morris ? "outcome,day,parameter,mu,mu_star,mu_star_lo,mu_star_hi,sigma\n"
                   : "outcome,day,parameter,first,first_lo,first_hi,total,total_lo,total_hi\n");
    std::printf("%s: %s, %zu points x %lld replicates (replicate means); day %d (%s)\n", s.name.c_str(),
                morris ? "Morris elementary effects" : "Sobol' indices (Saltelli/Jansen)", s.points,
                static_cast<long long>(s.replicates), s.sample_days[day], s.dates[day].c_str());
    if (morris)
        std::printf(
            "mu, mu* and sigma in outcome units per full range of the parameter; [95%% bootstrap interval of mu*]\n");
    else
        std::printf("first-order S1 and total ST with [95%% bootstrap intervals]\n");
    for (auto k : outcomes) {
        const SensitivityTable t = sweep_sensitivity(s, k, day, a.bootstrap);
        std::printf("\n%s (%s)\n", t.outcome.c_str(), s.outcome_units[k].c_str());
        if (morris)
            std::printf("  %-40s %12s %12s %25s %12s\n", "parameter", "mu", "mu*", "interval", "sigma");
        else
            std::printf("  %-40s %8s %19s %8s %19s\n", "parameter", "S1", "interval", "ST", "interval");
        for (std::size_t i = 0; i < t.params.size(); ++i) {
            if (morris) {
                const auto& m = t.morris[i];
                char interval[64];
                std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", m.mu_star_lo, m.mu_star_hi);
                std::printf("  %-40s %12.4g %12.4g %25s %12.4g\n", t.params[i].c_str(), m.mu, m.mu_star, interval,
                            m.sigma);
                csv << t.outcome << "," << t.day << "," << t.params[i] << "," << plain_number(m.mu) << ","
                    << plain_number(m.mu_star) << "," << plain_number(m.mu_star_lo) << "," << plain_number(m.mu_star_hi)
                    << "," << plain_number(m.sigma) << "\n";
            } else {
                const auto& x = t.sobol[i];
                char first[48], total[48];
                std::snprintf(first, sizeof first, "[%.3f, %.3f]", x.first_lo, x.first_hi);
                std::snprintf(total, sizeof total, "[%.3f, %.3f]", x.total_lo, x.total_hi);
                std::printf("  %-40s %8.3f %19s %8.3f %19s\n", t.params[i].c_str(), x.first, first, x.total, total);
                csv << t.outcome << "," << t.day << "," << t.params[i] << "," << plain_number(x.first) << ","
                    << plain_number(x.first_lo) << "," << plain_number(x.first_hi) << "," << plain_number(x.total)
                    << "," << plain_number(x.total_lo) << "," << plain_number(x.total_hi) << "\n";
            }
        }
        if (t.variance <= 0) std::printf("  (the outcome does not vary over the design: indices are not defined)\n");
    }
    if (!a.csv.empty()) {
        write_text_atomic(a.csv, csv.str());
        std::printf("\nwrote %s\n", a.csv.c_str());
    }
    return kExitOk;
}

// ---- calibrate ----

struct CalibrateArgs {
    std::string scenario, targets, out;
    std::vector<std::string> params;
    int budget = 60, replicates = 2;
    std::optional<int> jobs;
    bool quiet = false;
};

int cmd_calibrate(const CalibrateArgs& a) {
    std::vector<Diagnostic> problems;
    if (a.budget < 2) problems.push_back({"command line", 0, "--budget", "must be at least 2 evaluations"});
    if (a.replicates < 1) problems.push_back({"command line", 0, "--replicates", "must be at least 1"});
    if (a.jobs && *a.jobs < 1) problems.push_back({"command line", 0, "--jobs", "must be 1 or more"});
    if (!problems.empty()) throw InputError(problems);
    const Scenario scenario = load_scenario(a.scenario);
    const Targets targets = load_targets(a.targets, scenario);
    auto params = fitted_params(split_list(a.params), scenario, targets);
    const fs::path dir = a.out.empty() ? fs::path("output") / ("calibrate-" + scenario.meta.name) : fs::path(a.out);
    CalibrationOptions options;
    options.budget = a.budget;
    options.replicates = a.replicates;
    options.jobs = a.jobs.value_or(default_jobs());
    Progress bar("calibrate", a.budget, !a.quiet && stderr_is_terminal());
    options.on_evaluation = [&](int k, double, double best) {
        char note[64];
        std::snprintf(note, sizeof note, "best loss %.4g", best);
        bar.update(k, note);
    };
    const CalibrationResult result = calibrate(scenario, targets, params, options);
    bar.finish();
    write_calibration(dir, a.scenario, scenario, targets, result);
    if (a.quiet) return kExitOk;
    std::printf("calibrated %s: %d evaluations x %d replicates, loss %.4g -> %.4g%s\n\n", scenario.meta.name.c_str(),
                result.evaluations, result.replicates, result.initial_loss, result.loss,
                result.converged ? " (converged)" : " (budget spent)");
    std::printf("  %-40s %14s %14s   %s\n", "parameter", "initial", "fitted", "range");
    for (const auto& p : result.params)
        std::printf("  %-40s %14.6g %14.6g   [%g, %g]\n", p.key.c_str(), p.initial, p.best, p.range.min, p.range.max);
    std::printf("\n  %-36s %-12s %12s %12s %12s %8s\n", "target", "period", "observed", "tolerance", "simulated", "z");
    for (const auto& row : result.fit)
        std::printf("  %-36s %-12s %12.4g %12.4g %12.4g %8.2f\n", row.label.c_str(), row.period.c_str(), row.observed,
                    row.tolerance, row.simulated, row.z);
    std::printf("\nwrote %s (scenario overlay), %s and %s\n", (dir / "fit.toml").string().c_str(),
                (dir / "fit.csv").string().c_str(), (dir / "calibration.toml").string().c_str());
    return kExitOk;
}

// ---- report ----

struct ReportArgs {
    std::vector<std::string> inputs, outcomes;
    std::string out = "report.html", title;
    bool quiet = false;
};

int cmd_report(const ReportArgs& a) {
    std::vector<fs::path> inputs(a.inputs.begin(), a.inputs.end());
    ReportOptions options;
    options.title = a.title;
    options.outcomes = split_list(a.outcomes);
    const std::string html = build_report(inputs, options);
    write_text_atomic(a.out, html);
    if (!a.quiet) std::printf("wrote %s (%zu kB)\n", a.out.c_str(), html.size() / 1024);
    return kExitOk;
}

// ---- export ----

struct ExportArgs {
    std::string input, level, what, csv, netcdf, aggregate = "day";
    std::vector<std::string> variables;
    bool tidy = false;
};

int cmd_export(const ExportArgs& a) {
    ExportOptions options;
    options.level = parse_level(a.level);
    if (a.what.empty())
        options.what = options.level == ExportLevel::Building || options.level == ExportLevel::Area
                           ? ExportWhat::Indicators
                           : ExportWhat::Outcomes;
    else
        options.what = parse_what(a.what);
    options.variables = split_list(a.variables);
    options.period = parse_period(a.aggregate);
    if (!a.csv.empty() && !a.netcdf.empty())
        throw InputError({{"command line", 0, "--netcdf", "give either --csv or --netcdf, not both"}});
    if (a.tidy && !a.netcdf.empty())
        throw InputError({{"command line", 0, "--tidy",
                           "is a CSV layout (one row per value); netCDF is labelled by its dimensions already"}});
    // By year the statistic is part of each row: the CSV is always tidy, with its units.
    const bool tidy = a.tidy || options.period == ExportPeriod::Year;
    // A bad run file is a RunFileError naming the file: main prints it and exits 2.
    const ExportTable table = export_table(a.input, options);
    const auto write = [&](std::ostream& out) { tidy ? write_tidy_csv(table, out) : write_csv(table, out); };
    if (!a.netcdf.empty()) {
        write_netcdf(table, a.netcdf);
        return kExitOk;
    }
    if (a.csv.empty() || a.csv == "-") {
        write(std::cout);
        std::cout.flush();
        return kExitOk;
    }
    std::ostringstream text;
    write(text);
    write_text_atomic(a.csv, text.str());
    return kExitOk;
}

}  // namespace

std::optional<double> max_memory_option(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto bytes = parse_size(text);
    if (!bytes)
        throw InputError(
            {{"command line", 0, "--max-memory", "'" + text + "' is not a size (expected e.g. 2G, 500M, 64k)"}});
    return bytes;
}

Runner add_experiment_commands(CLI::App& app) {
    auto sweep_args = std::make_shared<SweepArgs>();
    auto* sweep = app.add_subcommand(
        "sweep", "Run every point and replicate of an experiment file into one results.h5 (resumable; MPI-aware)");
    sweep->add_option("experiment", sweep_args->experiment, "Experiment TOML file (scenarios/experiments/)")
        ->required();
    sweep->add_option("--out,-o", sweep_args->out,
                      "Sweep directory (default output/sweep-<name>); run again to resume");
    sweep->add_option("--jobs,-j", sweep_args->jobs,
                      "Simulations at once, each on one core (default: all cores; under MPI: 1 per rank); results do "
                      "not depend on it");
    sweep->add_flag("--keep-runs", sweep_args->keep_runs, "Also write every run's HDF5 file to DIR/runs/");
    sweep->add_option(
        "--point-scenario", sweep_args->point_scenario,
        "Print the scenario of point P (to repeat one run alone with `jiceng run FILE --replicate R`) and exit");
    sweep->add_flag("--plan", sweep_args->plan, "Print the design's points and exit without running");
    sweep->add_flag("--quiet,-q", sweep_args->quiet, "No progress line and no summary");
    sweep->add_option("--max-memory", sweep_args->max_memory,
                      "Refuse before running when the largest point's estimated memory times the simulations run at "
                      "once exceeds SIZE (e.g. 2G, 500M; default: the memory available)");
    sweep->footer(
        "Run (point p, replicate r) uses the experiment seed with replicate number r: every point sees the same "
        "random\n"
        "numbers for a given replicate (common random numbers). Under `mpirun -np K jiceng sweep ...` runs are spread\n"
        "over the ranks (rank 0 also runs simulations) and results.h5 is identical to a serial sweep's.");

    auto sens_args = std::make_shared<SensitivityArgs>();
    auto* sens = app.add_subcommand("sensitivity",
                                    "Morris (mu*, sigma) or Sobol' (first-order, total) indices of a finished sweep");
    sens->add_option("dir", sens_args->dir, "Sweep directory (or its results.h5) of a morris or sobol design")
        ->required();
    sens->add_option("--outcomes", sens_args->outcomes, "Outcomes, comma-separated (default: all the sweep recorded)");
    sens->add_option("--day", sens_args->day, "Sample day to analyse (default: the last)");
    sens->add_option("--bootstrap", sens_args->bootstrap,
                     "Bootstrap resamples for the intervals (default 1000; 0: none)");
    sens->add_option("--csv", sens_args->csv, "Also write the indices to this CSV file");

    auto cal_args = std::make_shared<CalibrateArgs>();
    auto* cal = app.add_subcommand(
        "calibrate", "Fit parameters of a scenario to observed figures (Nelder-Mead over replicate means)");
    cal->add_option("scenario", cal_args->scenario, "Scenario TOML file")->required();
    cal->add_option("--targets,-t", cal_args->targets, "Targets TOML file (observed figures and tolerances)")
        ->required();
    cal->add_option("--params,-p", cal_args->params, "Parameters to fit, comma-separated (real or integer)")
        ->required();
    cal->add_option("--budget", cal_args->budget, "Most objective evaluations (default 60)");
    cal->add_option("--replicates,-n", cal_args->replicates,
                    "Replicates per evaluation, common random numbers (default 2)");
    cal->add_option("--jobs,-j", cal_args->jobs, "Replicates run at once (default: all cores)");
    cal->add_option("--out,-o", cal_args->out,
                    "Output directory (default output/calibrate-<name>): fit.toml, fit.csv, calibration.toml");
    cal->add_flag("--quiet,-q", cal_args->quiet, "No progress and no summary");

    auto rep_args = std::make_shared<ReportArgs>();
    auto* rep = app.add_subcommand("report", "One self-contained HTML report (zh/en) of runs, sweeps and calibrations");
    rep->add_option("inputs", rep_args->inputs,
                    "Run files (.h5), directories of run files (e.g. compare --out-dir), sweep directories, "
                    "calibration directories")
        ->required();
    rep->add_option("--out,-o", rep_args->out, "HTML file to write (default report.html)");
    rep->add_option("--outcomes", rep_args->outcomes,
                    "Outcomes to chart, comma-separated (default: headline outcomes)");
    rep->add_option("--title", rep_args->title, "Report title");
    rep->add_flag("--quiet,-q", rep_args->quiet, "Print nothing");

    auto exp_args = std::make_shared<ExportArgs>();
    auto* exp = app.add_subcommand("export", "Export outcomes or building indicators, rolled up, as CSV or netCDF");
    exp->add_option("input", exp_args->input, "Run file (.h5) or sweep directory")->required();
    exp->add_option("--level,-l", exp_args->level, "building, area, street or district")->required();
    exp->add_option(
        "--what", exp_args->what,
        "outcomes (daily time series: district, street) or indicators (building snapshots: building, area, street, "
        "district); default: outcomes at street and district, indicators at building and area");
    exp->add_option("--variables", exp_args->variables,
                    "Outcomes or indicators to export, comma-separated (default: all)");
    exp->add_option("--csv", exp_args->csv, "CSV file to write (default: standard output)");
    exp->add_option("--netcdf", exp_args->netcdf, "netCDF-4 file to write instead of CSV");
    exp->add_option("--aggregate", exp_args->aggregate,
                    "year: outcomes by calendar year (flows summed, stocks at the year's end and its mean; CSV in the "
                    "tidy layout); day (default): as recorded");
    exp->add_flag("--tidy", exp_args->tidy,
                  "Tidy CSV for pandas and R: one row per value with variable, value, units and kind columns");
    exp->footer(
        "Run files hold daily outcomes for the district and, for outcomes marked by_street, per street; and "
        "per-building\n"
        "snapshots of indicators every output.snapshot_every days. Counts are summed when rolled up, means and shares "
        "are\n"
        "averaged weighted by residents (or members). A sweep directory exports its district summaries (level "
        "district).\n"
        "Days are dated start_date + N; --aggregate year groups them by calendar year (a partial year says so in "
        "its days and complete columns).");

    return [=]() -> std::optional<int> {
        if (*sweep) return cmd_sweep(*sweep_args);
        if (*sens) return cmd_sensitivity(*sens_args);
        if (*cal) return cmd_calibrate(*cal_args);
        if (*rep) return cmd_report(*rep_args);
        if (*exp) return cmd_export(*exp_args);
        return std::nullopt;
    };
}

}  // namespace jiceng::cli
