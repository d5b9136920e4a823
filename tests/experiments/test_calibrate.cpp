#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "sim/experiments/calibrate.hpp"
#include "sim/experiments/compare.hpp"
#include "sim/experiments/optimise.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

const fs::path kData = fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data";

Scenario tiny() {
    return load_scenario(kData / "tiny.toml");
}

std::string problems_of(const std::string& text) {
    try {
        parse_targets(text, "targets.toml", tiny());
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(NelderMead, FindsTheMinimumOfRosenbrockInTheCube) {
    // Rosenbrock mapped so that its minimum (1, 1) sits at (0.6, 0.7).
    auto f = [](const std::vector<double>& u) {
        const double x = (u[0] - 0.6) * 4 + 1, y = (u[1] - 0.7) * 4 + 1;
        return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x);
    };
    NelderMeadOptions o;
    o.max_evaluations = 2000;
    const auto r = nelder_mead(f, {0.1, 0.1}, o);
    EXPECT_NEAR(r.x[0], 0.6, 1e-3);
    EXPECT_NEAR(r.x[1], 0.7, 1e-3);
    EXPECT_LT(r.value, 1e-6);
    EXPECT_LE(r.evaluations, 2000);
}

TEST(NelderMead, StaysInsideTheBoxAndWithinBudget) {
    int calls = 0;
    auto f = [&](const std::vector<double>& u) {
        ++calls;
        for (double v : u) EXPECT_TRUE(v >= 0 && v <= 1) << v;
        return (u[0] + 1) * (u[0] + 1) + (u[1] - 0.5) * (u[1] - 0.5) + (u[2] - 2) * (u[2] - 2);  // optimum outside
    };
    NelderMeadOptions o;
    o.max_evaluations = 150;
    const auto r = nelder_mead(f, {0.5, 0.5, 0.5}, o);
    EXPECT_EQ(calls, r.evaluations);
    EXPECT_LE(calls, 150);
    EXPECT_NEAR(r.x[0], 0.0, 1e-3);
    EXPECT_NEAR(r.x[1], 0.5, 1e-3);
    EXPECT_NEAR(r.x[2], 1.0, 1e-3);
}

TEST(Targets, ParseDaysYearsAndRatios) {
    Scenario s = tiny();
    s.params.run_days = 800;
    const Targets t = parse_targets(R"(
[[target]]
outcome = "trust_mean"
day = 30
value = 0.5
tolerance = 0.01

[[target]]
label = "resolved share"
ratio = ["needs_resolved", "needs_arisen"]
year = 2004
value = 0.8
tolerance = 0.05

[parameters]
"trust.learning" = { min = 0.1, max = 0.4 }
)",
                                    "targets.toml", s);
    ASSERT_EQ(t.targets.size(), 2u);
    EXPECT_EQ(t.targets[0].label, "trust_mean");
    EXPECT_EQ(t.targets[0].last_day, 30);
    EXPECT_EQ(t.targets[1].first_day, 365);       // 2004-01-01 is day 365 from 2003-01-01
    EXPECT_EQ(t.targets[1].last_day, 365 + 365);  // 2004 is a leap year
    EXPECT_EQ(t.targets[1].period, "year 2004");
    EXPECT_EQ(t.ranges.at("trust.learning").first.max, 0.4);
}

TEST(Targets, ReportProblemsPrecisely) {
    const std::string what = problems_of(R"([[target]]
outcome = "trust_men"
day = 30
value = 0.5
tolerance = 0

[[target]]
outcome = "trust_mean"
year = 2009
value = 1
tolerance = 1

[[target]]
outcome = "trust_mean"
day = 5
year = 2003
value = 1
tolerance = 1

[parameters]
"trust.learning" = { min = 0.1, max = 4.0 }
)");
    EXPECT_NE(
        what.find("targets.toml:2: target[0].outcome: 'trust_men' is not an outcome (did you mean 'trust_mean'?)"),
        std::string::npos)
        << what;
    EXPECT_NE(what.find("targets.toml:5: target[0].tolerance: must be greater than 0"), std::string::npos) << what;
    EXPECT_NE(what.find("targets.toml:9: target[1].year: 2009 ends on day"), std::string::npos) << what;
    EXPECT_NE(what.find("target[2]: give either day = N"), std::string::npos) << what;
    EXPECT_NE(what.find("targets.toml:21: parameters.trust.learning: [0.1, 4.0] is outside the declared range"),
              std::string::npos)
        << what;
    EXPECT_NE(problems_of("").find("no targets"), std::string::npos);
}

TEST(Targets, FittedParametersAreChecked) {
    const Scenario s = tiny();
    const Targets t =
        parse_targets("[[target]]\noutcome = \"trust_mean\"\nday = 10\nvalue = 0.5\ntolerance = 0.1\n", "t.toml", s);
    EXPECT_THROW(fitted_params({"trust.lerning"}, s, t), InputError);
    EXPECT_THROW(fitted_params({"strategies.louzu.enabled"}, s, t), InputError);
    EXPECT_THROW(fitted_params({"trust.learning", "trust.learning"}, s, t), InputError);
    const auto p = fitted_params({"trust.learning"}, s, t);
    EXPECT_EQ(p[0].range.min, 0.0);  // the declared range
    EXPECT_EQ(p[0].range.max, 1.0);
    EXPECT_DOUBLE_EQ(p[0].initial, s.params.trust_learning);
}

TEST(Targets, PeriodValuesFollowTheOutcomeKind) {
    Results r;
    r.days = {0, 1, 2, 3};
    r.district.assign(kOutcomes, {10, 1, 2, 3});
    EXPECT_EQ(period_value(r, static_cast<int>(Outcome::needs_resolved), 1, 3), 6.0);  // flow: total
    EXPECT_EQ(period_value(r, static_cast<int>(Outcome::needs_resolved), 2, 3), 5.0);
    EXPECT_EQ(period_value(r, static_cast<int>(Outcome::trust_mean), 1, 2), 2.0);  // stock: last day
    Target ratio;
    ratio.outcome = static_cast<int>(Outcome::needs_resolved);
    ratio.denominator = static_cast<int>(Outcome::trust_mean);
    ratio.first_day = 1;
    ratio.last_day = 3;
    EXPECT_EQ(target_statistic(r, ratio), 2.0);
    // A mean: averaged over the days, weighted by the events it averages.
    r.district[static_cast<std::size_t>(mean_weight(Outcome::resolution_days_mean))] = {0, 3, 1, 0};
    r.district[static_cast<int>(Outcome::resolution_days_mean)] = {0, 10, 2, 50};
    EXPECT_EQ(period_value(r, static_cast<int>(Outcome::resolution_days_mean), 1, 3), 8.0);
}

// Synthetic targets made by the model with known parameter values: the fit
// must find those values again from the defaults.
TEST(Calibrate, RecoversKnownParametersFromSyntheticTargets) {
    Scenario base = tiny();
    base.params.run_days = 90;
    Scenario truth = base;
    truth.params.trust_learning = 0.32;
    truth.params.trust_initial = 0.62;
    const int replicates = 2;
    const auto model = freeze(truth);
    double trust30 = 0, trust90 = 0, satisfaction90 = 0;
    for (int r = 0; r < replicates; ++r) {
        const Results res =
            run_one(model, static_cast<std::uint64_t>(base.params.run_seed), static_cast<std::uint64_t>(r), 90);
        trust30 += res.value(Outcome::trust_mean, 30) / replicates;
        trust90 += res.value(Outcome::trust_mean, 90) / replicates;
        satisfaction90 += res.value(Outcome::satisfaction_mean, 90) / replicates;
    }
    auto target = [](const char* outcome, int day, double value) {
        return "[[target]]\noutcome = \"" + std::string(outcome) + "\"\nday = " + std::to_string(day) +
               "\nvalue = " + format_real(value) + "\ntolerance = 0.002\n";
    };
    const Targets targets = parse_targets(target("trust_mean", 30, trust30) + target("trust_mean", 90, trust90) +
                                              target("satisfaction_mean", 90, satisfaction90) +
                                              "[parameters]\n\"trust.learning\" = { min = 0.05, max = 0.6 }\n"
                                              "\"trust.initial\" = { min = 0.3, max = 0.8 }\n",
                                          "synthetic.toml", base);
    CalibrationOptions options;
    options.budget = 50;
    options.replicates = replicates;
    options.jobs = 2;
    const auto result =
        calibrate(base, targets, fitted_params({"trust.learning", "trust.initial"}, base, targets), options);
    EXPECT_LE(result.evaluations, 50);
    EXPECT_LT(result.loss, result.initial_loss);
    EXPECT_LT(result.loss, 1.0);
    EXPECT_NEAR(result.params[0].best, 0.32, 0.03);
    EXPECT_NEAR(result.params[1].best, 0.62, 0.01);
    ASSERT_EQ(result.fit.size(), 3u);
    for (const auto& row : result.fit) EXPECT_LT(std::abs(row.z), 1.0) << row.label;

    // The overlay extends the input scenario and loads as a scenario with the fitted values.
    const fs::path dir = fs::temp_directory_path() / ("jiceng-calibrate-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path scenario_file = dir / "in/base.toml";
    fs::create_directories(scenario_file.parent_path());
    std::ofstream(scenario_file) << base.resolved_toml();
    write_calibration(dir / "out", scenario_file, base, targets, result);
    const Scenario fitted = load_scenario(dir / "out/fit.toml");
    EXPECT_DOUBLE_EQ(fitted.params.trust_learning, result.params[0].best);
    EXPECT_DOUBLE_EQ(fitted.params.trust_initial, result.params[1].best);
    EXPECT_EQ(fitted.params.district_residents_per_street, 3000);
    EXPECT_EQ(fitted.meta.name, "tiny-calibrated");
    ASSERT_TRUE(is_calibration(dir / "out"));
    const CalibrationSummary summary = read_calibration(dir / "out");
    EXPECT_EQ(summary.params.size(), 2u);
    EXPECT_DOUBLE_EQ(summary.params[0].second.second, result.params[0].best);
    EXPECT_EQ(summary.fit.size(), 3u);
    EXPECT_EQ(summary.loss_history.size(), static_cast<std::size_t>(result.evaluations));
    EXPECT_TRUE(fs::exists(dir / "out/fit.csv"));
    fs::remove_all(dir);
}

}  // namespace
}  // namespace jiceng
