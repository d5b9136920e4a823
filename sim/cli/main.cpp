// jiceng: the command-line front end. It parses options, builds a scenario
// and calls the library; everything else lives in sim/.
#include <hdf5.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <CLI/CLI.hpp>

#include <signal.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "sim/cli/commands.hpp"
#include "sim/cli/progress.hpp"
#include "sim/core/calendar.hpp"
#include "sim/core/version.hpp"
#include "sim/experiments/compare.hpp"
#include "sim/io/checkpoint.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/memory_estimate.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"

namespace fs = std::filesystem;
using namespace jiceng;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

struct Common {
    std::optional<std::int64_t> seed, days;
    std::int64_t replicate = 0;
    int threads = 0;
    bool quiet = false;
    std::string max_memory;  // --max-memory SIZE; empty: the memory available now
};

// Refuses, before synthesis, a scenario whose estimated memory exceeds the limit.
void check_fits(const Scenario& scenario, std::int64_t days, const Common& c, const std::string& source) {
    check_memory(estimate_memory(scenario.params, days), 1, cli::max_memory_option(c.max_memory), source);
}

// Command-line values override the scenario and are checked like it.
void apply_overrides(Scenario& scenario, const Common& c) {
    std::vector<Diagnostic> problems;
    auto set = [&](const char* key, std::int64_t value) {
        const ParamSpec* spec = find_param(key);
        if (auto wrong = spec->check(ParamValue{value}))
            problems.push_back({"command line", 0, key, *wrong});
        else
            spec->set(scenario.params, ParamValue{value});
    };
    if (c.seed) set("run.seed", *c.seed);
    if (c.days) set("run.days", *c.days);
    if (c.replicate < 0) problems.push_back({"command line", 0, "--replicate", "must be 0 or more"});
    if (!problems.empty()) throw InputError(problems);
}

std::string default_output(const Scenario& s, std::uint64_t seed, std::int64_t replicate) {
    return "output/" + s.meta.name + "-s" + std::to_string(seed) + "-r" + std::to_string(replicate) + ".h5";
}

// The calendar years days 0..last are dated in, as every front end names them.
std::string years_text(const Calendar& calendar, std::int64_t last) {
    const int first_year = calendar.year(0), last_year = calendar.year(last);
    if (first_year == last_year) return "year " + std::to_string(first_year) + ", 第 1 年";
    return "years " + std::to_string(first_year) + "-" + std::to_string(last_year) + ", 第 1-" +
           std::to_string(calendar.run_year(last)) + " 年";
}

void print_summary(const Simulation& sim, const fs::path& out, double wall, std::int64_t threads) {
    const Results& res = sim.results();
    const Outcome keys[] = {Outcome::residents,
                            Outcome::needs_backlog,
                            Outcome::trust_mean,
                            Outcome::satisfaction_mean,
                            Outcome::members_active_share,
                            Outcome::inwork_members_active_in_residence,
                            Outcome::building_groups,
                            Outcome::mutual_help_ties_per_resident,
                            Outcome::volunteers_nonmember,
                            Outcome::formal_coverage,
                            Outcome::functional_coverage};
    const auto& sc = sim.model().scenario;
    std::printf("\n%s  %s / %s\n", sc.meta.name.c_str(), sc.meta.title_zh.c_str(), sc.meta.title_en.c_str());
    std::printf("%s -> %s (%lld days, %s), seed %llu, replicate %llu\n\n", sim.calendar().iso(0).c_str(),
                sim.calendar().iso(sim.day()).c_str(), static_cast<long long>(sim.day()),
                years_text(sim.calendar(), sim.day()).c_str(), static_cast<unsigned long long>(sim.seed()),
                static_cast<unsigned long long>(sim.replicate()));
    std::printf("  %-36s %14s %14s\n", "outcome", "day 0", "last day");
    for (Outcome k : keys)
        std::printf("  %-36s %14.4g %14.4g\n", std::string(spec(k).name).c_str(), res.value(k, 0), res.last(k));
    double arisen = 0, resolved = 0;
    for (std::size_t d = 1; d < res.days.size(); ++d) {
        arisen += res.value(Outcome::needs_arisen, d);
        resolved += res.value(Outcome::needs_resolved, d);
    }
    std::printf("  %-36s %14s %14.0f\n", "needs arisen (all days)", "", arisen);
    std::printf("  %-36s %14s %14.0f\n", "needs resolved (all days)", "", resolved);
    double loop = 0;
    for (const auto& [name, seconds] : sim.phase_seconds()) loop += seconds;
    const double resident_days = res.value(Outcome::residents, 0) * static_cast<double>(sim.day());
    std::printf("\nwall %.1f s (synthesis %.1f s, loop %.1f s) on %lld threads; %.3g resident-days/s in the loop\n",
                wall, sim.synthesis_seconds(), loop, static_cast<long long>(threads),
                loop > 0 ? resident_days / loop : 0.0);
    std::printf("wrote %s\n", out.string().c_str());
}

// Set by SIGINT/SIGTERM; the run loop checks it between days.
volatile std::sig_atomic_t g_stop_signal = 0;
extern "C" void on_stop_signal(int sig) {
    g_stop_signal = sig;
}

void install_stop_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;  // a second signal ends the process at once
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

struct RunOptions {
    std::string out, resume, from, checkpoint;
    std::optional<std::int64_t> checkpoint_every;
    bool replicate_given = false;
    std::string program = "jiceng";
};

std::string shell_quote(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+./:=@%,") ==
                          std::string::npos)
        return s;
    std::string q = "'";
    for (char ch : s) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return q + "'";
}

InputError district_mismatch(const fs::path& file, const fs::path& checkpoint, const std::vector<KeyDifference>& diffs,
                             const std::string& why) {
    std::vector<Diagnostic> problems;
    for (const auto& d : diffs)
        problems.push_back(
            {file.string(), 0, d.key, d.b + " here, " + d.a + " in checkpoint " + checkpoint.string() + "; " + why});
    return InputError(problems);
}

int cmd_run(const fs::path& file, const Common& c, const RunOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!o.resume.empty() && !o.from.empty())
        throw InputError({{"command line", 0, "--from", "cannot be combined with --resume"}});
    if (o.resume.empty() && file.empty())
        throw InputError({{"command line", 0, "scenario", "a scenario file is required (or --resume CHECKPOINT)"}});
    if (o.checkpoint_every && *o.checkpoint_every < 1)
        throw InputError({{"command line", 0, "--checkpoint-every", "must be 1 or more (days)"}});
    // From here on a signal waits for the end of a day (or of the set-up).
    install_stop_handlers();
    const int threads = c.threads > 0 ? c.threads : tbb::info::default_concurrency();
    CheckpointMeta meta;
    RunProvenance prov{file.string(), threads, utc_now_iso(), ""};
    std::unique_ptr<Simulation> sim;
    std::int64_t days = 0;
    fs::path out = o.out;
    std::shared_ptr<const Model> model;
    auto check_replicate = [&](const CheckpointHeader& h, const fs::path& ckpt) {
        if (o.replicate_given && static_cast<std::uint64_t>(c.replicate) != h.replicate)
            throw InputError({{"command line", 0, "--replicate",
                               std::to_string(c.replicate) + " here, " + std::to_string(h.replicate) +
                                   " in checkpoint " + ckpt.string()}});
    };
    auto check_days = [&](const CheckpointHeader& h, const fs::path& where) {
        if (days < h.day)
            throw InputError({{where.string(), 0, "run.days",
                               std::to_string(days) + " ends before the checkpoint's day " + std::to_string(h.day)}});
    };
    if (!o.resume.empty()) {
        // Resume: the checkpoint's own scenario; a scenario named beside it
        // must be that one (run.days aside, which may extend the run).
        const CheckpointHeader h = read_checkpoint_header(o.resume);
        Scenario scenario = h.scenario;
        apply_overrides(scenario, c);
        if (!file.empty()) {
            Scenario named = load_scenario(file);
            apply_overrides(named, c);
            named.params.run_days = h.scenario.params.run_days;
            const auto diffs = differing_keys(h.scenario, named, false);
            if (!diffs.empty())
                throw district_mismatch(file, o.resume, diffs,
                                        "a checkpoint resumes only its own scenario (use --from to branch)");
        }
        if (scenario.params.run_seed != h.scenario.params.run_seed)
            throw district_mismatch("command line", o.resume, differing_keys(h.scenario, scenario, true),
                                    "a checkpoint resumes only with its own seed");
        check_replicate(h, o.resume);
        days = scenario.params.run_days;
        check_days(h, o.resume);
        meta = h.meta;
        if (o.checkpoint_every) meta.every = *o.checkpoint_every;
        if (out.empty()) out = meta.out;
        meta.out = out.string();
        prov.scenario_file = meta.scenario_file;
        prov.started_at = meta.started_at;
        prov.resumed_from = o.resume;
        prov.resumed_day = h.day;
        check_fits(scenario, days, c, o.resume);
        model = freeze(std::move(scenario));
        sim = restore_checkpoint(o.resume, model, days);
    } else if (!o.from.empty()) {
        // Branch: another scenario continues the checkpoint's district.
        const CheckpointHeader h = read_checkpoint_header(o.from);
        Scenario scenario = load_scenario(file);
        apply_overrides(scenario, c);
        const auto diffs = differing_keys(h.scenario, scenario, true);
        if (!diffs.empty())
            throw district_mismatch(file, o.from, diffs,
                                    "a branch must keep the district (synthesis parameters and seed)");
        check_replicate(h, o.from);
        days = scenario.params.run_days;
        check_days(h, file);
        if (out.empty()) out = default_output(scenario, h.seed, static_cast<std::int64_t>(h.replicate));
        meta.scenario_file = file.string();
        meta.out = out.string();
        meta.every = o.checkpoint_every.value_or(0);
        meta.started_at = prov.started_at;
        meta.branch_day = h.day;
        meta.branch_scenario_name = h.scenario.meta.name;
        meta.branch_scenario_file = h.meta.scenario_file;
        meta.branch_scenario_toml = h.scenario.resolved_toml();
        check_fits(scenario, days, c, file.string());
        model = freeze(std::move(scenario));
        sim = restore_checkpoint(o.from, model, days);
    } else {
        Scenario scenario = load_scenario(file);
        apply_overrides(scenario, c);
        const auto seed = static_cast<std::uint64_t>(scenario.params.run_seed);
        days = scenario.params.run_days;
        if (out.empty()) out = default_output(scenario, seed, c.replicate);
        meta.scenario_file = file.string();
        meta.out = out.string();
        meta.every = o.checkpoint_every.value_or(0);
        meta.started_at = prov.started_at;
        check_fits(scenario, days, c, file.string());
        model = freeze(std::move(scenario));
        if (!c.quiet && cli::stderr_is_terminal())
            std::fprintf(stderr, "synthesising %s...\r", model->scenario.meta.name.c_str());
        sim = std::make_unique<Simulation>(model, seed, static_cast<std::uint64_t>(c.replicate), days);
    }
    prov.branch_day = meta.branch_day;
    prov.branch_scenario_name = meta.branch_scenario_name;
    prov.branch_scenario_file = meta.branch_scenario_file;
    prov.branch_scenario_toml = meta.branch_scenario_toml;
    // A resumed run goes on saving to the checkpoint it came from.
    const fs::path checkpoint = !o.checkpoint.empty() ? fs::path(o.checkpoint)
                                : !o.resume.empty()   ? fs::path(o.resume)
                                                      : fs::path(out.string() + ".ckpt");
    {
        std::error_code ec;
        if (fs::equivalent(checkpoint, out, ec) || checkpoint == out)
            throw InputError({{"command line", 0, "--checkpoint", "must differ from the output file " + out.string()}});
    }
    std::int64_t saved_day = -1;
    {
        cli::Progress bar(model->scenario.meta.name, days, !c.quiet && cli::stderr_is_terminal());
        while (sim->day() < days && !g_stop_signal) {
            sim->step();
            bar.update(sim->day(), sim->calendar().iso(sim->day()));
            if (meta.every > 0 && sim->day() % meta.every == 0) {
                write_checkpoint(checkpoint, *sim, meta);
                saved_day = sim->day();
            }
        }
    }
    if (const int sig = g_stop_signal) {
        // Stopped between days: save, say how to go on, write no run file.
        if (saved_day != sim->day()) write_checkpoint(checkpoint, *sim, meta);
        std::fprintf(stderr,
                     "\njiceng: %s: stopped at the end of day %lld of %lld; checkpoint %s\nresume with:\n  %s run "
                     "--resume %s --out %s\n",
                     sig == SIGINT ? "SIGINT" : "SIGTERM", static_cast<long long>(sim->day()),
                     static_cast<long long>(days), checkpoint.string().c_str(), shell_quote(o.program).c_str(),
                     shell_quote(checkpoint.string()).c_str(), shell_quote(out.string()).c_str());
        return 128 + sig;
    }
    sim->finish();
    prov.finished_at = utc_now_iso();
    write_run(out, *sim, prov);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!c.quiet) print_summary(*sim, out, wall, threads);
    return kExitOk;
}

int cmd_check(const std::vector<std::string>& files) {
    int status = kExitOk;
    for (const auto& f : files) {
        try {
            const Scenario s = load_scenario(f);
            std::printf("%s: ok (%s; %s)\n", f.c_str(), s.meta.name.c_str(),
                        s.meta.title_en.empty() ? "no title" : s.meta.title_en.c_str());
        } catch (const InputError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            status = kExitBadInput;
        }
    }
    return status;
}

int cmd_compare(const fs::path& a_file, const fs::path& b_file, const Common& c, int replicates, bool json,
                const std::string& out_dir) {
    if (replicates < 1) throw InputError({{"command line", 0, "--replicates", "must be at least 1"}});
    Scenario a = load_scenario(a_file);
    Scenario b = load_scenario(b_file);
    apply_overrides(a, c);
    apply_overrides(b, c);
    if (a.params.run_days != b.params.run_days && !c.days)
        throw InputError({{b_file.string(), 0, "run.days",
                           "differs between the two scenarios (" + std::to_string(a.params.run_days) + " and " +
                               std::to_string(b.params.run_days) + "); pass --days to compare"}});
    const std::int64_t days = a.params.run_days;
    // One simulation at a time: each must fit alone.
    check_fits(a, days, c, a_file.string());
    check_fits(b, days, c, b_file.string());
    const auto seed = static_cast<std::uint64_t>(a.params.run_seed);
    const int threads = c.threads > 0 ? c.threads : tbb::info::default_concurrency();
    auto model_a = freeze(std::move(a));
    auto model_b = freeze(std::move(b));
    std::vector<std::vector<double>> finals_a, finals_b;
    cli::Progress bar("compare", 2 * replicates * days, !c.quiet && cli::stderr_is_terminal());
    std::int64_t done = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < replicates; ++r) {
        for (int which = 0; which < 2; ++which) {
            const auto& model = which == 0 ? model_a : model_b;
            const std::string started = utc_now_iso();
            auto write = [&](const Simulation& sim) {
                if (out_dir.empty()) return;
                const fs::path path = fs::path(out_dir) / (model->scenario.meta.name + "-s" + std::to_string(seed) +
                                                           "-r" + std::to_string(r) + ".h5");
                write_run(path, sim,
                          RunProvenance{(which == 0 ? a_file : b_file).string(), threads, started, utc_now_iso()});
            };
            const Results res = run_one(
                model, seed, static_cast<std::uint64_t>(r), days, [&](std::int64_t) { bar.update(++done); }, write);
            std::vector<double> finals(kOutcomes);
            for (int k = 0; k < kOutcomes; ++k) finals[k] = summary_value(res, static_cast<Outcome>(k));
            (which == 0 ? finals_a : finals_b).push_back(finals);
        }
    }
    bar.finish();
    const Comparison cmp = compare_finals(finals_a, finals_b, days);
    const Calendar calendar(model_a->params().run_start_date);
    if (json) {
        std::fputs(cmp.to_json(model_a->scenario.meta.name, model_b->scenario.meta.name).c_str(), stdout);
        return kExitOk;
    }
    std::printf(
        "\nA = %s (%s)\nB = %s (%s)\n%d replicate(s) each, common random numbers, %lld days (%s -> %s, %s); stocks "
        "on the last day, flows summed over all days\n\n",
        model_a->scenario.meta.name.c_str(), model_a->scenario.meta.title_zh.c_str(),
        model_b->scenario.meta.name.c_str(), model_b->scenario.meta.title_zh.c_str(), replicates,
        static_cast<long long>(days), calendar.iso(0).c_str(), calendar.iso(days).c_str(),
        years_text(calendar, days).c_str());
    std::printf("  %-36s %12s %12s %12s   %s\n", "outcome", "A", "B", "B - A", "95% interval");
    for (const auto& d : cmp.outcomes) {
        char interval[64] = "n/a (one replicate)";
        if (std::isfinite(d.lo)) std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", d.lo, d.hi);
        std::printf("  %-36s %12.4g %12.4g %12.4g   %s\n", d.outcome.c_str(), d.a, d.b, d.diff, interval);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("\nwall %.1f s on %d threads", wall, threads);
    if (!out_dir.empty()) std::printf("; run files in %s/", out_dir.c_str());
    std::printf("\n");
    return kExitOk;
}

int cmd_params(bool markdown) {
    if (markdown) {
        std::fputs(parameters_markdown().c_str(), stdout);
        return kExitOk;
    }
    const Params defaults;
    for (const auto& spec : param_table())
        std::printf("%-44s %-8s %-14s %s\n", std::string(spec.key).c_str(), std::string(type_name(spec.type)).c_str(),
                    spec.to_toml(defaults).c_str(), std::string(spec.doc_en).c_str());
    return kExitOk;
}

int cmd_strategies() {
    for (const auto& s : strategy_registry())
        std::printf("%-12s %s / %s\n    %s\n    switch on with [strategies.%s] enabled = true\n",
                    std::string(s.name).c_str(), std::string(s.title_zh).c_str(), std::string(s.title_en).c_str(),
                    std::string(s.summary).c_str(), std::string(s.name).c_str());
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write must fail with EFBIG, so that
    // the writer reports it and removes its partial file, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    // HDF5 1.10 crashes at exit (H5F__close_cb under H5_term_library) when a
    // file whose close failed, e.g. on a full disk, is still registered. Every
    // file is closed explicitly, so its exit-time clean-up is not needed.
    H5dont_atexit();
    CLI::App app{"jiceng (基层): agent-based simulation of grassroots Party organising in an urban district"};
    app.footer(
        "Examples:\n"
        "  jiceng run scenarios/baseline.toml                 simulate and write output/baseline-s<seed>-r0.h5\n"
        "  jiceng run scenarios/louzu.toml --days 365 --threads 2 --out output/louzu.h5\n"
        "  jiceng run scenarios/baseline.toml --checkpoint-every 30   checkpoint to <out>.ckpt every 30 days\n"
        "  jiceng run --resume output/baseline-s20030101-r0.h5.ckpt   continue a stopped run\n"
        "  jiceng run scenarios/louzu.toml --from burnin.ckpt          branch: another scenario, same district\n"
        "  jiceng compare scenarios/baseline.toml scenarios/louzu.toml --replicates 4\n"
        "  jiceng check scenarios/*.toml                      validate scenario files without running\n"
        "  jiceng params                                      list every parameter with its default\n"
        "Exit status: 0 success, 2 bad input, 1 other failure; 130/143 stopped by SIGINT/SIGTERM (checkpoint "
        "written).");
    app.require_subcommand(1);
    app.set_version_flag("--version",
                         std::string("jiceng ") + std::string(version()) + " (" + std::string(git_commit()) + ")");

    Common common;
    auto add_common = [&](CLI::App* cmd) {
        cmd->add_option("--seed", common.seed, "Random seed (overrides run.seed)");
        cmd->add_option("--days", common.days, "Days to simulate (overrides run.days)");
        cmd->add_option("--threads", common.threads,
                        "Worker threads (default: all cores); results do not depend on it");
        cmd->add_flag("--quiet,-q", common.quiet, "No progress bar and no summary");
        cmd->add_option("--max-memory", common.max_memory,
                        "Refuse before synthesis when the estimated memory exceeds SIZE (e.g. 2G, 500M; default: the "
                        "memory available)");
    };

    std::string scenario_file;
    RunOptions run_options;
    run_options.program = argc > 0 ? argv[0] : "jiceng";
    auto* run = app.add_subcommand("run", "Simulate one scenario and write one HDF5 file");
    run->add_option("scenario", scenario_file, "Scenario TOML file (not needed with --resume)");
    auto* replicate_option =
        run->add_option("--replicate", common.replicate, "Replicate number (keys the random streams with the seed)");
    run->add_option("--out,-o", run_options.out, "Output file (default output/<name>-s<seed>-r<replicate>.h5)");
    run->add_option("--checkpoint-every", run_options.checkpoint_every, "Write a checkpoint every D days");
    run->add_option("--checkpoint", run_options.checkpoint, "Checkpoint file (default <out>.ckpt)");
    run->add_option("--resume", run_options.resume, "Continue the run saved in CHECKPOINT");
    run->add_option("--from", run_options.from, "Continue CHECKPOINT's district under this scenario (branch)");
    add_common(run);

    std::vector<std::string> check_files;
    auto* check = app.add_subcommand("check", "Validate scenario files without running them");
    check->add_option("files", check_files, "Scenario TOML files")->required();

    std::string file_a, file_b, out_dir;
    int replicates = 4;
    bool json = false;
    auto* compare =
        app.add_subcommand("compare", "Run two scenarios with common random numbers and compare final values");
    compare->add_option("a", file_a, "Scenario A (reference)")->required();
    compare->add_option("b", file_b, "Scenario B")->required();
    compare->add_option("--replicates,-n", replicates, "Replicates of each scenario");
    compare->add_flag("--json", json, "Print the comparison as JSON");
    compare->add_option("--out-dir", out_dir, "Also write each run's HDF5 file here");
    add_common(compare);

    bool markdown = false;
    auto* params = app.add_subcommand("params", "List every parameter (name, type, default, description)");
    params->add_flag("--markdown", markdown, "Print the Markdown reference (docs/parameters.md)");
    bool outputs_md = false;
    auto* outputs = app.add_subcommand("outputs", "Describe the recorded outcomes");
    outputs->add_flag("--markdown", outputs_md, "Print the Markdown reference (docs/outputs.md)");
    auto* strategies = app.add_subcommand("strategies", "List the strategies a scenario can switch on");
    const cli::Runner experiments = cli::add_experiment_commands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitBadInput;
    }

    try {
        if (common.threads < 0) throw InputError({{"command line", 0, "--threads", "must be 1 or more"}});
        std::optional<tbb::global_control> limit;
        if (common.threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, common.threads);
        run_options.replicate_given = replicate_option->count() > 0;
        if (*run) return cmd_run(scenario_file, common, run_options);
        if (*check) return cmd_check(check_files);
        if (*compare) return cmd_compare(file_a, file_b, common, replicates, json, out_dir);
        if (*params) return cmd_params(markdown);
        if (*outputs) {
            if (outputs_md)
                std::fputs(outputs_markdown().c_str(), stdout);
            else
                for (const auto& o : outcome_table())
                    std::printf("%-36s %-6s %-18s %s\n", std::string(o.name).c_str(),
                                std::string(kind_name(o.kind)).c_str(), std::string(o.units).c_str(),
                                std::string(o.description).c_str());
            return kExitOk;
        }
        if (*strategies) return cmd_strategies();
        if (auto status = experiments()) return *status;
    } catch (const InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return kExitBadInput;
    } catch (const RunFileError& e) {
        // A damaged, foreign or wrong-version run file is bad input; what() names the file.
        std::fprintf(stderr, "jiceng: %s\n", e.what());
        return kExitBadInput;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "jiceng: error: %s\n", e.what());
        return kExitFailure;
    }
    return kExitFailure;
}
