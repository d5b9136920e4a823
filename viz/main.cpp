// jiceng-viz: parses the command line and hands over to the viewer (app.cpp).
#include <tbb/global_control.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include "sim/core/version.hpp"
#include "viz/app.hpp"
#include "viz/options.hpp"

using namespace jiceng::viz;

int main(int argc, char** argv) {
    CLI::App cli{
        "jiceng-viz: the jiceng viewer. Shows one run, or compares two, on a district map with time-series charts."};
    cli.footer(
        "Examples:\n"
        "  jiceng-viz output/louzu.h5                          open one run\n"
        "  jiceng-viz output/baseline.h5 output/louzu.h5       compare A (baseline) with B (louzu)\n"
        "  jiceng-viz 'out/base-r*.h5' 'out/louzu-r*.h5'       two run sets of replicates (quote the patterns)\n"
        "  jiceng-viz a-r0.h5,a-r1.h5 b-r0.h5,b-r1.h5          the same with comma-separated lists\n"
        "  jiceng-viz --live scenarios/louzu.toml              simulate while watching; levers move mid-run\n"
        "  xvfb-run -a jiceng-viz run.h5 --screenshot shot.png --day 365 --size 1600x900\n"
        "Keys: press ? or F1 in the window. Exit status: 0 success, 2 bad input, 1 other failure.");
    cli.set_version_flag("--version", std::string("jiceng-viz ") + std::string(jiceng::version()) + " (" +
                                          std::string(jiceng::git_commit()) + ")");

    ViewerOptions options;
    std::vector<std::string> run_arguments;
    std::string lang, size, outcomes;
    std::optional<std::int64_t> day;
    cli.add_option(
           "runs", run_arguments,
           "RUN_A [RUN_B]: a run file each, or a run set of replicates given as a comma-separated list or a quoted "
           "glob pattern")
        ->expected(0, 2);
    cli.add_option("--live", options.live_scenario,
                   "Simulate SCENARIO.toml on a background thread and draw it as it runs");
    cli.add_option("--out,-o", options.live_out,
                   "Live mode: run file to write on quitting or at the end (default output/live-<name>.h5)");
    cli.add_option("--days", options.days, "Live mode: days to simulate (overrides run.days)");
    cli.add_option("--seed", options.seed, "Live mode: random seed (overrides run.seed)");
    cli.add_option("--change", options.changes,
                   "Live mode: KEY=VALUE@DAY, a lever change from DAY on (repeatable; recorded in the run file)");
    cli.add_flag("--paused", options.start_paused, "Live mode: start paused");
    cli.add_option("--threads", options.threads, "Live mode: worker threads (default: all cores)");
    cli.add_option("--lang", lang, "Interface language: zh or en (default: from the locale; L switches while running)");
    cli.add_option("--font", options.font_file, "Font file with Chinese glyphs (default: found with fontconfig)");
    cli.add_option(
        "--layer", options.layer,
        "Map layer to show first: an indicator (trust_mean, needs_backlog, ...), groups_present, or street.<outcome>");
    cli.add_option("--outcomes", outcomes,
                   "Comma-separated outcomes to chart (default "
                   "trust_mean,needs_backlog,members_active_share,buildings_with_group_share)");
    bool no_difference = false;
    cli.add_flag("--no-difference", no_difference, "A/B: start without the difference map (D shows it)");
    cli.add_flag("--antialias", options.antialias,
                 "Smooth the window's lines with 4x multisampling (best with a graphics card)");
    cli.add_option("--screenshot", options.screenshot,
                   "Render one frame to this PNG file and exit (needs a display: use xvfb-run -a)");
    cli.add_option("--day", day, "Screenshot: the day to show (default: the last day)");
    cli.add_option("--open", options.open, "Screenshot: show a pop-up too: help, building=N or definition=OUTCOME");
    cli.add_option("--size", size, "Window or screenshot size WIDTHxHEIGHT (default 1600x900)");
    cli.add_option("--measure-fps", options.measure_fps_seconds,
                   "Draw a new day every frame for SECONDS, print frames per second, exit");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        cli.exit(e);
        return kExitBadInput;
    }

    try {
        if (!lang.empty()) {
            options.lang = parse_lang(lang);
            if (!options.lang) throw UsageError("--lang must be zh or en, not '" + lang + "'");
        }
        if (!size.empty()) std::tie(options.width, options.height) = parse_size(size);
        if (!options.live_scenario.empty() && !run_arguments.empty())
            throw UsageError("give run files or --live SCENARIO, not both");
        if (options.live_scenario.empty() && run_arguments.empty())
            throw UsageError(
                "give a run file to open (jiceng-viz RUN.h5), two to compare, or --live SCENARIO.toml; see --help");
        if (options.live_scenario.empty() && (!options.changes.empty() || options.days || options.seed ||
                                              !options.live_out.empty() || options.start_paused))
            throw UsageError("--change, --days, --seed, --out and --paused belong to live mode (--live SCENARIO.toml)");
        if (day && options.screenshot.empty())
            throw UsageError("--day goes with --screenshot (in the window, use the timeline)");
        if (!options.open.empty() && options.screenshot.empty()) throw UsageError("--open goes with --screenshot");
        if (options.threads < 0) throw UsageError("--threads must be 1 or more");
        if (options.measure_fps_seconds < 0) throw UsageError("--measure-fps must be a positive number of seconds");
        options.screenshot_day = day;
        options.difference_map = !no_difference;
        for (const auto& argument : run_arguments) options.run_sets.push_back(expand_run_argument(argument));
        for (std::size_t start = 0; start < outcomes.size();) {
            const auto comma = outcomes.find(',', start);
            const std::string name =
                outcomes.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!name.empty()) options.outcomes.push_back(name);
            start = comma == std::string::npos ? outcomes.size() : comma + 1;
        }
    } catch (const UsageError& e) {
        std::fprintf(stderr, "jiceng-viz: %s\n", e.what());
        return kExitBadInput;
    }

    std::optional<tbb::global_control> limit;
    if (options.threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, options.threads);
    try {
        return run_viewer(options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "jiceng-viz: error: %s\n", e.what());
        return kExitFailure;
    }
}
