// Participation: applications decided on their day; monthly volunteering
// (with draw-in by member volunteers), mass teams and floating-member
// registration.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

bool has(const World& w, Index i, std::uint8_t f) {
    return (w.residents.flags[i] & f) != 0;
}

// Applications are decided on their day only, admitted at
// participation.acceptance (4 binomial standard errors); a new member's type
// follows age band, work and tenure, the relation starts in the community
// (Inflow for floating households) and the member starts active.
TEST(Participation, ApplicationsAreDecidedOnTheirDay) {
    for (double acceptance : {0.0, 0.5, 1.0}) {
        Scenario s = small_scenario();
        s.params.participation_acceptance = acceptance;
        Bench bench(s, 71);
        World& w = bench.w;
        auto& r = w.residents;
        std::vector<Index> deciding, waiting, members;
        for (Index i : occupied_residents(w)) {
            if (!is_adult(w, i)) continue;
            if (r.member[i]) {
                r.application_day[i] = static_cast<std::int32_t>(kJan2);  // already a member: nothing changes
                members.push_back(i);
                continue;
            }
            const bool today = i % 2 == 0;
            r.application_day[i] = static_cast<std::int32_t>(today ? kJan2 : kJan2 + 1);
            (today ? deciding : waiting).push_back(i);
        }
        // As response does when it files an application.
        for (Index a = 0; a < bench.areas(); ++a) w.areas.next_decision[a] = static_cast<std::int32_t>(kJan2);
        const World before = w;
        const Tally t = bench.run_all(&run_participation, kJan2);
        for (Index a = 0; a < bench.areas(); ++a) EXPECT_EQ(w.areas.next_decision[a], kJan2 + 1) << "area " << a;
        double admitted = 0;
        int types[kMemberTypes] = {};
        for (Index i : deciding) {
            EXPECT_EQ(r.application_day[i], -1);
            if (!r.member[i]) continue;
            ++admitted;
            ++types[r.member[i]];
            const bool floating = w.households.tenure[r.household[i]] == u8(Tenure::Floating);
            const MemberType expected = r.age_band[i] == u8(AgeBand::Retired) ? MemberType::Retired
                                        : has(w, i, flag::kUnemployed)        ? MemberType::Unemployed
                                        : floating                            ? MemberType::Floating
                                                                              : MemberType::InWork;
            EXPECT_EQ(r.member[i], u8(expected)) << i;
            EXPECT_EQ(r.relation[i], u8(floating ? Relation::Inflow : Relation::Community)) << i;
            EXPECT_EQ(r.engagement[i], u8(Engagement::Active));
        }
        for (Index i : waiting) {
            EXPECT_EQ(r.member[i], 0);
            EXPECT_EQ(r.application_day[i], kJan2 + 1);
        }
        for (Index i : members) {
            EXPECT_EQ(r.member[i], before.residents.member[i]);
            EXPECT_EQ(r.relation[i], before.residents.relation[i]);
        }
        EXPECT_EQ(t.new_members, static_cast<std::int64_t>(admitted));
        const double n = deciding.size();
        ASSERT_GT(n, 500);
        EXPECT_NEAR(admitted / n, acceptance, 4.0 * binomial_se(acceptance, n)) << "acceptance " << acceptance;
        if (acceptance == 1.0) {
            for (int k = 1; k < kMemberTypes; ++k) EXPECT_GT(types[k], 0) << "member type " << k;
        }
    }
}

// Between monthly rounds an area is visited only when a decision is due
// (areas.next_decision): over a month of daily calls every application is
// decided exactly on its day, none before, and the schedule moves on to the
// next pending day.
TEST(Participation, ApplicationsAreDecidedOnScheduleBetweenMonthlyRounds) {
    Scenario s = small_scenario();
    s.params.participation_acceptance = 1.0;
    Bench bench(s, 78);
    World& w = bench.w;
    auto& r = w.residents;
    std::vector<std::pair<Index, std::int32_t>> applicants;
    for (Index i : occupied_residents(w, 0)) {
        if (!is_adult(w, i) || r.member[i]) continue;
        const auto day = static_cast<std::int32_t>(kFeb1 + 3 + 5 * (applicants.size() % 4));  // Feb 4, 9, 14, 19
        r.application_day[i] = day;
        applicants.emplace_back(i, day);
        if (applicants.size() == 40) break;
    }
    bench.run_all(&run_participation, kFeb1);  // the monthly round finds the earliest pending day
    EXPECT_EQ(w.areas.next_decision[0], kFeb1 + 3);
    EXPECT_EQ(w.areas.next_decision[1], INT32_MAX);
    for (std::int64_t day = kFeb1 + 1; day < kFeb1 + 27; ++day) {
        bench.run_all(&run_participation, day);
        for (const auto& [i, due] : applicants) {
            if (day < due) {
                EXPECT_EQ(r.application_day[i], due) << "day " << day;
                EXPECT_EQ(r.member[i], 0);
            } else {
                EXPECT_EQ(r.application_day[i], -1) << "day " << day;
                EXPECT_NE(r.member[i], 0) << "resident " << i << " due " << due << " not decided by day " << day;
            }
        }
    }
    EXPECT_EQ(w.areas.next_decision[0], INT32_MAX);
}

// Off the first of a month nobody starts or stops volunteering, joins or
// leaves a mass team, or registers.
TEST(Participation, MonthlyChoicesOnlyOnTheFirstOfAMonth) {
    Scenario s = small_scenario();
    s.params.participation_volunteer_rate = 0.99;
    s.params.participation_volunteer_quit = 0.99;
    s.params.participation_team_join = 0.99;
    Bench bench(s, 72);
    bench.w.policy.floating_register_monthly = 1.0;
    const World before = bench.w;
    for (std::int64_t day : {kJan2, kJan4, std::int64_t{20}}) bench.run_all(&run_participation, day);
    EXPECT_EQ(bench.w.residents.flags, before.residents.flags);
    EXPECT_EQ(bench.w.residents.relation, before.residents.relation);
    bench.run_all(&run_participation, kFeb1);
    EXPECT_NE(bench.w.residents.flags, before.residents.flags);
}

// Draw-in: the same streams with no member volunteers and with every member
// a volunteer. Every non-member who starts without draw-in also starts with
// it, and more start; without member volunteers the rate is
// per_month(volunteer_rate) × trust (4 binomial standard errors). With
// participation.draw_in = 0 member volunteers make no difference.
TEST(Participation, MemberVolunteersDrawInNonMembers) {
    for (double draw_in : {0.0, 3.0}) {
        Scenario s = small_scenario();
        s.params.participation_volunteer_rate = 0.5;
        s.params.participation_draw_in = draw_in;
        Bench alone(s, 73), drawn(s, 73);
        for (Bench* b : {&alone, &drawn}) {
            auto& r = b->w.residents;
            for (Index i = 0; i < r.size(); ++i) {
                r.trust[i] = 1.0f;
                if (!r.member[i]) {
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
                } else if (b == &drawn) {
                    r.flags[i] |= flag::kVolunteer;
                    r.engagement[i] = u8(Engagement::Active);
                } else {
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
                }
            }
        }
        alone.run_all(&run_participation, kFeb1);
        drawn.run_all(&run_participation, kFeb1);
        double n = 0, started_alone = 0, started_drawn = 0;
        for (Index i : occupied_residents(alone.w)) {
            if (alone.w.residents.member[i] || !is_adult(alone.w, i)) continue;
            ++n;
            const bool a = has(alone.w, i, flag::kVolunteer), d = has(drawn.w, i, flag::kVolunteer);
            started_alone += a;
            started_drawn += d;
            if (a) {
                EXPECT_TRUE(d) << i;
            }
            if (draw_in == 0.0) {
                EXPECT_EQ(a, d) << i;
            }
        }
        const double q = per_month(0.5);
        EXPECT_NEAR(started_alone / n, q, 4.0 * binomial_se(q, n));
        if (draw_in > 0) {
            EXPECT_GT(started_drawn, 1.5 * started_alone);
        }
    }
}

// Non-members volunteer in proportion to trust: none at trust 0.
TEST(Participation, NonMemberVolunteeringScalesWithTrust) {
    Scenario s = small_scenario();
    s.params.participation_volunteer_rate = 0.9;
    for (float trust : {0.0f, 0.5f}) {
        Bench bench(s, 74);
        auto& r = bench.w.residents;
        for (Index i = 0; i < r.size(); ++i) {
            r.trust[i] = trust;
            r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
        }
        bench.run_all(&run_participation, kFeb1);
        double n = 0, started = 0;
        for (Index i : occupied_residents(bench.w)) {
            if (r.member[i] || !is_adult(bench.w, i)) continue;
            ++n;
            started += has(bench.w, i, flag::kVolunteer);
        }
        const double q = per_month(0.9) * trust;
        if (trust == 0.0f) {
            EXPECT_EQ(started, 0);
        } else {
            EXPECT_NEAR(started / n, q, 4.0 * binomial_se(q, n));
        }
    }
}

// Mass teams: retired residents join at per_month(team_join) × policy
// team_join, working adults at participation.team_join_working of that,
// children never; participants leave at per_month(team_leave). 4 standard errors.
TEST(Participation, MassTeamJoiningIsMostlyByRetiredResidents) {
    Scenario s = small_scenario();
    s.params.participation_team_join = 0.5;
    s.params.participation_team_leave = 0.5;
    s.params.participation_team_join_working = 0.2;
    double retired_n = 0, retired_join = 0, working_n = 0, working_join = 0, team_n = 0, left = 0;
    for (double venue : {1.0, 1.5}) {
        Bench bench(s, 75);
        auto& r = bench.w.residents;
        bench.w.policy.team_join = venue;
        const auto residents = occupied_residents(bench.w);
        for (Index i : residents) {
            if (i % 4 == 0)
                r.flags[i] |= flag::kMassTeam;
            else
                r.flags[i] &= static_cast<std::uint8_t>(~flag::kMassTeam);
        }
        const World before = bench.w;
        double rn = 0, rj = 0, wn = 0, wj = 0;
        for (std::int64_t day : bench.month_starts(3, 1)) {
            bench.run_all(&run_participation, day);
            for (Index i : residents) {
                const bool was = i % 4 == 0, now = has(bench.w, i, flag::kMassTeam);
                if (!is_adult(bench.w, i)) {
                    EXPECT_EQ(now, has(before, i, flag::kMassTeam)) << "children neither join nor leave";
                } else if (was) {
                    team_n += 1;
                    left += !now;
                } else if (r.age_band[i] == u8(AgeBand::Retired)) {
                    rn += 1;
                    rj += now;
                } else {
                    wn += 1;
                    wj += now;
                }
                // Back to the starting state for the next month.
                if (was)
                    r.flags[i] |= flag::kMassTeam;
                else
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kMassTeam);
            }
        }
        const double q = per_month(0.5) * venue;
        EXPECT_NEAR(rj / rn, q, 4.0 * binomial_se(q, rn)) << "venue " << venue;
        EXPECT_NEAR(wj / wn, 0.2 * q, 4.0 * binomial_se(0.2 * q, wn)) << "venue " << venue;
        retired_n += rn, retired_join += rj, working_n += wn, working_join += wj;
    }
    EXPECT_GT(retired_join / retired_n, 3.0 * working_join / working_n);
    const double q_leave = per_month(0.5);
    EXPECT_NEAR(left / team_n, q_leave, 4.0 * binomial_se(q_leave, team_n));
}

// Floating members register where they live (Elsewhere → Inflow) only under
// the floating-member policy.
TEST(Participation, FloatingRegistrationOnlyUnderThePolicy) {
    for (double rate : {0.0, 1.0}) {
        Bench bench(small_scenario(), 76);
        auto& r = bench.w.residents;
        bench.w.policy.floating_register_monthly = rate;
        std::vector<Index> floating, others;
        for (Index i : occupied_residents(bench.w)) {
            if (!is_adult(bench.w, i)) continue;
            if (i % 5 == 0) {
                r.member[i] = u8(MemberType::Floating);
                r.relation[i] = u8(Relation::Elsewhere);
            }
            if (r.member[i] == u8(MemberType::Floating) && r.relation[i] == u8(Relation::Elsewhere))
                floating.push_back(i);
            else if (r.member[i])
                others.push_back(i);  // other types, or floating members already registered
        }
        const World before = bench.w;
        bench.run_all(&run_participation, kFeb1);
        for (Index i : floating) EXPECT_EQ(r.relation[i], u8(rate > 0 ? Relation::Inflow : Relation::Elsewhere)) << i;
        for (Index i : others) EXPECT_EQ(r.relation[i], before.residents.relation[i]) << i;
        EXPECT_GT(floating.size(), 100u);
    }
}

// Member volunteering: members who are not active stop volunteering at the
// month's turn (no draw) and never start; active members start at
// per_month(member_volunteer_rate) (4 standard errors).
TEST(Participation, OnlyActiveMembersVolunteer) {
    Scenario s = small_scenario();
    s.params.participation_member_volunteer_rate = 0.9;
    s.params.participation_volunteer_quit = 0.0;
    Bench bench(s, 77);
    auto& r = bench.w.residents;
    std::vector<Index> inactive_volunteers, inactive, active;
    for (Index i : occupied_residents(bench.w)) {
        if (!r.member[i]) continue;
        const int k = static_cast<int>(i % 3);
        r.engagement[i] = u8(k == 0 ? Engagement::Active : k == 1 ? Engagement::Nominal : Engagement::Lapsed);
        if (k == 0) {
            r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
            active.push_back(i);
        } else if (i % 2) {
            r.flags[i] |= flag::kVolunteer;
            inactive_volunteers.push_back(i);
        } else {
            r.flags[i] &= static_cast<std::uint8_t>(~flag::kVolunteer);
            inactive.push_back(i);
        }
    }
    bench.run_all(&run_participation, kFeb1);
    for (Index i : inactive_volunteers) EXPECT_FALSE(has(bench.w, i, flag::kVolunteer)) << i;
    for (Index i : inactive) EXPECT_FALSE(has(bench.w, i, flag::kVolunteer)) << i;
    double started = 0;
    for (Index i : active) started += has(bench.w, i, flag::kVolunteer);
    const double q = per_month(0.9), n = active.size();
    ASSERT_GT(n, 50);
    EXPECT_NEAR(started / n, q, 4.0 * binomial_se(q, n));
}

}  // namespace
}  // namespace jiceng::proctest
