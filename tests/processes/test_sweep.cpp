// Fused passes: running processes resident by resident in one pass must give
// exactly what running them one full pass after another gives (sweep.hpp), on
// a world with every kind of state in play (a louzu package run for a while,
// so there are open needs, groups, disclosure, studios and applications).
#include "process_bench.hpp"
#include "sim/processes/aggregates.hpp"
#include "sim/processes/sweep.hpp"
#include "sim/simulation/simulation.hpp"

namespace jiceng::proctest {
namespace {

// Every persistent array of two worlds, compared value for value.
void expect_same_world(const World& a, const World& b) {
    auto compare = [&](const auto& struct_a, const auto& struct_b, const char* what) {
        using S = std::decay_t<decltype(struct_a)>;
        std::vector<std::string> names_a;
        std::vector<const void*> arrays_a;
        S::visit(struct_a, [&](const char* name, const auto& v) {
            names_a.emplace_back(name);
            arrays_a.push_back(&v);
        });
        std::size_t k = 0;
        S::visit(struct_b, [&](const char* name, const auto& v) {
            const auto& va = *static_cast<const std::decay_t<decltype(v)>*>(arrays_a[k++]);
            EXPECT_TRUE(va == v) << what << "." << name << " differs";
        });
        EXPECT_EQ(k, names_a.size());
    };
    compare(a.residents, b.residents, "residents");
    compare(a.households, b.households, "households");
    compare(a.buildings, b.buildings, "buildings");
    compare(a.areas, b.areas, "areas");
    compare(a.orgs, b.orgs, "orgs");
    EXPECT_EQ(a.areas.known, b.areas.known);
}

struct Midrun {
    std::shared_ptr<const Model> model;
    RandomStreams rng;
    Calendar calendar;
    World w;
    std::int64_t day;
};

// A package scenario run for 70 days (past two month starts), then a copy of
// its world with the next day's morning phases done.
Midrun midrun() {
    Scenario s = load_scenario(std::string(JICENG_SOURCE_DIR) + "/scenarios/package-hongkou.toml");
    s.params.district_streets = 1;
    s.params.district_residents_per_street = 6000;
    s.params.district_areas_per_street = 3;
    auto model = freeze(std::move(s));
    Simulation sim(model, 11, 0, 71);
    for (int d = 0; d < 70; ++d) sim.step();
    Midrun m{model, RandomStreams(11, 0), Calendar(model->params().run_start_date), sim.world(), 71};
    const DayContext ctx{*m.model, m.model->params(), m.model->rates, m.rng, m.calendar, m.day, nullptr};
    for (Index a = 0; a < m.w.areas.count(); ++a) {
        Tally t;
        open_day(m.w, ctx, a, t);
        run_moves(m.w, ctx, a, t);
    }
    return m;
}

TEST(Sweep, NeedsThenDiscoveryFusedEqualsTwoPasses) {
    Midrun m = midrun();
    const DayContext ctx{*m.model, m.model->params(), m.model->rates, m.rng, m.calendar, m.day, nullptr};
    World fused = m.w, separate = m.w;
    std::int64_t known = 0, open_needs = 0;
    for (Index a = 0; a < m.w.areas.count(); ++a) {
        Tally tf, ts;
        run_needs_discovery(fused, ctx, a, tf);
        run_needs(separate, ctx, a, ts);
        run_discovery(separate, ctx, a, ts);
        EXPECT_EQ(tf.known, ts.known);
        EXPECT_EQ(tf.self_resolved, ts.self_resolved);
        EXPECT_EQ(tf.escalations, ts.escalations);
        EXPECT_EQ(tf.arisen, ts.arisen);
        known += static_cast<std::int64_t>(fused.areas.known[a].size());
    }
    for (auto n : fused.residents.need) open_needs += n != 0;
    expect_same_world(fused, separate);
    // The comparison means something only if there was work to do.
    EXPECT_GT(open_needs, 20);
    EXPECT_GT(known, 5);
}

TEST(Sweep, EngagementTrustAggregatesFusedEqualsThreePasses) {
    Midrun m = midrun();
    const DayContext ctx{*m.model, m.model->params(), m.model->rates, m.rng, m.calendar, m.day, nullptr};
    // Today's response first, so engagement has overload and service to read.
    for (Index a = 0; a < m.w.areas.count(); ++a) {
        Tally t;
        run_needs_discovery(m.w, ctx, a, t);
        run_response(m.w, ctx, a, t);
    }
    World fused = m.w, separate = m.w;
    std::vector<Stock> stocks(m.w.areas.count());
    const DayContext recording{*m.model, m.model->params(), m.model->rates, m.rng, m.calendar, m.day, stocks.data()};
    std::int64_t members = 0, disclosed = 0;
    for (Index a = 0; a < m.w.areas.count(); ++a) {
        Tally t;
        run_engagement_trust_aggregates(fused, recording, a, t);
        run_engagement(separate, ctx, a, t);
        run_trust(separate, ctx, a, t);
        auto [aggregates] = sweep_area(separate, a, AggregatesProcess(separate, a));
        const Stock s = aggregates.finish();
        EXPECT_EQ(stocks[a].residents, s.residents);
        EXPECT_EQ(stocks[a].members, s.members);
        EXPECT_EQ(stocks[a].active, s.active);
        EXPECT_EQ(stocks[a].backlog, s.backlog);
        EXPECT_EQ(stocks[a].trust, s.trust);
        members += s.members;
    }
    for (auto d : fused.buildings.members_disclosed_active) disclosed += d;
    expect_same_world(fused, separate);
    EXPECT_GT(members, 100);
    EXPECT_GT(disclosed, 0) << "the package's 楼组 must have disclosed members for trust's pull to matter";
}

// The sweep skips vacant slots by the residents' present flag: after 70 days
// of moves it must still mirror the households' occupied flag exactly.
TEST(Sweep, PresentMirrorsOccupied) {
    const Midrun m = midrun();
    std::int64_t vacant = 0;
    for (Index i = 0; i < m.w.residents.size(); ++i) {
        ASSERT_EQ(m.w.residents.present[i], m.w.households.occupied[m.w.residents.household[i]]) << "resident " << i;
        vacant += m.w.residents.present[i] == 0;
    }
    EXPECT_GT(vacant, 0) << "moves must have emptied some dwellings";
}

}  // namespace
}  // namespace jiceng::proctest
