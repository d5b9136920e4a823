#include "sim/model/results.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace jiceng {

namespace {
constexpr OutcomeKind kKind_STOCK = OutcomeKind::Stock;
constexpr OutcomeKind kKind_FLOW = OutcomeKind::Flow;
constexpr OutcomeKind kKind_MEAN = OutcomeKind::Mean;
}  // namespace

std::string_view kind_name(OutcomeKind kind) {
    switch (kind) {
        case OutcomeKind::Stock:
            return "stock";
        case OutcomeKind::Flow:
            return "flow";
        case OutcomeKind::Mean:
            return "mean";
    }
    return "?";
}

std::span<const OutcomeSpec> outcome_table() {
    static const std::vector<OutcomeSpec> table = {
#define X(ident, name, kind, by_street, by_type, units, en, zh, doc) \
    OutcomeSpec{name, kKind_##kind, by_street, by_type, units, en, zh, doc},
#include "sim/model/outcomes.def"
#undef X
    };
    return table;
}

const OutcomeSpec& spec(Outcome o) {
    return outcome_table()[static_cast<std::size_t>(o)];
}

Outcome mean_weight(Outcome mean) {
    switch (mean) {
        case Outcome::resolution_days_mean:
            return Outcome::needs_resolved;
        case Outcome::resolved_per_member_hour:
            return Outcome::member_hours;
        default:
            return Outcome::count;
    }
}

std::span<const IndicatorSpec> indicator_table() {
    static const std::vector<IndicatorSpec> table = {
        {"residents", "persons", "Residents", "居民数"},
        {"members", "persons", "Party members", "党员数"},
        {"members_active_share", "share", "Active members", "活跃党员比例"},
        {"trust_mean", "0-1", "Mean trust", "平均信任度"},
        {"satisfaction_mean", "0-1", "Mean satisfaction", "平均满意度"},
        {"needs_backlog", "needs", "Open needs", "积压需求"},
        {"building_groups", "groups", "Building Party groups", "楼组党小组"},
        {"ties_per_resident", "ties per resident", "Mutual-help ties", "邻里互助关系"},
    };
    return table;
}

std::string outputs_markdown() {
    std::ostringstream out;
    out << "# Outputs\n\nGenerated from `sim/model/outcomes.def` and `sim/model/results.cpp` by "
           "`jiceng outputs --markdown` (`make docs`); do not edit by hand. The file layout is in "
           "[output-format.md](output-format.md).\n\n"
        << "## Time series (`/timeseries`)\n\n"
        << "A *stock* is the state at the end of the day; a *flow* counts events during the day; a *mean* "
           "averages over the day's events. Summaries over a run (`jiceng compare`) take a stock's last value, "
           "a flow's total and a mean's average over the days weighted by the events it averages. "
           "Outcomes marked *street* also have `<name>_by_street` over (day, street); those marked *org type* have "
           "`<name>_by_org_type` over (day, org_type), the types being government, public, state_firm, private, "
           "foreign, social, social_service (private schools and hospitals) and mass_team (群众团队).\n\n"
        << "| name | kind | breakdown | units | long name | 名称 | definition |\n|---|---|---|---|---|---|---|\n";
    for (const auto& o : outcome_table())
        out << "| `" << o.name << "` | " << kind_name(o.kind) << " | "
            << (o.by_street     ? "street"
                : o.by_org_type ? "org type"
                                : "")
            << " | " << o.units << " | " << o.long_en << " | " << o.long_zh << " | " << o.description << " |\n";
    out << "\n## Building snapshots (`/snapshots`)\n\n| name | units | long name | 名称 |\n|---|---|---|---|\n";
    for (const auto& s : indicator_table())
        out << "| `" << s.name << "` | " << s.units << " | " << s.long_en << " | " << s.long_zh << " |\n";
    return out.str();
}

}  // namespace jiceng
