// Discovery: a need is known only once some channel sees it. Channels, each
// with its own capacity: the resident reports it (more likely after good
// service, and more with an online platform); residents' committee (居委会)
// staff visit a limited number of households per working day; property
// management and the owners' committee (物业/业委会) inspect a few buildings a
// working day and see building public issues; a volunteer studio sees needs
// of its speciality in its area; active members living in the same building
// notice needs (more so in a building Party group whose members have
// disclosed their identity, 亮身份).
#include "sim/processes/discovery.hpp"

#include <cmath>

#include "sim/processes/processes.hpp"
#include "sim/processes/sweep.hpp"

namespace jiceng {

DiscoveryProcess::DiscoveryProcess(World& w, const DayContext& ctx, Index area, Tally& tally)
    : w_(w),
      ctx_(ctx),
      tally_(tally),
      known_(w.areas.known[area]),
      need_(w.residents.need.data()),
      flags_(w.residents.flags.data()) {
    const auto& H = w.households;
    const auto& A = w.areas;
    const Params& p = ctx.p;
    std::uint32_t occupied = 0;
    for (Index h = A.first_household[area]; h < A.first_household[area] + A.households[area]; ++h)
        occupied += H.occupied[h];
    const bool working = ctx.calendar.is_working_day(ctx.day);
    const double visits = working ? A.staff[area] * p.discovery_committee_visits : 0.0;
    p_visit_ = occupied ? std::min(1.0, visits / occupied) : 0.0;
    p_property_ = working ? std::min(1.0, p.discovery_property_visits / std::max<Index>(1, A.buildings[area])) : 0.0;
    studio_type_ = A.studio[area] ? static_cast<std::uint8_t>(A.studio[area] - 1) : 0;
    self_report_ = p.discovery_self_report * w.policy.platform_report;
    known_.clear();  // handed to the response phase
}

void DiscoveryProcess::building(Index b) {
    const auto& B = w_.buildings;
    if (B.members_active[b] == 0) {
        p_member_ = 0.0;
        return;
    }
    const double neighbour = ctx_.p.discovery_member_neighbour;
    const double plain_active = B.members_active[b] - B.members_disclosed_active[b];
    p_member_ = 1.0 - std::pow(1.0 - neighbour, plain_active) *
                          std::pow(1.0 - std::min(1.0, neighbour * w_.policy.group_discovery_multiplier),
                                   static_cast<double>(B.members_disclosed_active[b]));
}

void DiscoveryProcess::try_discover(Index i) {
    auto& r = w_.residents;
    Stream s = ctx_.rng.stream(ctx_.day, ProcessId::Discovery, i);
    const double p_self = std::min(1.0, self_report_ * r.satisfaction[i]);
    const double p_building = r.need[i] == static_cast<std::uint8_t>(NeedType::Public) ? p_property_ : 0.0;
    const double p_studio = studio_type_ && r.need[i] == studio_type_ ? w_.policy.studio_discovery : 0.0;
    const double p_any =
        1.0 - (1.0 - p_self) * (1.0 - p_visit_) * (1.0 - p_member_) * (1.0 - p_building) * (1.0 - p_studio);
    if (s.bernoulli(p_any)) {
        r.flags[i] |= flag::kNeedKnown;
        ++tally_.known;
        known_.push_back(i);
    }
}

void run_discovery(World& w, const DayContext& ctx, Index area, Tally& tally) {
    (void)sweep_area(w, area, DiscoveryProcess(w, ctx, area, tally));
}

}  // namespace jiceng
