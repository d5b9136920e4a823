// Start-up: reads the runs (or prepares a live one), checks names, finds a
// font and a display, then hands over to the Viewer.
#include "viz/app.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <tuple>

#include "sim/io/run_reader.hpp"
#include "sim/model/results.hpp"
#include "sim/scenario/scenario.hpp"
#include "viz/detail/viewer.hpp"
#include "viz/display.hpp"
#include "viz/palette.hpp"

namespace jiceng::viz {

namespace {

namespace fs = std::filesystem;

std::string known_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// Reads the run sets, or prepares the live run; prints why not and returns
// the exit status on failure, 0 on success.
int load_sources(const ViewerOptions& options, std::vector<Source>& sources, std::unique_ptr<LiveRunner>& live) {
    try {
        if (!options.live_scenario.empty()) {
            LiveSettings settings;
            settings.scenario_file = options.live_scenario;
            settings.out = options.live_out;
            settings.days = options.days;
            settings.seed = options.seed;
            settings.threads = options.threads;
            for (const auto& change : options.changes) settings.scheduled.push_back(parse_scheduled_change(change));
            live = std::make_unique<LiveRunner>(settings);
            Source source;
            source.runs.replicates.emplace_back();  // filled as the run goes
            source.colour = run_colour(0);
            sources.push_back(std::move(source));
            return kExitOk;
        }
        for (std::size_t k = 0; k < options.run_sets.size(); ++k) {
            const std::vector<fs::path> files(options.run_sets[k].begin(), options.run_sets[k].end());
            Source source{read_run_set(files), options.run_sets.size() > 1 ? (k == 0 ? "A" : "B") : "",
                          run_colour(static_cast<int>(k))};
            // Replicates in (seed, replicate) order, so that A's and B's k-th replicates share a layout.
            std::stable_sort(source.runs.replicates.begin(), source.runs.replicates.end(),
                             [](const RunData& x, const RunData& y) {
                                 return std::tie(x.seed, x.replicate) < std::tie(y.seed, y.replicate);
                             });
            sources.push_back(std::move(source));
        }
        return kExitOk;
    } catch (const RunFileError& e) {
        std::fprintf(stderr, "jiceng-viz: %s\n", e.what());
    } catch (const InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
    }
    return kExitBadInput;
}

// --layer, --outcomes and --day must name things the runs have.
int check_names(const ViewerOptions& options, const std::vector<Source>& sources, bool live) {
    std::vector<std::string> outcome_names, layer_names;
    if (live) {
        for (const auto& o : outcome_table()) outcome_names.emplace_back(o.name);
        layer_names.emplace_back("groups_present");
        for (const auto& i : indicator_table()) layer_names.emplace_back(i.name);
        for (const auto& o : outcome_table())
            if (o.by_street) layer_names.push_back("street." + std::string(o.name));
    } else {
        const RunData& run = sources[0].runs.first();
        for (const auto& o : run.outcomes) outcome_names.push_back(o.info.name);
        for (const auto& layer : available_layers(run)) layer_names.push_back(layer_id(layer));
    }
    auto known = [](const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    if (!options.layer.empty() && !known(layer_names, options.layer)) {
        std::fprintf(stderr, "jiceng-viz: --layer %s: no such map layer (known: %s)\n", options.layer.c_str(),
                     known_names(layer_names).c_str());
        return kExitBadInput;
    }
    for (const auto& name : options.outcomes)
        if (!known(outcome_names, name)) {
            const std::string hint = did_you_mean(name, outcome_names);
            std::fprintf(stderr, "jiceng-viz: --outcomes %s: no such outcome%s (see jiceng outputs)\n", name.c_str(),
                         hint.empty() ? "" : ("; did you mean " + hint + "?").c_str());
            return kExitBadInput;
        }
    if (options.screenshot_day && !live) {
        std::int64_t last = 0;
        for (const auto& s : sources) last = std::max(last, s.runs.first().last_day());
        if (*options.screenshot_day < 0 || *options.screenshot_day > last) {
            std::fprintf(stderr, "jiceng-viz: --day %lld is outside the run (days 0 to %lld)\n",
                         static_cast<long long>(*options.screenshot_day), static_cast<long long>(last));
            return kExitBadInput;
        }
    }
    return kExitOk;
}

// The --font file, or a system font with Chinese glyphs (any font will do
// for English, with a warning).
int load_font(const ViewerOptions& options, Lang lang, std::unique_ptr<UiFont>& font) {
    try {
        if (!options.font_file.empty()) {
            font = UiFont::load(UiFont::best_face(options.font_file));
            if (!font->has_cjk())
                std::fprintf(stderr, "jiceng-viz: warning: %s has no Chinese characters; Chinese text will not show\n",
                             options.font_file.c_str());
            return kExitOk;
        }
        font = UiFont::find_cjk();
        if (!font && lang == Lang::en) {
            font = UiFont::find_any();
            if (font) std::fprintf(stderr, "jiceng-viz: warning: %s\n", missing_cjk_font_message().c_str());
        }
        if (font) return kExitOk;
        std::fprintf(stderr, "jiceng-viz: %s\n", missing_cjk_font_message().c_str());
    } catch (const FontError& e) {
        std::fprintf(stderr, "jiceng-viz: --font: %s\n", e.what());
    }
    return kExitBadInput;
}

}  // namespace

int run_viewer(const ViewerOptions& options) {
    const Lang lang = options.lang.value_or(lang_from_environment());
    std::vector<Source> sources;
    std::unique_ptr<LiveRunner> live;
    if (const int status = load_sources(options, sources, live)) return status;
    if (const int status = check_names(options, sources, live != nullptr)) return status;
    std::unique_ptr<UiFont> font;
    if (const int status = load_font(options, lang, font)) return status;
    if (!display_available()) {
        std::fprintf(stderr,
                     "jiceng-viz: cannot open the X display (DISPLAY=%s).\n"
                     "  On a machine without a screen, run it under a virtual one:  xvfb-run -a jiceng-viz ...\n",
                     std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "");
        return kExitFailure;
    }
    if (live && (!options.screenshot.empty() || options.measure_fps_seconds > 0)) {
        // Headless live run: simulate to the end and save, then draw the last day.
        try {
            live->run_to_end();
            std::printf("jiceng-viz: wrote %s\n", live->out().string().c_str());
        } catch (const InputError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return kExitBadInput;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "jiceng-viz: the live run failed: %s\n", e.what());
            return kExitFailure;
        }
    }
    Viewer viewer(options, std::move(font), lang, std::move(sources), std::move(live));
    if (!options.open.empty() && !viewer.open(options.open)) {
        std::fprintf(stderr,
                     "jiceng-viz: --open %s: expected help, building=N (a building of the run) or definition=OUTCOME\n",
                     options.open.c_str());
        return kExitBadInput;
    }
    if (!options.screenshot.empty())
        return viewer.screenshot(options.screenshot, options.screenshot_day, options.width, options.height);
    if (options.measure_fps_seconds > 0) return viewer.measure_fps(options.measure_fps_seconds);
    return viewer.run_window();
}

}  // namespace jiceng::viz
