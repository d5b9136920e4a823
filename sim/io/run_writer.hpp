// Writes one run to one self-describing HDF5 file (docs/output-format.md).
// The file is built under a temporary name beside the target and renamed
// only once complete, so a file with the final name is always whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace jiceng {

class Simulation;

struct RunProvenance {
    std::string scenario_file;
    std::int64_t threads = 0;
    std::string started_at;   // ISO 8601 UTC
    std::string finished_at;  // ISO 8601 UTC
    // Set when the run continued from a checkpoint (attributes written only then).
    std::string resumed_from;  // the last checkpoint resumed from
    std::int64_t resumed_day = -1;
    // Set when the run branched from another scenario's checkpoint.
    std::int64_t branch_day = -1;
    std::string branch_scenario_name, branch_scenario_file, branch_scenario_toml;
};

inline constexpr std::int64_t kFormatVersion = 1;

void write_run(const std::filesystem::path& out, const Simulation& sim, const RunProvenance& provenance);

std::string utc_now_iso();

}  // namespace jiceng
