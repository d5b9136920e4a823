// Member engagement as a Markov chain over active -> nominal -> lapsed, with
// recovery. Decay is faster under overload and for members with no
// organisation to belong to (floating members not registered where they live,
// relations lost at a job change), and slower for building-group members
// under dual leadership; recovery rises with members' successful service in
// the area.
#include "sim/processes/engagement.hpp"

#include <algorithm>

#include "sim/processes/processes.hpp"
#include "sim/processes/sweep.hpp"

namespace jiceng {

EngagementProcess::EngagementProcess(World& w, const DayContext& ctx, Index area)
    : w_(w), ctx_(ctx), member_(w.residents.member.data()) {
    const auto& B = w.buildings;
    const auto& A = w.areas;
    std::uint32_t active = 0;
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b)
        active += B.members_active[b];
    service_ = ctx.p.engagement_service_boost * A.member_resolutions[area] / std::max<std::uint32_t>(1, active);
    decay_ = ctx.rates.active_to_nominal * A.overload[area];
}

void EngagementProcess::update(Index i) {
    auto& r = w_.residents;
    const Rates& rates = ctx_.rates;
    const double u = ctx_.rng.uniform_once(ctx_.day, ProcessId::Engagement, i);
    switch (static_cast<Engagement>(r.engagement[i])) {
        case Engagement::Active: {
            const auto relation = static_cast<Relation>(r.relation[i]);
            double hazard = (r.flags[i] & flag::kInGroup) ? decay_ * w_.policy.group_active_to_nominal : decay_;
            if (relation == Relation::Elsewhere || relation == Relation::Lost)
                hazard *= ctx_.p.engagement_floating_decay;
            if (u < hazard) r.engagement[i] = static_cast<std::uint8_t>(Engagement::Nominal);
            break;
        }
        case Engagement::Nominal:
            if (u < rates.nominal_to_lapsed)
                r.engagement[i] = static_cast<std::uint8_t>(Engagement::Lapsed);
            else if (u < rates.nominal_to_lapsed + rates.nominal_to_active + service_)
                r.engagement[i] = static_cast<std::uint8_t>(Engagement::Active);
            break;
        case Engagement::Lapsed:
            if (u < rates.lapsed_to_nominal) r.engagement[i] = static_cast<std::uint8_t>(Engagement::Nominal);
            break;
    }
}

void run_engagement(World& w, const DayContext& ctx, Index area, Tally&) {
    (void)sweep_area(w, area, EngagementProcess(w, ctx, area));
}

}  // namespace jiceng
