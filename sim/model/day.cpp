#include "sim/model/day.hpp"

namespace jiceng {

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
