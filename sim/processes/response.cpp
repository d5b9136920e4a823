// Response: the area's known needs, oldest first, are matched to the hours
// available today: first members' and volunteers' hours (neighbourhood help),
// then residents' committee staff hours on working days. An attempt costs
// response.hours_per_need; it succeeds with response.resolve_skilled when a
// helper skilled in that need type is active in the area, else with
// response.resolve_base. Outstanding work per active member sets the overload
// factor that the engagement phase reads.
#include <algorithm>
#include <vector>

#include "sim/processes/processes.hpp"

namespace jiceng {

void run_response(World& w, const DayContext& ctx, Index area, Tally& tally) {
    auto& r = w.residents;
    const auto& H = w.households;
    auto& B = w.buildings;
    auto& A = w.areas;
    const Params& p = ctx.p;
    std::vector<Index> known;
    std::uint32_t active_members = 0;
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) {
        active_members += B.members_active[b];
        for (Index h = B.first_household[b]; h < B.first_household[b] + B.households[b]; ++h) {
            if (!H.occupied[h]) continue;
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i)
                if (r.need[i] != 0 && (r.flags[i] & flag::kNeedKnown)) known.push_back(i);
        }
    }
    const double load = static_cast<double>(known.size()) * p.response_hours_per_need / std::max<std::uint32_t>(1, active_members);
    A.overload[area] = static_cast<float>(std::max(1.0, load / p.engagement_overload_hours));
    std::stable_sort(known.begin(), known.end(), [&](Index a, Index b) { return r.need_age[a] > r.need_age[b]; });

    double helper_hours = A.member_hours[area] + A.volunteer_hours[area];
    double staff_hours = ctx.calendar.is_working_day(ctx.day) ? A.staff[area] * p.response_staff_hours : 0.0;
    const double cost = p.response_hours_per_need;
    std::uint32_t member_resolutions = 0;
    for (Index i : known) {
        bool by_helper = false;
        if (helper_hours >= cost) {
            helper_hours -= cost;
            tally.member_hours += cost;
            by_helper = true;
        } else if (staff_hours >= cost) {
            staff_hours -= cost;
            tally.staff_hours += cost;
        } else {
            break;
        }
        Stream s = ctx.rng.stream(ctx.day, ProcessId::Response, i);
        const bool skilled = by_helper && (A.skill_pool[area] & (1u << r.need[i]));
        if (!s.bernoulli(skilled ? p.response_resolve_skilled : p.response_resolve_base)) continue;
        ++tally.resolved;
        tally.resolution_days += r.need_age[i];
        r.need[i] = 0;
        r.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
        r.trust[i] += static_cast<float>(p.trust_learning * (1.0 - r.trust[i]));
        r.satisfaction[i] += static_cast<float>(p.trust_learning * (1.0 - r.satisfaction[i]));
        if (!by_helper) continue;
        ++member_resolutions;
        B.ties[H.building[r.household[i]]] += static_cast<float>(p.ties_gain);
        // Being served by members leads some residents to apply (S002, 殷仁俊).
        if (!r.member[i] && r.age_band[i] != static_cast<std::uint8_t>(AgeBand::Child) && r.application_day[i] < 0 &&
            s.bernoulli(p.participation_apply_after_help * r.trust[i])) {
            r.application_day[i] = static_cast<std::int32_t>(ctx.day + p.participation_vetting_days);
            ++tally.applications;
        }
    }
    A.member_resolutions[area] = member_resolutions;
    tally.member_resolutions += member_resolutions;
}

}  // namespace jiceng
