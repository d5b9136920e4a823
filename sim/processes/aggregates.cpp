// Aggregates of the previous state that later phases read: who lives in each
// building, how many members there are active (and visible), mean trust, and
// the helper hours and skills an area can call on today.
#include "sim/processes/processes.hpp"

namespace jiceng {

void refresh_aggregates(World& w, const DayContext& ctx, Index area, Tally&) {
    const auto& r = w.residents;
    const auto& H = w.households;
    auto& B = w.buildings;
    auto& A = w.areas;
    const bool disclosure = w.policy.disclosure;
    const float tie_keep = static_cast<float>(1.0 - ctx.rates.ties_decay_daily);
    double member_hours = 0, volunteer_hours = 0;
    std::uint8_t skills = 0, member_skills = 0;
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) {
        std::uint32_t occupants = 0, active = 0, disclosed = 0;
        double trust = 0;
        for (Index h = B.first_household[b]; h < B.first_household[b] + B.households[b]; ++h) {
            if (!H.occupied[h]) continue;
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
                ++occupants;
                trust += r.trust[i];
                const bool volunteer = r.flags[i] & flag::kVolunteer;
                const bool active_member =
                    r.member[i] && r.engagement[i] == static_cast<std::uint8_t>(Engagement::Active);
                if (active_member) {
                    ++active;
                    if (disclosure && (r.flags[i] & flag::kInGroup)) ++disclosed;
                    member_hours += ctx.rates.member_hours_daily[r.member[i]];
                } else if (volunteer && !r.member[i]) {
                    volunteer_hours += ctx.rates.volunteer_hours_daily;
                }
                if ((active_member || volunteer) && r.skill[i]) skills |= static_cast<std::uint8_t>(1u << r.skill[i]);
                if (active_member && r.skill[i]) member_skills |= static_cast<std::uint8_t>(1u << r.skill[i]);
            }
        }
        B.occupants[b] = static_cast<std::uint16_t>(std::min<std::uint32_t>(occupants, 65535));
        B.members_active[b] = static_cast<std::uint16_t>(std::min<std::uint32_t>(active, 65535));
        B.members_disclosed_active[b] = static_cast<std::uint16_t>(std::min<std::uint32_t>(disclosed, 65535));
        B.trust_mean[b] = occupants ? static_cast<float>(trust / occupants) : 0.0f;
        B.ties[b] *= tie_keep;
    }
    A.member_hours[area] = static_cast<float>(member_hours);
    A.volunteer_hours[area] = static_cast<float>(volunteer_hours);
    A.skill_pool[area] = skills;
    A.member_skill_pool[area] = member_skills;
}

}  // namespace jiceng
