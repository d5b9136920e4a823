// Needs: arrival, ageing, self-resolution, escalation and abandonment of
// residents' needs (see needs.cpp). A sweep process (sweep.hpp).
#pragma once

#include "sim/core/rng.hpp"
#include "sim/model/day.hpp"
#include "sim/model/need_arrival.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

class NeedsProcess {
public:
    NeedsProcess(World& w, const DayContext& ctx, Index area, Tally& tally);
    void building(Index b);
    // Most residents have no open need and none due: one load and compare.
    void resident(Index i) {
        if (need_[i] == 0 && next_need_day_[i] > day_) return;
        update(i);
    }
    void building_done(Index) {}

private:
    void update(Index i);

    World& w_;
    const DayContext& ctx_;
    Tally& tally_;
    const std::uint8_t* need_;
    const std::int32_t* next_need_day_;
    std::int32_t day_;
    double crowding_ = 1.0, self_help_ = 0.0;
};

}  // namespace jiceng
