// What a run records: the outcome time series (declared once in
// outcomes.def) and per-building snapshots for the viewer.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace jiceng {

enum class Outcome : int {
#define X(ident, name, kind, by_street, by_type, units, en, zh, doc) ident,
#include "sim/model/outcomes.def"
#undef X
    count
};
inline constexpr int kOutcomes = static_cast<int>(Outcome::count);

// A stock is the state at the end of a day; a flow counts events during the
// day; a mean averages over the day's events (e.g. days to resolution).
enum class OutcomeKind { Stock, Flow, Mean };
std::string_view kind_name(OutcomeKind kind);

struct OutcomeSpec {
    std::string_view name;
    OutcomeKind kind;
    bool by_street;
    bool by_org_type;
    std::string_view units, long_en, long_zh, description;
};
std::span<const OutcomeSpec> outcome_table();
const OutcomeSpec& spec(Outcome o);
// The flow that weights a mean outcome's days when a run is summarised
// (days to resolution by needs resolved, needs per hour by hours).
Outcome mean_weight(Outcome mean);

// Per-building indicators written every output.snapshot_every days.
enum class Indicator : int {
    residents,
    members,
    members_active_share,
    trust_mean,
    satisfaction_mean,
    needs_backlog,
    building_groups,
    ties_per_resident,
    count
};
inline constexpr int kIndicators = static_cast<int>(Indicator::count);
struct IndicatorSpec {
    std::string_view name, units, long_en, long_zh;
};
std::span<const IndicatorSpec> indicator_table();

struct Results {
    std::size_t streets = 0;
    std::size_t buildings = 0;
    std::vector<std::int32_t> days;
    std::vector<std::vector<double>> district;  // [outcome][day]
    std::vector<std::vector<double>> street;    // [outcome][day * streets + s]; empty unless by_street
    std::vector<std::vector<double>> org_type;  // [outcome][day * kOrgTypes + t]; empty unless by_org_type
    std::vector<std::int32_t> snapshot_days;
    std::vector<std::vector<float>> snapshots;  // [indicator][snapshot * buildings + b]

    double value(Outcome o, std::size_t day_index) const { return district[static_cast<int>(o)][day_index]; }
    double last(Outcome o) const { return district[static_cast<int>(o)].back(); }
};

// Markdown reference of outcomes and indicators (docs/outputs.md).
std::string outputs_markdown();

}  // namespace jiceng
