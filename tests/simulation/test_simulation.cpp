#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include <numeric>
#include <set>

#include "sim/experiments/compare.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"

namespace jiceng {
namespace {

std::shared_ptr<const Model> small_model(bool louzu = false) {
    Scenario s = default_scenario();
    s.params.district_streets = 2;
    s.params.district_residents_per_street = 6000;
    s.params.district_areas_per_street = 4;
    s.params.louzu_enabled = louzu;
    s.params.output_snapshot_every = 50;
    // Short enough that abandonment and admissions happen within the tests' horizons.
    s.params.needs_max_age = 60;
    s.params.participation_vetting_days = 90;
    return freeze(std::move(s));
}

Results run_with_threads(const std::shared_ptr<const Model>& model, int threads, std::uint64_t seed,
                         std::int64_t days) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    return run_one(model, seed, 0, days);
}

TEST(Simulation, ResidentsAreConserved) {
    Simulation sim(small_model(true), 5, 0, 400);
    sim.run();
    const Results& r = sim.results();
    double arrivals = 0, departures = 0;
    for (std::size_t d = 1; d < r.days.size(); ++d) {
        arrivals += r.value(Outcome::arrivals, d);
        departures += r.value(Outcome::departures, d);
        // Every day, not just the last.
        EXPECT_EQ(r.value(Outcome::residents, d), r.value(Outcome::residents, 0) + arrivals - departures)
            << "day " << d;
    }
    EXPECT_GT(arrivals, 0);
    EXPECT_GT(departures, 0);
    EXPECT_EQ(static_cast<double>(sim.world().occupied_residents()), r.last(Outcome::residents));
}

TEST(Simulation, CountsStayWithinBounds) {
    Simulation sim(small_model(true), 6, 0, 365);
    sim.run();
    const Results& r = sim.results();
    for (std::size_t d = 0; d < r.days.size(); ++d) {
        for (Outcome share : {Outcome::trust_mean, Outcome::satisfaction_mean, Outcome::members_active_share,
                              Outcome::members_nominal_share, Outcome::members_lapsed_share, Outcome::formal_coverage,
                              Outcome::functional_coverage, Outcome::buildings_with_group_share}) {
            EXPECT_GE(r.value(share, d), 0.0);
            EXPECT_LE(r.value(share, d), 1.0);
        }
        EXPECT_NEAR(r.value(Outcome::members_active_share, d) + r.value(Outcome::members_nominal_share, d) +
                        r.value(Outcome::members_lapsed_share, d),
                    1.0, 1e-9);
        EXPECT_LE(r.value(Outcome::needs_backlog_known, d), r.value(Outcome::needs_backlog, d));
        EXPECT_LE(r.value(Outcome::needs_backlog, d), r.value(Outcome::residents, d));
        EXPECT_LE(r.value(Outcome::functional_coverage, d), r.value(Outcome::formal_coverage, d));
    }
}

// Every strategy on, a coverage campaign on day 100 and instructors.
std::shared_ptr<const Model> everything_model() {
    Scenario s = small_model()->scenario;
    for (const auto& info : strategy_registry()) s.params.*(info.enabled) = true;
    s.params.coverage_campaign_day = 100;
    s.params.coverage_instructors = 2;
    s.params.coverage_funding = true;
    return freeze(std::move(s));
}

TEST(Simulation, EverySeriesMoves) {
    Simulation sim(everything_model(), 7, 0, 500);
    sim.run();
    const Results& r = sim.results();
    for (int k = 0; k < kOutcomes; ++k) {
        const auto& series = r.district[k];
        const bool moves = std::any_of(series.begin(), series.end(), [&](double x) { return x != series.front(); });
        // Mass teams neither open nor close (the sources give counts, not dynamics).
        if (outcome_table()[k].name == "mass_teams") continue;
        EXPECT_TRUE(moves) << outcome_table()[k].name << " never changes";
    }
}

TEST(Simulation, IdenticalOnOneAndTwoThreads) {
    const auto model = everything_model();
    const Results one = run_with_threads(model, 1, 9, 200);
    const Results two = run_with_threads(model, 2, 9, 200);
    EXPECT_EQ(one.district, two.district);
    EXPECT_EQ(one.street, two.street);
    EXPECT_EQ(one.org_type, two.org_type);
    EXPECT_EQ(one.snapshots, two.snapshots);
    EXPECT_EQ(one.snapshot_days, two.snapshot_days);
}

TEST(Simulation, SameSeedSameRunOtherSeedOtherRun) {
    const auto model = small_model();
    const Results a = run_with_threads(model, 2, 21, 120);
    const Results b = run_with_threads(model, 2, 21, 120);
    const Results c = run_with_threads(model, 2, 22, 120);
    EXPECT_EQ(a.district, b.district);
    EXPECT_EQ(a.snapshots, b.snapshots);
    EXPECT_NE(a.district, c.district);
}

TEST(Simulation, ReplicateNumberChangesTheDraws) {
    const auto model = small_model();
    EXPECT_NE(run_one(model, 21, 0, 60).district, run_one(model, 21, 1, 60).district);
}

TEST(Simulation, SnapshotsEveryIntervalAndOnTheLastDay) {
    Simulation sim(small_model(), 3, 0, 120);
    sim.run();
    EXPECT_EQ(sim.results().snapshot_days, (std::vector<std::int32_t>{0, 50, 100, 120}));
    for (const auto& indicator : sim.results().snapshots)
        EXPECT_EQ(indicator.size(), 4 * sim.world().buildings.count());
}

TEST(Simulation, LiveChangesAreCheckedAndRecorded) {
    Simulation sim(small_model(), 3, 0, 60);
    sim.run();
    EXPECT_THROW(sim.set_live("members.share", ParamValue{0.2}), InputError);                         // not marked live
    EXPECT_THROW(sim.set_live("strategies.louzu.enabled", ParamValue{std::int64_t{1}}), InputError);  // wrong type
    sim.set_live("strategies.louzu.enabled", ParamValue{true});
    ASSERT_EQ(sim.changes().size(), 1u);
    EXPECT_EQ(sim.changes()[0].day, 61);
    EXPECT_EQ(sim.changes()[0].value, "true");
    EXPECT_TRUE(sim.model().params().louzu_enabled);
}

TEST(Compare, IntervalsFromPairedDifferences) {
    std::vector<std::vector<double>> a(3, std::vector<double>(kOutcomes, 1.0)), b = a;
    for (int r = 0; r < 3; ++r) b[r][0] = 2.0 + r;  // diffs 1, 2, 3
    const Comparison c = compare_finals(a, b, 10);
    EXPECT_DOUBLE_EQ(c.outcomes[0].diff, 2.0);
    EXPECT_NEAR(c.outcomes[0].hi - c.outcomes[0].diff, 4.303 * 1.0 / std::sqrt(3.0), 1e-9);
    EXPECT_DOUBLE_EQ(c.outcomes[1].diff, 0.0);
    EXPECT_NE(c.to_json("a", "b").find("\"outcomes\": {\"residents\": {\"a\": 1.0"), std::string::npos);
}

}  // namespace
}  // namespace jiceng

namespace jiceng {
namespace {

TEST(Outcomes, EveryMeanHasAWeightAndNamesAreUnique) {
    std::set<std::string_view> names;
    for (int k = 0; k < kOutcomes; ++k) {
        const auto& o = outcome_table()[k];
        EXPECT_TRUE(names.insert(o.name).second) << o.name;
        if (o.kind == OutcomeKind::Mean) {
            EXPECT_NE(mean_weight(static_cast<Outcome>(k)), Outcome::count) << o.name;
        }
    }
}

TEST(Outcomes, SummaryOfAMeanIsWeighted) {
    Results r;
    r.district.assign(kOutcomes, std::vector<double>(3, 0.0));
    r.district[static_cast<int>(Outcome::resolution_days_mean)] = {0.0, 10.0, 20.0};
    r.district[static_cast<int>(Outcome::needs_resolved)] = {0.0, 1.0, 3.0};
    EXPECT_DOUBLE_EQ(summary_value(r, Outcome::resolution_days_mean), (10.0 * 1 + 20.0 * 3) / 4);
    EXPECT_DOUBLE_EQ(summary_value(r, Outcome::needs_resolved), 4.0);
}

}  // namespace
}  // namespace jiceng
