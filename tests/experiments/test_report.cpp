#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "sim/experiments/report.hpp"
#include "sim/experiments/sweep.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/simulation/simulation.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

const fs::path kData = fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data";

class ReportTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("jiceng-report-" + std::to_string(::getpid()));
        fs::create_directories(dir_ / "runs");
        // Two scenarios, two replicates each, paired seeds.
        for (bool louzu : {false, true}) {
            Scenario s = load_scenario(kData / "tiny.toml");
            s.params.louzu_enabled = louzu;
            s.meta.name = louzu ? "with_groups" : "without_groups";
            s.params.trust_learning = louzu ? 0.25 : 0.2;
            const auto model = freeze(s);
            for (int r = 0; r < 2; ++r) {
                Simulation sim(model, 3, static_cast<std::uint64_t>(r), 30);
                sim.run();
                sim.finish();
                write_run(dir_ / "runs" / (s.meta.name + "-r" + std::to_string(r) + ".h5"), sim,
                          RunProvenance{"tiny.toml", 1, "", ""});
            }
        }
        const Experiment e = parse_experiment(R"(
[experiment]
name = "report_morris"
scenario = "tiny.toml"
days = 30
[outcomes]
names = ["trust_mean", "building_groups"]
[design]
method = "morris"
trajectories = 4
[design.parameters]
"trust.learning" = { min = 0.1, max = 0.4 }
"strategies.louzu.threshold" = { min = 2, max = 6 }
)",
                                              "report_morris.toml", kData);
        SweepOptions options;
        options.jobs = 2;
        run_sweep(e, dir_ / "sweep", options);
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    static inline fs::path dir_;
};

TEST_F(ReportTest, SelfContainedBilingualReport) {
    const std::string html = build_report({dir_ / "runs", dir_ / "sweep"}, ReportOptions{});
    // Nothing is fetched: no URL, no external source or link, no script.
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=)", std::regex::icase)));
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    // Both languages, every section.
    for (const char* text : {"结果轨迹", "Outcome trajectories", "参数差异", "Parameters that differ",
                             "A/B differences", "Response curves", "Sensitivity", "Provenance", "<svg",
                             "trust.learning", "without_groups", "with_groups", "strategies.louzu.enabled"})
        EXPECT_NE(html.find(text), std::string::npos) << text;
    EXPECT_EQ(html.substr(0, 15), "<!DOCTYPE html>");
    EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST_F(ReportTest, NamesBadInputs) {
    try {
        build_report({dir_ / "nowhere", dir_ / "runs"}, ReportOptions{});
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("nowhere: no such file or directory"), std::string::npos) << e.what();
    }
    ReportOptions bad;
    bad.outcomes = {"trust_men"};
    EXPECT_THROW(build_report({dir_ / "runs"}, bad), InputError);
    EXPECT_THROW(build_report({}, ReportOptions{}), InputError);
}

}  // namespace
}  // namespace jiceng
