// Reads run files (docs/output-format.md) into memory: the one reader shared
// by the viewer and the report tools. It refuses anything that is not a
// complete jiceng run file of a version it knows, with a message that says
// which file and what is wrong, and never trusts sizes it has not checked.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jiceng {

// A run file that is missing, unreadable, truncated, foreign, of another
// format version or internally inconsistent. what() names the file.
class RunFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The descriptive attributes of one recorded variable.
struct VariableInfo {
    std::string name;
    std::string units;
    std::string long_name;     // English
    std::string long_name_zh;  // Chinese
    std::string description;   // definition (English), may be empty
    std::string kind;          // outcomes: "stock", "flow" or "mean" (see docs/outputs.md); indicators: ""
    // A flow or a daily mean describes the day's events rather than a state.
    bool is_stock() const { return kind.empty() || kind == "stock"; }
};

// One outcome over the time axis, and per street where the file has it.
struct RunOutcome {
    VariableInfo info;
    std::vector<double> values;     // [day index]
    std::vector<double> by_street;  // [day index * streets + street], or empty
};

// One per-building indicator over the snapshots.
struct RunIndicator {
    VariableInfo info;
    std::vector<float> values;  // [snapshot index * buildings + building]
};

// Static building columns of /snapshots.
struct RunBuildings {
    std::vector<float> x, y;  // map position, metres
    std::vector<std::int32_t> street, area, households;
    std::size_t count() const { return x.size(); }
};

// A live change recorded in /changes: `key` took `value` from day `day`.
struct RunChange {
    std::int64_t day = 0;
    std::string key;
    std::string value;  // TOML literal
};

// Everything one run file holds that a reader of results needs.
struct RunData {
    std::string path;  // the file it was read from ("" when built in memory)
    // Provenance (root attributes).
    std::string scenario_name, scenario_title_en, scenario_title_zh;
    std::string scenario_description_en, scenario_description_zh;
    std::string start_date, jiceng_version, git_commit;
    std::int64_t seed = 0, replicate = 0;
    std::int64_t days = 0;  // days simulated (the planned length while a live run is in progress)
    // /timeseries
    std::vector<std::int32_t> day;  // day number of each time point
    std::vector<std::string> date;  // ISO date of each time point
    std::vector<std::string> street_names;
    std::vector<RunOutcome> outcomes;  // in the library's outcome order, then any others by name
    // /snapshots
    std::vector<std::int32_t> snapshot_days;
    RunBuildings buildings;
    std::vector<RunIndicator> indicators;
    // /changes (live mode)
    std::vector<RunChange> changes;

    std::size_t time_points() const { return day.size(); }
    std::size_t streets() const { return street_names.size(); }
    std::int64_t last_day() const { return day.empty() ? 0 : day.back(); }
    const RunOutcome* find_outcome(std::string_view name) const;
    const RunIndicator* find_indicator(std::string_view name) const;
    // Index of the last snapshot taken on or before `day_number`, or -1 if none.
    std::ptrdiff_t snapshot_at(std::int64_t day_number) const;
    // Index of the time point of `day_number` (clamped to the recorded range).
    std::size_t time_index(std::int64_t day_number) const;
};

// Reads and checks one run file; throws RunFileError. A trial read in a child
// process first contains what the HDF5 library itself does on some damaged
// files (crash, endless loop): those become a RunFileError too.
RunData read_run(const std::filesystem::path& file);
// The same read without the child-process guard (the fuzzer's target, which
// must see the library's crashes itself).
RunData read_run_in_process(const std::filesystem::path& file);

// Several replicates of one scenario, read from several files.
struct RunSet {
    std::vector<RunData> replicates;  // at least one, all of the same scenario and time axis

    const RunData& first() const { return replicates.front(); }
    std::size_t size() const { return replicates.size(); }
};

// Reads every file and checks that they are replicates of one scenario
// (same scenario name, same time axis, same streets); throws RunFileError.
RunSet read_run_set(const std::vector<std::filesystem::path>& files);

}  // namespace jiceng
