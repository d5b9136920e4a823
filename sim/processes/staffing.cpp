// Staffing of residents' committees, monthly: the secretary and staff team of
// an area turns over (response.secretary_turnover, scaled by pay policy);
// newcomers start at response.newcomer_skill of the mean skill, with a spread;
// training raises skill towards 1.
#include <algorithm>

#include "sim/processes/processes.hpp"

namespace jiceng {

void run_staffing(World& w, const DayContext& ctx, Index area, Tally&) {
    if (!ctx.calendar.is_month_start(ctx.day)) return;
    auto& A = w.areas;
    Stream s = ctx.rng.stream(ctx.day, ProcessId::Staffing, area);
    float skill = A.staff_skill[area];
    if (s.bernoulli(ctx.rates.secretary_turnover_monthly * w.policy.secretary_turnover))
        skill = static_cast<float>(ctx.p.response_newcomer_skill * ctx.p.response_staff_skill +
                                   ctx.p.response_staff_skill_spread * 2.0 * (s.uniform() - 0.5));
    skill += static_cast<float>(w.policy.secretary_training / 12.0);
    A.staff_skill[area] = std::clamp(skill, 0.0f, 1.0f);
}

}  // namespace jiceng
