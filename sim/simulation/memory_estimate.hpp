// How much memory a scenario needs, estimated from its parameters before
// anything is synthesised, so that a run that cannot fit is refused at once
// (exit 2) instead of failing hours later or taking the machine down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sim/params/params.hpp"

namespace jiceng {

struct MemoryEstimate {
    // Expected element counts after synthesis.
    double residents = 0, households = 0, buildings = 0, areas = 0, streets = 0, orgs = 0;
    // Bytes per element of each table: the sum of sizeof(value_type) over the
    // arrays its visit() lists, so the estimate follows layout changes.
    std::size_t resident_bytes = 0, household_bytes = 0, building_bytes = 0, area_bytes = 0, org_bytes = 0;
    double world = 0;     // World arrays just after synthesis (compare World::bytes())
    double scratch = 0;   // per-day scratch that grows during the run (areas' known-needs lists)
    double results = 0;   // time series and building snapshots kept in memory for the whole run
    double overhead = 0;  // margin: vector slack, allocator, threads, libraries
    double total() const { return world + scratch + results + overhead; }
    // "1.23 GiB (world 0.9 GiB for 1,000,000 residents, results ..., overhead ...)"
    std::string describe() const;
};

// The margin on top of world + scratch + results: a quarter for vector
// capacity slack (tables built by push_back hold up to twice their size) and
// heap fragmentation, plus a fixed 64 MiB for the program, TBB and HDF5.
inline constexpr double kMemoryMarginShare = 0.25;
inline constexpr double kMemoryMarginFixed = 64.0 * 1024 * 1024;

// The estimate for one simulation of `days` days with these parameters.
MemoryEstimate estimate_memory(const Params& params, std::int64_t days);

// "2G", "500M", "1.5GiB", "123456" (bytes); nullopt when not a size.
std::optional<double> parse_size(const std::string& text);
// "1.5 GiB", "500 MiB", "12 kiB".
std::string format_size(double bytes);

// MemAvailable from /proc/meminfo, in bytes; nullopt when unknown.
std::optional<double> available_memory();

// Refuses (InputError naming `source` and `key`, exit 2) when `simultaneous`
// copies of the estimate exceed the limit: `max_memory` when given
// (--max-memory), else the memory available now. Also refuses scenarios
// whose tables would not fit the 32-bit indices.
void check_memory(const MemoryEstimate& estimate, int simultaneous, std::optional<double> max_memory,
                  const std::string& source);

}  // namespace jiceng
