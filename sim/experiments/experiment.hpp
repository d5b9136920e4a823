// Experiment files (scenarios/experiments/*.toml): a base scenario, a number
// of replicates and one design over some parameters, plus the outcomes to
// summarise and the days at which to take them. docs/experiments.md has the
// format. Loading expands the design into its points, checks every point as a
// scenario would be checked, and throws InputError listing every problem.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/experiments/design.hpp"
#include "sim/model/results.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng {

enum class DesignMethod { Grid, LatinHypercube, Morris, Sobol };
std::string_view method_name(DesignMethod method);  // grid, lhs, morris, sobol

// One parameter the design varies.
struct VariedParam {
    std::string key;
    const ParamSpec* spec = nullptr;
    std::vector<ParamValue> levels;  // grid: the values listed
    double min = 0, max = 0;         // lhs, morris, sobol: the range
    bool log_scale = false;          // range sampled uniformly in log(value)
    int line = 0;                    // where the experiment file names it

    // The value at unit coordinate u in [0, 1] (integers rounded to the nearest).
    ParamValue at_unit(double u) const;
};

// A parameter value as a number (booleans as 0/1), for coordinates and charts.
double as_number(const ParamValue& value);

// An outcome over days first..last: a stock's value on the last day, a flow's
// total, a mean's average weighted by the events it averages (mean_weight).
// Day 0 holds no events, so flows and means start at day 1 at the earliest.
double period_value(const Results& results, int outcome, std::int64_t first_day, std::int64_t last_day);

// What a sweep records for one outcome on a sample day d: period_value over
// days 1..d (the day-0 value for d = 0). On the last day this is compare's
// summary_value.
double summary_at(const Results& results, int outcome, std::int32_t day);

struct Experiment {
    std::string file;  // as given
    std::string text;  // the experiment file's text (provenance)
    std::string name, title_en, title_zh, description_en, description_zh;
    std::string scenario_file;  // the base scenario, as resolved from the experiment file
    Scenario base;              // with run.seed and run.days set to the experiment's
    std::uint64_t seed = 0;     // experiment seed: every run uses it, with its replicate number
    std::int64_t days = 0;
    int replicates = 1;
    std::vector<int> outcomes;              // indices into outcome_table(), in file order
    std::vector<std::int32_t> sample_days;  // increasing, within 0..days
    DesignMethod method = DesignMethod::Grid;
    std::uint64_t design_seed = 0;  // lhs and morris
    int morris_levels = 4;
    std::size_t sobol_base_samples = 0;
    std::vector<VariedParam> params;
    std::vector<UnitPoint> unit;                  // [point][param] design coordinates in [0, 1]
    std::vector<std::vector<ParamValue>> values;  // [point][param]

    std::size_t points() const { return values.size(); }
    std::size_t runs() const { return points() * static_cast<std::size_t>(replicates); }
    // Run r of a sweep is point r / replicates, replicate r % replicates.
    std::size_t point_of(std::size_t run) const { return run / static_cast<std::size_t>(replicates); }
    int replicate_of(std::size_t run) const { return static_cast<int>(run % static_cast<std::size_t>(replicates)); }
    // The scenario of one point: the base with the point's values. Its
    // run.seed is the experiment seed, so `jiceng run` of it with
    // --replicate r repeats run (point, r) exactly.
    Scenario point_scenario(std::size_t point) const;
    // Values recorded per run: sample_days.size() * outcomes.size(), day-major.
    std::size_t values_per_run() const { return sample_days.size() * outcomes.size(); }
    // Everything that determines the results, as text; its hash identifies a sweep.
    std::string canonical() const;
    std::uint64_t fingerprint() const;
};

Experiment load_experiment(const std::filesystem::path& file);
// Same, from text; the base scenario is resolved relative to `base_dir`.
Experiment parse_experiment(const std::string& text, const std::string& display_name,
                            const std::filesystem::path& base_dir);

// FNV-1a, 64 bits: checksums and fingerprints that must not change between builds.
std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t hash = 0xcbf29ce484222325ull);

}  // namespace jiceng
