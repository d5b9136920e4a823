// Workplaces, mass teams and their Party organisations.
//
// Daily: private, foreign and social workplaces close (orgs.closure_rate);
// new private firms, foreign firms and social organisations open in each
// street (orgs.birth_rate), passing the registration gate (准入关) when the
// coverage policy sets one. A coverage campaign pushes daily over its days.
//
// Monthly: staff turn over, so the number of Party members in a workplace
// drifts; a Party organisation whose workplace falls below 3 members may
// dissolve. The threshold rule (S000) forms organisations where 3+ members
// work — an own branch with orgs.branch_size staff, else a group in a joint
// branch — at orgs.formation_rate, multiplied under dual responsibility;
// evaluation linkage (4A) pushes social organisations, often into paper
// branches; the 综合党委 takes in workplaces with 1-2 members; a liaison is
// appointed for those with fewer than 3 members. In orgs.inspection_month,
// the annual inspection gate (年检关).
// Working organisations fall idle (空转) and idle ones revive, with routine
// upkeep, instructors and funding on the side of working. Relations are
// transferred into a new organisation with a chance that depends on the
// workplace type (S004). Mass teams (群众团队) are unregistered: no rule or
// gate reaches them; only territorial work (共驻共建) brings them a group.
#include <algorithm>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "sim/processes/processes.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace jiceng {

namespace {
constexpr Index kStreetEntityBase = 0x80000000u;  // stream ids for per-street draws

bool is_formal(PartyForm form) {
    return form == PartyForm::GroupInJoint || form == PartyForm::OwnBranch;
}

void form_organisation(World& w, const Params& p, Index k, Stream& s, bool working) {
    auto& o = w.orgs;
    o.form[k] = static_cast<std::uint8_t>(
        o.members[k] >= 3 && o.staff[k] >= static_cast<std::uint32_t>(p.orgs_branch_size) ? PartyForm::OwnBranch
                                                                                          : PartyForm::GroupInJoint);
    o.functional[k] = working;
    transfer_relations(w, p, k, s, w.policy.platform_transfer);
}

// Staff turnover: leavers among the members, hires among new staff.
void turn_over(World& w, const Params& p, const Rates& rates, Index k, Stream& s) {
    auto& o = w.orgs;
    const auto type = static_cast<OrgType>(o.type[k]);
    const double churn = rates.org_turnover_monthly[static_cast<int>(type)];
    const double member_rate = type == OrgType::MassTeam                                ? p.orgs_team_member_share
                               : (type == OrgType::Private || type == OrgType::Foreign) ? p.orgs_member_rate_private
                               : (type == OrgType::Social || type == OrgType::SocialService) ? p.orgs_member_rate_social
                                                                                             : p.orgs_member_rate_state;
    boost::random::binomial_distribution<int, double> leave(o.members[k], churn);
    const int leavers = leave(s);
    // New staff replace leavers: about staff × churn a month, each a member with member_rate.
    boost::random::poisson_distribution<int, double> hire(o.staff[k] * churn * member_rate + 1e-12);
    const int hires = hire(s);
    const int transferred_leavers =
        o.members[k] ? static_cast<int>(std::lround(static_cast<double>(leavers) * o.relations[k] / o.members[k])) : 0;
    o.members[k] = static_cast<std::uint16_t>(std::clamp(static_cast<int>(o.members[k]) - leavers + hires, 0, 65535));
    int relations = static_cast<int>(o.relations[k]) - transferred_leavers;
    if (is_formal(static_cast<PartyForm>(o.form[k])) && hires > 0) {
        boost::random::binomial_distribution<int, double> moved(
            hires, std::min(1.0, transfer_chance(p, type) * w.policy.platform_transfer));
        relations += moved(s);
    }
    o.relations[k] = static_cast<std::uint16_t>(std::clamp(relations, 0, static_cast<int>(o.members[k])));
}

}  // namespace

void run_organisations(World& w, const DayContext& ctx) {
    auto& o = w.orgs;
    const Params& p = ctx.p;
    const Rates& rates = ctx.rates;
    const Policy& policy = w.policy;
    const bool monthly = ctx.calendar.is_month_start(ctx.day);
    const bool inspection =
        monthly && unsigned(ctx.calendar.date(ctx.day).month()) == static_cast<unsigned>(p.orgs_inspection_month) &&
        policy.gate > 0;
    bool changed = false;
    std::vector<std::uint32_t> live_per_street(w.streets.count(), 0);
    std::vector<std::int64_t> instructed_per_street(w.streets.count(), 0);
    const std::int64_t instructor_capacity = policy.instructors_per_street * policy.instructor_load;
    const std::size_t existing = o.count();
    for (Index k = 0; k < existing; ++k) {
        if (!o.alive[k]) continue;
        const auto type = static_cast<OrgType>(o.type[k]);
        const bool closable = type == OrgType::Private || type == OrgType::Foreign || type == OrgType::Social ||
                              type == OrgType::SocialService;
        // The daily closure draw is the only draw most workplaces make on
        // most days: one single-draw uniform, not a Philox block.
        if (closable && ctx.rng.uniform_once(ctx.day, ProcessId::Organisations, k) < rates.org_closure_daily) {
            o.alive[k] = 0;
            changed = true;
            continue;
        }
        if (type != OrgType::MassTeam) ++live_per_street[o.street[k]];
        const bool registered = o.registered[k];
        const bool formal = is_formal(static_cast<PartyForm>(o.form[k]));
        const bool pushed = policy.campaign_push > 0 && registered && !formal && o.members[k] >= 1;
        if (!pushed && !monthly) continue;
        Stream s = ctx.rng.stream(ctx.day, ProcessId::Organisations, k);
        // A campaign pushes every registered workplace with members but no organisation.
        if (pushed && s.bernoulli(policy.campaign_push)) {
            form_organisation(w, p, k, s, true);
            continue;
        }
        if (!monthly) continue;
        turn_over(w, p, rates, k, s);
        const auto form = static_cast<PartyForm>(o.form[k]);
        if (is_formal(form)) {
            if (o.members[k] < 3 && s.bernoulli(rates.org_dissolve_monthly * policy.routine_effect)) {
                o.form[k] =
                    static_cast<std::uint8_t>(policy.liaisons && registered ? PartyForm::Liaison : PartyForm::None);
                o.functional[k] = 0;
                o.relations[k] = 0;
                o.instructor[k] = 0;
                continue;
            }
            // Instructors look after the first organisations of each street up to their capacity.
            o.instructor[k] = registered && instructed_per_street[o.street[k]] < instructor_capacity;
            instructed_per_street[o.street[k]] += o.instructor[k];
            const double instructor = o.instructor[k] ? policy.instructor_effect : 1.0;
            const double idle = rates.org_idle_monthly * policy.routine_effect * policy.funding_effect * instructor;
            const double revive = std::min(1.0, rates.org_revive_monthly / (policy.routine_effect * instructor));
            if (o.functional[k] && s.bernoulli(idle))
                o.functional[k] = 0;
            else if (!o.functional[k] && s.bernoulli(revive))
                o.functional[k] = 1;
            continue;
        }
        if (!registered) {
            // Mass teams: only territorial work reaches them, with a group in a joint branch.
            if (o.members[k] >= 1 && s.bernoulli(policy.team_reach_monthly)) {
                o.form[k] = static_cast<std::uint8_t>(PartyForm::GroupInJoint);
                o.functional[k] = 1;
            }
            continue;
        }
        if (o.members[k] >= 3) {
            const double formation = 1.0 - std::pow(1.0 - rates.org_formation_monthly, policy.responsibility);
            const bool social = type == OrgType::Social || type == OrgType::SocialService;
            if ((inspection && s.bernoulli(policy.gate)) || s.bernoulli(formation)) {
                form_organisation(w, p, k, s, true);
            } else if (social && s.bernoulli(policy.rating_monthly)) {
                // Evaluation linkage: formed for the rating, often on paper only.
                form_organisation(w, p, k, s, !s.bernoulli(policy.rating_paper_share));
            }
        } else if (o.members[k] >= 1 && s.bernoulli(policy.fallback_monthly)) {
            form_organisation(w, p, k, s, true);  // 综合党委 托底: a group in its joint branch
        } else if ((type == OrgType::Social || type == OrgType::SocialService) &&
                   s.bernoulli(policy.rating_monthly * policy.rating_paper_share)) {
            // Gaming the 4A condition (S004): relations of members who do not work
            // there are moved in to reach three, and the branch never meets.
            const auto imported = static_cast<std::uint16_t>(3 - o.members[k]);
            o.members[k] = 3;
            o.form[k] = static_cast<std::uint8_t>(PartyForm::GroupInJoint);
            o.functional[k] = 0;
            o.relations[k] = static_cast<std::uint16_t>(o.relations[k] + imported);
        }
        // Liaisons for workplaces without enough members for a group (S000).
        if (!is_formal(static_cast<PartyForm>(o.form[k])))
            o.form[k] =
                static_cast<std::uint8_t>(policy.liaisons && o.members[k] < 3 ? PartyForm::Liaison : PartyForm::None);
    }
    // Births: private and foreign firms and social organisations, in proportion to their shares.
    const double private_share =
        std::max(0.0, 1.0 - p.orgs_government_share - p.orgs_public_share - p.orgs_soe_share - p.orgs_foreign_share -
                          p.orgs_social_share - p.orgs_social_service_share);
    const double born_total = private_share + p.orgs_foreign_share + p.orgs_social_share + p.orgs_social_service_share;
    for (Index street = 0; street < w.streets.count(); ++street) {
        Stream s = ctx.rng.stream(ctx.day, ProcessId::Organisations, kStreetEntityBase + street);
        boost::random::poisson_distribution<int, double> births(rates.org_birth_daily * live_per_street[street] +
                                                                1e-12);
        const int n = births(s);
        for (int b = 0; b < n; ++b) {
            const double u = s.uniform() * born_total;
            const OrgType type = u < private_share                          ? OrgType::Private
                                 : u < private_share + p.orgs_foreign_share ? OrgType::Foreign
                                 : u < private_share + p.orgs_foreign_share + p.orgs_social_share
                                     ? OrgType::Social
                                     : OrgType::SocialService;
            Stream staff = ctx.rng.stream(ctx.day, ProcessId::Workplaces, o.count());
            const Index id = add_workplace(w, p, type, street, staff);
            // Registration gate (准入关): registered together with its Party organisation.
            if (o.members[id] >= 3 && staff.bernoulli(policy.gate))
                form_organisation(w, p, id, staff, true);
            else if (policy.liaisons && o.members[id] < 3)
                o.form[id] = static_cast<std::uint8_t>(PartyForm::Liaison);
            changed = true;
        }
    }
    if (changed) rebuild_employer_table(w);
}

}  // namespace jiceng
