// Engagement: a Markov chain active ↔ nominal ↔ lapsed, decay raised by
// overload and by having no organisation, slowed by dual leadership of
// building groups, recovery raised by members' service.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

// More members and faster decay, so a few days give many transitions.
Scenario lively() {
    Scenario s = small_scenario();
    s.params.members_share = 0.3;
    s.params.engagement_active_to_nominal = 0.999;
    s.params.engagement_nominal_to_lapsed = 0.9;
    s.params.engagement_nominal_to_active = 0.9;
    s.params.engagement_lapsed_to_nominal = 0.9;
    return s;
}

std::vector<Index> members(const World& w) {
    std::vector<Index> out;
    for (Index i : occupied_residents(w))
        if (w.residents.member[i]) out.push_back(i);
    return out;
}

void set_all(World& w, const std::vector<Index>& who, Engagement e) {
    for (Index i : who) w.residents.engagement[i] = u8(e);
}

// Over many member-days no step skips a state (active → lapsed or lapsed →
// active); every allowed step happens.
TEST(Engagement, ChainMovesOnlyBetweenNeighbouringStates) {
    Bench bench(lively(), 81);
    bench.refresh();
    World& w = bench.w;
    for (Index a = 0; a < bench.areas(); ++a) {
        w.areas.overload[a] = 3.0f;
        w.areas.member_resolutions[a] = 20;
    }
    std::int64_t moves[3][3] = {};
    for (std::int64_t day = 1; day <= 120; ++day) {
        const auto before = w.residents.engagement;
        bench.run_all(&run_engagement, day);
        for (Index i : members(w)) moves[before[i]][w.residents.engagement[i]] += 1;
    }
    const int A = u8(Engagement::Active), N = u8(Engagement::Nominal), L = u8(Engagement::Lapsed);
    EXPECT_EQ(moves[A][L], 0);
    EXPECT_EQ(moves[L][A], 0);
    EXPECT_GT(moves[A][N], 50);
    EXPECT_GT(moves[N][A], 50);
    EXPECT_GT(moves[N][L], 50);
    EXPECT_GT(moves[L][N], 50);
}

// Decay rates with common random numbers: two worlds from the same seed with
// every member active, one changed by `tweak`; the members who decay in the
// slower world are a subset of those who decay in the faster one. Returns the
// decay fractions (slow, fast) over `days` days.
template <class Tweak>
std::pair<double, double> decay_pair(Scenario s, Tweak tweak_fast, Tweak tweak_slow, int days = 20) {
    Bench slow(s, 82), fast(s, 82);
    slow.refresh();
    fast.refresh();
    const auto who = members(slow.w);
    tweak_slow(slow.w, who);
    tweak_fast(fast.w, who);
    double n = 0, decayed_slow = 0, decayed_fast = 0;
    for (int day = 1; day <= days; ++day) {
        set_all(slow.w, who, Engagement::Active);
        set_all(fast.w, who, Engagement::Active);
        slow.run_all(&run_engagement, day);
        fast.run_all(&run_engagement, day);
        for (Index i : who) {
            const bool ds = slow.w.residents.engagement[i] != u8(Engagement::Active);
            const bool df = fast.w.residents.engagement[i] != u8(Engagement::Active);
            if (ds) {
                EXPECT_TRUE(df) << "member " << i << " day " << day;
            }
            EXPECT_NE(slow.w.residents.engagement[i], u8(Engagement::Lapsed));
            n += 1;
            decayed_slow += ds;
            decayed_fast += df;
        }
    }
    return {decayed_slow / n, decayed_fast / n};
}

// Overload multiplies the decay hazard: per_day(active_to_nominal) × overload
// (4 binomial standard errors over ~30 000 member-days).
TEST(Engagement, OverloadRaisesDecay) {
    Scenario s = lively();
    using W = std::function<void(World&, const std::vector<Index>&)>;
    const W normal = [](World& w, const std::vector<Index>&) {
        for (Index a = 0; a < w.areas.count(); ++a) w.areas.overload[a] = 1.0f;
    };
    const W overloaded = [](World& w, const std::vector<Index>&) {
        for (Index a = 0; a < w.areas.count(); ++a) w.areas.overload[a] = 4.0f;
    };
    const auto [slow, fast] = decay_pair(s, overloaded, normal);
    const double q = per_day(0.999), n = 20.0 * members(Bench(s, 82).w).size();
    EXPECT_NEAR(slow, q, 4.0 * binomial_se(q, n));
    EXPECT_NEAR(fast, 4 * q, 4.0 * binomial_se(4 * q, n));
}

// Building-group members under dual leadership decay at
// policy.group_active_to_nominal of the usual hazard.
TEST(Engagement, GroupMembersUnderDualLeadershipDecaySlower) {
    Scenario s = lively();
    using W = std::function<void(World&, const std::vector<Index>&)>;
    const W plain = [](World& w, const std::vector<Index>& who) {
        w.policy.group_active_to_nominal = 0.5;
        for (Index i : who) w.residents.flags[i] &= static_cast<std::uint8_t>(~flag::kInGroup);
    };
    const W grouped = [](World& w, const std::vector<Index>& who) {
        w.policy.group_active_to_nominal = 0.5;
        for (Index i : who) w.residents.flags[i] |= flag::kInGroup;
    };
    const auto [slow, fast] = decay_pair(s, plain, grouped);
    const double q = per_day(0.999), n = 20.0 * members(Bench(s, 82).w).size();
    EXPECT_NEAR(fast, q, 4.0 * binomial_se(q, n));
    EXPECT_NEAR(slow, 0.5 * q, 4.0 * binomial_se(0.5 * q, n));
}

// Members without an organisation (relation Elsewhere or Lost) decay at
// engagement.floating_decay times the hazard; a registered (Inflow) or
// community relation does not.
TEST(Engagement, MembersWithoutAnOrganisationDecayFaster) {
    Scenario s = lively();
    s.params.engagement_floating_decay = 3.0;
    using W = std::function<void(World&, const std::vector<Index>&)>;
    const W organised = [](World& w, const std::vector<Index>& who) {
        for (Index i : who) w.residents.relation[i] = u8(i % 2 ? Relation::Community : Relation::Inflow);
    };
    const W adrift = [](World& w, const std::vector<Index>& who) {
        for (Index i : who) w.residents.relation[i] = u8(i % 2 ? Relation::Lost : Relation::Elsewhere);
    };
    const auto [slow, fast] = decay_pair(s, adrift, organised);
    const double q = per_day(0.999), n = 20.0 * members(Bench(s, 82).w).size();
    EXPECT_NEAR(slow, q, 4.0 * binomial_se(q, n));
    EXPECT_NEAR(fast, 3 * q, 4.0 * binomial_se(3 * q, n));
}

// Recovery from nominal rises with members' resolutions today per active
// member: per_day(nominal_to_active) + service_boost × resolutions / active.
TEST(Engagement, ServiceRaisesRecovery) {
    Scenario s = lively();
    s.params.engagement_nominal_to_lapsed = 0.0;
    s.params.engagement_service_boost = 0.05;
    double rates[2] = {};
    std::vector<std::vector<std::uint8_t>> outcomes;
    for (std::uint32_t resolutions : {0u, 40u}) {
        Bench bench(s, 83);
        World& w = bench.w;
        const auto who = members(w);
        // 20 active members counted per area.
        for (Index a = 0; a < bench.areas(); ++a) {
            for (Index b = w.areas.first_building[a]; b < w.areas.first_building[a] + w.areas.buildings[a]; ++b)
                w.buildings.members_active[b] = b == w.areas.first_building[a] ? 20 : 0;
            w.areas.member_resolutions[a] = resolutions;
        }
        double n = 0, recovered = 0;
        std::vector<std::uint8_t> back;
        for (int day = 1; day <= 20; ++day) {
            set_all(w, who, Engagement::Nominal);
            bench.run_all(&run_engagement, day);
            for (Index i : who) {
                const bool up = w.residents.engagement[i] == u8(Engagement::Active);
                ASSERT_NE(w.residents.engagement[i], u8(Engagement::Lapsed));
                back.push_back(up);
                n += 1;
                recovered += up;
            }
        }
        const double q = per_day(0.9) + 0.05 * resolutions / 20.0;
        EXPECT_NEAR(recovered / n, q, 4.0 * binomial_se(q, n)) << resolutions << " resolutions";
        rates[resolutions ? 1 : 0] = recovered / n;
        outcomes.push_back(std::move(back));
    }
    ASSERT_EQ(outcomes[0].size(), outcomes[1].size());
    for (std::size_t k = 0; k < outcomes[0].size(); ++k)
        if (outcomes[0][k]) {
            EXPECT_TRUE(outcomes[1][k]) << k;
        }
    EXPECT_GT(rates[1], 5 * rates[0]);
}

TEST(Engagement, NonMembersAndVacantHouseholdsAreUntouched) {
    Bench bench(lively(), 84);
    World& w = bench.w;
    for (Index h = 0; h < w.households.count(); ++h) set_occupied(w, h, h % 2);
    for (Index a = 0; a < bench.areas(); ++a) w.areas.overload[a] = 20.0f;
    auto& r = w.residents;
    for (Index i = 0; i < r.size(); ++i) r.engagement[i] = u8(Engagement::Active);  // members and non-members alike
    bench.run_all(&run_engagement, kJan2);
    std::size_t decayed = 0;
    for (Index i = 0; i < r.size(); ++i) {
        const bool moves = r.member[i] && w.households.occupied[r.household[i]];
        if (!moves) {
            EXPECT_EQ(r.engagement[i], u8(Engagement::Active)) << i;
        } else {
            decayed += r.engagement[i] != u8(Engagement::Active);
        }
    }
    EXPECT_GT(decayed, 50u);
}

}  // namespace
}  // namespace jiceng::proctest
