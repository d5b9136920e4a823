// Discovery: which open needs become known today (see discovery.cpp). A
// sweep process (sweep.hpp); it lists the area's known needs in slot order
// for the response phase.
#pragma once

#include <vector>

#include "sim/model/day.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

class DiscoveryProcess {
public:
    DiscoveryProcess(World& w, const DayContext& ctx, Index area, Tally& tally);
    void building(Index b);
    void resident(Index i) {
        if (need_[i] == 0) return;
        if (flags_[i] & flag::kNeedKnown)
            known_.push_back(i);
        else
            try_discover(i);
    }
    void building_done(Index) {}

private:
    void try_discover(Index i);

    World& w_;
    const DayContext& ctx_;
    Tally& tally_;
    std::vector<Index>& known_;
    const std::uint8_t* need_;
    const std::uint8_t* flags_;
    double p_visit_ = 0, p_property_ = 0, self_report_ = 0, p_member_ = 0;
    std::uint8_t studio_type_ = 0;
};

}  // namespace jiceng
