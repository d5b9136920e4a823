#include "sim/model/model.hpp"

#include "sim/strategies/strategy.hpp"

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
            case OrgType::StateFirm: org_turnover_monthly[t] = per_month(p.orgs_turnover_state); break;
            case OrgType::Private:
            case OrgType::Foreign: org_turnover_monthly[t] = per_month(p.orgs_turnover_private); break;
            case OrgType::Social:
            case OrgType::SocialService: org_turnover_monthly[t] = per_month(p.orgs_turnover_social); break;
            case OrgType::MassTeam: org_turnover_monthly[t] = per_month(p.participation_team_leave); break;
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
        escalation_by_age[age] = p.needs_escalation_hazard * std::pow(static_cast<double>(age) / 30.0, p.needs_escalation_shape);
}

Model::Model(Scenario s) : scenario(std::move(s)), rates(scenario.params) {
    const auto registry = strategy_registry();
    for (std::size_t k = 0; k < registry.size(); ++k)
        if (scenario.params.*(registry[k].enabled)) strategies.push_back(static_cast<int>(k));
}

std::shared_ptr<const Model> freeze(Scenario scenario) { return std::make_shared<const Model>(std::move(scenario)); }

void Stock::add(const Stock& o) {
    residents += o.residents, households += o.households, unemployed += o.unemployed, backlog += o.backlog;
    backlog_known += o.backlog_known, trust_low += o.trust_low, members += o.members, active += o.active;
    nominal += o.nominal, lapsed += o.lapsed, inwork += o.inwork, inwork_active += o.inwork_active;
    volunteers_member += o.volunteers_member, volunteers_nonmember += o.volunteers_nonmember;
    groups += o.groups, buildings += o.buildings, buildings_with_group += o.buildings_with_group;
    studios += o.studios, team_participants += o.team_participants, floating += o.floating;
    floating_registered += o.floating_registered;
    trust += o.trust, satisfaction += o.satisfaction, ties += o.ties;
}

void Tally::add(const Tally& o) {
    arrivals += o.arrivals;
    departures += o.departures;
    for (int t = 0; t < kNeedTypes; ++t) arisen[t] += o.arisen[t];
    known += o.known;
    resolved += o.resolved;
    self_resolved += o.self_resolved;
    abandoned += o.abandoned;
    escalations += o.escalations;
    resolution_days += o.resolution_days;
    member_hours += o.member_hours;
    staff_hours += o.staff_hours;
    applications += o.applications;
    new_members += o.new_members;
    member_resolutions += o.member_resolutions;
    helper_resolutions += o.helper_resolutions;
    generic_hours += o.generic_hours;
    relations_followed += o.relations_followed;
    relations_lost += o.relations_lost;
    floating_lost += o.floating_lost;
}

}  // namespace jiceng
