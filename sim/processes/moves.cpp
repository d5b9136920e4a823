// Moves: households leave on their scheduled day (renters and floating
// migrants far more often than owners); empty dwellings are re-let after a
// geometric vacancy and new residents are drawn as at synthesis.
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
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
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
