// The frozen model (scenario + derived rates) and what a day's processes share.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/rng.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

// Probability over a shorter period from a probability over a year.
inline double per_day(double per_year) { return 1.0 - std::pow(1.0 - std::min(per_year, 0.999999), 1.0 / 365.2425); }
inline double per_month(double per_year) { return 1.0 - std::pow(1.0 - std::min(per_year, 0.999999), 1.0 / 12.0); }
// Expected events per day from a rate per year (Poisson).
inline double rate_per_day(double per_year) { return per_year / 365.2425; }

// Daily and monthly probabilities derived once from the parameters.
struct Rates {
    double vacancy_fill_daily;
    double job_loss_monthly, job_find_monthly, job_change_monthly, retire_monthly;
    double active_to_nominal, nominal_to_lapsed, nominal_to_active, lapsed_to_nominal;  // daily
    double volunteer_start_monthly, member_volunteer_start_monthly, volunteer_quit_monthly;
    double org_closure_daily, org_birth_daily, org_formation_monthly, org_idle_monthly, org_revive_monthly;
    double org_dissolve_monthly, org_turnover_monthly[kOrgTypes];
    double team_join_monthly, team_leave_monthly, secretary_turnover_monthly;
    double ties_decay_daily;
    double member_hours_daily[kMemberTypes];  // hours per active member per day, by MemberType
    double volunteer_hours_daily;
    // Escalation hazard of an open need by its age in days, 0..needs.max_age
    // (a table: the Weibull-type power is the same every day).
    std::vector<double> escalation_by_age;

    explicit Rates(const Params& p);
};

struct Model {
    Scenario scenario;
    Rates rates;
    std::vector<int> strategies;  // indices into the strategy registry, enabled ones only

    explicit Model(Scenario s);
    const Params& params() const { return scenario.params; }
};

std::shared_ptr<const Model> freeze(Scenario scenario);

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
