// Trust: beyond own outcomes (applied where they happen, in needs and
// response), residents see active members whose identity is disclosed in
// their building and drift towards their neighbours' mean trust, but only
// when it is within trust.confidence of their own (bounded confidence), so
// one bad case does not flip a building.
#include <algorithm>
#include <cmath>

#include "sim/processes/processes.hpp"

namespace jiceng {

void run_trust(World& w, const DayContext& ctx, Index area, Tally&) {
    auto& r = w.residents;
    const auto& H = w.households;
    const auto& B = w.buildings;
    const auto& A = w.areas;
    const Params& p = ctx.p;
    const auto observe = static_cast<float>(p.trust_observe);
    const auto neighbour = static_cast<float>(p.trust_neighbour);
    const auto confidence = static_cast<float>(p.trust_confidence);
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) {
        if (B.occupants[b] == 0) continue;
        const float visible = static_cast<float>(B.members_disclosed_active[b]) / B.occupants[b];
        const float pull = observe * visible;
        const float mean = B.trust_mean[b];
        for (Index h = B.first_household[b]; h < B.first_household[b] + B.households[b]; ++h) {
            if (!H.occupied[h]) continue;
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
                float t = r.trust[i];
                t += pull * (1.0f - t);
                const float gap = mean - t;
                if (std::fabs(gap) < confidence) t += neighbour * gap;
                r.trust[i] = std::clamp(t, 0.0f, 1.0f);
            }
        }
    }
}

}  // namespace jiceng
