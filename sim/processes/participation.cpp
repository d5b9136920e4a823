// Participation: applications are decided when vetting ends (考察培养);
// on the first of each month residents start or stop volunteering. Active
// members volunteer at their own rate; non-members with trust volunteer at a
// rate raised by the member volunteers in their building (draw-in).
#include "sim/processes/processes.hpp"

namespace jiceng {

void run_participation(World& w, const DayContext& ctx, Index area, Tally& tally) {
    auto& r = w.residents;
    const auto& H = w.households;
    const auto& B = w.buildings;
    const auto& A = w.areas;
    const Params& p = ctx.p;
    const bool monthly = ctx.calendar.is_month_start(ctx.day);
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) {
        std::uint32_t member_volunteers = 0;
        if (monthly) {
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i)
                if (r.member[i] && (r.flags[i] & flag::kVolunteer) && H.occupied[r.household[i]]) ++member_volunteers;
        }
        const double draw_in = B.occupants[b] ? 1.0 + p.participation_draw_in * member_volunteers / B.occupants[b] : 1.0;
        for (Index h = B.first_household[b]; h < B.first_household[b] + B.households[b]; ++h) {
            if (!H.occupied[h]) continue;
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
                const bool deciding = r.application_day[i] == ctx.day;
                const bool choosing = monthly && r.age_band[i] != static_cast<std::uint8_t>(AgeBand::Child);
                if (!deciding && !choosing) continue;
                Stream s = ctx.rng.stream(ctx.day, ProcessId::Participation, i);
                if (deciding) {
                    r.application_day[i] = -1;
                    if (s.bernoulli(p.participation_acceptance) && !r.member[i]) {
                        const auto band = static_cast<AgeBand>(r.age_band[i]);
                        const bool floating = H.tenure[h] == static_cast<std::uint8_t>(Tenure::Floating);
                        r.member[i] = static_cast<std::uint8_t>(
                            band == AgeBand::Retired                ? MemberType::Retired
                            : (r.flags[i] & flag::kUnemployed)      ? MemberType::Unemployed
                            : floating                              ? MemberType::Floating
                                                                    : MemberType::InWork);
                        r.engagement[i] = static_cast<std::uint8_t>(Engagement::Active);
                        ++tally.new_members;
                    }
                }
                if (!choosing) continue;
                const bool volunteer = r.flags[i] & flag::kVolunteer;
                if (volunteer) {
                    const bool lapsed = r.member[i] && r.engagement[i] != static_cast<std::uint8_t>(Engagement::Active);
                    if (lapsed || s.bernoulli(ctx.rates.volunteer_quit_monthly))
                        r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
                } else if (r.member[i]) {
                    if (r.engagement[i] == static_cast<std::uint8_t>(Engagement::Active) &&
                        s.bernoulli(ctx.rates.member_volunteer_start_monthly))
                        r.flags[i] |= flag::kVolunteer;
                } else if (s.bernoulli(ctx.rates.volunteer_start_monthly * r.trust[i] * draw_in)) {
                    r.flags[i] |= flag::kVolunteer;
                }
            }
        }
    }
}

}  // namespace jiceng
