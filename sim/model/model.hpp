// The frozen model: the scenario and the rates derived from it once, shared
// read-only by every process and strategy (the day's own types: day.hpp).
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
inline double per_day(double per_year) {
    return 1.0 - std::pow(1.0 - std::min(per_year, 0.999999), 1.0 / 365.2425);
}
inline double per_month(double per_year) {
    return 1.0 - std::pow(1.0 - std::min(per_year, 0.999999), 1.0 / 12.0);
}
// Expected events per day from a rate per year (Poisson).
inline double rate_per_day(double per_year) {
    return per_year / 365.2425;
}

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

    explicit Model(Scenario s);
    const Params& params() const { return scenario.params; }
};

std::shared_ptr<const Model> freeze(Scenario scenario);

}  // namespace jiceng
