#include "sim/synthesis/synthesis.hpp"

#include <algorithm>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/geometric_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include "sim/core/parallel.hpp"

#include "sim/model/need_arrival.hpp"

namespace jiceng {

namespace {

constexpr double kDensityPerKm2 = 30000.0;  // sets the map scale only

Index draw_index(double u, std::size_t n) {
    return static_cast<Index>(std::min<double>(u * n, n - 1));
}

// Demographics of one household's residents (tenure, age, work, hardship, skills).
void draw_demographics(World& w, const Params& p, Index h, Stream& s) {
    auto& hh = w.households;
    auto& r = w.residents;
    const double u_tenure = s.uniform();
    const Tenure tenure = u_tenure < p.district_floating_share    ? Tenure::Floating
                          : s.uniform() < p.district_renter_share ? Tenure::Renter
                                                                  : Tenure::Owner;
    hh.tenure[h] = static_cast<std::uint8_t>(tenure);
    const bool low_income = s.uniform() < p.district_low_income_share;
    const Index first = hh.first_resident[h];
    const int size = hh.size[h];
    // Floating households are working-age migrants (assumption); the adult
    // shares of local households are raised so the district keeps its totals.
    const double local_scale = 1.0 / std::max(1e-9, 1.0 - p.district_floating_share);
    const double retired_share =
        tenure == Tenure::Floating ? 0.0 : std::min(1.0, p.district_retired_share * local_scale);
    // The first resident of a household is an adult; the shares of the others
    // are raised so that the district as a whole keeps the parameter shares:
    // with m residents per household, (m - 1)/m of residents are "others".
    const double m = std::max(1.01, p.district_household_size_mean);
    const double c = p.district_child_share;
    const double first_retired = std::min(1.0, retired_share / std::max(1e-9, 1.0 - c));
    const double other_child = std::min(1.0, c * m / (m - 1.0));
    const double other_retired =
        std::clamp(retired_share * (m - 1.0 / std::max(1e-9, 1.0 - c)) / (m - 1.0), 0.0, 1.0 - other_child);
    for (int k = 0; k < size; ++k) {
        const Index i = first + k;
        AgeBand band;
        const double u = s.uniform();
        if (k == 0)
            band = u < first_retired ? AgeBand::Retired : AgeBand::Working;
        else
            band = u < other_child                   ? AgeBand::Child
                   : u < other_child + other_retired ? AgeBand::Retired
                                                     : AgeBand::Working;
        r.household[i] = h;
        r.age_band[i] = static_cast<std::uint8_t>(band);
        std::uint8_t flags = low_income ? flag::kLowIncome : 0;
        r.employer[i] = kNone;
        if (band == AgeBand::Working) {
            if (s.uniform() < p.district_unemployment_rate)
                flags |= flag::kUnemployed;
            else
                r.employer[i] = draw_employer(w, s.uniform());
        }
        const double u_alone = s.uniform();
        if (band == AgeBand::Retired && u_alone < p.district_elderly_alone_share) flags |= flag::kElderlyAlone;
        r.flags[i] = flags;
        r.skill[i] = 0;
        if (band != AgeBand::Child && s.uniform() < p.district_skill_share)
            r.skill[i] = static_cast<std::uint8_t>(1 + draw_index(s.uniform(), kNeedTypes - 1));
        r.need[i] = 0;
        r.need_age[i] = 0;
        r.application_day[i] = -1;
        r.member[i] = 0;
        r.engagement[i] = static_cast<std::uint8_t>(Engagement::Lapsed);
    }
}

// Party membership, engagement, trust and first scheduled events.
void draw_membership_and_state(World& w, const Params& p, Index h, Stream& s, std::int64_t day) {
    auto& hh = w.households;
    auto& r = w.residents;
    const auto& odds = w.membership_odds;
    const bool floating = hh.tenure[h] == static_cast<std::uint8_t>(Tenure::Floating);
    for (Index i = hh.first_resident[h]; i < hh.first_resident[h] + hh.size[h]; ++i) {
        const auto band = static_cast<AgeBand>(r.age_band[i]);
        const bool unemployed = r.flags[i] & flag::kUnemployed;
        double chance = 0;
        MemberType type = MemberType::None;
        if (band == AgeBand::Retired)
            chance = odds.retired, type = MemberType::Retired;
        else if (band == AgeBand::Working && unemployed)
            chance = odds.unemployed, type = MemberType::Unemployed;
        else if (band == AgeBand::Working && floating)
            chance = odds.working_floating, type = MemberType::Floating;
        else if (band == AgeBand::Working)
            chance = odds.working_local, type = MemberType::InWork;
        const double u_member = s.uniform();
        const double u_engagement = s.uniform();
        const double u_cadre = s.uniform();
        if (type != MemberType::None && u_member < chance) {
            r.member[i] = static_cast<std::uint8_t>(type);
            r.engagement[i] = static_cast<std::uint8_t>(
                u_engagement < p.members_initial_active_share                                     ? Engagement::Active
                : u_engagement < p.members_initial_active_share + p.members_initial_nominal_share ? Engagement::Nominal
                                                                                                  : Engagement::Lapsed);
            if (type == MemberType::InWork && u_cadre < p.members_cadre_share) r.flags[i] |= flag::kCadre;
            r.relation[i] = static_cast<std::uint8_t>(type == MemberType::InWork     ? Relation::Workplace
                                                      : type == MemberType::Floating ? Relation::Elsewhere
                                                                                     : Relation::Community);
        } else {
            r.relation[i] = static_cast<std::uint8_t>(Relation::None);
        }
        // Mass-team participation starts at its join/leave balance (working adults join at team_join_working of the
        // rate).
        const double join = p.participation_team_join * (band == AgeBand::Retired   ? 1.0
                                                         : band == AgeBand::Working ? p.participation_team_join_working
                                                                                    : 0.0);
        if (s.uniform() < join / std::max(1e-9, join + p.participation_team_leave)) r.flags[i] |= flag::kMassTeam;
        const double spread = p.trust_initial_spread * (s.uniform() - 0.5) * 2.0;
        r.trust[i] = static_cast<float>(std::clamp(p.trust_initial + spread, 0.0, 1.0));
        r.satisfaction[i] = r.trust[i];
        schedule_next_need(w, p, i, s, day);
    }
    const std::int64_t move_wait = geometric_wait(s, std::clamp(per_day([&] {
                                                                    switch (static_cast<Tenure>(hh.tenure[h])) {
                                                                        case Tenure::Owner:
                                                                            return p.moves_owner_rate;
                                                                        case Tenure::Renter:
                                                                            return p.moves_renter_rate;
                                                                        default:
                                                                            return p.moves_floating_rate;
                                                                    }
                                                                }()),
                                                                1e-9, 1.0));
    hh.next_move_day[h] = static_cast<std::int32_t>(std::min<std::int64_t>(day + 1 + move_wait, INT32_MAX));
}

void synthesize_workplaces(World& w, const Params& p, const RandomStreams& rng) {
    auto& o = w.orgs;
    const std::size_t per_street = static_cast<std::size_t>(
        std::llround(p.orgs_workplaces_per_1000 * static_cast<double>(p.district_residents_per_street) / 1000.0));
    for (Index street = 0; street < w.streets.count(); ++street) {
        for (std::size_t k = 0; k < per_street; ++k) {
            const Index id = static_cast<Index>(o.count());
            Stream s = rng.stream(-1, ProcessId::Workplaces, id);
            const double u = s.uniform();
            double acc = 0;
            OrgType type = OrgType::Private;
            const std::pair<double, OrgType> shares[] = {
                {p.orgs_government_share, OrgType::Government}, {p.orgs_public_share, OrgType::Public},
                {p.orgs_soe_share, OrgType::StateFirm},         {p.orgs_foreign_share, OrgType::Foreign},
                {p.orgs_social_share, OrgType::Social},         {p.orgs_social_service_share, OrgType::SocialService}};
            for (const auto& [share, t] : shares) {
                acc += share;
                if (u < acc) {
                    type = t;
                    break;
                }
            }
            add_workplace(w, p, type, street, s);
            // At day 0 a share of eligible workplaces have their organisation (threshold
            // rule), of which orgs.initial_functional_share work and the rest are on paper.
            const double u_form = s.uniform();
            const double u_formed = s.uniform();
            if (o.members[id] >= 3 && u_formed < p.orgs_initial_formal_share) {
                o.form[id] = static_cast<std::uint8_t>(o.staff[id] >= static_cast<std::uint32_t>(p.orgs_branch_size)
                                                           ? PartyForm::OwnBranch
                                                           : PartyForm::GroupInJoint);
                o.functional[id] = u_form < p.orgs_initial_functional_share;
                transfer_relations(w, p, id, s, 1.0);
            }
        }
        // 群众团队: unregistered, so no rule or gate reaches them.
        for (std::int64_t k = 0; k < p.orgs_mass_teams_per_street; ++k) {
            Stream s = rng.stream(-1, ProcessId::Workplaces, static_cast<Index>(o.count()));
            add_workplace(w, p, OrgType::MassTeam, street, s);
        }
    }
    rebuild_employer_table(w);
}

}  // namespace

Index add_workplace(World& w, const Params& p, OrgType type, Index street, Stream& s) {
    auto& o = w.orgs;
    const auto id = static_cast<Index>(o.count());
    o.type.push_back(static_cast<std::uint8_t>(type));
    o.street.push_back(street);
    o.alive.push_back(1);
    o.form.push_back(0);
    o.functional.push_back(0);
    o.registered.push_back(type != OrgType::MassTeam);
    o.relations.push_back(0);
    o.instructor.push_back(0);
    o.staff.push_back(0);
    o.members.push_back(0);
    draw_workplace_staff(w, p, id, s);
    return id;
}

double transfer_chance(const Params& p, OrgType type) {
    switch (type) {
        case OrgType::Government:
        case OrgType::Public:
        case OrgType::StateFirm:
            return p.orgs_transfer_state;
        case OrgType::Private:
        case OrgType::Foreign:
            return p.orgs_transfer_firm;
        case OrgType::Social:
            return p.orgs_transfer_social;
        case OrgType::SocialService:
            return p.orgs_transfer_social_service;
        case OrgType::MassTeam:
            return 0.0;  // participants keep their relations where they are
    }
    return 0.0;
}

void transfer_relations(World& w, const Params& p, Index org, Stream& s, double boost) {
    auto& o = w.orgs;
    const double chance = std::min(1.0, transfer_chance(p, static_cast<OrgType>(o.type[org])) * boost);
    boost::random::binomial_distribution<int, double> moved(static_cast<int>(o.members[org]), chance);
    o.relations[org] = static_cast<std::uint16_t>(moved(s));
}

void draw_workplace_staff(World& w, const Params& p, Index id, Stream& s) {
    auto& o = w.orgs;
    const auto type = static_cast<OrgType>(o.type[id]);
    const double u = std::max(s.uniform(), 1e-12);
    double staff = 0, member_rate = 0;
    switch (type) {
        case OrgType::Government:
        case OrgType::Public:
        case OrgType::StateFirm:
            staff = -std::log(u) * p.orgs_state_size_mean;
            member_rate = p.orgs_member_rate_state;
            break;
        case OrgType::Private:
        case OrgType::Foreign:
            staff = static_cast<double>(p.orgs_size_min) * std::pow(u, -1.0 / p.orgs_size_alpha);
            member_rate = p.orgs_member_rate_private;
            break;
        case OrgType::Social:
            staff = -std::log(u) * p.orgs_social_size_mean;
            member_rate = p.orgs_member_rate_social;
            break;
        case OrgType::SocialService:
            staff = -std::log(u) * p.orgs_social_service_size_factor * p.orgs_social_size_mean;
            member_rate = p.orgs_member_rate_social;
            break;
        case OrgType::MassTeam:
            staff = -std::log(u) * p.orgs_team_size_mean;
            member_rate = p.orgs_team_member_share;
            break;
    }
    const auto n =
        static_cast<std::uint32_t>(std::clamp(std::llround(staff), static_cast<long long>(p.orgs_size_min), 20000LL));
    o.staff[id] = n;
    boost::random::binomial_distribution<int, double> members(static_cast<int>(n), member_rate);
    o.members[id] = static_cast<std::uint16_t>(std::min(members(s), 65535));
}

void rebuild_employer_table(World& w) {
    const auto& o = w.orgs;
    w.employer_cdf.assign(o.count(), 0.0);
    double total = 0;
    for (std::size_t k = 0; k < o.count(); ++k) {
        if (o.alive[k] && o.registered[k]) total += o.staff[k];
        w.employer_cdf[k] = total;
    }
}

Index draw_employer(const World& w, double u) {
    if (w.employer_cdf.empty() || w.employer_cdf.back() <= 0) return kNone;
    const double target = u * w.employer_cdf.back();
    const auto it = std::upper_bound(w.employer_cdf.begin(), w.employer_cdf.end(), target);
    return static_cast<Index>(std::min<std::ptrdiff_t>(it - w.employer_cdf.begin(), w.employer_cdf.size() - 1));
}

void populate_household(World& world, const Params& p, Index h, const RandomStreams& rng, std::int64_t day) {
    Stream s = rng.stream(day, ProcessId::Population, h);
    draw_demographics(world, p, h, s);
    draw_membership_and_state(world, p, h, s, day);
}

World synthesize(const Model& model, const RandomStreams& rng) {
    const Params& p = model.params();
    World w;
    const auto n_streets = static_cast<Index>(p.district_streets);
    const auto n_areas_per_street = static_cast<Index>(p.district_areas_per_street);

    // Streets on a square grid, each a square of the street's area.
    const double street_side =
        std::sqrt(static_cast<double>(p.district_residents_per_street) / kDensityPerKm2) * 1000.0;
    const auto grid = static_cast<Index>(std::ceil(std::sqrt(static_cast<double>(n_streets))));
    for (Index s = 0; s < n_streets; ++s) {
        char name[32];
        std::snprintf(name, sizeof name, "street-%02u", s + 1);
        w.streets.name.emplace_back(name);
        w.streets.x.push_back(static_cast<float>((s % grid + 0.5) * street_side * 1.05));
        w.streets.y.push_back(static_cast<float>((s / grid + 0.5) * street_side * 1.05));
        w.streets.half_width.push_back(static_cast<float>(street_side / 2));
    }
    synthesize_workplaces(w, p, rng);

    // Layout: areas, buildings and household slots (serial; cheap).
    auto& A = w.areas;
    auto& B = w.buildings;
    auto& H = w.households;
    const double households_per_area = static_cast<double>(p.district_residents_per_street) /
                                       p.district_household_size_mean / static_cast<double>(n_areas_per_street);
    const auto area_grid = static_cast<Index>(std::ceil(std::sqrt(static_cast<double>(n_areas_per_street))));
    const double area_side = street_side / area_grid;
    Index resident_slots = 0;
    boost::random::poisson_distribution<int, double> extra_members(std::max(0.0, p.district_household_size_mean - 1.0));
    for (Index s = 0; s < n_streets; ++s) {
        w.streets.first_area.push_back(static_cast<Index>(A.count()));
        w.streets.areas.push_back(n_areas_per_street);
        for (Index a_local = 0; a_local < n_areas_per_street; ++a_local) {
            const Index a = static_cast<Index>(A.count());
            Stream rs = rng.stream(-1, ProcessId::Layout, a);
            A.street.push_back(s);
            A.first_building.push_back(static_cast<Index>(B.count()));
            A.first_household.push_back(static_cast<Index>(H.count()));
            A.first_resident.push_back(resident_slots);
            A.staff.push_back(static_cast<std::uint16_t>(p.response_staff_per_area));
            const auto target_households = static_cast<Index>(std::max(1.0, std::round(households_per_area)));
            // Buildings of about households_per_building (±30 %), laid on a grid in the area.
            std::vector<Index> sizes;
            for (Index placed = 0; placed < target_households;) {
                const double jitter = 0.7 + 0.6 * rs.uniform();
                auto n =
                    static_cast<Index>(std::max<double>(2.0, std::round(p.district_households_per_building * jitter)));
                n = std::min(n, target_households - placed);
                sizes.push_back(n);
                placed += n;
            }
            const auto bgrid = static_cast<Index>(std::ceil(std::sqrt(static_cast<double>(sizes.size()))));
            const double ax0 = w.streets.x[s] - street_side / 2 + (a_local % area_grid) * area_side;
            const double ay0 = w.streets.y[s] - street_side / 2 + (a_local / area_grid) * area_side;
            for (std::size_t k = 0; k < sizes.size(); ++k) {
                const Index b = static_cast<Index>(B.count());
                B.area.push_back(a);
                const double cell = area_side / bgrid;
                B.x.push_back(static_cast<float>(ax0 + (k % bgrid + 0.2 + 0.6 * rs.uniform()) * cell));
                B.y.push_back(static_cast<float>(ay0 + (k / bgrid + 0.2 + 0.6 * rs.uniform()) * cell));
                B.first_household.push_back(static_cast<Index>(H.count()));
                B.households.push_back(sizes[k]);
                B.first_resident.push_back(resident_slots);
                for (Index hk = 0; hk < sizes[k]; ++hk) {
                    const auto size = static_cast<std::uint8_t>(std::min(8, 1 + extra_members(rs)));
                    H.building.push_back(b);
                    H.first_resident.push_back(resident_slots);
                    H.size.push_back(size);
                    H.occupied.push_back(1);
                    H.tenure.push_back(0);
                    H.next_move_day.push_back(0);
                    resident_slots += size;
                }
                B.residents.push_back(resident_slots - B.first_resident.back());
            }
            A.buildings.push_back(static_cast<Index>(B.count()) - A.first_building.back());
            A.households.push_back(static_cast<Index>(H.count()) - A.first_household.back());
            A.residents.push_back(resident_slots - A.first_resident.back());
        }
    }
    const std::size_t nb = B.count();
    B.groups.assign(nb, 0);
    B.ties.assign(nb, 0.0f);
    B.occupants.assign(nb, 0);
    B.members_active.assign(nb, 0);
    B.members_disclosed_active.assign(nb, 0);
    B.trust_mean.assign(nb, static_cast<float>(p.trust_initial));
    const std::size_t na = A.count();
    A.member_hours.assign(na, 0.0f);
    A.volunteer_hours.assign(na, 0.0f);
    A.skill_pool.assign(na, 0);
    A.member_skill_pool.assign(na, 0);
    A.active_by_type.assign(na * kMemberTypes, 0);
    A.volunteers.assign(na, 0);
    A.overload.assign(na, 1.0f);
    A.member_resolutions.assign(na, 0);
    A.service_hours.assign(na, 0.0f);
    A.studio.assign(na, 0);
    A.next_decision.assign(na, INT32_MAX);
    A.known.assign(na, {});
    A.staff_skill.resize(na);
    for (Index a = 0; a < na; ++a) {
        Stream s = rng.stream(-1, ProcessId::Layout, static_cast<std::uint64_t>(a) + 0x80000000u);
        A.staff_skill[a] = static_cast<float>(
            std::clamp(p.response_staff_skill + p.response_staff_skill_spread * 2.0 * (s.uniform() - 0.5), 0.0, 1.0));
    }
    w.residents.resize(resident_slots);

    // Pass 1: demographics, in parallel over areas.
    parallel_for(Index{0}, static_cast<Index>(na), [&](Index a) {
        for (Index h = A.first_household[a]; h < A.first_household[a] + A.households[a]; ++h) {
            Stream s = rng.stream(-1, ProcessId::Population, h);
            draw_demographics(w, p, h, s);
        }
    });
    // Membership odds that give the parameter shares among the residents drawn.
    double retired = 0, unemployed = 0, working_local = 0, working_floating = 0;
    for (std::size_t i = 0; i < w.residents.size(); ++i) {
        const auto band = static_cast<AgeBand>(w.residents.age_band[i]);
        const bool floating = H.tenure[w.residents.household[i]] == static_cast<std::uint8_t>(Tenure::Floating);
        if (band == AgeBand::Retired)
            ++retired;
        else if (band == AgeBand::Working && (w.residents.flags[i] & flag::kUnemployed))
            ++unemployed;
        else if (band == AgeBand::Working && floating)
            ++working_floating;
        else if (band == AgeBand::Working)
            ++working_local;
    }
    const double members = p.members_share * static_cast<double>(w.residents.size());
    auto odds = [](double target, double pool) { return pool > 0 ? std::min(1.0, target / pool) : 0.0; };
    const double community = members * p.members_community_relation_share;
    w.membership_odds.retired = odds(community, retired + unemployed);
    w.membership_odds.unemployed = w.membership_odds.retired;
    w.membership_odds.working_floating = odds(members * p.members_floating_share, working_floating);
    w.membership_odds.working_local =
        odds(members * (1.0 - p.members_community_relation_share - p.members_floating_share), working_local);

    // Pass 2: membership, engagement, trust and the first scheduled events.
    parallel_for(Index{0}, static_cast<Index>(na), [&](Index a) {
        for (Index h = A.first_household[a]; h < A.first_household[a] + A.households[a]; ++h) {
            Stream s = rng.stream(-1, ProcessId::Synthesis, h);
            draw_membership_and_state(w, p, h, s, 0);
        }
    });
    return w;
}

}  // namespace jiceng
