// Participation: applications are decided when vetting ends (考察培养). On
// the first of each month residents start or stop volunteering, join or
// leave mass teams (群众团队), and floating members may register where they
// live. Active members volunteer at their own rate; non-members volunteer at a
// rate scaled by trust and raised by the member volunteers in their building
// (draw-in) and by a volunteer studio in their area (recruitment).
#include <algorithm>

#include "sim/processes/processes.hpp"

namespace jiceng {

void run_participation(World& w, const DayContext& ctx, Index area, Tally& tally) {
    auto& r = w.residents;
    const auto& H = w.households;
    const auto& B = w.buildings;
    auto& A = w.areas;
    const Params& p = ctx.p;
    const bool monthly = ctx.calendar.is_month_start(ctx.day);
    // Between monthly rounds only application decisions happen here.
    if (!monthly && A.next_decision[area] > ctx.day) return;
    std::int32_t next_decision = INT32_MAX;
    const double studio_recruit = A.studio[area] ? w.policy.studio_recruit_monthly : 0.0;
    const double join = ctx.rates.team_join_monthly * w.policy.team_join;
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) {
        std::uint32_t member_volunteers = 0;
        if (monthly) {
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i)
                if (r.member[i] && (r.flags[i] & flag::kVolunteer) && r.present[i]) ++member_volunteers;
        }
        const double draw_in = 1.0 + p.participation_draw_in * member_volunteers;
        const Index i_end = B.first_resident[b] + B.residents[b];
        for (Index i = B.first_resident[b]; i < i_end; ++i) {
            if (!r.present[i]) continue;
            const Index h = r.household[i];
            const bool deciding = r.application_day[i] == ctx.day;
            if (r.application_day[i] > ctx.day) next_decision = std::min(next_decision, r.application_day[i]);
            const bool choosing = monthly && r.age_band[i] != static_cast<std::uint8_t>(AgeBand::Child);
            if (!deciding && !choosing) continue;
            Stream s = ctx.rng.stream(ctx.day, ProcessId::Participation, i);
            if (deciding) {
                r.application_day[i] = -1;
                if (s.bernoulli(p.participation_acceptance) && !r.member[i]) {
                    const auto band = static_cast<AgeBand>(r.age_band[i]);
                    const bool floating = H.tenure[h] == static_cast<std::uint8_t>(Tenure::Floating);
                    r.member[i] = static_cast<std::uint8_t>(band == AgeBand::Retired           ? MemberType::Retired
                                                            : (r.flags[i] & flag::kUnemployed) ? MemberType::Unemployed
                                                            : floating                         ? MemberType::Floating
                                                                                               : MemberType::InWork);
                    // Admitted in the community: the relation starts here.
                    r.relation[i] = static_cast<std::uint8_t>(floating ? Relation::Inflow : Relation::Community);
                    r.engagement[i] = static_cast<std::uint8_t>(Engagement::Active);
                    ++tally.new_members;
                }
            }
            if (!choosing) continue;
            // Mass teams: mostly retired residents (S000: 腰鼓队、晨练操队).
            if (r.flags[i] & flag::kMassTeam) {
                if (s.bernoulli(ctx.rates.team_leave_monthly))
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kMassTeam);
            } else if (s.bernoulli(join * (r.age_band[i] == static_cast<std::uint8_t>(AgeBand::Retired)
                                               ? 1.0
                                               : p.participation_team_join_working))) {
                r.flags[i] |= flag::kMassTeam;
            }
            if (r.member[i] == static_cast<std::uint8_t>(MemberType::Floating) &&
                r.relation[i] == static_cast<std::uint8_t>(Relation::Elsewhere) &&
                s.bernoulli(w.policy.floating_register_monthly))
                r.relation[i] = static_cast<std::uint8_t>(Relation::Inflow);
            const bool volunteer = r.flags[i] & flag::kVolunteer;
            if (volunteer) {
                const bool lapsed = r.member[i] && r.engagement[i] != static_cast<std::uint8_t>(Engagement::Active);
                if (lapsed || s.bernoulli(ctx.rates.volunteer_quit_monthly))
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
            } else if (r.member[i]) {
                if (r.engagement[i] == static_cast<std::uint8_t>(Engagement::Active) &&
                    s.bernoulli(ctx.rates.member_volunteer_start_monthly))
                    r.flags[i] |= flag::kVolunteer;
            } else if (s.bernoulli(std::min(
                           1.0, (ctx.rates.volunteer_start_monthly * draw_in + studio_recruit) * r.trust[i]))) {
                r.flags[i] |= flag::kVolunteer;
            }
        }
    }
    A.next_decision[area] = next_decision;
}

}  // namespace jiceng
