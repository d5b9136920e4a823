#include "sim/model/model.hpp"

namespace jiceng {

Rates::Rates(const Params& p) {
    vacancy_fill_daily = 1.0 / p.moves_vacancy_days;
    job_loss_monthly = per_month(p.employment_job_loss_rate);
    job_find_monthly = per_month(p.employment_job_find_rate);
    job_change_monthly = per_month(p.employment_job_change_rate);
    retire_monthly = per_month(p.employment_retire_rate);
    active_to_nominal = per_day(p.engagement_active_to_nominal);
    nominal_to_lapsed = per_day(p.engagement_nominal_to_lapsed);
    nominal_to_active = per_day(p.engagement_nominal_to_active);
    lapsed_to_nominal = per_day(p.engagement_lapsed_to_nominal);
    volunteer_start_monthly = per_month(p.participation_volunteer_rate);
    member_volunteer_start_monthly = per_month(p.participation_member_volunteer_rate);
    volunteer_quit_monthly = per_month(p.participation_volunteer_quit);
    org_closure_daily = per_day(p.orgs_closure_rate);
    org_birth_daily = rate_per_day(p.orgs_birth_rate);
    org_formation_monthly = per_month(p.orgs_formation_rate);
    org_idle_monthly = per_month(p.orgs_idle_rate);
    org_revive_monthly = per_month(p.orgs_revive_rate);
    org_dissolve_monthly = per_month(p.orgs_dissolve_rate);
    for (int t = 0; t < kOrgTypes; ++t) {
        switch (static_cast<OrgType>(t)) {
            case OrgType::Government:
            case OrgType::Public:
            case OrgType::StateFirm:
                org_turnover_monthly[t] = per_month(p.orgs_turnover_state);
                break;
            case OrgType::Private:
            case OrgType::Foreign:
                org_turnover_monthly[t] = per_month(p.orgs_turnover_private);
                break;
            case OrgType::Social:
            case OrgType::SocialService:
                org_turnover_monthly[t] = per_month(p.orgs_turnover_social);
                break;
            case OrgType::MassTeam:
                org_turnover_monthly[t] = per_month(p.participation_team_leave);
                break;
        }
    }
    team_join_monthly = per_month(p.participation_team_join);
    team_leave_monthly = per_month(p.participation_team_leave);
    secretary_turnover_monthly = per_month(p.response_secretary_turnover);
    ties_decay_daily = per_day(p.ties_decay);
    member_hours_daily[static_cast<int>(MemberType::None)] = 0;
    member_hours_daily[static_cast<int>(MemberType::InWork)] = p.response_member_hours_inwork / 7.0;
    member_hours_daily[static_cast<int>(MemberType::Retired)] = p.response_member_hours_retired / 7.0;
    member_hours_daily[static_cast<int>(MemberType::Floating)] = p.response_member_hours_other / 7.0;
    member_hours_daily[static_cast<int>(MemberType::Unemployed)] = p.response_member_hours_other / 7.0;
    volunteer_hours_daily = p.participation_volunteer_hours / 7.0;
    escalation_by_age.resize(static_cast<std::size_t>(p.needs_max_age) + 1);
    for (std::size_t age = 0; age < escalation_by_age.size(); ++age)
        escalation_by_age[age] =
            p.needs_escalation_hazard * std::pow(static_cast<double>(age) / 30.0, p.needs_escalation_shape);
}

Model::Model(Scenario s) : scenario(std::move(s)), rates(scenario.params) {}

std::shared_ptr<const Model> freeze(Scenario scenario) {
    return std::make_shared<const Model>(std::move(scenario));
}

}  // namespace jiceng
