// Employment, on the first day of each month: job loss (unemployment shocks),
// job finding, and retirement. An in-work member who loses the job becomes an
// unemployed member (relation to the community); one who finds a job goes back
// to in-work. Any change redraws the resident's need schedule.
#include "sim/processes/needs.hpp"
#include "sim/processes/processes.hpp"
#include "sim/world/synthesis.hpp"

namespace jiceng {

void run_employment(World& w, const DayContext& ctx, Index area, Tally&) {
    if (!ctx.calendar.is_month_start(ctx.day)) return;
    auto& r = w.residents;
    const auto& H = w.households;
    const auto& A = w.areas;
    const double retire = 1.0 - std::pow(1.0 - ctx.rates.retire_yearly, 1.0 / 12.0);
    for (Index h = A.first_household[area]; h < A.first_household[area] + A.households[area]; ++h) {
        if (!H.occupied[h]) continue;
        for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
            if (r.age_band[i] != static_cast<std::uint8_t>(AgeBand::Working)) continue;
            Stream s = ctx.rng.stream(ctx.day, ProcessId::Employment, i);
            const auto member = static_cast<MemberType>(r.member[i]);
            bool changed = false;
            // A closed workplace's staff lose their jobs at the month's turn.
            if (r.employer[i] != kNone && !w.orgs.alive[r.employer[i]]) {
                r.employer[i] = kNone;
                r.flags[i] |= flag::kUnemployed;
                if (member == MemberType::InWork) r.member[i] = static_cast<std::uint8_t>(MemberType::Unemployed);
                schedule_next_need(w, ctx.p, i, s, ctx.day);
                continue;
            }
            if (s.bernoulli(retire)) {
                r.age_band[i] = static_cast<std::uint8_t>(AgeBand::Retired);
                r.flags[i] &= static_cast<std::uint8_t>(~flag::kUnemployed);
                r.employer[i] = kNone;
                if (member != MemberType::None && member != MemberType::Floating)
                    r.member[i] = static_cast<std::uint8_t>(MemberType::Retired);
                changed = true;
            } else if (r.flags[i] & flag::kUnemployed) {
                if (s.bernoulli(ctx.rates.job_find_monthly)) {
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kUnemployed);
                    r.employer[i] = draw_employer(w, s.uniform());
                    if (member == MemberType::Unemployed) r.member[i] = static_cast<std::uint8_t>(MemberType::InWork);
                    changed = true;
                }
            } else if (s.bernoulli(ctx.rates.job_loss_monthly)) {
                r.flags[i] |= flag::kUnemployed;
                r.employer[i] = kNone;
                if (member == MemberType::InWork) r.member[i] = static_cast<std::uint8_t>(MemberType::Unemployed);
                changed = true;
            }
            if (changed) schedule_next_need(w, ctx.p, i, s, ctx.day);
        }
    }
}

}  // namespace jiceng
