#include <gtest/gtest.h>

#include <filesystem>

#include "sim/experiments/compare.hpp"
#include "sim/experiments/experiment.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

const fs::path kData = fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data";

Experiment parse(const std::string& text) {
    return parse_experiment(text, "exp.toml", kData);
}

// Every diagnostic of a bad experiment, as printed.
std::string problems_of(const std::string& text) {
    try {
        parse(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

const char* kGrid = R"(
[experiment]
name = "g"
scenario = "tiny.toml"
replicates = 3
seed = 42

[outcomes]
names = ["trust_mean", "needs_resolved"]

[design]
method = "grid"

[design.parameters]
"strategies.louzu.threshold" = [2, 3, 5]
trust.learning = [0.1, 0.3]
)";

TEST(Experiment, GridExpandsInFileOrderFirstSlowest) {
    const Experiment e = parse(kGrid);
    EXPECT_EQ(e.name, "g");
    EXPECT_EQ(e.replicates, 3);
    EXPECT_EQ(e.seed, 42u);
    EXPECT_EQ(e.days, 60);
    ASSERT_EQ(e.params.size(), 2u);
    EXPECT_EQ(e.params[0].key, "strategies.louzu.threshold");  // file order, not alphabetical
    EXPECT_EQ(e.params[1].key, "trust.learning");
    ASSERT_EQ(e.points(), 6u);
    EXPECT_EQ(e.runs(), 18u);
    EXPECT_EQ(e.values[0][0], ParamValue{std::int64_t{2}});
    EXPECT_EQ(e.values[1][1], ParamValue{0.3});
    EXPECT_EQ(e.values[5][0], ParamValue{std::int64_t{5}});
    // Default sample days: every 30 days and the last.
    EXPECT_EQ(e.sample_days, (std::vector<std::int32_t>{0, 30, 60}));
    EXPECT_EQ(e.values_per_run(), 6u);
    EXPECT_EQ(e.point_of(7), 2u);
    EXPECT_EQ(e.replicate_of(7), 1);
    const Scenario s = e.point_scenario(4);
    EXPECT_EQ(s.params.louzu_threshold, 5);
    EXPECT_DOUBLE_EQ(s.params.trust_learning, 0.1);
    EXPECT_EQ(s.params.run_seed, 42);
    EXPECT_EQ(s.params.run_days, 60);
    EXPECT_EQ(s.params.district_residents_per_street, 3000);  // from the base scenario
}

TEST(Experiment, RangesMapUnitCoordinates) {
    const Experiment e = parse(R"(
[experiment]
scenario = "tiny.toml"
[outcomes]
days = [10, 60, 30]
[design]
method = "lhs"
points = 20
[design.parameters]
"needs.elderly_rate" = { min = 1.0, max = 100.0, scale = "log" }
"strategies.louzu.cap" = { min = 3, max = 12 }
)");
    EXPECT_EQ(e.name, "exp");  // from the file name
    EXPECT_EQ(e.sample_days, (std::vector<std::int32_t>{10, 30, 60}));
    EXPECT_EQ(e.outcomes.size(), static_cast<std::size_t>(kOutcomes));
    ASSERT_EQ(e.points(), 20u);
    for (std::size_t p = 0; p < e.points(); ++p) {
        const double rate = std::get<double>(e.values[p][0]);
        EXPECT_NEAR(std::log(rate), std::log(1.0) + e.unit[p][0] * std::log(100.0), 1e-9);
        const auto cap = std::get<std::int64_t>(e.values[p][1]);
        EXPECT_GE(cap, 3);
        EXPECT_LE(cap, 12);
    }
    EXPECT_DOUBLE_EQ(std::get<double>(e.params[0].at_unit(0.5)), 10.0);
}

TEST(Experiment, MorrisAndSobolSizes) {
    const std::string head = "[experiment]\nscenario = \"tiny.toml\"\nreplicates = 2\n[design]\n";
    const std::string params =
        "[design.parameters]\n\"trust.learning\" = { min = 0.1, max = 0.3 }\n\"trust.observe\" = { min = 0.0, max = "
        "0.01 }\n";
    const Experiment m = parse(head + "method = \"morris\"\ntrajectories = 5\n" + params);
    EXPECT_EQ(m.points(), 15u);
    EXPECT_EQ(m.morris_levels, 4);
    const Experiment s = parse(head + "method = \"sobol\"\nbase_samples = 8\n" + params);
    EXPECT_EQ(s.points(), 32u);
    EXPECT_EQ(s.runs(), 64u);
}

TEST(Experiment, FingerprintFollowsContent) {
    const Experiment a = parse(kGrid);
    EXPECT_EQ(parse(kGrid).fingerprint(), a.fingerprint());
    std::string changed = kGrid;
    changed.replace(changed.find("[0.1, 0.3]"), 10, "[0.1, 0.4]");
    EXPECT_NE(parse(changed).fingerprint(), a.fingerprint());
    std::string comment = "# a comment changes nothing\n" + std::string(kGrid);
    EXPECT_EQ(parse(comment).fingerprint(), a.fingerprint());
}

TEST(Experiment, ReportsEveryProblemWithFileAndLine) {
    const std::string text = R"([experiment]
scenario = "tiny.toml"
replicats = 3
[outcomes]
names = ["trust_men"]
days = [5, 999]
[design]
method = "gird"
)";
    const std::string what = problems_of(text);
    EXPECT_NE(what.find("exp.toml:3: experiment.replicats: unknown key (did you mean 'experiment.replicates'?)"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("exp.toml:5: outcomes.names: 'trust_men' is not an outcome (did you mean 'trust_mean'?)"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("exp.toml:6: outcomes.days: 999 is out of range"), std::string::npos) << what;
    EXPECT_NE(what.find("exp.toml:8: design.method: 'gird' is not a design (did you mean 'grid'?)"), std::string::npos)
        << what;
}

TEST(Experiment, RejectsBadDesigns) {
    auto with = [](const std::string& design) {
        return problems_of("[experiment]\nscenario = \"tiny.toml\"\n" + design);
    };
    EXPECT_NE(with("[design]\nmethod = \"grid\"\n[design.parameters]\ntrust.lerning = [0.1]\n")
                  .find("did you mean 'trust.learning'"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"grid\"\n[design.parameters]\n\"trust.learning\" = [0.1, 1.5]\n")
                  .find("exp.toml:6: design.parameters.trust.learning"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"grid\"\n[design.parameters]\n\"trust.learning\" = [0.1, \"x\"]\n")
                  .find("holds a string"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"grid\"\n[design.parameters]\n\"trust.learning\" = [0.1, 0.1]\n")
                  .find("listed twice"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"lhs\"\npoints = 4\n[design.parameters]\n\"trust.learning\" = { min = 0.5, max "
                   "= 0.2 }\n")
                  .find("min must be less than max"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"lhs\"\npoints = 4\n[design.parameters]\n\"trust.learning\" = { min = 0.0, max "
                   "= 2.0 }\n")
                  .find("outside the declared range"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"lhs\"\npoints = 4\n[design.parameters]\n\"trust.learning\" = { min = 0.0, max "
                   "= 0.5, scale = \"log\" }\n")
                  .find("a log scale needs min > 0"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"lhs\"\n[design.parameters]\n\"trust.learning\" = { min = 0.1, max = 0.5 }\n")
                  .find("design.points: missing"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"grid\"\ntrajectories = 3\n[design.parameters]\n\"trust.learning\" = [0.1]\n")
                  .find("applies to method \"morris\" only"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"grid\"\n[design.parameters]\n\"run.start_date\" = [\"2003-01-01\"]\n")
                  .find("cannot be varied"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"lhs\"\npoints = 3\n[design.parameters]\n\"strategies.louzu.enabled\" = { min "
                   "= 0, max = 1 }\n")
                  .find("vary it in a grid"),
              std::string::npos);
    EXPECT_NE(with("[design]\nmethod = \"morris\"\ntrajectories = 2\nlevels = "
                   "5\n[design.parameters]\n\"trust.learning\" = { min = 0.1, max = 0.5 }\n")
                  .find("must be even"),
              std::string::npos);
    EXPECT_NE(
        problems_of("[experiment]\nscenario = \"missing.toml\"\n").find("exp.toml:2: experiment.scenario: cannot open"),
        std::string::npos);
    EXPECT_NE(problems_of("[design]\nmethod = \"grid\"\n").find("experiment: missing table"), std::string::npos);
    EXPECT_NE(problems_of("[experiment\n").find("TOML syntax error"), std::string::npos);
}

TEST(Experiment, ChecksEveryPointAsAScenario) {
    // Initial active and nominal shares must not add up to more than 1.
    const std::string what = problems_of(R"([experiment]
scenario = "tiny.toml"
[design]
method = "grid"
[design.parameters]
"members.initial_active_share" = [0.3, 0.9]
)");
    EXPECT_NE(what.find("exp.toml:5: design.parameters: point 1 (members.initial_active_share = 0.9): "
                        "members.initial_nominal_share: "
                        "initial active + nominal shares exceed 1"),
              std::string::npos)
        << what;
}

TEST(Experiment, SummaryAtTheLastDayIsCompareSummary) {
    Scenario s = parse_experiment(kGrid, "exp.toml", kData).point_scenario(0);
    s.params.run_days = 25;
    const Results r = run_one(freeze(s), 5, 0, 25);
    for (int k = 0; k < kOutcomes; ++k)
        EXPECT_DOUBLE_EQ(summary_at(r, k, 25), summary_value(r, static_cast<Outcome>(k))) << k;
    // A flow up to day d is its total over days 1..d.
    const int resolved = static_cast<int>(Outcome::needs_resolved);
    double total = 0;
    for (int d = 1; d <= 10; ++d) total += r.value(Outcome::needs_resolved, static_cast<std::size_t>(d));
    EXPECT_EQ(summary_at(r, resolved, 10), total);
    EXPECT_EQ(summary_at(r, static_cast<int>(Outcome::trust_mean), 10), r.value(Outcome::trust_mean, 10));
}

}  // namespace
}  // namespace jiceng
