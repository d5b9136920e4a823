// One self-contained HTML report (inline CSS and SVG, no script, nothing
// fetched from the network), in Chinese and English, from any mix of run
// files, directories of run files, sweep directories and calibration
// directories: scenario descriptions, the parameters that differ, outcome
// trajectories with replicate bands, A/B differences with intervals, sweep
// response curves and sensitivity bars, calibration fit, provenance.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace jiceng {

struct ReportOptions {
    std::string title;                  // default: from the inputs
    std::vector<std::string> outcomes;  // default: a set of headline outcomes
    int bootstrap = 500;                // for sensitivity intervals
};

// Throws InputError for inputs that are none of the above.
std::string build_report(const std::vector<std::filesystem::path>& inputs, const ReportOptions& options);

}  // namespace jiceng
