// Moves: scheduled departures, vacancy filling, mobility by tenure and the
// per-area bookkeeping of arrivals and departures.
#include <array>
#include <climits>

#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

std::uint32_t occupied_count(const World& w, Index area) {
    std::uint32_t n = 0;
    for (Index h = w.areas.first_household[area]; h < w.areas.first_household[area] + w.areas.households[area]; ++h)
        if (w.households.occupied[h]) n += w.households.size[h];
    return n;
}

TEST(Moves, ScheduledHouseholdsLeaveAndTheirResidentsAreCleared) {
    Bench bench;
    World& w = bench.w;
    auto& H = w.households;
    auto& r = w.residents;
    const std::int64_t day = 5;
    std::vector<Index> leaving, staying;
    for (Index h = w.areas.first_household[0]; h < w.areas.first_household[0] + w.areas.households[0]; ++h) {
        // Every third household is due today or overdue; the rest stay.
        const bool due = h % 3 == 0;
        H.next_move_day[h] = due ? static_cast<std::int32_t>(day - (h % 2)) : INT32_MAX;
        (due ? leaving : staying).push_back(h);
        for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
            r.need[i] = u8(NeedType::Psych);
            r.member[i] = u8(MemberType::Retired);
            r.flags[i] = flag::kVolunteer | flag::kNeedKnown | flag::kMassTeam;
            r.application_day[i] = 400;
        }
    }
    const World before = w;
    const Tally t = bench.run(&run_moves, day, 0);
    std::int64_t left = 0;
    for (Index h : leaving) {
        EXPECT_EQ(H.occupied[h], 0) << "household " << h;
        left += H.size[h];
        for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
            EXPECT_EQ(r.need[i], 0);
            EXPECT_EQ(r.member[i], 0);
            EXPECT_EQ(r.flags[i], 0);
            EXPECT_EQ(r.application_day[i], -1);
        }
    }
    for (Index h : staying) {
        EXPECT_EQ(H.occupied[h], 1) << "household " << h;
        for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
            EXPECT_EQ(r.need[i], before.residents.need[i]);
            EXPECT_EQ(r.flags[i], before.residents.flags[i]);
            EXPECT_EQ(r.member[i], before.residents.member[i]);
        }
    }
    EXPECT_EQ(t.departures, left);
    EXPECT_EQ(t.arrivals, 0);  // nothing was vacant at the start
    // The other area is untouched.
    for (Index h = w.areas.first_household[1]; h < w.areas.first_household[1] + w.areas.households[1]; ++h)
        EXPECT_EQ(H.occupied[h], before.households.occupied[h]);
}

// Departure hazards by tenure over many household-days, measured through the
// process (move-out days drawn at synthesis and at each arrival). Tolerance:
// 4 Poisson standard deviations of the expected count.
TEST(Moves, RentersAndFloatingHouseholdsLeaveMoreOftenThanOwners) {
    std::array<double, 3> exposure{}, departures{};
    const std::int64_t days = 2000;
    for (std::uint64_t seed : {3u, 4u}) {
        Bench bench(small_scenario(), seed);
        World& w = bench.w;
        for (std::int64_t day = 1; day <= days; ++day) {
            const auto occupied = w.households.occupied;
            const auto tenure = w.households.tenure;
            bench.run_all(&run_moves, day);
            for (Index h = 0; h < w.households.count(); ++h) {
                if (!occupied[h]) continue;
                exposure[tenure[h]] += 1;
                departures[tenure[h]] += !w.households.occupied[h];
            }
        }
    }
    const Params& p = default_scenario().params;
    const std::array<double, 3> yearly{p.moves_owner_rate, p.moves_renter_rate, p.moves_floating_rate};
    std::array<double, 3> hazard{};
    for (int k = 0; k < 3; ++k) {
        const double expected = per_day(yearly[k]) * exposure[k];
        ASSERT_GT(expected, 100.0) << "too little exposure for tenure " << k;
        EXPECT_NEAR(departures[k], expected, 4.0 * std::sqrt(expected)) << "tenure " << k;
        hazard[k] = departures[k] / exposure[k];
    }
    EXPECT_GT(hazard[u8(Tenure::Renter)], 3.0 * hazard[u8(Tenure::Owner)]);
    EXPECT_GT(hazard[u8(Tenure::Floating)], hazard[u8(Tenure::Renter)]);
}

// Vacant dwellings are re-let at 1 / vacancy_days a day (4 standard errors):
// the vacancy drawn at departure is geometric, so a tenth of the dwellings
// emptied yesterday are re-let today. The arrivals are drawn as at synthesis.
TEST(Moves, ArrivalsRepopulateVacantDwellings) {
    Scenario s = small_scenario();
    s.params.moves_vacancy_days = 10.0;
    Bench bench(s, 5);
    World& w = bench.w;
    auto& H = w.households;
    auto& r = w.residents;
    // Every household leaves on day 11; each vacancy is drawn then.
    for (Index h = 0; h < H.count(); ++h) H.next_move_day[h] = 11;
    const Tally left = bench.run_all(&run_moves, 11);
    EXPECT_EQ(left.departures, static_cast<std::int64_t>(r.size()));
    for (Index h = 0; h < H.count(); ++h) {
        ASSERT_EQ(H.occupied[h], 0);
        ASSERT_GT(H.next_move_day[h], 11) << "a vacancy lasts at least a day";
        for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
            ASSERT_EQ(r.present[i], 0);
            r.need[i] = u8(NeedType::Psych);  // left-over state must be overwritten
            r.application_day[i] = 77;
        }
    }
    const std::int64_t day = 12;
    const Tally t = bench.run_all(&run_moves, day);
    std::int64_t filled = 0, arrived = 0;
    for (Index h = 0; h < H.count(); ++h) {
        if (!H.occupied[h]) continue;
        ++filled;
        arrived += H.size[h];
        EXPECT_GT(H.next_move_day[h], day);
        EXPECT_LE(H.tenure[h], u8(Tenure::Floating));
        for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
            EXPECT_EQ(r.household[i], h);
            EXPECT_EQ(r.present[i], 1);
            EXPECT_LE(r.age_band[i], u8(AgeBand::Retired));
            EXPECT_EQ(r.need[i], 0);
            EXPECT_EQ(r.application_day[i], -1);
            EXPECT_GT(r.next_need_day[i], day);
            EXPECT_GE(r.trust[i], 0.0f);
            EXPECT_LE(r.trust[i], 1.0f);
            if (r.age_band[i] == u8(AgeBand::Child)) {
                EXPECT_EQ(r.member[i], 0);
            }
            if (r.member[i] == u8(MemberType::InWork)) {
                EXPECT_EQ(r.relation[i], u8(Relation::Workplace));
            }
            if (r.member[i] == u8(MemberType::Floating)) {
                EXPECT_EQ(r.relation[i], u8(Relation::Elsewhere));
            }
            if (r.member[i] == u8(MemberType::Retired)) {
                EXPECT_EQ(r.relation[i], u8(Relation::Community));
            }
            if (r.employer[i] != kNone) {
                EXPECT_TRUE(w.orgs.alive[r.employer[i]]);
            }
        }
    }
    EXPECT_EQ(t.arrivals, arrived);
    EXPECT_EQ(t.departures, 0);
    const double n = static_cast<double>(H.count());
    EXPECT_NEAR(filled / n, 0.1, 4.0 * binomial_se(0.1, n));
}

// A household that leaves today is not re-let the same day, even when
// vacancies fill with certainty; it is re-let on the next day.
TEST(Moves, HouseholdLeavingTodayIsNotRefilledToday) {
    Scenario s = small_scenario();
    s.params.moves_vacancy_days = 1.0;
    Bench bench(s, 6);
    auto& H = bench.w.households;
    const Index h = bench.w.areas.first_household[0] + 3;
    for (Index k = 0; k < H.count(); ++k) H.next_move_day[k] = INT32_MAX;
    H.next_move_day[h] = 8;
    Tally t = bench.run(&run_moves, 8, 0);
    EXPECT_EQ(H.occupied[h], 0);
    EXPECT_EQ(t.departures, H.size[h]);
    EXPECT_EQ(t.arrivals, 0);
    t = bench.run(&run_moves, 9, 0);
    EXPECT_EQ(H.occupied[h], 1);
    EXPECT_EQ(t.arrivals, H.size[h]);
    EXPECT_GT(H.next_move_day[h], 9);
}

// Conservation: in every area and on every day, arrivals − departures equal
// the change in occupants (high mobility so both happen often).
TEST(Moves, ArrivalsMinusDeparturesEqualChangeInOccupants) {
    Scenario s = small_scenario();
    s.params.moves_owner_rate = 0.3;
    s.params.moves_renter_rate = 0.8;
    s.params.moves_floating_rate = 0.95;
    s.params.moves_vacancy_days = 5.0;
    Bench bench(s, 7);
    std::int64_t arrivals = 0, departures = 0;
    for (std::int64_t day = 1; day <= 200; ++day) {
        for (Index a = 0; a < bench.areas(); ++a) {
            const std::int64_t before = occupied_count(bench.w, a);
            const Tally t = bench.run(&run_moves, day, a);
            const std::int64_t after = occupied_count(bench.w, a);
            ASSERT_EQ(t.arrivals - t.departures, after - before) << "day " << day << " area " << a;
            arrivals += t.arrivals;
            departures += t.departures;
        }
    }
    EXPECT_GT(arrivals, 500);
    EXPECT_GT(departures, 500);
}

// A floating member who leaves is lost unless registered here (Inflow) and
// handed over (policy.floating_handover).
TEST(Moves, FloatingMembersAreLostUnlessRegisteredAndHandedOver) {
    for (double handover : {0.0, 1.0}) {
        Bench bench(small_scenario(), 8);
        World& w = bench.w;
        auto& H = w.households;
        auto& r = w.residents;
        w.policy.floating_handover = handover;
        std::int64_t inflow = 0, elsewhere = 0;
        for (Index h = w.areas.first_household[0]; h < w.areas.first_household[0] + w.areas.households[0]; ++h) {
            H.next_move_day[h] = h % 2 ? 10 : INT32_MAX;
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
                r.member[i] = u8(MemberType::Floating);
                r.relation[i] = u8(i % 3 == 0 ? Relation::Inflow : Relation::Elsewhere);
                if (h % 2) (i % 3 == 0 ? inflow : elsewhere) += 1;
            }
        }
        ASSERT_GT(inflow, 0);
        const Tally t = bench.run(&run_moves, 10, 0);
        EXPECT_EQ(t.floating_lost, handover > 0 ? elsewhere : elsewhere + inflow) << "handover " << handover;
    }
}

}  // namespace
}  // namespace jiceng::proctest
