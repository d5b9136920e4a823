// Employment: monthly retirement, job loss, closures, job finding and job
// changes, and what each does to a member's type and relation.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

// Only employment moves: every rate off unless a test turns it on.
Scenario quiet() {
    Scenario s = small_scenario();
    s.params.employment_job_loss_rate = 0.0;
    s.params.employment_job_find_rate = 0.0;
    s.params.employment_job_change_rate = 0.0;
    s.params.employment_retire_rate = 0.0;
    return s;
}

bool working(const World& w, Index i) {
    return w.residents.age_band[i] == u8(AgeBand::Working);
}
bool unemployed(const World& w, Index i) {
    return (w.residents.flags[i] & flag::kUnemployed) != 0;
}

void expect_same_residents(const World& a, const World& b) {
    EXPECT_EQ(a.residents.employer, b.residents.employer);
    EXPECT_EQ(a.residents.flags, b.residents.flags);
    EXPECT_EQ(a.residents.member, b.residents.member);
    EXPECT_EQ(a.residents.relation, b.residents.relation);
    EXPECT_EQ(a.residents.age_band, b.residents.age_band);
    EXPECT_EQ(a.residents.engagement, b.residents.engagement);
    EXPECT_EQ(a.residents.next_need_day, b.residents.next_need_day);
}

TEST(Employment, ActsOnlyOnTheFirstOfAMonth) {
    Scenario s = small_scenario();
    s.params.employment_job_loss_rate = 0.9;
    s.params.employment_retire_rate = 0.9;
    s.params.employment_job_change_rate = 0.9;
    Bench bench(s, 2);
    const World before = bench.w;
    for (std::int64_t day : {kJan2, kJan4, std::int64_t{15}, std::int64_t{30}}) {
        const Tally t = bench.run_all(&run_employment, day);
        EXPECT_EQ(t.relations_followed + t.relations_lost, 0);
    }
    expect_same_residents(bench.w, before);
    const Tally t = bench.run_all(&run_employment, kFeb1);
    EXPECT_NE(bench.w.residents.age_band, before.residents.age_band);
    EXPECT_NE(bench.w.residents.employer, before.residents.employer);
    EXPECT_GT(t.relations_followed + t.relations_lost, 0);
}

// Job loss: an employed resident loses the job at job_loss_monthly (4
// standard errors); an in-work member becomes an unemployed member whose
// relation moves to the community, and the need schedule is redrawn.
TEST(Employment, JobLossTurnsInWorkMembersIntoUnemployedMembersInTheCommunity) {
    Scenario s = quiet();
    s.params.employment_job_loss_rate = 0.9;
    double employed = 0, lost = 0, members_lost = 0;
    for (std::uint64_t seed : {1u, 2u}) {
        Bench bench(s, seed);
        World& w = bench.w;
        const World before = w;
        bench.run_all(&run_employment, kFeb1);
        for (Index i : occupied_residents(w)) {
            if (!working(before, i) || unemployed(before, i)) {
                EXPECT_EQ(w.residents.employer[i], before.residents.employer[i]);
                continue;
            }
            ++employed;
            if (!unemployed(w, i)) {
                EXPECT_EQ(w.residents.employer[i], before.residents.employer[i]) << "no job changes are on";
                EXPECT_EQ(w.residents.member[i], before.residents.member[i]);
                continue;
            }
            ++lost;
            EXPECT_EQ(w.residents.employer[i], kNone);
            EXPECT_GT(w.residents.next_need_day[i], kFeb1);
            if (before.residents.member[i] == u8(MemberType::InWork)) {
                ++members_lost;
                EXPECT_EQ(w.residents.member[i], u8(MemberType::Unemployed));
                EXPECT_EQ(w.residents.relation[i], u8(Relation::Community));
            } else {
                EXPECT_EQ(w.residents.member[i], before.residents.member[i]);
            }
        }
    }
    const double q = per_month(s.params.employment_job_loss_rate);
    EXPECT_NEAR(lost / employed, q, 4.0 * binomial_se(q, employed));
    EXPECT_GT(members_lost, 20);
}

// Staff of a closed workplace lose their jobs at the month's turn, and do
// nothing else that month (no retirement even at a high retirement rate).
TEST(Employment, StaffOfClosedEmployersLoseTheirJobs) {
    Scenario s = quiet();
    s.params.employment_retire_rate = 0.9;
    Bench bench(s, 3);
    World& w = bench.w;
    for (Index k = 0; k < w.orgs.count(); ++k)
        if (k % 3 == 0) w.orgs.alive[k] = 0;
    rebuild_employer_table(w);
    const World before = w;
    bench.run_all(&run_employment, kFeb1);
    std::int64_t displaced = 0, displaced_members = 0;
    for (Index i : occupied_residents(w)) {
        const Index e = before.residents.employer[i];
        if (!working(before, i) || e == kNone || before.orgs.alive[e]) continue;
        ++displaced;
        EXPECT_EQ(w.residents.employer[i], kNone);
        EXPECT_TRUE(unemployed(w, i));
        EXPECT_EQ(w.residents.age_band[i], u8(AgeBand::Working)) << "no retirement in the month of the closure";
        if (before.residents.member[i] == u8(MemberType::InWork)) {
            ++displaced_members;
            EXPECT_EQ(w.residents.member[i], u8(MemberType::Unemployed));
            EXPECT_EQ(w.residents.relation[i], u8(Relation::Community));
        } else {
            EXPECT_EQ(w.residents.member[i], before.residents.member[i]);
        }
    }
    EXPECT_GT(displaced, 50);
    EXPECT_GT(displaced_members, 3);
    // Nobody of working age still works for a closed workplace.
    for (Index i : occupied_residents(w))
        if (working(w, i) && w.residents.employer[i] != kNone) {
            EXPECT_TRUE(w.orgs.alive[w.residents.employer[i]]) << i;
        }
}

// Job changes: a workplace relation follows the member at
// employment.relation_follow (4 standard errors over ~12 months of draws);
// otherwise it is lost and an active member drops to nominal.
TEST(Employment, RelationsFollowJobChangesAtTheFollowShare) {
    for (double follow : {0.0, 0.6, 1.0}) {
        Scenario s = quiet();
        s.params.employment_job_change_rate = 0.999;
        s.params.employment_relation_follow = follow;
        Bench bench(s, 4);
        World& w = bench.w;
        auto& r = w.residents;
        std::int64_t followed = 0, lost = 0;
        for (std::int64_t day : bench.month_starts(12, 1)) {
            std::vector<Index> inwork;
            for (Index i : occupied_residents(w))
                if (r.member[i] == u8(MemberType::InWork) && !unemployed(w, i)) {
                    r.relation[i] = u8(Relation::Workplace);
                    r.engagement[i] = u8(Engagement::Active);
                    inwork.push_back(i);
                }
            const Tally t = bench.run_all(&run_employment, day);
            std::int64_t lost_here = 0;
            for (Index i : inwork) {
                EXPECT_EQ(r.member[i], u8(MemberType::InWork));
                if (r.relation[i] == u8(Relation::Lost)) {
                    ++lost_here;
                    EXPECT_EQ(r.engagement[i], u8(Engagement::Nominal));
                } else {
                    EXPECT_EQ(r.relation[i], u8(Relation::Workplace));
                    EXPECT_EQ(r.engagement[i], u8(Engagement::Active));
                }
            }
            EXPECT_EQ(lost_here, t.relations_lost);
            followed += t.relations_followed;
            lost += t.relations_lost;
        }
        const double n = static_cast<double>(followed + lost);
        ASSERT_GT(n, 500) << "follow " << follow;
        if (follow == 0.0) {
            EXPECT_EQ(followed, 0);
        } else if (follow == 1.0) {
            EXPECT_EQ(lost, 0);
        } else {
            EXPECT_NEAR(followed / n, follow, 4.0 * binomial_se(follow, n));
        }
    }
}

// Retirement: age band, employer and unemployment change; in-work and
// unemployed members become retired members in the community; floating
// members stay floating.
TEST(Employment, RetirementMovesMembersToTheCommunity) {
    Scenario s = quiet();
    s.params.employment_retire_rate = 0.9;
    Bench bench(s, 5);
    World& w = bench.w;
    auto& r = w.residents;
    const World before = w;
    bench.run_all(&run_employment, kApr1);
    double candidates = 0, retired = 0, alone = 0;
    for (Index i : occupied_residents(w)) {
        if (!working(before, i)) {
            EXPECT_EQ(r.age_band[i], before.residents.age_band[i]);
            EXPECT_EQ(r.flags[i], before.residents.flags[i]);
            continue;
        }
        ++candidates;
        if (r.age_band[i] != u8(AgeBand::Retired)) continue;
        ++retired;
        alone += (r.flags[i] & flag::kElderlyAlone) != 0;
        EXPECT_EQ(r.employer[i], kNone);
        EXPECT_FALSE(unemployed(w, i));
        const auto was = static_cast<MemberType>(before.residents.member[i]);
        if (was == MemberType::InWork || was == MemberType::Unemployed) {
            EXPECT_EQ(r.member[i], u8(MemberType::Retired));
            EXPECT_EQ(r.relation[i], u8(Relation::Community));
        } else {
            EXPECT_EQ(r.member[i], before.residents.member[i]);
            EXPECT_EQ(r.relation[i], before.residents.relation[i]);
        }
    }
    const double q = per_month(0.9);
    EXPECT_NEAR(retired / candidates, q, 4.0 * binomial_se(q, candidates));
    const double e = s.params.district_elderly_alone_share;
    EXPECT_NEAR(alone / retired, e, 4.0 * binomial_se(e, retired));
}

// Job finding: an unemployed resident finds a live, registered employer; an
// unemployed member becomes an in-work member with a workplace relation.
TEST(Employment, JobFindingRestoresInWorkMembers) {
    Scenario s = quiet();
    s.params.employment_job_find_rate = 0.9;
    Bench bench(s, 6);
    World& w = bench.w;
    auto& r = w.residents;
    // A third of working residents out of work, members among them too.
    for (Index i : occupied_residents(w)) {
        if (!working(w, i) || i % 3 != 0) continue;
        r.flags[i] |= flag::kUnemployed;
        r.employer[i] = kNone;
        if (r.member[i] == u8(MemberType::InWork) || i % 6 == 0) {
            r.member[i] = u8(MemberType::Unemployed);
            r.relation[i] = u8(Relation::Community);
            r.engagement[i] = u8(Engagement::Active);
        }
    }
    const World before = w;
    bench.run_all(&run_employment, kFeb1);
    double jobless = 0, found = 0, members_found = 0;
    for (Index i : occupied_residents(w)) {
        if (!working(before, i) || !unemployed(before, i)) continue;
        ++jobless;
        if (unemployed(w, i)) {
            EXPECT_EQ(r.employer[i], kNone);
            continue;
        }
        ++found;
        ASSERT_NE(r.employer[i], kNone);
        EXPECT_TRUE(w.orgs.alive[r.employer[i]]);
        EXPECT_TRUE(w.orgs.registered[r.employer[i]]) << "mass teams are not employers";
        if (before.residents.member[i] == u8(MemberType::Unemployed)) {
            ++members_found;
            EXPECT_EQ(r.member[i], u8(MemberType::InWork));
            EXPECT_EQ(r.relation[i], u8(Relation::Workplace));
        }
    }
    const double q = per_month(0.9);
    EXPECT_NEAR(found / jobless, q, 4.0 * binomial_se(q, jobless));
    EXPECT_GT(members_found, 30);
}

TEST(Employment, VacantHouseholdsAreUntouched) {
    Scenario s = small_scenario();
    s.params.employment_job_loss_rate = 0.9;
    s.params.employment_retire_rate = 0.9;
    Bench bench(s, 7);
    World& w = bench.w;
    for (Index h = 0; h < w.households.count(); ++h) set_occupied(w, h, h % 2);
    const World before = w;
    bench.run_all(&run_employment, kFeb1);
    std::int64_t changed_occupied = 0;
    for (Index i = 0; i < w.residents.size(); ++i) {
        const bool same = w.residents.age_band[i] == before.residents.age_band[i] &&
                          w.residents.employer[i] == before.residents.employer[i] &&
                          w.residents.flags[i] == before.residents.flags[i];
        if (!w.households.occupied[w.residents.household[i]]) {
            EXPECT_TRUE(same) << i;
        } else
            changed_occupied += !same;
    }
    EXPECT_GT(changed_occupied, 100);
}

}  // namespace
}  // namespace jiceng::proctest
