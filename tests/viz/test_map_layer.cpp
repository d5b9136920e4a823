// Palettes, colour scales, layers and number formats.
#include <gtest/gtest.h>

#include "viz/map_layer.hpp"
#include "viz/map_view.hpp"
#include "viz/palette.hpp"
#include "viz/series_panel.hpp"

using namespace jiceng;
using namespace jiceng::viz;

namespace {

// Two snapshots of three buildings on one street.
RunData small_run() {
    RunData run;
    run.scenario_name = "small";
    run.days = 10;
    for (int d = 0; d <= 10; ++d) {
        run.day.push_back(d);
        run.date.push_back("2003-01-" + std::to_string(d + 1));
    }
    run.street_names = {"street-01"};
    run.buildings.x = {0, 100, 200};
    run.buildings.y = {0, 0, 0};
    run.buildings.street = {0, 0, 0};
    run.buildings.area = {0, 0, 1};
    run.buildings.households = {10, 20, 30};
    run.snapshot_days = {0, 10};
    run.indicators.push_back(
        {{"trust_mean", "0-1", "Mean trust", "平均信任度", "", ""}, {0.5f, 0.5f, 0.5f, 0.2f, 0.6f, 0.9f}});
    run.indicators.push_back({{"building_groups", "groups", "Groups", "党小组", "", ""}, {0, 0, 0, 0, 1, 3}});
    RunOutcome trust{{"trust_mean", "0-1", "Mean trust", "平均信任度", "Mean trust.", "stock"}, {}, {}};
    for (int d = 0; d <= 10; ++d) {
        trust.values.push_back(0.5 + d * 0.01);
        trust.by_street.push_back(0.5 + d * 0.01);
    }
    run.outcomes.push_back(trust);
    return run;
}

}  // namespace

TEST(Palette, ViridisEndsAndRisingLightness) {
    EXPECT_EQ(viridis(0), sf::Color(68, 1, 84));
    EXPECT_EQ(viridis(1), sf::Color(253, 231, 37));
    EXPECT_EQ(viridis(-3), viridis(0));
    double previous = -1;
    for (int k = 0; k <= 50; ++k) {
        const double l = luminance(viridis(k / 50.0));
        EXPECT_GT(l, previous) << "viridis must get lighter along the scale (k=" << k << ")";
        previous = l;
    }
}

TEST(Palette, DivergingIsNeutralAtZero) {
    const sf::Color middle = diverging(0);
    EXPECT_GT(luminance(middle), 0.85);
    EXPECT_LT(luminance(diverging(-1)), 0.1);
    EXPECT_GT(diverging(1).r, diverging(1).b);    // orange for B above A
    EXPECT_GT(diverging(-1).b, diverging(-1).g);  // purple for B below A
}

TEST(Palette, OkabeIto) {
    EXPECT_EQ(okabe_ito(okabe::kBlue), sf::Color(0, 114, 178));
    EXPECT_EQ(okabe_ito(okabe::kVermillion), sf::Color(213, 94, 0));
    EXPECT_EQ(okabe_ito(8), okabe_ito(0));
    EXPECT_NE(run_colour(0), run_colour(1));
}

TEST(MapLayer, LayersAndValues) {
    const RunData run = small_run();
    const auto layers = available_layers(run);
    ASSERT_GE(layers.size(), 3u);
    EXPECT_EQ(layer_id(layers[0]), "trust_mean");
    EXPECT_EQ(layer_id(layers[1]), "groups_present");
    EXPECT_EQ(layer_id(layers.back()), "street.trust_mean");
    std::vector<float> values;
    ASSERT_TRUE(layer_values(layers[0], run, 9, values));  // day 9 shows the day-0 snapshot
    EXPECT_EQ(values, (std::vector<float>{0.5f, 0.5f, 0.5f}));
    EXPECT_EQ(layer_data_day(layers[0], run, 9), 0);
    ASSERT_TRUE(layer_values(layers[0], run, 10, values));
    EXPECT_EQ(values, (std::vector<float>{0.2f, 0.6f, 0.9f}));
    ASSERT_TRUE(layer_values(layers.back(), run, 4, values));
    EXPECT_FLOAT_EQ(values[2], 0.54f);
    EXPECT_EQ(layer_title(layers[1], run, Lang::zh), "是否建有楼组党小组");
    EXPECT_EQ(layer_title(layers.back(), run, Lang::en), "Mean trust (by street)");
}

TEST(MapLayer, ScalesAreSharedAndCategoriesFixed) {
    const RunData a = small_run();
    RunData b = small_run();
    b.indicators[0].values[5] = 1.0f;
    const MapLayer trust{LayerKind::Indicator, "trust_mean"};
    const ColourScale scale = make_scale(trust, {&a, &b});
    EXPECT_EQ(scale.kind, ColourScale::Kind::Sequential);
    EXPECT_FLOAT_EQ(static_cast<float>(scale.lo), 0.2f);
    EXPECT_GE(scale.hi, 0.89);
    EXPECT_EQ(scale.colour(scale.lo), viridis(0));
    EXPECT_EQ(scale.colour(100), viridis(1));
    const ColourScale groups = make_scale({LayerKind::GroupPresent, "building_groups"}, {&a});
    EXPECT_EQ(groups.colour(0), category_colour(0));
    EXPECT_EQ(groups.colour(1), category_colour(1));
    EXPECT_EQ(groups.colour(3), category_colour(2));
    const ColourScale difference = make_difference_scale(trust, a, b);
    EXPECT_EQ(difference.kind, ColourScale::Kind::Diverging);
    EXPECT_NEAR(difference.hi, 0.1, 1e-6);
}

TEST(MapLayer, SameLayout) {
    RunData a = small_run(), b = small_run();
    EXPECT_TRUE(same_layout(a, b));
    b.buildings.x[1] += 30;
    EXPECT_FALSE(same_layout(a, b));
    b = small_run();
    b.buildings.x.push_back(5);
    EXPECT_FALSE(same_layout(a, b));
}

TEST(Format, NumbersReadAsPeopleReadThem) {
    EXPECT_EQ(format_value(0.523, "share"), "52.3%");
    EXPECT_EQ(format_value(55123, "persons"), "55,123");
    EXPECT_EQ(format_value(0.4567, "0-1"), "0.457");
    EXPECT_EQ(format_value(12, "needs"), "12");
    EXPECT_EQ(format_value(2.5, "days"), "2.50");
    EXPECT_EQ(format_value(-1234567, "persons"), "-1,234,567");
}

TEST(Charts, TicksTrailingMeansAndSummaries) {
    const auto ticks = nice_ticks(0, 1, 5);
    ASSERT_EQ(ticks.size(), 6u);
    for (std::size_t k = 0; k < ticks.size(); ++k) EXPECT_NEAR(ticks[k], 0.2 * static_cast<double>(k), 1e-12);
    EXPECT_EQ(nice_ticks(3, 97, 4), (std::vector<double>{25, 50, 75}));
    EXPECT_TRUE(nice_ticks(1, 1, 5).empty());
    EXPECT_EQ(trailing_mean({2, 4, 6, 8}, 2), (std::vector<double>{2, 3, 5, 7}));
    RunSet set;
    set.replicates = {small_run(), small_run()};
    set.replicates[1].outcomes[0].values[3] = 1.0;
    const SeriesSummary s = summarise(set, "trust_mean");
    EXPECT_EQ(s.replicates, 2u);
    EXPECT_NEAR(s.mean[3], (0.53 + 1.0) / 2, 1e-12);
    EXPECT_NEAR(s.lo[3], 0.53, 1e-12);
    EXPECT_NEAR(s.hi[3], 1.0, 1e-12);
    EXPECT_FALSE(s.smoothed);
    EXPECT_DOUBLE_EQ(nice_length(730), 500);
    EXPECT_DOUBLE_EQ(nice_length(2100), 2000);
}
