// Discovery: a need is known only once some channel sees it. Channels, each
// with its own capacity: the resident reports it (more likely after good
// service, and more with an online platform); residents' committee (居委会)
// staff visit a limited number of households per working day; property
// management and the owners' committee (物业/业委会) inspect a few buildings a
// working day and see building public issues; a volunteer studio sees needs
// of its speciality in its area; active members living in the same building
// notice needs (more so in a building Party group whose members have
// disclosed their identity, 亮身份).
#include <cmath>

#include "sim/processes/processes.hpp"

namespace jiceng {

void run_discovery(World& w, const DayContext& ctx, Index area, Tally& tally) {
    auto& r = w.residents;
    const auto& H = w.households;
    const auto& B = w.buildings;
    auto& A = w.areas;
    const Params& p = ctx.p;
    std::uint32_t occupied = 0;
    for (Index h = A.first_household[area]; h < A.first_household[area] + A.households[area]; ++h) occupied += H.occupied[h];
    const double visits = ctx.calendar.is_working_day(ctx.day) ? A.staff[area] * p.discovery_committee_visits : 0.0;
    const double p_visit = occupied ? std::min(1.0, visits / occupied) : 0.0;
    const double p_property = ctx.calendar.is_working_day(ctx.day)
                                  ? std::min(1.0, p.discovery_property_visits / std::max<Index>(1, A.buildings[area]))
                                  : 0.0;
    const std::uint8_t studio_type = A.studio[area] ? static_cast<std::uint8_t>(A.studio[area] - 1) : 0;
    const double self_report = p.discovery_self_report * w.policy.platform_report;
    auto& known = A.known[area];  // handed to the response phase
    known.clear();
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) {
        const double plain_active = B.members_active[b] - B.members_disclosed_active[b];
        const double p_member = 1.0 - std::pow(1.0 - p.discovery_member_neighbour, plain_active) *
                                          std::pow(1.0 - std::min(1.0, p.discovery_member_neighbour * w.policy.group_discovery_multiplier),
                                                   static_cast<double>(B.members_disclosed_active[b]));
        for (Index h = B.first_household[b]; h < B.first_household[b] + B.households[b]; ++h) {
            if (!H.occupied[h]) continue;
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
                if (r.need[i] == 0) continue;
                if (r.flags[i] & flag::kNeedKnown) {
                    known.push_back(i);
                    continue;
                }
                Stream s = ctx.rng.stream(ctx.day, ProcessId::Discovery, i);
                const double p_self = std::min(1.0, self_report * r.satisfaction[i]);
                const double p_building = r.need[i] == static_cast<std::uint8_t>(NeedType::Public) ? p_property : 0.0;
                const double p_studio = studio_type && r.need[i] == studio_type ? w.policy.studio_discovery : 0.0;
                const double p_any =
                    1.0 - (1.0 - p_self) * (1.0 - p_visit) * (1.0 - p_member) * (1.0 - p_building) * (1.0 - p_studio);
                if (s.bernoulli(p_any)) {
                    r.flags[i] |= flag::kNeedKnown;
                    ++tally.known;
                    known.push_back(i);
                }
            }
        }
    }
}

}  // namespace jiceng
