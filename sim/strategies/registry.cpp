// The one list of strategies. Every strategy runs after the staffing phase,
// once the day's moves and jobs are settled and before needs arise; the
// simulation resets the runtime Policy just before, so each day's policy is
// exactly what the strategies switched on set.
#include <vector>

#include "sim/strategies/strategy.hpp"

namespace jiceng {

std::unique_ptr<Strategy> make_louzu(std::uint32_t index);
std::unique_ptr<Strategy> make_studios(std::uint32_t index);
std::unique_ptr<Strategy> make_sanhui(std::uint32_t index);
std::unique_ptr<Strategy> make_targeting(std::uint32_t index);
std::unique_ptr<Strategy> make_secretary(std::uint32_t index);
std::unique_ptr<Strategy> make_coverage(std::uint32_t index);
std::unique_ptr<Strategy> make_floating(std::uint32_t index);
std::unique_ptr<Strategy> make_gongjian(std::uint32_t index);

std::span<const StrategyInfo> strategy_registry() {
    static const std::vector<StrategyInfo> registry = {
        {"louzu", "Building Party groups", "楼组党建",
         "Party groups of 3-10 resident members per building, dual leadership (自转/公转), identity disclosure "
         "(亮身份), annual commendation, cadre leaders; phase 1 in-work members, phase 2 all members (S003).",
         &Params::louzu_enabled, "staffing", &make_louzu},
        {"studios", "Member volunteer studios", "党员志愿者工作室",
         "Skill-led studios that serve needs of their speciality, find such needs and recruit non-member volunteers; "
         "spread from a pilot by Bass diffusion (S002).",
         &Params::studios_enabled, "staffing", &make_studios},
        {"sanhui", "Three meetings", "三会",
         "Decision hearings, dispute coordination and resident evaluation of officials (卢湾; titles only in the "
         "sources, effects assumed).",
         &Params::sanhui_enabled, "staffing", &make_sanhui},
        {"targeting", "Needs-based service targeting", "需求导向服务",
         "Members' and volunteers' hours go to known needs instead of generic activity; optional over-provision "
         "that crowds out self-help (包办代替) (S002).",
         &Params::targeting_enabled, "staffing", &make_targeting},
        {"secretary", "Secretary professionalisation", "书记职业化",
         "Pay by post (lower turnover), training (skill) and resident evaluation (effort) for residents' committee "
         "secretaries and staff.",
         &Params::secretary_enabled, "staffing", &make_secretary},
        {"coverage", "Organisational coverage policies", "“两新”组织党建覆盖",
         "Dual responsibility, registration and inspection gates, liaisons, 综合党委 fallback, 4A evaluation linkage, "
         "instructors, funding and 六有 venues, online platform, a campaign and/or routine upkeep (S000, S001, S004).",
         &Params::coverage_enabled, "staffing", &make_coverage},
        {"floating", "Floating-member management", "流动党员管理",
         "Floating members register where they live (inflow area primary) and are handed over when they move on "
         "(S001: 有流动但不流失).",
         &Params::floating_enabled, "staffing", &make_floating},
        {"gongjian", "Regional co-building", "共驻共建",
         "Workplaces lend people and venues to the community; mass teams are brought into Party work through "
         "territorial work.",
         &Params::gongjian_enabled, "staffing", &make_gongjian},
    };
    return registry;
}

}  // namespace jiceng
