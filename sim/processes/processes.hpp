// The processes of a day. Each lives in its own file and works on one
// residential area at a time: it reads the area's rows and the aggregates of
// the previous state, writes only rows the area owns, and adds its events to
// the area's Tally. Areas run in parallel; nothing crosses between them.
#pragma once

#include "sim/model/day.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

using AreaProcess = void (*)(World&, const DayContext&, Index area, Tally&);
using DistrictProcess = void (*)(World&, const DayContext&);

// Counts the area's aggregates (and its stocks, if ctx.stocks), then opens the day.
void refresh_aggregates(World& w, const DayContext& ctx, Index area, Tally& tally);  // aggregates.cpp
void open_day(World& w, const DayContext& ctx, Index area, Tally& tally);            // aggregates.cpp
void run_moves(World& w, const DayContext& ctx, Index area, Tally& tally);           // moves.cpp
void run_employment(World& w, const DayContext& ctx, Index area, Tally& tally);      // employment.cpp
void run_staffing(World& w, const DayContext& ctx, Index area, Tally& tally);        // staffing.cpp
void run_needs(World& w, const DayContext& ctx, Index area, Tally& tally);           // needs.cpp
void run_discovery(World& w, const DayContext& ctx, Index area, Tally& tally);       // discovery.cpp
void run_response(World& w, const DayContext& ctx, Index area, Tally& tally);        // response.cpp
void run_trust(World& w, const DayContext& ctx, Index area, Tally& tally);           // trust.cpp
void run_participation(World& w, const DayContext& ctx, Index area, Tally& tally);   // participation.cpp
void run_engagement(World& w, const DayContext& ctx, Index area, Tally& tally);      // engagement.cpp
void run_organisations(World& w, const DayContext& ctx);                             // organisations.cpp

// The day's fused passes (sweeps.cpp): the same processes, one pass each.
// needs then discovery, resident by resident:
void run_needs_discovery(World& w, const DayContext& ctx, Index area, Tally& tally);
// engagement, trust, then the aggregates and stocks (into ctx.stocks):
void run_engagement_trust_aggregates(World& w, const DayContext& ctx, Index area, Tally& tally);

}  // namespace jiceng
