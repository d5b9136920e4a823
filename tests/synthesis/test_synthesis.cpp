#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include "sim/model/model.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace jiceng {
namespace {

World make(const Params& p, std::uint64_t seed = 11) {
    Scenario s = default_scenario();
    s.params = p;
    auto model = freeze(std::move(s));
    return synthesize(*model, RandomStreams(seed, 0));
}

Params small() {
    Params p;
    p.district_streets = 2;
    p.district_residents_per_street = 20000;
    p.district_areas_per_street = 6;
    return p;
}

TEST(Synthesis, NestingIsContiguousAndComplete) {
    const World w = make(small());
    ASSERT_EQ(w.streets.count(), 2u);
    ASSERT_EQ(w.areas.count(), 12u);
    Index next_area = 0, next_building = 0, next_household = 0, next_resident = 0;
    for (Index s = 0; s < w.streets.count(); ++s) {
        EXPECT_EQ(w.streets.first_area[s], next_area);
        next_area += w.streets.areas[s];
    }
    for (Index a = 0; a < w.areas.count(); ++a) {
        EXPECT_EQ(w.areas.first_building[a], next_building);
        EXPECT_EQ(w.areas.first_household[a], next_household);
        EXPECT_EQ(w.areas.first_resident[a], next_resident);
        for (Index b = w.areas.first_building[a]; b < w.areas.first_building[a] + w.areas.buildings[a]; ++b) {
            EXPECT_EQ(w.buildings.area[b], a);
            EXPECT_EQ(w.buildings.first_household[b], next_household);
            for (Index h = w.buildings.first_household[b];
                 h < w.buildings.first_household[b] + w.buildings.households[b]; ++h) {
                EXPECT_EQ(w.households.building[h], b);
                EXPECT_EQ(w.households.first_resident[h], next_resident);
                for (Index i = next_resident; i < next_resident + w.households.size[h]; ++i)
                    EXPECT_EQ(w.residents.household[i], h);
                next_resident += w.households.size[h];
                ++next_household;
            }
            ++next_building;
        }
    }
    EXPECT_EQ(next_resident, w.residents.size());
    EXPECT_EQ(next_household, w.households.count());
}

TEST(Synthesis, SharesFollowParameters) {
    const Params p = small();
    const World w = make(p);
    const auto n = static_cast<double>(w.residents.size());
    EXPECT_NEAR(n, 40000.0, 40000.0 * 0.03);
    double members = 0, children = 0, retired = 0, inwork = 0, floating_households = 0, unemployed = 0, working = 0;
    for (std::size_t i = 0; i < w.residents.size(); ++i) {
        members += w.residents.member[i] != 0;
        inwork += w.residents.member[i] == static_cast<std::uint8_t>(MemberType::InWork);
        children += w.residents.age_band[i] == static_cast<std::uint8_t>(AgeBand::Child);
        retired += w.residents.age_band[i] == static_cast<std::uint8_t>(AgeBand::Retired);
        if (w.residents.age_band[i] == static_cast<std::uint8_t>(AgeBand::Working)) {
            ++working;
            unemployed += (w.residents.flags[i] & flag::kUnemployed) != 0;
        }
    }
    for (std::size_t h = 0; h < w.households.count(); ++h)
        floating_households += w.households.tenure[h] == static_cast<std::uint8_t>(Tenure::Floating);
    EXPECT_NEAR(members / n, p.members_share, 0.01);
    EXPECT_NEAR(inwork / members, 1.0 - p.members_community_relation_share - p.members_floating_share, 0.03);
    EXPECT_NEAR(children / n, p.district_child_share, 0.02);
    EXPECT_NEAR(retired / n, p.district_retired_share, 0.03);
    EXPECT_NEAR(floating_households / w.households.count(), p.district_floating_share, 0.02);
    EXPECT_NEAR(unemployed / working, p.district_unemployment_rate, 0.01);
}

TEST(Synthesis, BuildingsLieInsideTheirStreet) {
    const World w = make(small());
    for (Index b = 0; b < w.buildings.count(); ++b) {
        const Index s = w.areas.street[w.buildings.area[b]];
        EXPECT_LE(std::abs(w.buildings.x[b] - w.streets.x[s]), w.streets.half_width[s] * 1.001f);
        EXPECT_LE(std::abs(w.buildings.y[b] - w.streets.y[s]), w.streets.half_width[s] * 1.001f);
    }
}

TEST(Synthesis, WorkplacesFollowTheThresholdRule) {
    const World w = make(small());
    ASSERT_GT(w.orgs.count(), 100u);
    std::size_t big = 0;
    for (std::size_t k = 0; k < w.orgs.count(); ++k) {
        const auto form = static_cast<PartyForm>(w.orgs.form[k]);
        const bool mass_team = w.orgs.type[k] == static_cast<std::uint8_t>(OrgType::MassTeam);
        EXPECT_EQ(w.orgs.registered[k], !mass_team);
        // Only registered workplaces with 3+ members have a group or branch (S000) at day 0;
        // mass teams are untouched by the rule.
        const bool formal = form == PartyForm::GroupInJoint || form == PartyForm::OwnBranch;
        if (formal) {
            EXPECT_TRUE(w.orgs.members[k] >= 3 && !mass_team);
        } else {
            EXPECT_EQ(form, PartyForm::None);
        }
        if (formal && w.orgs.staff[k] >= 30) {
            EXPECT_EQ(form, PartyForm::OwnBranch);
        }
        EXPECT_LE(w.orgs.relations[k], w.orgs.members[k]);
        big += w.orgs.staff[k] >= 200;
    }
    EXPECT_GT(big, 0u) << "firm sizes should be heavy-tailed";
}

TEST(Synthesis, IndependentOfThreadCount) {
    const Params p = small();
    World one, two;
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
        one = make(p);
    }
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
        two = make(p);
    }
    EXPECT_EQ(one.residents.member, two.residents.member);
    EXPECT_EQ(one.residents.trust, two.residents.trust);
    EXPECT_EQ(one.residents.next_need_day, two.residents.next_need_day);
    EXPECT_EQ(one.households.next_move_day, two.households.next_move_day);
    EXPECT_NE(make(p, 12).residents.trust, one.residents.trust);
}

}  // namespace
}  // namespace jiceng
