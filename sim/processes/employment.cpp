// Employment, on the first day of each month: retirement, job loss
// (unemployment shocks, and closures of the employer), job finding and job
// changes. An in-work member who loses the job becomes an unemployed member
// whose relation (组织关系) moves to the community; one who changes job keeps
// the relation only if it follows the job (employment.relation_follow),
// otherwise it is lost and the member drops from active to nominal. Retirees'
// relations move to the community. Any change redraws the need schedule.
#include "sim/processes/needs.hpp"
#include "sim/processes/processes.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace jiceng {

void run_employment(World& w, const DayContext& ctx, Index area, Tally& tally) {
    if (!ctx.calendar.is_month_start(ctx.day)) return;
    auto& r = w.residents;
    const auto& H = w.households;
    const auto& A = w.areas;
    const double follow = std::min(1.0, ctx.p.employment_relation_follow * w.policy.platform_transfer);
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
                if (member == MemberType::InWork) {
                    r.member[i] = static_cast<std::uint8_t>(MemberType::Unemployed);
                    r.relation[i] = static_cast<std::uint8_t>(Relation::Community);
                }
                schedule_next_need(w, ctx.p, i, s, ctx.day);
                continue;
            }
            if (s.bernoulli(ctx.rates.retire_monthly)) {
                r.age_band[i] = static_cast<std::uint8_t>(AgeBand::Retired);
                r.flags[i] &= static_cast<std::uint8_t>(~flag::kUnemployed);
                if (s.bernoulli(ctx.p.district_elderly_alone_share)) r.flags[i] |= flag::kElderlyAlone;
                r.employer[i] = kNone;
                if (member != MemberType::None && member != MemberType::Floating) {
                    r.member[i] = static_cast<std::uint8_t>(MemberType::Retired);
                    r.relation[i] = static_cast<std::uint8_t>(Relation::Community);
                }
                changed = true;
            } else if (r.flags[i] & flag::kUnemployed) {
                if (s.bernoulli(ctx.rates.job_find_monthly)) {
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kUnemployed);
                    r.employer[i] = draw_employer(w, s.uniform());
                    if (member == MemberType::Unemployed) {
                        r.member[i] = static_cast<std::uint8_t>(MemberType::InWork);
                        r.relation[i] = static_cast<std::uint8_t>(Relation::Workplace);
                    }
                    changed = true;
                }
            } else if (s.bernoulli(ctx.rates.job_loss_monthly)) {
                r.flags[i] |= flag::kUnemployed;
                r.employer[i] = kNone;
                if (member == MemberType::InWork) {
                    r.member[i] = static_cast<std::uint8_t>(MemberType::Unemployed);
                    r.relation[i] = static_cast<std::uint8_t>(Relation::Community);
                }
                changed = true;
            } else if (s.bernoulli(ctx.rates.job_change_monthly)) {
                r.employer[i] = draw_employer(w, s.uniform());
                if (member == MemberType::InWork && r.relation[i] == static_cast<std::uint8_t>(Relation::Workplace)) {
                    if (s.bernoulli(follow)) {
                        ++tally.relations_followed;
                    } else {
                        ++tally.relations_lost;
                        r.relation[i] = static_cast<std::uint8_t>(Relation::Lost);
                        if (r.engagement[i] == static_cast<std::uint8_t>(Engagement::Active))
                            r.engagement[i] = static_cast<std::uint8_t>(Engagement::Nominal);
                    }
                }
            }
            if (changed) schedule_next_need(w, ctx.p, i, s, ctx.day);
        }
    }
}

}  // namespace jiceng
