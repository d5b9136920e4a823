// Members' engagement chain (see engagement.cpp). A sweep process (sweep.hpp).
#pragma once

#include "sim/model/day.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

class EngagementProcess {
public:
    // Reads the area's figures of the morning and today's response.
    EngagementProcess(World& w, const DayContext& ctx, Index area);
    void building(Index) {}
    void resident(Index i) {
        if (member_[i]) update(i);
    }
    void building_done(Index) {}

private:
    void update(Index i);

    World& w_;
    const DayContext& ctx_;
    const std::uint8_t* member_;
    double service_ = 0, decay_ = 0;
};

}  // namespace jiceng
