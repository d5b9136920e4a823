// The arrival law of residents' needs: Poisson rates by need type, and the
// event-driven draw of the next arrival day. Shared by synthesis (the first
// arrival) and by the processes that change a resident's rates (needs,
// employment), so it sits below both.
#pragma once

#include <array>
#include <cstdint>

#include "sim/core/rng.hpp"
#include "sim/model/model.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

// Daily arrival rate of each need type for resident i (Poisson rates).
std::array<double, kNeedTypes> need_rates(const World& w, const Params& p, Index i);
// Draws the day of resident i's next need from its current rates. Called
// whenever the rates change (arrival, job loss, retirement): the arrival
// process is memoryless, so redrawing keeps it exact.
void schedule_next_need(World& w, const Params& p, Index i, Stream& s, std::int64_t day);

}  // namespace jiceng
