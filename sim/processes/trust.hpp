// Trust drift towards disclosed members and neighbours (see trust.cpp). A
// sweep process (sweep.hpp).
#pragma once

#include <algorithm>
#include <cmath>

#include "sim/model/day.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

class TrustProcess {
public:
    TrustProcess(World& w, const DayContext& ctx)
        : B_(w.buildings),
          trust_(w.residents.trust.data()),
          observe_(static_cast<float>(ctx.p.trust_observe)),
          neighbour_(static_cast<float>(ctx.p.trust_neighbour)),
          confidence_(static_cast<float>(ctx.p.trust_confidence)) {}
    // Reads yesterday's building figures before anything of the building changes.
    void building(Index b) {
        skip_ = B_.occupants[b] == 0;
        if (skip_) return;
        pull_ = observe_ * static_cast<float>(B_.members_disclosed_active[b]) / B_.occupants[b];
        mean_ = B_.trust_mean[b];
    }
    void resident(Index i) {
        if (skip_) return;
        float t = trust_[i];
        t += pull_ * (1.0f - t);
        const float gap = mean_ - t;
        // Selects, not branches: whether a neighbour is close enough varies
        // from one resident to the next.
        t += std::fabs(gap) < confidence_ ? neighbour_ * gap : 0.0f;
        trust_[i] = std::min(std::max(t, 0.0f), 1.0f);
    }
    void building_done(Index) {}

private:
    const Buildings& B_;
    float* trust_;
    float observe_, neighbour_, confidence_;
    float pull_ = 0, mean_ = 0;
    bool skip_ = true;
};

}  // namespace jiceng
