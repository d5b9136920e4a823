#include <gtest/gtest.h>

#include "sim/experiments/compare.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"

namespace jiceng {
namespace {

Scenario street(bool louzu) {
    Scenario s = default_scenario();
    s.params.district_residents_per_street = 12000;
    s.params.district_areas_per_street = 4;
    s.params.louzu_enabled = louzu;
    return s;
}

TEST(Louzu, IsRegisteredAndSwitchedFromTheScenario) {
    const auto registry = strategy_registry();
    ASSERT_FALSE(registry.empty());
    EXPECT_EQ(registry[0].name, "louzu");
    auto enabled = [&](const Scenario& s) {
        int n = 0;
        for (const auto& info : registry) n += s.params.*(info.enabled);
        return n;
    };
    EXPECT_EQ(enabled(street(false)), 0);
    EXPECT_EQ(enabled(street(true)), 1);
}

// Groups exist exactly where at least `threshold` eligible members live, one
// per `cap` of them; no group below the threshold (S003: 3人以上, 不超过10人).
TEST(Louzu, GroupsFollowThresholdAndCap) {
    Scenario s = street(true);
    s.params.louzu_phase2_day = 0;  // all member types eligible
    s.params.louzu_cap = 4;
    Simulation sim(freeze(s), 2, 0, 30);  // a meeting day: flags match the groups
    sim.run();
    const World& w = sim.world();
    std::size_t with_group = 0, below = 0;
    for (Index b = 0; b < w.buildings.count(); ++b) {
        std::int64_t eligible = 0;
        for (Index i = w.buildings.first_resident[b]; i < w.buildings.first_resident[b] + w.buildings.residents[b]; ++i)
            eligible += (w.residents.flags[i] & flag::kInGroup) != 0;
        if (w.buildings.groups[b] == 0) {
            EXPECT_EQ(eligible, 0) << "building " << b;
            ++below;
            continue;
        }
        ++with_group;
        EXPECT_GE(eligible, 3);
        EXPECT_EQ(w.buildings.groups[b], (eligible + 3) / 4) << "building " << b;
    }
    EXPECT_GT(with_group, 0u);
    EXPECT_GT(below, 0u) << "coverage should be partial: it depends on member density";
}

TEST(Louzu, PhaseOneAdmitsInWorkMembersOnly) {
    Scenario s = street(true);
    s.params.louzu_phase2_day = 10000;
    Simulation sim(freeze(s), 2, 0, 10);
    sim.run();
    const auto& r = sim.world().residents;
    std::size_t in_group = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (!(r.flags[i] & flag::kInGroup)) continue;
        ++in_group;
        EXPECT_EQ(r.member[i], static_cast<std::uint8_t>(MemberType::InWork));
    }
    EXPECT_GT(in_group, 0u);
}

// S003: within about three years building groups turn in-work members'
// involvement where they live from weak to strong and grow mutual help.
// Four replicates with common random numbers; every replicate must agree.
TEST(Louzu, RaisesInWorkInvolvementAndMutualHelpWithinThreeYears) {
    const auto base = freeze(street(false));
    const auto louzu = freeze(street(true));
    for (std::uint64_t r = 0; r < 4; ++r) {
        const Results a = run_one(base, 100, r, 3 * 365);
        const Results b = run_one(louzu, 100, r, 3 * 365);
        EXPECT_GT(b.last(Outcome::inwork_members_active_in_residence),
                  a.last(Outcome::inwork_members_active_in_residence) + 0.05)
            << "replicate " << r;
        EXPECT_GT(b.last(Outcome::mutual_help_ties_per_resident), a.last(Outcome::mutual_help_ties_per_resident))
            << "replicate " << r;
        EXPECT_GT(b.last(Outcome::building_groups), 0.0);
        EXPECT_EQ(a.last(Outcome::building_groups), 0.0);
    }
}

}  // namespace
}  // namespace jiceng
