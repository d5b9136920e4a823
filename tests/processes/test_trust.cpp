// Trust: observation of disclosed active members and bounded-confidence
// drift towards the building's mean trust; values stay in 0..1.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

Scenario trust_params(double observe, double neighbour, double confidence) {
    Scenario s = small_scenario();
    s.params.trust_observe = observe;
    s.params.trust_neighbour = neighbour;
    s.params.trust_confidence = confidence;
    return s;
}

std::vector<Index> building_residents(const World& w, Index b) {
    std::vector<Index> out;
    for (Index h = w.buildings.first_household[b]; h < w.buildings.first_household[b] + w.buildings.households[b]; ++h)
        if (w.households.occupied[h])
            for (Index i = w.households.first_resident[h]; i < w.households.first_resident[h] + w.households.size[h];
                 ++i)
                out.push_back(i);
    return out;
}

// A neighbour mean further than trust.confidence does not pull; a nearer one
// pulls by trust.neighbour × gap, from either side.
TEST(Trust, BoundedConfidence) {
    Bench bench(trust_params(0.0, 0.1, 0.3), 61);
    bench.refresh();
    World& w = bench.w;
    const Index b = w.areas.first_building[0];
    const auto residents = building_residents(w, b);
    ASSERT_GE(residents.size(), 4u);
    const float start[] = {0.5f, 0.7f, 0.95f, 0.55f};  // gaps 0.4, 0.2, −0.05, 0.35 from 0.9
    for (std::size_t k = 0; k < residents.size(); ++k) w.residents.trust[residents[k]] = start[k % 4];
    w.buildings.trust_mean[b] = 0.9f;
    w.buildings.members_disclosed_active[b] = 0;
    bench.run(&run_trust, kJan2, 0);
    for (std::size_t k = 0; k < residents.size(); ++k) {
        const float t0 = start[k % 4], gap = 0.9f - t0;
        const float expected = std::fabs(gap) < 0.3f ? t0 + 0.1f * gap : t0;
        EXPECT_NEAR(w.residents.trust[residents[k]], expected, 1e-6) << "start " << t0;
    }
}

// Disclosed active members pull trust up by observe × (disclosed / occupants)
// × (1 − t); without any visible member nothing changes.
TEST(Trust, DisclosedActiveMembersPullTrustUp) {
    Bench bench(trust_params(0.1, 0.0, 0.3), 62);
    bench.refresh();
    World& w = bench.w;
    const auto before = w.residents.trust;
    Index pulled = 0;
    for (Index b = w.areas.first_building[0]; b < w.areas.first_building[0] + w.areas.buildings[0]; ++b) {
        const bool visible = (b - w.areas.first_building[0]) % 2 == 0;
        w.buildings.members_disclosed_active[b] =
            visible ? static_cast<std::uint16_t>(w.buildings.occupants[b] / 2) : 0;
    }
    bench.run(&run_trust, kJan2, 0);
    for (Index b = w.areas.first_building[0]; b < w.areas.first_building[0] + w.areas.buildings[0]; ++b) {
        const double v =
            w.buildings.occupants[b] ? double(w.buildings.members_disclosed_active[b]) / w.buildings.occupants[b] : 0.0;
        for (Index i : building_residents(w, b)) {
            const double expected = before[i] + 0.1 * v * (1.0 - before[i]);
            EXPECT_NEAR(w.residents.trust[i], expected, 1e-6) << "building " << b;
            if (v > 0 && before[i] < 1.0f) {
                EXPECT_GT(w.residents.trust[i], before[i]);
                ++pulled;
            }
        }
    }
    EXPECT_GT(pulled, 100u);
}

// With every neighbour within confidence the pull is symmetric: each resident
// moves neighbour × (mean − t) and the building mean is kept.
TEST(Trust, NeighbourDriftKeepsTheBuildingMean) {
    Bench bench(trust_params(0.0, 0.1, 1.0), 63);
    bench.refresh();
    World& w = bench.w;
    const auto before = w.residents.trust;
    const auto means = w.buildings.trust_mean;
    bench.run_all(&run_trust, kJan2);
    for (Index b = 0; b < w.buildings.count(); ++b) {
        const auto residents = building_residents(w, b);
        if (residents.empty()) continue;
        double sum = 0;
        for (Index i : residents) {
            EXPECT_NEAR(w.residents.trust[i], before[i] + 0.1f * (means[b] - before[i]), 1e-6);
            sum += w.residents.trust[i];
        }
        EXPECT_NEAR(sum / residents.size(), means[b], 1e-5) << "building " << b;
    }
}

// Trust stays in 0..1: a year of daily updates with strong observation and
// full neighbour pull, and a pathological count of visible members larger
// than the building (the clamp must hold it at 1).
TEST(Trust, ValuesStayWithinZeroAndOne) {
    Bench bench(trust_params(0.5, 1.0, 1.0), 64);
    World& w = bench.w;
    w.policy.disclosure = true;
    for (Index i = 0; i < w.residents.size(); ++i) {
        w.residents.trust[i] = (i % 3 == 0) ? 0.0f : (i % 3 == 1 ? 1.0f : 0.5f);
        if (w.residents.member[i]) {
            w.residents.engagement[i] = u8(Engagement::Active);
            w.residents.flags[i] |= flag::kInGroup;
        }
    }
    for (std::int64_t day = 1; day <= 365; ++day) {
        bench.refresh(day);
        bench.run_all(&run_trust, day);
        for (Index i : occupied_residents(w)) {
            ASSERT_GE(w.residents.trust[i], 0.0f);
            ASSERT_LE(w.residents.trust[i], 1.0f);
        }
    }
    const Index b = w.areas.first_building[1];
    w.buildings.members_disclosed_active[b] = static_cast<std::uint16_t>(3 * w.buildings.occupants[b]);
    for (Index i : building_residents(w, b)) w.residents.trust[i] = 0.2f;
    w.buildings.trust_mean[b] = 0.2f;
    bench.run(&run_trust, 400, 1);
    for (Index i : building_residents(w, b)) EXPECT_EQ(w.residents.trust[i], 1.0f);
}

TEST(Trust, VacantHouseholdsAndOtherAreasAreUntouched) {
    Bench bench(trust_params(0.3, 0.5, 1.0), 65);
    World& w = bench.w;
    for (Index h = 0; h < w.households.count(); ++h) set_occupied(w, h, h % 3 != 0);
    bench.refresh();
    for (Index b = 0; b < w.buildings.count(); ++b) {
        w.buildings.members_disclosed_active[b] = w.buildings.occupants[b];
        w.buildings.trust_mean[b] = 0.9f;
    }
    const auto before = w.residents.trust;
    bench.run(&run_trust, kJan2, 0);
    std::size_t changed = 0;
    for (Index i = 0; i < w.residents.size(); ++i) {
        const Index h = w.residents.household[i];
        const bool in_area0 = w.buildings.area[w.households.building[h]] == 0;
        if (!w.households.occupied[h] || !in_area0) {
            EXPECT_EQ(w.residents.trust[i], before[i]) << i;
        } else {
            changed += w.residents.trust[i] != before[i];
        }
    }
    EXPECT_GT(changed, 500u);
}

}  // namespace
}  // namespace jiceng::proctest
