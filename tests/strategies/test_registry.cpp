// The strategy registry: every entry builds, and random streams are
// permanent numbers, not places in the list.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "sim/io/run_reader.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"

namespace jiceng {
namespace {

// The numbers are part of the model's definition: changing one changes every
// result of that strategy. This list changes only when a strategy is added.
TEST(Registry, StreamNumbersArePermanent) {
    const std::map<std::string, std::uint32_t> expected = {
        {"louzu", 16},     {"studios", 17},  {"sanhui", 18},   {"targeting", 19},
        {"secretary", 20}, {"coverage", 21}, {"floating", 22}, {"gongjian", 23},
    };
    std::map<std::string, std::uint32_t> actual;
    for (const auto& info : strategy_registry()) actual[std::string(info.name)] = info.stream.value;
    EXPECT_EQ(actual, expected);
}

TEST(Registry, EveryEntryBuildsAndRoundTripsItsState) {
    for (const auto& info : strategy_registry()) {
        auto strategy = info.make(info.stream);
        ASSERT_NE(strategy, nullptr) << info.name;
        EXPECT_FALSE(info.title_zh.empty()) << info.name;
        EXPECT_FALSE(info.title_en.empty()) << info.name;
        auto again = info.make(info.stream);
        again->restore(strategy->save());
        EXPECT_EQ(again->save(), strategy->save()) << info.name;
    }
}

// A strategy that draws from its own stream every day and changes nothing.
class Dummy final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        for (Index b = 0; b < w.buildings.count(); ++b) {
            Stream s = stream(ctx, b);
            for (int k = 0; k < 8; ++k) sink_ += s();
        }
    }
    std::uint64_t sink_ = 0;
};
std::unique_ptr<Strategy> make_dummy(StreamId stream) {
    return std::make_unique<Dummy>(stream);
}

// Adding a strategy before and after the shipped ones (moving every shipped
// entry to another place in the list) leaves the golden baseline as it is.
TEST(Registry, AddingAStrategyLeavesTheGoldenBaselineUnchanged) {
    const StrategyInfo dummy{"dummy",
                             "Dummy",
                             "测试",
                             "draws and does nothing",
                             &Params::louzu_enabled,
                             "staffing",
                             StreamId{kNextFreeStream},
                             &make_dummy};
    StrategyInfo last = dummy;
    last.name = "dummy_last";
    last.stream = StreamId{kNextFreeStream + 1};
    std::vector<StrategyInfo> registry{dummy};
    for (const auto& info : strategy_registry()) registry.push_back(info);
    registry.push_back(last);

    const std::string dir = std::string(JICENG_SOURCE_DIR) + "/tests/regression/";
    auto model = freeze(load_scenario(dir + "golden.toml"));
    Simulation sim(model, model->params().run_seed, 0, model->params().run_days, registry);
    sim.run();
    const Results& r = sim.results();
    const RunData golden = read_run_in_process(dir + "golden.h5");

    ASSERT_EQ(golden.day, r.days);
    for (int k = 0; k < kOutcomes; ++k) {
        const auto& spec = outcome_table()[k];
        const RunOutcome* g = golden.find_outcome(spec.name);
        ASSERT_NE(g, nullptr) << spec.name;
        EXPECT_EQ(g->values, r.district[k]) << spec.name;
        if (spec.by_street) {
            EXPECT_EQ(g->by_street, r.street[k]) << spec.name << "_by_street";
        }
    }
    ASSERT_EQ(golden.snapshot_days, r.snapshot_days);
    for (int k = 0; k < kIndicators; ++k) {
        const auto& spec = indicator_table()[k];
        const RunIndicator* g = golden.find_indicator(spec.name);
        ASSERT_NE(g, nullptr) << spec.name;
        EXPECT_EQ(g->values, r.snapshots[k]) << spec.name;
    }
}

}  // namespace
}  // namespace jiceng
