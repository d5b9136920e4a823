// Command-line helpers: run-set arguments, sizes, scheduled live changes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"
#include "viz/live_runner.hpp"
#include "viz/options.hpp"

namespace fs = std::filesystem;
using namespace jiceng;
using namespace jiceng::viz;

TEST(Options, RunSetArguments) {
    const fs::path dir = fs::temp_directory_path() / ("jiceng-viz-options-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const char* name : {"louzu-r1.h5", "louzu-r0.h5", "base-r0.h5"}) std::ofstream(dir / name) << "x";
    const std::string d = dir.string() + "/";
    EXPECT_EQ(expand_run_argument(d + "a.h5"), (std::vector<std::string>{d + "a.h5"}));
    EXPECT_EQ(expand_run_argument(d + "a.h5," + d + "b.h5"), (std::vector<std::string>{d + "a.h5", d + "b.h5"}));
    // Patterns expand in sorted order; lists and patterns mix.
    EXPECT_EQ(expand_run_argument(d + "louzu-*.h5"), (std::vector<std::string>{d + "louzu-r0.h5", d + "louzu-r1.h5"}));
    EXPECT_EQ(expand_run_argument(d + "base-r0.h5," + d + "louzu-r?.h5").size(), 3u);
    EXPECT_THROW(expand_run_argument(d + "nothing-*.h5"), UsageError);
    EXPECT_THROW(expand_run_argument(","), UsageError);
    fs::remove_all(dir);
}

TEST(Options, Sizes) {
    EXPECT_EQ(parse_size("1600x900"), std::make_pair(1600u, 900u));
    EXPECT_EQ(parse_size("800X600"), std::make_pair(800u, 600u));
    EXPECT_THROW(parse_size("1600"), UsageError);
    EXPECT_THROW(parse_size("10x10"), UsageError);
    EXPECT_THROW(parse_size("1600x900px"), UsageError);
}

TEST(LiveOptions, ScheduledChanges) {
    const ScheduledChange change = parse_scheduled_change("strategies.louzu.enabled=false@365");
    EXPECT_EQ(change.key, "strategies.louzu.enabled");
    EXPECT_EQ(change.text, "false");
    EXPECT_EQ(change.day, 365);
    EXPECT_THROW(parse_scheduled_change("strategies.louzu.enabled=false"), InputError);
    EXPECT_THROW(parse_scheduled_change("=1@3"), InputError);
    EXPECT_THROW(parse_scheduled_change("a=1@0"), InputError);
    EXPECT_THROW(parse_scheduled_change("a=1@x"), InputError);
}

TEST(LiveOptions, ParameterValues) {
    const ParamSpec* flag = find_param("strategies.louzu.enabled");
    const ParamSpec* interval = find_param("strategies.louzu.meeting_interval");
    ASSERT_TRUE(flag && interval);
    EXPECT_EQ(parse_param_value(*flag, "true"), ParamValue{true});
    EXPECT_FALSE(parse_param_value(*flag, "yes"));
    EXPECT_EQ(parse_param_value(*interval, " 45 "), ParamValue{std::int64_t{45}});
    EXPECT_FALSE(parse_param_value(*interval, "4.5"));
    EXPECT_EQ(value_text(ParamValue{std::int64_t{45}}), "45");
    EXPECT_EQ(value_text(ParamValue{false}), "false");
}

TEST(LiveOptions, AppendRecordedCopiesOnlyWhatIsNew) {
    RunData from;
    from.street_names = {"s"};
    from.buildings.x = {0, 1};
    from.buildings.y = {0, 0};
    from.buildings.street = {0, 0};
    from.buildings.area = {0, 0};
    from.buildings.households = {1, 1};
    from.outcomes.push_back({{"trust_mean", "", "", "", "", "stock"}, {0.5}, {0.5}});
    from.indicators.push_back({{"trust_mean", "", "", "", "", ""}, {0.5f, 0.5f}});
    from.day = {0};
    from.date = {"2003-01-01"};
    from.snapshot_days = {0};
    RunData view;
    append_recorded(from, view);
    EXPECT_EQ(view.buildings.count(), 2u);
    from.day.push_back(1);
    from.date.push_back("2003-01-02");
    from.outcomes[0].values.push_back(0.6);
    from.outcomes[0].by_street.push_back(0.6);
    from.snapshot_days.push_back(1);
    from.indicators[0].values.insert(from.indicators[0].values.end(), {0.7f, 0.8f});
    from.changes.push_back({1, "strategies.louzu.enabled", "true"});
    append_recorded(from, view);
    EXPECT_EQ(view.day, from.day);
    EXPECT_EQ(view.outcomes[0].values, from.outcomes[0].values);
    EXPECT_EQ(view.outcomes[0].by_street, from.outcomes[0].by_street);
    EXPECT_EQ(view.indicators[0].values, from.indicators[0].values);
    EXPECT_EQ(view.changes.size(), 1u);
}
