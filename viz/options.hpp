// What the command line asks the viewer to do (parsed in main.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "viz/strings.hpp"

namespace jiceng::viz {

struct ViewerOptions {
    // One or two run sets (A, and B to compare); each holds one or more
    // replicate files of one scenario.
    std::vector<std::vector<std::string>> run_sets;
    // Live mode.
    std::string live_scenario;
    std::string live_out;
    std::optional<std::int64_t> days, seed;
    std::vector<std::string> changes;  // KEY=VALUE@DAY
    bool start_paused = false;
    int threads = 0;
    // Presentation.
    std::optional<Lang> lang;
    std::string font_file;
    std::string layer;                  // initial map layer (indicator or outcome name)
    std::vector<std::string> outcomes;  // initial charts
    bool difference_map = true;
    bool antialias = false;  // 4x multisampling in the window
    // Headless.
    std::string screenshot;
    std::optional<std::int64_t> screenshot_day;
    unsigned width = 1600, height = 900;
    std::string open;  // a pop-up to show: help, building=N or definition=OUTCOME
    double measure_fps_seconds = 0;
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One run-set argument: comma-separated files and/or quoted glob patterns,
// e.g. "out/louzu-r0.h5,out/louzu-r1.h5" or "out/louzu-*.h5". Files are
// kept as given (a missing one is reported by the reader); a pattern that
// matches nothing is a UsageError.
std::vector<std::string> expand_run_argument(const std::string& argument);

// "1600x900" -> {1600, 900}; throws UsageError.
std::pair<unsigned, unsigned> parse_size(const std::string& text);

}  // namespace jiceng::viz
