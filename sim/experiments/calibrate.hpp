// Calibration: fit chosen parameters of a scenario, within their ranges, so
// that the mean over replicates of the model's outcomes matches observed
// figures. A targets file (docs/experiments.md) lists the figures:
//
//   [[target]]
//   outcome = "trust_mean"      # or ratio = ["needs_resolved", "needs_arisen"]
//   day = 365                   # or year = 2004
//   value = 0.55
//   tolerance = 0.02
//
//   [parameters]                # optional: narrower ranges than the declared ones
//   "trust.learning" = { min = 0.05, max = 0.5 }
//
// The loss is the sum over targets of ((simulated - value) / tolerance)^2.
// Replicates use common random numbers (the scenario seed, replicates 0..R-1)
// so the loss is a deterministic function of the parameters.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sim/experiments/experiment.hpp"
#include "sim/model/results.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng {

struct Target {
    std::string label;
    int outcome = -1;                          // index into outcome_table()
    int denominator = -1;                      // ratio targets: outcome / denominator
    std::int64_t first_day = 1, last_day = 0;  // the period the figure covers
    std::string period;                        // as written: "day 365" or "year 2004"
    double value = 0, tolerance = 1;
    int line = 0;
};

// A target's figure from one run: period_value (experiment.hpp) of its
// outcome over its period, or the ratio of two such values.
double target_statistic(const Results& results, const Target& target);

struct ParamRange {
    double min = 0, max = 0;
};

struct Targets {
    std::string file;
    std::string text;
    std::vector<Target> targets;
    std::map<std::string, std::pair<ParamRange, int>> ranges;  // key -> (range, line)
};

// Reads a targets file; days and years are checked against the scenario's
// calendar and length. Throws InputError with every problem.
Targets load_targets(const std::filesystem::path& file, const Scenario& scenario);
Targets parse_targets(const std::string& text, const std::string& display_name, const Scenario& scenario);

struct FittedParam {
    std::string key;
    const ParamSpec* spec = nullptr;
    ParamRange range;
    double initial = 0, best = 0;
};

// The --params list, checked: real or integer parameters, each once, within
// the targets' ranges (or the declared ones). Throws InputError.
std::vector<FittedParam> fitted_params(const std::vector<std::string>& keys, const Scenario& scenario,
                                       const Targets& targets);

struct FitRow {
    std::string label, period;
    double observed = 0, tolerance = 0, simulated = 0, sd = 0, z = 0;  // z = (simulated - observed) / tolerance
};

struct Evaluation {
    std::vector<double> values;  // parameter values, in fitted-parameter order
    double loss = 0;
};

struct CalibrationResult {
    std::vector<FittedParam> params;
    double loss = 0, initial_loss = 0;
    int evaluations = 0, replicates = 0;
    bool converged = false;
    std::vector<FitRow> fit;
    std::vector<Evaluation> history;
};

struct CalibrationOptions {
    int budget = 60;  // objective evaluations (each runs every replicate)
    int replicates = 2;
    int jobs = 1;  // replicates run at once
    std::function<void(int evaluation, double loss, double best)> on_evaluation;
};

CalibrationResult calibrate(const Scenario& scenario, const Targets& targets, std::vector<FittedParam> params,
                            const CalibrationOptions& options);

// Writes DIR/fit.toml (a scenario overlay that `extends` the input scenario
// and sets the fitted values), DIR/fit.csv (the fit table) and
// DIR/calibration.toml (everything, for `jiceng report`), each atomically.
void write_calibration(const std::filesystem::path& dir, const std::filesystem::path& scenario_file,
                       const Scenario& scenario, const Targets& targets, const CalibrationResult& result);

// What `jiceng report` shows of a calibration directory.
struct CalibrationSummary {
    std::string dir, scenario_file, scenario_name, targets_file, overlay;
    double loss = 0, initial_loss = 0;
    int evaluations = 0, replicates = 0;
    std::vector<std::pair<std::string, std::pair<double, double>>> params;  // key -> (initial, best)
    std::vector<FitRow> fit;
    std::vector<double> loss_history;
};
bool is_calibration(const std::filesystem::path& dir);
CalibrationSummary read_calibration(const std::filesystem::path& dir);

}  // namespace jiceng
