// The one list of strategies. Every strategy runs after the staffing phase,
// once the day's moves and jobs are settled and before needs arise; the
// simulation resets the runtime Policy just before, so each day's policy is
// exactly what the strategies switched on set.
#include <array>

#include "sim/strategies/strategy.hpp"

namespace jiceng {

std::unique_ptr<Strategy> make_louzu(StreamId stream);
std::unique_ptr<Strategy> make_studios(StreamId stream);
std::unique_ptr<Strategy> make_sanhui(StreamId stream);
std::unique_ptr<Strategy> make_targeting(StreamId stream);
std::unique_ptr<Strategy> make_secretary(StreamId stream);
std::unique_ptr<Strategy> make_coverage(StreamId stream);
std::unique_ptr<Strategy> make_floating(StreamId stream);
std::unique_ptr<Strategy> make_gongjian(StreamId stream);

namespace {

// Each entry carries its permanent stream number (16-23; the next free one is
// kNextFreeStream in sim/core/stream_id.hpp): reordering the entries or adding
// one changes no other strategy's random numbers.
constexpr std::array<StrategyInfo, 8> kRegistry = {{
    {"louzu", "Building Party groups", "楼组党建",
     "Party groups of 3-10 resident members per building, dual leadership (自转/公转), identity disclosure "
     "(亮身份), annual commendation, cadre leaders; phase 1 in-work members, phase 2 all members (S003).",
     &Params::louzu_enabled, "staffing", StreamId{16}, &make_louzu},
    {"studios", "Member volunteer studios", "党员志愿者工作室",
     "Skill-led studios that serve needs of their speciality, find such needs and recruit non-member volunteers; "
     "spread from a pilot by Bass diffusion (S002).",
     &Params::studios_enabled, "staffing", StreamId{17}, &make_studios},
    {"sanhui", "Three meetings", "三会",
     "Decision hearings, dispute coordination and resident evaluation of officials (卢湾; titles only in the "
     "sources, effects assumed).",
     &Params::sanhui_enabled, "staffing", StreamId{18}, &make_sanhui},
    {"targeting", "Needs-based service targeting", "需求导向服务",
     "Members' and volunteers' hours go to known needs instead of generic activity; optional over-provision "
     "that crowds out self-help (包办代替) (S002).",
     &Params::targeting_enabled, "staffing", StreamId{19}, &make_targeting},
    {"secretary", "Secretary professionalisation", "书记职业化",
     "Pay by post (lower turnover), training (skill) and resident evaluation (effort) for residents' committee "
     "secretaries and staff.",
     &Params::secretary_enabled, "staffing", StreamId{20}, &make_secretary},
    {"coverage", "Organisational coverage policies", "“两新”组织党建覆盖",
     "Dual responsibility, registration and inspection gates, liaisons, 综合党委 fallback, 4A evaluation linkage, "
     "instructors, funding and 六有 venues, online platform, a campaign and/or routine upkeep (S000, S001, S004).",
     &Params::coverage_enabled, "staffing", StreamId{21}, &make_coverage},
    {"floating", "Floating-member management", "流动党员管理",
     "Floating members register where they live (inflow area primary) and are handed over when they move on "
     "(S001: 有流动但不流失).",
     &Params::floating_enabled, "staffing", StreamId{22}, &make_floating},
    {"gongjian", "Regional co-building", "共驻共建",
     "Workplaces lend people and venues to the community; mass teams are brought into Party work through "
     "territorial work.",
     &Params::gongjian_enabled, "staffing", StreamId{23}, &make_gongjian},
}};

constexpr std::array<StreamId, kRegistry.size()> registry_streams() {
    std::array<StreamId, kRegistry.size()> ids{};
    for (std::size_t k = 0; k < kRegistry.size(); ++k) ids[k] = kRegistry[k].stream;
    return ids;
}
static_assert(streams_are_distinct(registry_streams()),
              "two strategies, or a strategy and a process, share a stream number (sim/core/stream_id.hpp)");

}  // namespace

std::span<const StrategyInfo> strategy_registry() {
    return kRegistry;
}

}  // namespace jiceng
