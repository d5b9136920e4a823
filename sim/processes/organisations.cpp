// Workplaces and their Party organisations. Daily: private, foreign and social
// workplaces close at orgs.closure_rate; new ones open in each street at
// orgs.birth_rate. Monthly: the threshold rule (S000) forms Party
// organisations where 3+ members work (own branch with scale, else a group in
// a joint branch; 1-2 members: a liaison); working organisations fall idle
// (空转) and idle ones revive. Workplaces are few, so this runs serially.
#include <boost/random/poisson_distribution.hpp>

#include "sim/processes/processes.hpp"
#include "sim/world/synthesis.hpp"

namespace jiceng {

namespace {
constexpr Index kStreetEntityBase = 0x80000000u;  // stream ids for per-street draws
}

void run_organisations(World& w, const DayContext& ctx) {
    auto& o = w.orgs;
    const Params& p = ctx.p;
    const Rates& rates = ctx.rates;
    const bool monthly = ctx.calendar.is_month_start(ctx.day);
    bool changed = false;
    std::vector<std::uint32_t> live_per_street(w.streets.count(), 0);
    const std::size_t existing = o.count();
    for (Index k = 0; k < existing; ++k) {
        if (!o.alive[k]) continue;
        Stream s = ctx.rng.stream(ctx.day, ProcessId::Organisations, k);
        const auto type = static_cast<OrgType>(o.type[k]);
        const bool closable = type == OrgType::Private || type == OrgType::Foreign || type == OrgType::Social;
        if (closable && s.bernoulli(rates.org_closure_daily)) {
            o.alive[k] = 0;
            changed = true;
            continue;
        }
        ++live_per_street[o.street[k]];
        if (!monthly) continue;
        const auto form = static_cast<PartyForm>(o.form[k]);
        const bool formal = form == PartyForm::GroupInJoint || form == PartyForm::OwnBranch;
        if (!formal && o.members[k] >= 3) {
            if (s.bernoulli(rates.org_formation_monthly)) {
                o.form[k] = static_cast<std::uint8_t>(o.staff[k] >= static_cast<std::uint32_t>(p.orgs_branch_size)
                                                          ? PartyForm::OwnBranch
                                                          : PartyForm::GroupInJoint);
                o.functional[k] = 1;
            }
        } else if (!formal && o.members[k] >= 1) {
            o.form[k] = static_cast<std::uint8_t>(PartyForm::Liaison);
        } else if (formal) {
            if (o.functional[k] && s.bernoulli(rates.org_idle_monthly)) o.functional[k] = 0;
            else if (!o.functional[k] && s.bernoulli(rates.org_revive_monthly)) o.functional[k] = 1;
        }
    }
    // Births: private firms and social organisations in proportion to the type shares.
    for (Index street = 0; street < w.streets.count(); ++street) {
        Stream s = ctx.rng.stream(ctx.day, ProcessId::Organisations, kStreetEntityBase + street);
        boost::random::poisson_distribution<int, double> births(rates.org_birth_daily * live_per_street[street] + 1e-12);
        const int n = births(s);
        for (int b = 0; b < n; ++b) {
            const auto id = static_cast<Index>(o.count());
            const bool social = s.uniform() * (1.0 - p.orgs_government_share - p.orgs_public_share - p.orgs_soe_share) <
                                p.orgs_social_share;
            o.type.push_back(static_cast<std::uint8_t>(social ? OrgType::Social : OrgType::Private));
            o.street.push_back(street);
            o.alive.push_back(1);
            o.form.push_back(0);
            o.functional.push_back(0);
            o.staff.push_back(0);
            o.members.push_back(0);
            Stream staff = ctx.rng.stream(ctx.day, ProcessId::Workplaces, id);
            draw_workplace_staff(w, p, id, staff);
            changed = true;
        }
    }
    if (changed) rebuild_employer_table(w);
}

}  // namespace jiceng
