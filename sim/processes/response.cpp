// Response: the hours an area can call on today are matched to needs.
//  1. Generic service: a share of members' and volunteers' hours
//     (response.generic_share, or the targeting strategy's) goes to
//     untargeted visits of residents picked at random; a visit helps only if
//     that resident happens to have an open need (一般化、效果差).
//  2. Targeted service: the area's known needs, oldest first, take in turn
//     a studio's skilled hours (its speciality only), residents' committee
//     staff hours on working days (handling known cases is their job),
//     members' hours, volunteers' hours, and hours lent by workplaces
//     (共驻共建).
// An attempt costs response.hours_per_need. It succeeds with
// response.resolve_skilled when a helper skilled in the need type is active
// in the area (or a studio of that speciality handles it), with
// response.resolve_base otherwise, and with resolve_base × (0.6 + 0.8 ×
// staff skill) for staff; 三会 multiply the chances for public issues and
// disputes. Outstanding work per active member sets the overload factor the
// engagement phase reads later today.
#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/processes/processes.hpp"

namespace jiceng {

namespace {
constexpr std::uint64_t kAreaEntityBase = 0x80000000u;  // stream ids for per-area draws

enum class Helper { Studio, Member, Volunteer, Lent, Staff, Generic };
}  // namespace

void run_response(World& w, const DayContext& ctx, Index area, Tally& tally) {
    auto& r = w.residents;
    const auto& H = w.households;
    auto& B = w.buildings;
    auto& A = w.areas;
    const Params& p = ctx.p;
    const Policy& policy = w.policy;
    std::vector<Index>& known = A.known[area];  // gathered by discovery today, in slot order
    std::uint32_t active_members = 0;
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b)
        active_members += B.members_active[b];
    const double cost = p.response_hours_per_need;
    const double load = static_cast<double>(known.size()) * cost / std::max<std::uint32_t>(1, active_members);
    A.overload[area] = static_cast<float>(std::max(1.0, load / p.engagement_overload_hours));
    std::stable_sort(known.begin(), known.end(), [&](Index a, Index b) { return r.need_age[a] > r.need_age[b]; });

    const bool working_day = ctx.calendar.is_working_day(ctx.day);
    const double generic = policy.generic_share >= 0 ? policy.generic_share : p.response_generic_share;
    double member_hours = A.member_hours[area] * policy.provision;
    double volunteer_hours = A.volunteer_hours[area] * policy.provision;
    double studio_hours = A.studio[area] ? policy.studio_hours_daily : 0.0;
    double lent_hours = policy.lent_hours_daily;
    // Service offered to residents, spent or not: what crowds out self-help (包办代替).
    A.service_hours[area] = static_cast<float>(member_hours + volunteer_hours + studio_hours + lent_hours);
    double staff_hours = working_day ? A.staff[area] * p.response_staff_hours * policy.staff_effort : 0.0;
    const std::uint8_t studio_type = A.studio[area] ? static_cast<std::uint8_t>(A.studio[area] - 1) : 0;
    std::uint32_t member_resolutions = 0, helper_resolutions = 0;

    auto chance = [&](Index i, Helper helper) {
        const auto type = static_cast<NeedType>(r.need[i]);
        double q = p.response_resolve_base;
        if (helper == Helper::Studio)
            q = p.response_resolve_skilled;
        else if (helper == Helper::Staff)
            q = p.response_resolve_base * (0.6 + 0.8 * A.staff_skill[area]);
        else if ((helper == Helper::Member || helper == Helper::Volunteer) && (A.skill_pool[area] & (1u << r.need[i])))
            q = p.response_resolve_skilled;
        if (type == NeedType::Public) q *= policy.public_resolve;
        if (type == NeedType::Dispute) q *= policy.dispute_resolve;
        return std::min(1.0, q);
    };
    auto resolve = [&](Index i, Helper helper, Stream& s) {
        ++tally.resolved;
        tally.resolution_days += r.need_age[i];
        r.need[i] = 0;
        r.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
        r.trust[i] += static_cast<float>(p.trust_learning * (1.0 - r.trust[i]));
        r.satisfaction[i] += static_cast<float>(p.trust_learning * (1.0 - r.satisfaction[i]));
        if (helper == Helper::Staff) return;
        ++helper_resolutions;
        if (helper == Helper::Lent) return;
        B.ties[H.building[r.household[i]]] += static_cast<float>(p.ties_gain);
        if (helper == Helper::Volunteer) return;
        ++member_resolutions;
        // Being served by members leads some residents to apply (S002, 殷仁俊).
        if (!r.member[i] && r.age_band[i] != static_cast<std::uint8_t>(AgeBand::Child) && r.application_day[i] < 0 &&
            s.bernoulli(p.participation_apply_after_help * r.trust[i])) {
            r.application_day[i] = static_cast<std::int32_t>(ctx.day + p.participation_vetting_days);
            A.next_decision[area] = std::min(A.next_decision[area], r.application_day[i]);
            ++tally.applications;
        }
    };

    // 1. Generic, untargeted visits.
    const double generic_hours = generic * (member_hours + volunteer_hours);
    Stream area_stream = ctx.rng.stream(ctx.day, ProcessId::Response, kAreaEntityBase + area);
    // Whole visits; the fraction left over is a visit with that probability.
    const double expected_visits = generic_hours / cost;
    const int visits = std::min(
        static_cast<int>(expected_visits) + area_stream.bernoulli(expected_visits - std::floor(expected_visits)),
        static_cast<int>((member_hours + volunteer_hours) / cost));
    if (visits > 0 && A.residents[area] > 0) {
        const double member_part = member_hours / (member_hours + volunteer_hours);
        const double spent = std::min(visits * cost, member_hours + volunteer_hours);
        member_hours -= spent * member_part;
        volunteer_hours -= spent * (1.0 - member_part);
        tally.member_hours += spent;
        tally.generic_hours += spent;
        for (int v = 0; v < visits; ++v) {
            const Index i = A.first_resident[area] + static_cast<Index>(area_stream.uniform() * A.residents[area]);
            const bool by_member = area_stream.uniform() < member_part;
            if (!H.occupied[r.household[i]] || r.need[i] == 0) continue;
            // Generic visits bring no matching skill: the base chance only.
            if (area_stream.bernoulli(chance(i, Helper::Generic)))
                resolve(i, by_member ? Helper::Member : Helper::Volunteer, area_stream);
        }
    }

    // 2. Targeted service of known needs, oldest first.
    for (Index i : known) {
        if (r.need[i] == 0) continue;  // resolved by a generic visit above
        Helper helper;
        if (studio_hours >= cost && r.need[i] == studio_type) {
            studio_hours -= cost;
            helper = Helper::Studio;
        } else if (staff_hours >= cost) {
            staff_hours -= cost;
            helper = Helper::Staff;
        } else if (member_hours >= cost) {
            member_hours -= cost;
            helper = Helper::Member;
        } else if (volunteer_hours >= cost) {
            volunteer_hours -= cost;
            helper = Helper::Volunteer;
        } else if (lent_hours >= cost) {
            lent_hours -= cost;
            helper = Helper::Lent;
        } else if (studio_hours >= cost) {
            continue;  // only the studio can still help, with needs of its speciality
        } else {
            break;
        }
        if (helper == Helper::Staff)
            tally.staff_hours += cost;
        else {
            tally.member_hours += cost;
        }
        Stream s = ctx.rng.stream(ctx.day, ProcessId::Response, i);
        if (s.bernoulli(chance(i, helper))) resolve(i, helper, s);
    }
    A.member_resolutions[area] = member_resolutions;
    tally.member_resolutions += member_resolutions;
    tally.helper_resolutions += helper_resolutions;
}

}  // namespace jiceng
