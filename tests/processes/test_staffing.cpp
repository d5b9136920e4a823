// Staffing: monthly secretary turnover (newcomers at response.newcomer_skill
// [0.8] of the mean skill, ± response.staff_skill_spread), training towards
// 1, skill kept in 0..1.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

// Many small areas, so each month gives many independent draws.
Scenario many_areas(double mean_skill = 0.5, double turnover = 0.2) {
    Scenario s = small_scenario();
    s.params.district_areas_per_street = 40;
    s.params.response_staff_skill = mean_skill;
    s.params.response_secretary_turnover = turnover;
    return s;
}

constexpr double kAlways = 1e9;  // policy multiplier that makes turnover certain

TEST(Staffing, ActsOnlyOnTheFirstOfAMonth) {
    Bench bench(many_areas());
    bench.w.policy.secretary_turnover = kAlways;
    bench.w.policy.secretary_training = 0.5;
    const auto before = bench.w.areas.staff_skill;
    for (std::int64_t day : {kJan2, kJan4, std::int64_t{20}}) bench.run_all(&run_staffing, day);
    EXPECT_EQ(bench.w.areas.staff_skill, before);
    bench.run_all(&run_staffing, kFeb1);
    EXPECT_NE(bench.w.areas.staff_skill, before);
}

// A newcomer's skill is newcomer_skill × staff_skill + U(−spread, spread):
// within that band, with mean newcomer_skill × staff_skill (4 standard
// errors of the uniform spread, sd = spread/√3), whatever the previous skill
// was. Two mean skills and two newcomer factors, so the reset point is not a
// constant.
TEST(Staffing, TurnoverResetsSkillTowardsTheNewcomerShareOfTheMean) {
    for (const auto& [mean, newcomer] : {std::pair{0.5, 0.8}, std::pair{0.75, 0.8}, std::pair{0.75, 0.5}}) {
        Scenario s = many_areas(mean);
        s.params.response_newcomer_skill = newcomer;
        s.params.response_staff_skill_spread = 0.1;
        Bench bench(s, 11);
        bench.w.policy.secretary_turnover = kAlways;
        bench.w.policy.secretary_training = 0.0;
        const double centre = newcomer * mean, spread = 0.1;
        double sum = 0, n = 0;
        for (std::int64_t day : bench.month_starts(24)) {
            std::fill(bench.w.areas.staff_skill.begin(), bench.w.areas.staff_skill.end(), 1.0f);
            bench.run_all(&run_staffing, day);
            for (float x : bench.w.areas.staff_skill) {
                EXPECT_GE(x, centre - spread - 1e-6);
                EXPECT_LE(x, centre + spread + 1e-6);
                sum += x;
                ++n;
            }
        }
        EXPECT_NEAR(sum / n, centre, 4.0 * (spread / std::sqrt(3.0)) / std::sqrt(n))
            << "mean " << mean << " newcomer " << newcomer;
    }
}

// Turnover happens at per_month(response.secretary_turnover) × policy factor
// (4 binomial standard errors); a factor 0 stops it.
TEST(Staffing, TurnoverFrequencyFollowsTheRateAndPolicy) {
    for (double factor : {0.0, 1.0}) {
        Bench bench(many_areas(0.5, 0.5), 12);
        bench.w.policy.secretary_turnover = factor;
        bench.w.policy.secretary_training = 0.0;
        double turned = 0, n = 0;
        for (std::int64_t day : bench.month_starts(60)) {
            std::fill(bench.w.areas.staff_skill.begin(), bench.w.areas.staff_skill.end(), 1.0f);
            bench.run_all(&run_staffing, day);
            for (float x : bench.w.areas.staff_skill) {
                turned += x < 1.0f;
                ++n;
            }
        }
        const double q = per_month(0.5) * factor;
        if (factor == 0.0) {
            EXPECT_EQ(turned, 0);
        } else {
            EXPECT_NEAR(turned / n, q, 4.0 * binomial_se(q, n));
        }
    }
}

TEST(Staffing, TrainingRaisesSkillUpToOne) {
    Bench bench(many_areas());
    bench.w.policy.secretary_turnover = 0.0;
    bench.w.policy.secretary_training = 0.6;  // 0.05 a month
    auto& skill = bench.w.areas.staff_skill;
    skill[0] = 0.30f;
    skill[1] = 0.98f;
    skill[2] = 1.0f;
    bench.run_all(&run_staffing, kFeb1);
    EXPECT_NEAR(skill[0], 0.35f, 1e-6);
    EXPECT_FLOAT_EQ(skill[1], 1.0f);
    EXPECT_FLOAT_EQ(skill[2], 1.0f);
    // A year of training from 0.3 reaches 0.9.
    for (std::int64_t day : bench.month_starts(11, kFeb1 + 1)) bench.run(&run_staffing, day, 0);
    EXPECT_NEAR(skill[0], 0.9f, 1e-5);
}

// With a mean skill of 0 a newcomer's raw draw lies in −spread..spread: the
// clamp must hold it at 0..1 (and about half the draws sit at exactly 0).
TEST(Staffing, SkillStaysWithinZeroAndOne) {
    Bench bench(many_areas(0.0), 13);
    bench.w.policy.secretary_turnover = kAlways;
    int zeros = 0, positive = 0;
    for (std::int64_t day : bench.month_starts(6)) {
        bench.run_all(&run_staffing, day);
        for (float x : bench.w.areas.staff_skill) {
            ASSERT_GE(x, 0.0f);
            ASSERT_LE(x, 1.0f);
            zeros += x == 0.0f;
            positive += x > 0.0f;
        }
    }
    EXPECT_GT(zeros, 40);
    EXPECT_GT(positive, 40);
    // And at the top: newcomers at the full mean of 1 with the widest spread
    // and strong training stay at or below 1.
    Scenario s = many_areas(1.0);
    s.params.response_newcomer_skill = 1.0;
    s.params.response_staff_skill_spread = 0.5;
    Bench top(s, 14);
    top.w.policy.secretary_turnover = kAlways;
    top.w.policy.secretary_training = 1.0;
    int at_one = 0;
    for (std::int64_t day : top.month_starts(6)) {
        top.run_all(&run_staffing, day);
        for (float x : top.w.areas.staff_skill) {
            ASSERT_LE(x, 1.0f);
            ASSERT_GE(x, 0.5f + 1.0f / 12.0f - 1e-5f);
            at_one += x == 1.0f;
        }
    }
    EXPECT_GT(at_one, 40);
}

TEST(Staffing, TouchesOnlyItsOwnArea) {
    Bench bench(many_areas());
    bench.w.policy.secretary_turnover = kAlways;
    const auto before = bench.w.areas.staff_skill;
    bench.run(&run_staffing, kFeb1, 5);
    for (Index a = 0; a < bench.areas(); ++a) {
        if (a == 5) {
            EXPECT_NE(bench.w.areas.staff_skill[a], before[a]);
        } else {
            EXPECT_EQ(bench.w.areas.staff_skill[a], before[a]);
        }
    }
}

}  // namespace
}  // namespace jiceng::proctest
