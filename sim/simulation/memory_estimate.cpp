#include "sim/simulation/memory_estimate.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <type_traits>

#include "sim/model/results.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

namespace {

// Bytes per element of a table: every array its visit() lists contributes
// sizeof its element type.
template <class Table>
std::size_t bytes_per_element() {
    Table empty;
    std::size_t n = 0;
    Table::visit(empty,
                 [&](const char*, const auto& v) { n += sizeof(typename std::decay_t<decltype(v)>::value_type); });
    return n;
}

std::string group_digits(double x) {
    const auto n = static_cast<unsigned long long>(std::clamp(std::round(x), 0.0, 1e18));  // in range for the cast
    std::string digits = std::to_string(n), out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return out;
}

}  // namespace

MemoryEstimate estimate_memory(const Params& p, std::int64_t days) {
    MemoryEstimate e;
    e.resident_bytes = bytes_per_element<Residents>();
    e.household_bytes = bytes_per_element<Households>();
    e.building_bytes = bytes_per_element<Buildings>();
    e.area_bytes = bytes_per_element<Areas>();
    e.org_bytes = bytes_per_element<Organisations>() + sizeof(double);  // + employer_cdf

    // The counts synthesis makes (sim/synthesis/synthesis.cpp), in doubles so that
    // absurd scenarios give absurd estimates rather than overflowing.
    const double streets = static_cast<double>(p.district_streets);
    const double areas_per_street = static_cast<double>(p.district_areas_per_street);
    const double per_street = static_cast<double>(p.district_residents_per_street);
    const double size_mean = std::clamp(p.district_household_size_mean, 1.0, 8.0);
    const double households_per_area = std::max(1.0, std::round(per_street / size_mean / areas_per_street));
    const double per_building = std::max(2.0, static_cast<double>(p.district_households_per_building));
    e.streets = streets;
    e.areas = streets * areas_per_street;
    e.households = e.areas * households_per_area;
    e.buildings = e.areas * std::ceil(households_per_area / per_building);
    e.residents = e.households * size_mean;
    e.orgs = streets * (std::round(p.orgs_workplaces_per_1000 * per_street / 1000.0) +
                        static_cast<double>(p.orgs_mass_teams_per_street));

    e.world = e.residents * static_cast<double>(e.resident_bytes) +
              e.households * static_cast<double>(e.household_bytes) +
              e.buildings * static_cast<double>(e.building_bytes) + e.areas * static_cast<double>(e.area_bytes) +
              e.orgs * static_cast<double>(e.org_bytes);
    // Each area's list of known needs can hold one entry per resident.
    e.scratch = e.residents * static_cast<double>(sizeof(Index));

    const double points = static_cast<double>(std::max<std::int64_t>(days, 0)) + 1;
    double series = 0;
    for (const auto& o : outcome_table())
        series += 1 + (o.by_street ? streets : 0) + (o.by_org_type ? static_cast<double>(kOrgTypes) : 0);
    const double snapshot_every = static_cast<double>(std::max<std::int64_t>(p.output_snapshot_every, 1));
    const double snapshots = std::floor(static_cast<double>(std::max<std::int64_t>(days, 0)) / snapshot_every) + 2;
    e.results = points * series * sizeof(double) + snapshots * e.buildings * kIndicators * sizeof(float);
    e.overhead = kMemoryMarginShare * (e.world + e.scratch + e.results) + kMemoryMarginFixed;
    return e;
}

std::string MemoryEstimate::describe() const {
    return format_size(total()) + " (world " + format_size(world) + " for " + group_digits(residents) + " residents, " +
           group_digits(households) + " households, " + group_digits(buildings) + " buildings, " + group_digits(orgs) +
           " workplaces; scratch " + format_size(scratch) + "; results " + format_size(results) + "; margin " +
           format_size(overhead) + ")";
}

std::optional<double> parse_size(const std::string& text) {
    std::size_t k = 0;
    while (k < text.size() && (std::isdigit(static_cast<unsigned char>(text[k])) || text[k] == '.')) ++k;
    if (k == 0) return std::nullopt;
    double value = 0;
    try {
        std::size_t used = 0;
        value = std::stod(text.substr(0, k), &used);
        if (used != k) return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::string unit;
    for (char c : text.substr(k))
        if (!std::isspace(static_cast<unsigned char>(c)))
            unit += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit.ends_with("IB"))
        unit.erase(unit.size() - 2);
    else if (unit.size() > 1 && unit.ends_with("B"))
        unit.pop_back();
    double scale = 1;
    if (unit.empty() || unit == "B")
        scale = 1;
    else if (unit == "K")
        scale = 1024.0;
    else if (unit == "M")
        scale = 1024.0 * 1024;
    else if (unit == "G")
        scale = 1024.0 * 1024 * 1024;
    else if (unit == "T")
        scale = 1024.0 * 1024 * 1024 * 1024;
    else
        return std::nullopt;
    if (!std::isfinite(value) || value <= 0) return std::nullopt;
    return value * scale;
}

std::string format_size(double bytes) {
    const char* units[] = {"bytes", "kiB", "MiB", "GiB", "TiB", "PiB"};
    int u = 0;
    while (bytes >= 1024 && u < 5) {
        bytes /= 1024;
        ++u;
    }
    char text[48];
    std::snprintf(text, sizeof text, u == 0 ? "%.0f %s" : "%.3g %s", bytes, units[u]);
    return text;
}

std::optional<double> available_memory() {
    std::ifstream in("/proc/meminfo");
    std::string key;
    double kib = 0;
    std::string unit;
    while (in >> key >> kib) {
        std::getline(in, unit);
        if (key == "MemAvailable:") return kib * 1024;
    }
    return std::nullopt;
}

void check_memory(const MemoryEstimate& e, int simultaneous, std::optional<double> max_memory,
                  const std::string& source) {
    // Tables are indexed with 32-bit Index (kNone reserved); beyond that synthesis would wrap.
    const double index_limit = static_cast<double>(kNone);
    if (e.residents >= index_limit || e.households >= index_limit || e.buildings >= index_limit ||
        e.orgs >= index_limit)
        throw InputError({{source, 0, "district.residents_per_street",
                           "about " + group_digits(e.residents) + " residents in " + group_digits(e.streets) +
                               " streets is more than a run can index (under 4,294,967,295)"}});
    const std::optional<double> limit = max_memory ? max_memory : available_memory();
    if (!limit) return;  // not Linux: nothing to compare with
    const double need = e.total() * std::max(1, simultaneous);
    if (need <= *limit) return;
    const std::string copies =
        simultaneous > 1 ? " x " + std::to_string(simultaneous) + " simulations at once = " + format_size(need) : "";
    const std::string against =
        max_memory ? "the limit --max-memory " + format_size(*limit)
                   : "the " + format_size(*limit) + " of memory available (MemAvailable in /proc/meminfo)";
    throw InputError({{source, 0, "memory",
                       "needs an estimated " + e.describe() + copies + ", more than " + against +
                           "; make the district smaller (district.streets, district.residents_per_street)" +
                           (simultaneous > 1 ? ", run fewer at once (--jobs)" : "") +
                           (max_memory ? " or raise --max-memory" : " or pass --max-memory to override")}});
}

}  // namespace jiceng
