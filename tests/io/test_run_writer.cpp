#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <set>
#include <string_view>

#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/simulation/simulation.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

std::unique_ptr<Simulation> short_run() {
    Scenario s = default_scenario();
    s.params.district_residents_per_street = 3000;
    s.params.district_areas_per_street = 3;
    s.params.output_snapshot_every = 10;
    s.meta.title_zh = "测试";
    auto sim = std::make_unique<Simulation>(freeze(std::move(s)), 77, 2, 25);
    sim->run();
    return sim;
}

fs::path temp_dir() {
    const fs::path dir = fs::temp_directory_path() / ("jiceng-io-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

TEST(RunWriter, WritesSelfDescribingFile) {
    const auto sim = short_run();
    const fs::path out = temp_dir() / "run.h5";
    write_run(out, *sim, RunProvenance{"test.toml", 2, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z"});
    ASSERT_TRUE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(out.parent_path()))
        EXPECT_EQ(entry.path().string().find(".part-"), std::string::npos) << "temporary file left behind";
    h5::Handle file(H5Fopen(out.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open");
    EXPECT_EQ(h5::read_attr_string(file, "format"), "jiceng-run");
    EXPECT_EQ(h5::read_attr_int(file, "format_version"), kFormatVersion);
    EXPECT_EQ(h5::read_attr_int(file, "seed"), 77);
    EXPECT_EQ(h5::read_attr_int(file, "replicate"), 2);
    EXPECT_EQ(h5::read_attr_int(file, "days"), 25);
    EXPECT_EQ(h5::read_attr_string(file, "scenario_title_zh"), "测试");
    EXPECT_NE(h5::read_attr_string(file, "scenario_toml").find("[strategies.louzu]"), std::string::npos);
    EXPECT_FALSE(h5::read_attr_string(file, "git_commit").empty());
    EXPECT_EQ(h5::read_attr_int(file, "param.district.residents_per_street"), 3000);
    auto ts = h5::open_group(file, "timeseries");
    EXPECT_EQ(h5::read_ints(ts, "day").size(), 26u);
    EXPECT_EQ(h5::read_strings(ts, "date").front(), "2003-01-01");
    EXPECT_EQ(h5::read_doubles(ts, "residents"), sim->results().district[static_cast<int>(Outcome::residents)]);
    for (const auto& o : outcome_table()) EXPECT_TRUE(h5::exists(ts, std::string(o.name))) << o.name;
    auto snaps = h5::open_group(file, "snapshots");
    EXPECT_EQ(h5::read_ints(snaps, "snapshot"), (std::vector<std::int32_t>{0, 10, 20, 25}));
    EXPECT_EQ(h5::read_floats(snaps, "trust_mean").size(), 4 * sim->world().buildings.count());
    auto params = h5::open_group(file, "parameters");
    EXPECT_EQ(h5::list_members(params).size(), param_table().size());
    fs::remove_all(out.parent_path());
}

// xarray decodes a variable whose units are exactly one of these as a time
// span (timedelta64), so 'member_hours' would read "2019600000000000
// nanoseconds": the tables say "hour" and "day" instead (UDUNITS names).
TEST(RunWriter, NoUnitsThatXarrayDecodesAsTimeSpans) {
    const std::set<std::string_view> time_spans = {"days",         "hours",        "minutes",    "seconds",
                                                   "milliseconds", "microseconds", "nanoseconds"};
    for (const auto& o : outcome_table()) EXPECT_FALSE(time_spans.count(o.units)) << "outcome " << o.name;
    for (const auto& i : indicator_table()) EXPECT_FALSE(time_spans.count(i.units)) << "indicator " << i.name;
    for (const auto& p : param_table()) EXPECT_FALSE(time_spans.count(p.unit)) << "parameter " << p.key;
}

TEST(RunWriter, FailureLeavesNoFile) {
    const auto sim = short_run();
    const fs::path dir = temp_dir() / "readonly";
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    const fs::path out = dir / "run.h5";
    if (::access(dir.c_str(), W_OK) == 0) GTEST_SKIP() << "running as a user who can write anywhere (root)";
    EXPECT_THROW(write_run(out, *sim, RunProvenance{}), std::runtime_error);
    EXPECT_FALSE(fs::exists(out));
    fs::permissions(dir, fs::perms::owner_all);
    fs::remove_all(dir.parent_path());
}

TEST(RunWriter, FailureInsideHdf5LeavesNoFile) {
    const auto sim = short_run();
    // A directory in the way of the final name: the rename fails after writing.
    const fs::path dir = temp_dir();
    const fs::path out = dir / "taken.h5";
    fs::create_directories(out / "child");
    EXPECT_THROW(write_run(out, *sim, RunProvenance{}), std::runtime_error);
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().string().find(".part-"), std::string::npos) << "temporary file left behind";
    fs::remove_all(dir);
}

}  // namespace
}  // namespace jiceng
