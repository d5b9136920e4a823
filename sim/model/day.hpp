// What a day's processes and strategies share: the day's context, the flows
// each area tallies and the stocks counted at the end of the day.
#pragma once

#include <array>
#include <cstdint>

#include "sim/core/calendar.hpp"
#include "sim/core/rng.hpp"
#include "sim/model/model.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

// Per-area sums gathered during a day, then reduced in area order (so the
// totals never depend on how areas were spread over threads).
struct Tally {
    std::int64_t arrivals = 0, departures = 0;
    std::array<std::int64_t, kNeedTypes> arisen{};
    std::int64_t known = 0, resolved = 0, self_resolved = 0, abandoned = 0, escalations = 0;
    std::int64_t resolution_days = 0;
    double member_hours = 0, staff_hours = 0;
    std::int64_t applications = 0, new_members = 0;
    std::int64_t member_resolutions = 0;  // needs resolved by members (feeds engagement)
    std::int64_t helper_resolutions = 0;  // by members, volunteers, studios and lent staff
    double generic_hours = 0;
    std::int64_t relations_followed = 0, relations_lost = 0, floating_lost = 0;

    void add(const Tally& o);
};

// Stocks of one area at the end of a day, counted by the aggregates pass
// for the record.
struct Stock {
    std::int64_t residents = 0, households = 0, unemployed = 0, backlog = 0, backlog_known = 0, trust_low = 0;
    std::int64_t members = 0, active = 0, nominal = 0, lapsed = 0, inwork = 0, inwork_active = 0;
    std::int64_t volunteers_member = 0, volunteers_nonmember = 0, groups = 0, buildings = 0, buildings_with_group = 0;
    std::int64_t studios = 0, team_participants = 0, floating = 0, floating_registered = 0;
    double trust = 0, satisfaction = 0, ties = 0;

    void add(const Stock& o);
};

// What every process sees on a day.
struct DayContext {
    const Model& model;
    const Params& p;
    const Rates& rates;
    const RandomStreams& rng;
    const Calendar& calendar;
    std::int64_t day;
    // Where the end-of-day aggregates pass puts each area's stocks (by area
    // index); null when nobody records them.
    Stock* stocks = nullptr;
};

}  // namespace jiceng
