// Needs: Poisson arrivals by type, ageing, escalation, abandonment and
// self-help (raised by mutual-help ties, lowered by crowding-out).
#include <array>
#include <climits>

#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

// Needs only age: nothing settles, escalates or is abandoned unless a test says so.
Scenario still() {
    Scenario s = small_scenario();
    s.params.needs_self_resolve_rate = 0.0;
    s.params.needs_escalation_hazard = 0.0;
    s.params.needs_max_age = 3650;
    return s;
}

// Gives every occupied resident of `area` an open need of `type` and age `age`.
std::vector<Index> open_needs(World& w, Index area, NeedType type, std::uint16_t age) {
    auto residents = occupied_residents(w, area);
    for (Index i : residents) {
        w.residents.need[i] = u8(type);
        w.residents.need_age[i] = age;
    }
    return residents;
}

// Arrivals over many resident-days match the Poisson rates of need_rates:
// per type, E = Σ_i D·(1 − e^{−λ_i})·λ_it/λ_i (at most one arrival a day, the
// type in proportion to the rates); tolerance 4·√E (the count is a sum of
// Bernoulli draws, variance below E). Rates are raised for precision.
TEST(Needs, ArrivalsMatchNeedRates) {
    Scenario s = still();
    s.params.needs_hardship_rate = 20.0;
    s.params.needs_elderly_rate = 20.0;
    s.params.needs_job_rate = 20.0;
    s.params.needs_dispute_rate = 10.0;
    s.params.needs_psych_rate = 5.0;
    s.params.needs_public_rate = 100.0;
    std::array<double, kNeedTypes> expected{}, observed{};
    const std::int64_t days = 100;
    for (std::uint64_t seed : {21u, 22u}) {
        Bench bench(s, seed);
        bench.refresh();
        for (Index i : occupied_residents(bench.w)) {
            const auto rate = need_rates(bench.w, bench.p(), i);
            double total = 0;
            for (double x : rate) total += x;
            if (total <= 0) continue;
            for (int t = 1; t < kNeedTypes; ++t) expected[t] += days * -std::expm1(-total) * rate[t] / total;
        }
        for (std::int64_t day = 1; day <= days; ++day) {
            const Tally t = bench.run_all(&run_needs, day);
            for (int k = 1; k < kNeedTypes; ++k) observed[k] += static_cast<double>(t.arisen[k]);
            EXPECT_EQ(t.arisen[0], 0);
        }
    }
    for (int t = 1; t < kNeedTypes; ++t) {
        ASSERT_GT(expected[t], 500.0) << "type " << t;
        EXPECT_NEAR(observed[t], expected[t], 4.0 * std::sqrt(expected[t])) << "need type " << t;
    }
}

// A new need is always of a type the resident is exposed to.
TEST(Needs, ArrivalsAreOfTypesWithPositiveRate) {
    Scenario s = still();
    s.params.needs_hardship_rate = 20.0;
    s.params.needs_job_rate = 20.0;
    s.params.needs_psych_rate = 5.0;
    Bench bench(s, 23);
    bench.refresh();
    auto& r = bench.w.residents;
    std::int64_t arrivals = 0;
    for (std::int64_t day = 1; day <= 60; ++day) {
        const auto before = r.need;
        bench.run_all(&run_needs, day);
        for (Index i : occupied_residents(bench.w)) {
            if (before[i] != 0 || r.need[i] == 0) continue;
            ++arrivals;
            EXPECT_EQ(r.need_age[i], 0);
            EXPECT_GT(need_rates(bench.w, bench.p(), i)[r.need[i]], 0.0)
                << "resident " << i << " type " << int(r.need[i]);
            EXPECT_GT(r.next_need_day[i], day);
            r.need[i] = 0;  // keep everyone exposed to arrivals
        }
    }
    EXPECT_GT(arrivals, 1000);
}

TEST(Needs, RatesFollowHouseholdAndFlags) {
    Bench bench(small_scenario(), 24);
    bench.refresh();
    const World& w = bench.w;
    const Params& p = bench.p();
    int low_income_households = 0;
    for (Index h = 0; h < w.households.count(); ++h) {
        double hardship = 0, dispute = 0;
        int adults = 0;
        for (Index i = w.households.first_resident[h]; i < w.households.first_resident[h] + w.households.size[h]; ++i) {
            const auto rate = need_rates(w, p, i);
            hardship += rate[u8(NeedType::Hardship)];
            dispute += rate[u8(NeedType::Dispute)];
            adults += is_adult(w, i);
            const std::uint8_t f = w.residents.flags[i];
            if (!(f & flag::kElderlyAlone)) {
                EXPECT_EQ(rate[u8(NeedType::Elderly)], 0.0);
            }
            if (!(f & flag::kUnemployed)) {
                EXPECT_EQ(rate[u8(NeedType::Job)], 0.0);
            }
            if (!is_adult(w, i)) {
                EXPECT_EQ(rate[u8(NeedType::Dispute)] + rate[u8(NeedType::Psych)] + rate[u8(NeedType::Public)], 0.0);
            } else {
                EXPECT_DOUBLE_EQ(rate[u8(NeedType::Psych)], rate_per_day(p.needs_psych_rate));
            }
        }
        // A low-income household gets hardship_rate needs a year in all; a
        // household's disputes total dispute_rate.
        const bool low_income = w.residents.flags[w.households.first_resident[h]] & flag::kLowIncome;
        low_income_households += low_income;
        EXPECT_NEAR(hardship, low_income ? rate_per_day(p.needs_hardship_rate) : 0.0, 1e-12);
        if (adults) {
            EXPECT_NEAR(dispute, rate_per_day(p.needs_dispute_rate), 1e-12);
        }
    }
    EXPECT_GT(low_income_households, 10);
}

// The next arrival is day + 1 + Geometric(1 − e^{−λ}) (failures before the
// first success): mean wait (1−q)/q, checked over many independent streams
// within 4 standard errors; no rate means never.
TEST(Needs, ScheduledWaitIsGeometric) {
    Bench bench(small_scenario(), 25);
    World& w = bench.w;
    Params p = bench.p();
    p.needs_psych_rate = 36.52425;  // 0.1 a day per adult; others off
    p.needs_dispute_rate = p.needs_public_rate = 0;
    p.needs_hardship_rate = p.needs_elderly_rate = p.needs_job_rate = 0;
    Index adult = kNone, child = kNone;
    for (Index i = 0; i < w.residents.size() && (adult == kNone || child == kNone); ++i)
        (is_adult(w, i) ? adult : child) = i;
    ASSERT_NE(child, kNone);
    const double q = -std::expm1(-0.1);
    double sum = 0;
    const int n = 20000;
    for (int k = 0; k < n; ++k) {
        Stream s = bench.rng.stream(500, ProcessId::Needs, 1000000 + k);
        schedule_next_need(w, p, adult, s, 500);
        ASSERT_GE(w.residents.next_need_day[adult], 501);
        sum += w.residents.next_need_day[adult] - 501;
    }
    const double mean = (1 - q) / q, sd = std::sqrt(1 - q) / q;
    EXPECT_NEAR(sum / n, mean, 4.0 * sd / std::sqrt(n));
    Stream s = bench.rng.stream(500, ProcessId::Needs, 7);
    schedule_next_need(w, p, child, s, 500);
    EXPECT_EQ(w.residents.next_need_day[child], INT32_MAX);
}

TEST(Needs, OpenNeedsAgeOneDayPerDay) {
    Bench bench(still(), 26);
    bench.refresh();
    auto residents = open_needs(bench.w, 0, NeedType::Psych, 5);
    for (std::int64_t day = 1; day <= 10; ++day) bench.run(&run_needs, day, 0);
    for (Index i : residents) {
        EXPECT_EQ(bench.w.residents.need[i], u8(NeedType::Psych)) << "a later arrival merges into the open need";
        EXPECT_EQ(bench.w.residents.need_age[i], 15);
    }
    // The other area was not run.
    for (Index i : occupied_residents(bench.w, 1)) EXPECT_EQ(bench.w.residents.need_age[i], 0);
}

// A second need while one is open joins it: counted as arisen, type, age and
// knowledge of the open need kept, next arrival rescheduled. With no open
// need the arrival opens a fresh, unknown need of age 0.
TEST(Needs, ArrivalMergesIntoAnOpenNeed) {
    Bench bench(still(), 27);
    bench.refresh();
    auto& r = bench.w.residents;
    const auto residents = occupied_residents(bench.w, 0);
    const std::int64_t day = 40;
    std::int64_t due = 0;
    for (Index i : residents) {
        r.next_need_day[i] = i % 2 ? static_cast<std::int32_t>(day) : INT32_MAX;
        due += i % 2;
        r.need[i] = i % 4 == 1 ? u8(NeedType::Elderly) : 0;
        r.need_age[i] = 20;
        r.flags[i] |= flag::kNeedKnown;
    }
    const Tally t = bench.run(&run_needs, day, 0);
    std::int64_t arisen = 0;
    for (std::int64_t x : t.arisen) arisen += x;
    EXPECT_EQ(arisen, due);
    for (Index i : residents) {
        if (i % 2 == 0) continue;
        EXPECT_GT(r.next_need_day[i], day);
        if (i % 4 == 1) {
            EXPECT_EQ(r.need[i], u8(NeedType::Elderly));
            EXPECT_EQ(r.need_age[i], 21);
            EXPECT_TRUE(r.flags[i] & flag::kNeedKnown);
        } else {
            EXPECT_NE(r.need[i], 0);
            EXPECT_EQ(r.need_age[i], 0);
            EXPECT_FALSE(r.flags[i] & flag::kNeedKnown);
        }
    }
}

// Escalation hazard h·(age/30)^k: older needs escalate more, at the stated
// daily probability (4 binomial standard errors), each one lowering trust by
// escalation_weight × learning; disputes scale with policy.dispute_escalation.
TEST(Needs, EscalationIsMoreLikelyForOlderNeeds) {
    Scenario s = still();
    s.params.needs_escalation_hazard = 0.01;
    s.params.needs_escalation_shape = 1.5;
    Bench bench(s, 28);
    bench.refresh();
    auto& r = bench.w.residents;
    const auto residents = occupied_residents(bench.w);
    const float hit = static_cast<float>(1.0 - s.params.trust_escalation_weight * s.params.trust_learning);
    double young_n = 0, young = 0, old_n = 0, old = 0;
    for (std::int64_t day = 1; day <= 20; ++day) {
        for (Index i : residents) {
            r.need[i] = u8(NeedType::Psych);
            r.need_age[i] = i % 2 ? 119 : 9;  // 120 and 10 days after today's ageing
            r.trust[i] = 1.0f;
            r.satisfaction[i] = 1.0f;
        }
        const Tally t = bench.run_all(&run_needs, day);
        std::int64_t escalated = 0;
        for (Index i : residents) {
            const bool e = r.trust[i] < 1.0f;
            escalated += e;
            if (e) {
                EXPECT_FLOAT_EQ(r.trust[i], hit);
                EXPECT_FLOAT_EQ(r.satisfaction[i], hit);
            }
            EXPECT_EQ(r.need[i], u8(NeedType::Psych)) << "an escalated need stays open";
            (i % 2 ? old_n : young_n) += 1;
            (i % 2 ? old : young) += e;
        }
        EXPECT_EQ(t.escalations, escalated);
    }
    const double q_young = 0.01 * std::pow(10.0 / 30.0, 1.5), q_old = 0.01 * std::pow(120.0 / 30.0, 1.5);
    EXPECT_NEAR(young / young_n, q_young, 4.0 * binomial_se(q_young, young_n));
    EXPECT_NEAR(old / old_n, q_old, 4.0 * binomial_se(q_old, old_n));
    EXPECT_GT(old / old_n, 10.0 * young / young_n);

    // Dispute coordination switched to 0: disputes never escalate.
    bench.w.policy.dispute_escalation = 0.0;
    open_needs(bench.w, 0, NeedType::Dispute, 200);
    EXPECT_EQ(bench.run(&run_needs, 30, 0).escalations, 0);
}

// Abandonment when a need reaches needs.max_age: cleared, counted, and trust
// and satisfaction move towards 0 at trust.learning.
TEST(Needs, AbandonmentAtMaxAgeLowersTrust) {
    Scenario s = still();
    s.params.needs_max_age = 30;
    Bench bench(s, 29);
    bench.refresh();
    auto& r = bench.w.residents;
    const auto residents = open_needs(bench.w, 0, NeedType::Hardship, 0);
    std::int64_t reaching = 0;
    for (Index i : residents) {
        r.need_age[i] = i % 2 ? 29 : 28;
        reaching += i % 2;
        r.flags[i] |= flag::kNeedKnown;
        r.trust[i] = 0.8f;
        r.satisfaction[i] = 0.6f;
        r.next_need_day[i] = INT32_MAX;  // no fresh arrival to reopen a cleared need
    }
    const Tally t = bench.run(&run_needs, 50, 0);
    EXPECT_EQ(t.abandoned, reaching);
    const double keep = 1.0 - s.params.trust_learning;
    for (Index i : residents) {
        if (i % 2) {
            EXPECT_EQ(r.need[i], 0);
            EXPECT_FALSE(r.flags[i] & flag::kNeedKnown);
            EXPECT_NEAR(r.trust[i], 0.8 * keep, 1e-6);
            EXPECT_NEAR(r.satisfaction[i], 0.6 * keep, 1e-6);
        } else {
            EXPECT_EQ(r.need[i], u8(NeedType::Hardship));
            EXPECT_FLOAT_EQ(r.trust[i], 0.8f);
        }
    }
}

// Self-help with common random numbers: the same seed and day give every
// resident the same draw, so raising the self-help chance (ties) can only add
// settled needs and lowering it (crowd-out) can only remove them. Rates
// within 4 binomial standard errors of self_resolve × (1 + mutual_help ×
// ties per resident) × 1 / (1 + crowd_out × service hours per resident).
TEST(Needs, MutualHelpRaisesAndCrowdingOutLowersSelfHelp) {
    const double base = 0.05;
    auto setup = [&](double ties_per_resident, double crowd_out, double service_per_resident) {
        Scenario s = still();
        s.params.needs_self_resolve_rate = base;
        s.params.needs_mutual_help = 1.0;
        s.params.response_crowd_out = crowd_out;
        auto bench = std::make_unique<Bench>(s, 30);
        bench->refresh();
        World& w = bench->w;
        for (Index b = 0; b < w.buildings.count(); ++b)
            w.buildings.ties[b] = static_cast<float>(ties_per_resident * w.buildings.occupants[b]);
        for (Index a = 0; a < w.areas.count(); ++a)
            w.areas.service_hours[a] = static_cast<float>(service_per_resident * occupied_residents(w, a).size());
        open_needs(w, 0, NeedType::Psych, 3);
        open_needs(w, 1, NeedType::Psych, 3);
        return bench;
    };
    auto plain = setup(0.0, 0.0, 0.0);
    auto tied = setup(2.0, 0.0, 0.0);      // self-help × 3
    auto crowded = setup(0.0, 10.0, 0.1);  // self-help × 1/2
    const auto residents = occupied_residents(plain->w);
    const double n = static_cast<double>(residents.size());
    double settled_plain = 0, settled_tied = 0, settled_crowded = 0;
    for (std::int64_t day = 1; day <= 5; ++day) {
        plain->run_all(&run_needs, day);
        tied->run_all(&run_needs, day);
        crowded->run_all(&run_needs, day);
        for (Index i : residents) {
            // Settled: cleared, or replaced by a fresh arrival (age 0) the same day.
            auto settled = [i](const Bench& b) { return b.w.residents.need[i] == 0 || b.w.residents.need_age[i] == 0; };
            const bool p = settled(*plain), t = settled(*tied), c = settled(*crowded);
            if (p) {
                EXPECT_TRUE(t) << "resident " << i << " day " << day;
            }
            if (c) {
                EXPECT_TRUE(p) << "resident " << i << " day " << day;
            }
            settled_plain += p, settled_tied += t, settled_crowded += c;
            for (Bench* b : {plain.get(), tied.get(), crowded.get()}) {
                b->w.residents.need[i] = u8(NeedType::Psych);
                b->w.residents.need_age[i] = 3;
            }
        }
    }
    const double trials = 5 * n;
    EXPECT_NEAR(settled_plain / trials, base, 4.0 * binomial_se(base, trials));
    EXPECT_NEAR(settled_tied / trials, 3 * base, 4.0 * binomial_se(3 * base, trials));
    EXPECT_NEAR(settled_crowded / trials, base / 2, 4.0 * binomial_se(base / 2, trials));
}

TEST(Needs, VacantHouseholdsAreSkipped) {
    Scenario s = still();
    s.params.needs_self_resolve_rate = 1.0;
    Bench bench(s, 31);
    World& w = bench.w;
    for (Index h = 0; h < w.households.count(); ++h) set_occupied(w, h, h % 2);
    bench.refresh();
    for (Index i = 0; i < w.residents.size(); ++i) {
        w.residents.need[i] = u8(NeedType::Public);
        w.residents.next_need_day[i] = 2;
    }
    const Tally t = bench.run_all(&run_needs, 2);
    std::int64_t occupied = 0;
    for (Index i = 0; i < w.residents.size(); ++i) {
        const bool occ = w.households.occupied[w.residents.household[i]];
        occupied += occ;
        if (!occ) {
            EXPECT_EQ(w.residents.need[i], u8(NeedType::Public));
            EXPECT_EQ(w.residents.next_need_day[i], 2);
        }
    }
    EXPECT_EQ(t.self_resolved, occupied);
}

}  // namespace
}  // namespace jiceng::proctest
