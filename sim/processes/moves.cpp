// Moves: households leave on their scheduled day (renters and floating
// migrants far more often than owners); an empty dwelling is re-let after a
// geometric vacancy (mean moves.vacancy_days) drawn when it empties, and new
// residents are drawn as at synthesis. Both are events scheduled ahead, so a
// household costs one comparison a day. A floating member who leaves is lost
// to the Party unless registered where they lived and handed over to the next
// inflow area (流动党员管理).
#include "sim/processes/processes.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace jiceng {

void run_moves(World& w, const DayContext& ctx, Index area, Tally& tally) {
    auto& H = w.households;
    auto& r = w.residents;
    const auto& A = w.areas;
    const Index h_end = A.first_household[area] + A.households[area];
    for (Index h = A.first_household[area]; h < h_end; ++h) {
        if (H.next_move_day[h] > ctx.day) continue;
        if (H.occupied[h]) {
            set_occupied(w, h, false);
            tally.departures += H.size[h];
            Stream s = ctx.rng.stream(ctx.day, ProcessId::Moves, h);
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
                if (r.member[i] == static_cast<std::uint8_t>(MemberType::Floating)) {
                    const bool handed_over = r.relation[i] == static_cast<std::uint8_t>(Relation::Inflow) &&
                                             s.bernoulli(w.policy.floating_handover);
                    tally.floating_lost += !handed_over;
                }
                r.need[i] = 0;
                r.member[i] = 0;
                r.flags[i] = 0;
                r.application_day[i] = -1;
            }
            // The dwelling is re-let on the first day a daily chance of
            // 1 / vacancy_days comes up: a geometric wait, drawn now.
            const std::int64_t vacancy = geometric_wait(s, ctx.rates.vacancy_fill_daily);
            H.next_move_day[h] = static_cast<std::int32_t>(std::min<std::int64_t>(ctx.day + 1 + vacancy, INT32_MAX));
        } else {
            populate_household(w, ctx.p, h, ctx.rng, ctx.day);  // schedules the next move-out
            set_occupied(w, h, true);
            tally.arrivals += H.size[h];
        }
    }
}

}  // namespace jiceng
