// Aggregates: the building and area figures later phases read must equal a
// direct recount of the state, over occupied households only.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

struct Recount {
    std::vector<std::uint32_t> occupants, active, disclosed;
    std::vector<double> trust_mean;
    std::vector<double> member_hours, volunteer_hours;
    std::vector<std::uint8_t> skills, member_skills;
};

// An independent recount, resident by resident through the household table.
Recount recount(const World& w, const Rates& rates) {
    Recount c;
    const auto nb = w.buildings.count();
    const auto na = w.areas.count();
    c.occupants.assign(nb, 0);
    c.active.assign(nb, 0);
    c.disclosed.assign(nb, 0);
    c.trust_mean.assign(nb, 0.0);
    c.member_hours.assign(na, 0.0);
    c.volunteer_hours.assign(na, 0.0);
    c.skills.assign(na, 0);
    c.member_skills.assign(na, 0);
    const auto& r = w.residents;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const Index h = r.household[i];
        if (!w.households.occupied[h]) continue;
        const Index b = w.households.building[h];
        const Index a = w.buildings.area[b];
        ++c.occupants[b];
        c.trust_mean[b] += r.trust[i];
        const bool active = r.member[i] != 0 && r.engagement[i] == u8(Engagement::Active);
        const bool volunteer = (r.flags[i] & flag::kVolunteer) != 0;
        if (active) {
            ++c.active[b];
            if (w.policy.disclosure && (r.flags[i] & flag::kInGroup)) ++c.disclosed[b];
            c.member_hours[a] += rates.member_hours_daily[r.member[i]];
        } else if (volunteer && r.member[i] == 0) {
            c.volunteer_hours[a] += rates.volunteer_hours_daily;
        }
        if ((active || volunteer) && r.skill[i] != 0) c.skills[a] |= static_cast<std::uint8_t>(1u << r.skill[i]);
        if (active && r.skill[i] != 0) c.member_skills[a] |= static_cast<std::uint8_t>(1u << r.skill[i]);
    }
    for (std::size_t b = 0; b < nb; ++b)
        if (c.occupants[b]) c.trust_mean[b] /= c.occupants[b];
    return c;
}

// Mixes the synthesised state so every branch of the recount is exercised:
// vacant households, all engagement states, group members, volunteers.
void scramble(Bench& bench, std::uint64_t salt) {
    World& w = bench.w;
    auto& r = w.residents;
    for (Index h = 0; h < w.households.count(); ++h) {
        Stream s = bench.rng.stream(1000, ProcessId::Moves, h + salt);
        if (s.bernoulli(0.15)) set_occupied(w, h, false);
    }
    for (Index i = 0; i < r.size(); ++i) {
        Stream s = bench.rng.stream(1000, ProcessId::Engagement, i + salt);
        if (r.member[i]) r.engagement[i] = static_cast<std::uint8_t>(std::min(2.0, s.uniform() * 3.0));
        if (s.bernoulli(0.3)) r.flags[i] |= flag::kInGroup;
        if (s.bernoulli(0.2)) r.flags[i] |= flag::kVolunteer;
        if (s.bernoulli(0.2)) r.skill[i] = static_cast<std::uint8_t>(1 + static_cast<int>(s.uniform() * 6));
        r.trust[i] = static_cast<float>(s.uniform());
    }
}

void expect_matches(const World& w, const Recount& c) {
    for (Index b = 0; b < w.buildings.count(); ++b) {
        ASSERT_EQ(w.buildings.occupants[b], c.occupants[b]) << "building " << b;
        ASSERT_EQ(w.buildings.members_active[b], c.active[b]) << "building " << b;
        ASSERT_EQ(w.buildings.members_disclosed_active[b], c.disclosed[b]) << "building " << b;
        ASSERT_NEAR(w.buildings.trust_mean[b], c.trust_mean[b], 1e-5) << "building " << b;
    }
    for (Index a = 0; a < w.areas.count(); ++a) {
        EXPECT_NEAR(w.areas.member_hours[a], c.member_hours[a], 1e-3 + 1e-6 * c.member_hours[a]) << "area " << a;
        EXPECT_NEAR(w.areas.volunteer_hours[a], c.volunteer_hours[a], 1e-3 + 1e-6 * c.volunteer_hours[a])
            << "area " << a;
        EXPECT_EQ(w.areas.skill_pool[a], c.skills[a]) << "area " << a;
        EXPECT_EQ(w.areas.member_skill_pool[a], c.member_skills[a]) << "area " << a;
    }
}

TEST(Aggregates, EqualADirectRecountWithDisclosure) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        Bench bench(small_scenario(), seed);
        scramble(bench, seed * 7919);
        bench.w.policy.disclosure = true;
        bench.refresh();
        const Recount c = recount(bench.w, bench.rates());
        expect_matches(bench.w, c);
        // The scramble must have produced something to count.
        std::uint64_t disclosed = 0, active = 0;
        for (Index b = 0; b < bench.w.buildings.count(); ++b) {
            disclosed += bench.w.buildings.members_disclosed_active[b];
            active += bench.w.buildings.members_active[b];
        }
        EXPECT_GT(disclosed, 0u);
        EXPECT_GT(active, disclosed);
    }
}

TEST(Aggregates, DisclosedCountIsZeroWithoutDisclosure) {
    Bench bench;
    scramble(bench, 17);
    bench.w.policy.disclosure = false;
    bench.refresh();
    const Recount c = recount(bench.w, bench.rates());
    expect_matches(bench.w, c);
    for (Index b = 0; b < bench.w.buildings.count(); ++b) EXPECT_EQ(bench.w.buildings.members_disclosed_active[b], 0);
}

TEST(Aggregates, VacantBuildingHasNoOccupantsAndZeroMean) {
    Bench bench;
    World& w = bench.w;
    const Index b = w.areas.first_building[1];
    for (Index h = w.buildings.first_household[b]; h < w.buildings.first_household[b] + w.buildings.households[b]; ++h)
        set_occupied(w, h, false);
    // Members living there must not count either.
    for (Index i = w.buildings.first_resident[b]; i < w.buildings.first_resident[b] + w.buildings.residents[b]; ++i) {
        w.residents.member[i] = u8(MemberType::Retired);
        w.residents.engagement[i] = u8(Engagement::Active);
    }
    bench.refresh();
    EXPECT_EQ(w.buildings.occupants[b], 0);
    EXPECT_EQ(w.buildings.members_active[b], 0);
    EXPECT_EQ(w.buildings.trust_mean[b], 0.0f);
    expect_matches(w, recount(w, bench.rates()));
}

TEST(Aggregates, TouchesOnlyItsOwnAreaAndDecaysTiesOnce) {
    Bench bench;
    World& w = bench.w;
    std::fill(w.buildings.ties.begin(), w.buildings.ties.end(), 2.0f);
    std::fill(w.buildings.occupants.begin(), w.buildings.occupants.end(), 9999);
    std::fill(w.areas.member_hours.begin(), w.areas.member_hours.end(), -1.0f);
    bench.run(&refresh_aggregates, kJan1, 0);
    const float keep = static_cast<float>(1.0 - bench.rates().ties_decay_daily);
    ASSERT_GT(bench.rates().ties_decay_daily, 0.0);
    for (Index b = 0; b < w.buildings.count(); ++b) {
        if (w.buildings.area[b] == 0) {
            EXPECT_FLOAT_EQ(w.buildings.ties[b], 2.0f * keep);
            EXPECT_NE(w.buildings.occupants[b], 9999);
        } else {
            EXPECT_EQ(w.buildings.ties[b], 2.0f) << "area 1 must be untouched";
            EXPECT_EQ(w.buildings.occupants[b], 9999);
        }
    }
    EXPECT_GE(w.areas.member_hours[0], 0.0f);
    EXPECT_EQ(w.areas.member_hours[1], -1.0f);
}

// Member hours by member type: an area whose only active member is one
// retired member has exactly that member's daily hours; a nominal member or a
// member volunteer adds nothing beyond the member hours.
TEST(Aggregates, HelperHoursByType) {
    Bench bench;
    World& w = bench.w;
    auto& r = w.residents;
    const auto residents = occupied_residents(w, 0);
    for (Index i : residents) {
        r.member[i] = 0;
        r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
    }
    const Index a = residents[0], b = residents[1], c = residents[2], d = residents[3];
    r.member[a] = u8(MemberType::Retired);
    r.engagement[a] = u8(Engagement::Active);
    r.flags[a] |= flag::kVolunteer;  // member volunteer: member hours only
    r.member[b] = u8(MemberType::InWork);
    r.engagement[b] = u8(Engagement::Nominal);  // no hours
    r.flags[c] |= flag::kVolunteer;             // non-member volunteer
    r.flags[d] |= flag::kVolunteer;
    bench.run(&refresh_aggregates, kJan1, 0);
    EXPECT_NEAR(w.areas.member_hours[0], bench.rates().member_hours_daily[u8(MemberType::Retired)], 1e-6);
    EXPECT_NEAR(w.areas.volunteer_hours[0], 2 * bench.rates().volunteer_hours_daily, 1e-6);
}

}  // namespace
}  // namespace jiceng::proctest
