// The memory estimate made before synthesis, against what synthesis builds.
#include <gtest/gtest.h>

#include <string>

#include "sim/model/model.hpp"
#include "sim/simulation/memory_estimate.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace jiceng {
namespace {

World make(const Params& p) {
    Scenario s = default_scenario();
    s.params = p;
    auto model = freeze(std::move(s));
    return synthesize(*model, RandomStreams(5, 0));
}

Params two_streets() {
    Params p;
    p.district_streets = 2;
    p.district_residents_per_street = 20000;
    p.district_areas_per_street = 6;
    return p;
}

Params one_dense_street() {
    Params p;
    p.district_streets = 1;
    p.district_residents_per_street = 60000;
    p.district_areas_per_street = 4;
    p.district_households_per_building = 60;
    p.district_household_size_mean = 3.2;
    return p;
}

// The stated tolerance: the estimated World arrays are within 25 % of
// World::bytes() after synthesis (which counts vector capacity, so tables
// built by push_back carry some slack the estimate leaves to the margin).
void expect_close_to_synthesis(const Params& p) {
    const MemoryEstimate e = estimate_memory(p, 100);
    const World w = make(p);
    const double measured = static_cast<double>(w.bytes());
    EXPECT_GT(e.world, 0.75 * measured) << e.describe() << " vs measured " << measured;
    EXPECT_LT(e.world, 1.25 * measured) << e.describe() << " vs measured " << measured;
    EXPECT_NEAR(e.residents, static_cast<double>(w.residents.size()), 0.05 * static_cast<double>(w.residents.size()));
    EXPECT_NEAR(e.households, static_cast<double>(w.households.count()),
                0.01 * static_cast<double>(w.households.count()));
    EXPECT_NEAR(e.buildings, static_cast<double>(w.buildings.count()), 0.15 * static_cast<double>(w.buildings.count()));
    EXPECT_EQ(e.areas, static_cast<double>(w.areas.count()));
    // Residents are sized with resize(), so bytes per resident times the
    // count is exactly what Residents::bytes() measures: the element sizes
    // come from the real arrays.
    EXPECT_EQ(e.resident_bytes * w.residents.size(), w.residents.bytes());
    // Everything else the run holds comes on top of the world.
    EXPECT_GT(e.total(), e.world + e.results);
}

TEST(MemoryEstimate, MatchesSynthesisOfTwoStreets) {
    expect_close_to_synthesis(two_streets());
}
TEST(MemoryEstimate, MatchesSynthesisOfOneDenseStreet) {
    expect_close_to_synthesis(one_dense_street());
}

TEST(MemoryEstimate, GrowsWithDaysAndSnapshots) {
    Params p = two_streets();
    const auto short_run = estimate_memory(p, 10);
    const auto long_run = estimate_memory(p, 3650);
    EXPECT_GT(long_run.results, 100 * short_run.results / 2);
    p.output_snapshot_every = 1;
    EXPECT_GT(estimate_memory(p, 3650).results, 10 * long_run.results);
}

TEST(MemoryEstimate, ParsesSizes) {
    EXPECT_EQ(parse_size("2G"), 2.0 * 1024 * 1024 * 1024);
    EXPECT_EQ(parse_size("500M"), 500.0 * 1024 * 1024);
    EXPECT_EQ(parse_size("1.5GiB"), 1.5 * 1024 * 1024 * 1024);
    EXPECT_EQ(parse_size("64k"), 64.0 * 1024);
    EXPECT_EQ(parse_size("123456"), 123456.0);
    EXPECT_EQ(parse_size("12 MB"), 12.0 * 1024 * 1024);
    EXPECT_FALSE(parse_size("lots"));
    EXPECT_FALSE(parse_size("0"));
    EXPECT_FALSE(parse_size("-1G"));
    EXPECT_FALSE(parse_size("2X"));
    EXPECT_FALSE(parse_size(""));
}

TEST(MemoryEstimate, RefusesWhatExceedsTheLimitWithEstimateAndLimit) {
    const auto e = estimate_memory(two_streets(), 100);
    EXPECT_NO_THROW(check_memory(e, 1, e.total() * 1.01, "s.toml"));
    try {
        check_memory(e, 1, e.total() * 0.5, "s.toml");
        ADD_FAILURE() << "not refused";
    } catch (const InputError& ex) {
        const std::string m = ex.what();
        EXPECT_NE(m.find("s.toml: memory: needs an estimated " + format_size(e.total())), std::string::npos) << m;
        EXPECT_NE(m.find("--max-memory " + format_size(e.total() * 0.5)), std::string::npos) << m;
    }
    // Four simulations at once need four times as much.
    EXPECT_THROW(check_memory(e, 4, e.total() * 3, "s.toml"), InputError);
}

TEST(MemoryEstimate, RefusesDistrictsBeyondTheIndexRange) {
    Params p;
    p.district_streets = 2000;
    p.district_residents_per_street = 5000000;
    const auto e = estimate_memory(p, 10);
    EXPECT_GT(e.residents, 4.0e9);
    try {
        check_memory(e, 1, 1e30, "big.toml");
        ADD_FAILURE() << "not refused";
    } catch (const InputError& ex) {
        EXPECT_NE(std::string(ex.what()).find("more than a run can index"), std::string::npos) << ex.what();
    }
}

}  // namespace
}  // namespace jiceng
