// Discovery: each channel (self-report, committee visits, property
// management, studio, member neighbours) sees what it is meant to see, and
// more of a channel means more needs known.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

// Area 0 with every channel closed; each test opens the ones it studies.
struct Quiet {
    Bench bench;
    std::vector<Index> residents;

    explicit Quiet(Scenario s, std::uint64_t seed = 41) : bench(std::move(s), seed) {
        bench.refresh();
        World& w = bench.w;
        residents = occupied_residents(w, 0);
        for (Index i : residents) w.residents.satisfaction[i] = 0.0f;  // no self-report
        for (Index b = w.areas.first_building[0]; b < w.areas.first_building[0] + w.areas.buildings[0]; ++b)
            w.buildings.members_active[b] = w.buildings.members_disclosed_active[b] = 0;
        w.areas.staff[0] = 0;
        w.areas.studio[0] = 0;
    }
    // Every resident gets an open, unknown need; types cycle when several are given.
    void open(std::initializer_list<NeedType> types) {
        std::vector<NeedType> t(types);
        for (std::size_t k = 0; k < residents.size(); ++k) {
            const Index i = residents[k];
            bench.w.residents.need[i] = u8(t[k % t.size()]);
            bench.w.residents.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
        }
    }
    bool known(Index i) const { return bench.w.residents.flags[i] & flag::kNeedKnown; }
    std::size_t count_known() const {
        std::size_t n = 0;
        for (Index i : residents) n += known(i);
        return n;
    }
};

Scenario no_property() {
    Scenario s = small_scenario();
    s.params.discovery_property_visits = 0.0;
    return s;
}

std::uint32_t occupied_households(const World& w, Index area) {
    std::uint32_t n = 0;
    for (Index h = w.areas.first_household[area]; h < w.areas.first_household[area] + w.areas.households[area]; ++h)
        n += w.households.occupied[h];
    return n;
}

// More committee staff, more needs known: with the same streams the needs
// found by 1 staff member are a subset of those found by 8, and each rate is
// staff × committee_visits / occupied households (4 binomial standard
// errors over 10 working days). No visits at weekends.
TEST(Discovery, MoreCommitteeStaffFindMoreNeeds) {
    Quiet one(no_property()), eight(no_property());
    one.bench.w.areas.staff[0] = 1;
    eight.bench.w.areas.staff[0] = 8;
    const double households = occupied_households(one.bench.w, 0);
    const double visits = one.bench.p().discovery_committee_visits;
    double found_one = 0, found_eight = 0, trials = 0;
    int working_days = 0;
    for (std::int64_t day = 1; working_days < 10; ++day) {
        if (!one.bench.calendar.is_working_day(day)) continue;
        ++working_days;
        one.open({NeedType::Psych});
        eight.open({NeedType::Psych});
        const Tally t1 = one.bench.run(&run_discovery, day, 0);
        const Tally t8 = eight.bench.run(&run_discovery, day, 0);
        for (Index i : one.residents)
            if (one.known(i)) {
                EXPECT_TRUE(eight.known(i)) << i;
            }
        EXPECT_EQ(t1.known, static_cast<std::int64_t>(one.count_known()));
        found_one += t1.known;
        found_eight += t8.known;
        trials += one.residents.size();
    }
    const double q1 = 1 * visits / households, q8 = 8 * visits / households;
    EXPECT_NEAR(found_one / trials, q1, 4.0 * binomial_se(q1, trials));
    EXPECT_NEAR(found_eight / trials, q8, 4.0 * binomial_se(q8, trials));

    eight.open({NeedType::Psych});
    EXPECT_EQ(eight.bench.run(&run_discovery, kJan4, 0).known, 0) << "no committee visits on a Saturday";
    EXPECT_EQ(eight.bench.run(&run_discovery, kJan5, 0).known, 0) << "no committee visits on a Sunday";
}

// Property management sees building public issues only, on working days.
TEST(Discovery, PropertyManagementFindsPublicIssuesOnly) {
    Scenario s = small_scenario();
    s.params.discovery_property_visits = 1000.0;  // every building every working day
    Quiet q(s);
    q.open({NeedType::Public, NeedType::Psych, NeedType::Dispute, NeedType::Hardship});
    q.bench.run(&run_discovery, kJan4, 0);
    EXPECT_EQ(q.count_known(), 0u) << "no inspections at weekends";
    q.bench.run(&run_discovery, kJan2, 0);
    std::size_t public_issues = 0;
    for (Index i : q.residents) {
        const bool pub = q.bench.w.residents.need[i] == u8(NeedType::Public);
        public_issues += pub;
        EXPECT_EQ(q.known(i), pub) << "resident " << i;
    }
    EXPECT_GT(public_issues, 100u);

    // At 2 buildings a day a public issue is found with chance 2 / buildings.
    Scenario s2 = small_scenario();
    s2.params.discovery_property_visits = 2.0;
    Quiet q2(s2);
    const double chance = 2.0 / q2.bench.w.areas.buildings[0];
    double found = 0, trials = 0;
    for (std::int64_t day : {1, 2, 5, 6, 7, 8, 9, 12, 13, 14}) {
        ASSERT_TRUE(q2.bench.calendar.is_working_day(day));
        q2.open({NeedType::Public});
        found += q2.bench.run(&run_discovery, day, 0).known;
        trials += q2.residents.size();
    }
    EXPECT_NEAR(found / trials, chance, 4.0 * binomial_se(chance, trials));
}

// A studio sees needs of its speciality in its area only, any day.
TEST(Discovery, StudioFindsItsSpecialityOnly) {
    Quiet q(no_property());
    q.bench.w.areas.studio[0] = u8(NeedType::Dispute) + 1;
    q.bench.w.policy.studio_discovery = 1.0;
    q.open({NeedType::Dispute, NeedType::Psych, NeedType::Public, NeedType::Elderly});
    q.bench.run(&run_discovery, kJan4, 0);
    std::size_t disputes = 0;
    for (Index i : q.residents) {
        const bool dispute = q.bench.w.residents.need[i] == u8(NeedType::Dispute);
        disputes += dispute;
        EXPECT_EQ(q.known(i), dispute) << "resident " << i;
    }
    EXPECT_GT(disputes, 100u);

    // At studio_discovery 0.3: 30 % of its speciality (4 binomial standard errors).
    Quiet q2(no_property(), 42);
    q2.bench.w.areas.studio[0] = u8(NeedType::Dispute) + 1;
    q2.bench.w.policy.studio_discovery = 0.3;
    q2.open({NeedType::Dispute});
    const double found = q2.bench.run(&run_discovery, kJan4, 0).known, n = q2.residents.size();
    EXPECT_NEAR(found / n, 0.3, 4.0 * binomial_se(0.3, n));
}

// Active members in the building notice needs, disclosed group members more
// so: same streams, 5 active members per building, none vs all disclosed
// (multiplier 3). Rates 1 − (1 − q)^5 and 1 − (1 − 3q)^5 (4 standard errors).
TEST(Discovery, DisclosedGroupMembersRaiseDiscovery) {
    Scenario s = no_property();
    s.params.discovery_member_neighbour = 0.02;
    Quiet none(s), plain(s), disclosed(s);
    for (Quiet* q : {&plain, &disclosed}) {
        World& w = q->bench.w;
        w.policy.group_discovery_multiplier = 3.0;
        for (Index b = w.areas.first_building[0]; b < w.areas.first_building[0] + w.areas.buildings[0]; ++b) {
            w.buildings.members_active[b] = 5;
            w.buildings.members_disclosed_active[b] = q == &disclosed ? 5 : 0;
        }
    }
    double n_none = 0, n_plain = 0, n_disclosed = 0, trials = 0;
    for (std::int64_t day = 3; day < 13; ++day) {
        for (Quiet* q : {&none, &plain, &disclosed}) q->open({NeedType::Psych});
        n_none += none.bench.run(&run_discovery, day, 0).known;
        n_plain += plain.bench.run(&run_discovery, day, 0).known;
        n_disclosed += disclosed.bench.run(&run_discovery, day, 0).known;
        for (Index i : plain.residents)
            if (plain.known(i)) {
                EXPECT_TRUE(disclosed.known(i)) << i;
            }
        trials += plain.residents.size();
    }
    EXPECT_EQ(n_none, 0) << "no channel is open without members";
    const double qp = 1 - std::pow(1 - 0.02, 5), qd = 1 - std::pow(1 - 0.06, 5);
    EXPECT_NEAR(n_plain / trials, qp, 4.0 * binomial_se(qp, trials));
    EXPECT_NEAR(n_disclosed / trials, qd, 4.0 * binomial_se(qd, trials));
}

// Self-report rises with satisfaction and with the online platform:
// p = self_report × platform_report × satisfaction (4 standard errors).
TEST(Discovery, SelfReportFollowsSatisfactionAndPlatform) {
    Scenario s = no_property();
    s.params.discovery_self_report = 0.2;
    for (const auto& [satisfaction, platform] : {std::pair{1.0f, 1.0}, std::pair{0.5f, 1.0}, std::pair{0.5f, 1.5}}) {
        Quiet q(s);
        q.bench.w.policy.platform_report = platform;
        double found = 0, trials = 0;
        for (std::int64_t day = 3; day < 9; ++day) {
            q.open({NeedType::Job});
            for (Index i : q.residents) q.bench.w.residents.satisfaction[i] = satisfaction;
            found += q.bench.run(&run_discovery, day, 0).known;
            trials += q.residents.size();
        }
        const double p = 0.2 * platform * satisfaction;
        EXPECT_NEAR(found / trials, p, 4.0 * binomial_se(p, trials))
            << "satisfaction " << satisfaction << " platform " << platform;
    }
}

// Channels are independent: one draw against 1 − Π(1 − p_channel).
TEST(Discovery, ChannelsCombineIndependently) {
    Scenario s = no_property();
    s.params.discovery_self_report = 0.1;
    s.params.discovery_member_neighbour = 0.05;
    Quiet q(s);
    World& w = q.bench.w;
    const double households = occupied_households(w, 0);
    w.areas.staff[0] = 2;
    for (Index b = w.areas.first_building[0]; b < w.areas.first_building[0] + w.areas.buildings[0]; ++b)
        w.buildings.members_active[b] = 2;
    double found = 0, trials = 0;
    for (std::int64_t day : {1, 2, 5, 6, 7, 8, 9, 12}) {
        q.open({NeedType::Psych});
        for (Index i : q.residents) w.residents.satisfaction[i] = 1.0f;
        found += q.bench.run(&run_discovery, day, 0).known;
        trials += q.residents.size();
    }
    const double p_visit = 2 * s.params.discovery_committee_visits / households;
    const double p = 1 - (1 - 0.1) * (1 - p_visit) * std::pow(1 - 0.05, 2);
    EXPECT_NEAR(found / trials, p, 4.0 * binomial_se(p, trials));
}

// Known needs are not found again; residents without a need are never flagged.
TEST(Discovery, OnlyUnknownOpenNeedsAreCounted) {
    Scenario s = small_scenario();
    s.params.discovery_self_report = 1.0;
    Quiet q(s);
    World& w = q.bench.w;
    for (std::size_t k = 0; k < q.residents.size(); ++k) {
        const Index i = q.residents[k];
        w.residents.satisfaction[i] = 1.0f;
        w.residents.need[i] = k % 3 == 0 ? 0 : u8(NeedType::Psych);
        if (k % 3 == 1)
            w.residents.flags[i] |= flag::kNeedKnown;
        else
            w.residents.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
    }
    const Tally t = q.bench.run(&run_discovery, kJan2, 0);
    std::int64_t fresh = 0;
    for (std::size_t k = 0; k < q.residents.size(); ++k) {
        const Index i = q.residents[k];
        fresh += k % 3 == 2;
        EXPECT_EQ(q.known(i), k % 3 != 0) << "resident " << i;
    }
    EXPECT_EQ(t.known, fresh);
}

// Discovery hands response the residents with a known open need (already
// known or found today), in slot order, and only those.
TEST(Discovery, HandsKnownNeedsToResponse) {
    Scenario s = no_property();
    s.params.discovery_self_report = 0.5;
    Quiet q(s);
    World& w = q.bench.w;
    q.open({NeedType::Psych, NeedType::Elderly});
    for (std::size_t k = 0; k < q.residents.size(); ++k) {
        const Index i = q.residents[k];
        w.residents.satisfaction[i] = 1.0f;
        if (k % 5 == 0) w.residents.need[i] = 0;
        if (k % 5 == 1) w.residents.flags[i] |= flag::kNeedKnown;
    }
    w.areas.known[0] = {q.residents[0], q.residents[0]};  // yesterday's list is replaced
    const Tally t = q.bench.run(&run_discovery, kJan4, 0);
    std::vector<Index> expected;
    std::int64_t already = 0;
    for (std::size_t k = 0; k < q.residents.size(); ++k) {
        const Index i = q.residents[k];
        if (w.residents.need[i] != 0 && q.known(i)) expected.push_back(i);
        already += k % 5 == 1;
    }
    EXPECT_EQ(w.areas.known[0], expected);
    EXPECT_EQ(static_cast<std::int64_t>(expected.size()), already + t.known);
    EXPECT_GT(t.known, 100);
}

}  // namespace
}  // namespace jiceng::proctest
