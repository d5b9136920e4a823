// Member engagement as a Markov chain over active -> nominal -> lapsed, with
// recovery. Decay is faster under overload and for members with no
// organisation to belong to (floating members not registered where they live,
// relations lost at a job change), and slower for building-group members
// under dual leadership; recovery rises with members' successful service in
// the area.
#include <algorithm>

#include "sim/processes/processes.hpp"

namespace jiceng {

void run_engagement(World& w, const DayContext& ctx, Index area, Tally&) {
    auto& r = w.residents;
    const auto& H = w.households;
    const auto& B = w.buildings;
    const auto& A = w.areas;
    const Rates& rates = ctx.rates;
    std::uint32_t active = 0;
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) active += B.members_active[b];
    const double service = ctx.p.engagement_service_boost * A.member_resolutions[area] / std::max<std::uint32_t>(1, active);
    const double decay = rates.active_to_nominal * A.overload[area];
    for (Index h = A.first_household[area]; h < A.first_household[area] + A.households[area]; ++h) {
        if (!H.occupied[h]) continue;
        for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
            if (!r.member[i]) continue;
            Stream s = ctx.rng.stream(ctx.day, ProcessId::Engagement, i);
            const double u = s.uniform();
            switch (static_cast<Engagement>(r.engagement[i])) {
                case Engagement::Active: {
                    const auto relation = static_cast<Relation>(r.relation[i]);
                    double hazard = (r.flags[i] & flag::kInGroup) ? decay * w.policy.group_active_to_nominal : decay;
                    if (relation == Relation::Elsewhere || relation == Relation::Lost) hazard *= ctx.p.engagement_floating_decay;
                    if (u < hazard) r.engagement[i] = static_cast<std::uint8_t>(Engagement::Nominal);
                    break;
                }
                case Engagement::Nominal:
                    if (u < rates.nominal_to_lapsed) r.engagement[i] = static_cast<std::uint8_t>(Engagement::Lapsed);
                    else if (u < rates.nominal_to_lapsed + rates.nominal_to_active + service)
                        r.engagement[i] = static_cast<std::uint8_t>(Engagement::Active);
                    break;
                case Engagement::Lapsed:
                    if (u < rates.lapsed_to_nominal) r.engagement[i] = static_cast<std::uint8_t>(Engagement::Nominal);
                    break;
            }
        }
    }
}

}  // namespace jiceng
