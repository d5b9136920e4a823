// Moves: households leave on their scheduled day (renters and floating
// migrants far more often than owners); empty dwellings are re-let after a
// geometric vacancy and new residents are drawn as at synthesis. A floating
// member who leaves is lost to the Party unless registered where they lived
// and handed over to the next inflow area (流动党员管理).
#include "sim/processes/processes.hpp"
#include "sim/world/synthesis.hpp"

namespace jiceng {

void run_moves(World& w, const DayContext& ctx, Index area, Tally& tally) {
    auto& H = w.households;
    auto& r = w.residents;
    const auto& A = w.areas;
    for (Index h = A.first_household[area]; h < A.first_household[area] + A.households[area]; ++h) {
        if (H.occupied[h]) {
            if (H.next_move_day[h] > ctx.day) continue;
            H.occupied[h] = 0;
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
        } else {
            Stream s = ctx.rng.stream(ctx.day, ProcessId::Moves, h);
            if (!s.bernoulli(ctx.rates.vacancy_fill_daily)) continue;
            populate_household(w, ctx.p, h, ctx.rng, ctx.day);
            H.occupied[h] = 1;
            tally.arrivals += H.size[h];
        }
    }
}

}  // namespace jiceng
