// Organisations: the threshold rule, gates and campaigns (registered
// workplaces only), dissolution, idling, closures and births.
#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

bool formal(std::uint8_t form) {
    return form == u8(PartyForm::GroupInJoint) || form == u8(PartyForm::OwnBranch);
}
bool closable(std::uint8_t type) {
    return type == u8(OrgType::Private) || type == u8(OrgType::Foreign) || type == u8(OrgType::Social) ||
           type == u8(OrgType::SocialService);
}

// Nothing happens to workplaces unless a test switches it on: no closures,
// births, staff turnover, formation, idling, revival or dissolution.
Scenario frozen() {
    Scenario s = small_scenario();
    s.params.orgs_closure_rate = 0.0;
    s.params.orgs_birth_rate = 0.0;
    s.params.orgs_turnover_state = s.params.orgs_turnover_private = s.params.orgs_turnover_social = 0.0;
    s.params.participation_team_leave = 0.0;  // mass teams' churn
    s.params.orgs_formation_rate = 0.0;
    s.params.orgs_idle_rate = s.params.orgs_revive_rate = 0.0;
    s.params.orgs_dissolve_rate = 0.0;
    return s;
}

void clear_forms(World& w) {
    auto& o = w.orgs;
    for (Index k = 0; k < o.count(); ++k) {
        o.form[k] = u8(PartyForm::None);
        o.functional[k] = 0;
        o.relations[k] = 0;
        o.instructor[k] = 0;
    }
}

// Members 0..4 in turn, staff either small or at least branch_size.
void spread_members(World& w, std::int64_t branch_size) {
    auto& o = w.orgs;
    for (Index k = 0; k < o.count(); ++k) {
        o.members[k] = static_cast<std::uint16_t>(k % 5);
        o.staff[k] = (k / 5) % 2 ? static_cast<std::uint32_t>(branch_size + k % 7)
                                 : static_cast<std::uint32_t>(std::max<std::int64_t>(5, branch_size - 1 - k % 3));
    }
}

std::int64_t first_day_of_month(const Bench& bench, unsigned month) {
    for (std::int64_t d = 0;; ++d)
        if (bench.calendar.is_month_start(d) && unsigned(bench.calendar.date(d).month()) == month) return d;
}

// The threshold rule: a registered workplace with 3+ members forms its
// organisation (certain here: formation × responsibility), an own branch when
// its staff reach orgs.branch_size, else a group in a joint branch, and it
// works; fewer than 3 members get a liaison only under the policy. Mass teams
// are untouched by the rule and by dual responsibility.
TEST(Organisations, ThresholdRule) {
    for (bool liaisons : {false, true}) {
        for (std::int64_t branch_size : {12, 40}) {
            Scenario s = frozen();
            s.params.orgs_formation_rate = 0.999999;
            s.params.orgs_branch_size = branch_size;
            Bench bench(s, 91);
            World& w = bench.w;
            clear_forms(w);
            spread_members(w, branch_size);
            w.policy.responsibility = 100.0;  // formation chance 1 − (1 − 0.68)^100
            w.policy.liaisons = liaisons;
            bench.run_organisations(kFeb1);
            const auto& o = w.orgs;
            int own = 0, group = 0, liaison = 0;
            for (Index k = 0; k < o.count(); ++k) {
                if (!o.registered[k]) {
                    EXPECT_EQ(o.form[k], u8(PartyForm::None)) << "mass team " << k;
                    EXPECT_EQ(o.functional[k], 0);
                    continue;
                }
                if (o.members[k] >= 3) {
                    const bool big = o.staff[k] >= static_cast<std::uint32_t>(branch_size);
                    EXPECT_EQ(o.form[k], u8(big ? PartyForm::OwnBranch : PartyForm::GroupInJoint)) << "workplace " << k;
                    EXPECT_EQ(o.functional[k], 1);
                    EXPECT_LE(o.relations[k], o.members[k]);
                    (big ? own : group) += 1;
                } else {
                    EXPECT_EQ(o.form[k], u8(liaisons ? PartyForm::Liaison : PartyForm::None)) << "workplace " << k;
                    EXPECT_EQ(o.relations[k], 0);
                    liaison += liaisons;
                }
            }
            EXPECT_GT(own, 0);
            EXPECT_GT(group, 0);
            if (liaisons) {
                EXPECT_GT(liaison, 0);
            }
        }
    }
}

// Off the first of a month the rule does not act.
TEST(Organisations, FormationOnlyOnTheFirstOfAMonth) {
    Scenario s = frozen();
    s.params.orgs_formation_rate = 0.999999;
    Bench bench(s, 92);
    clear_forms(bench.w);
    spread_members(bench.w, s.params.orgs_branch_size);
    bench.w.policy.responsibility = 100.0;
    bench.w.policy.liaisons = true;
    const auto before = bench.w.orgs.form;
    for (std::int64_t day : {kJan2, kJan4, std::int64_t{20}}) bench.run_organisations(day);
    EXPECT_EQ(bench.w.orgs.form, before);
}

// Registration and inspection gates, campaigns, the 综合党委 fallback and
// evaluation linkage act on registered workplaces only: mass teams keep no
// organisation whatever the coverage policy. Only territorial work
// (team_reach) gives a mass team with members a working group.
TEST(Organisations, MassTeamsAreUntouchedByGatesAndResponsibility) {
    Scenario s = frozen();
    s.params.orgs_formation_rate = 0.5;
    Bench bench(s, 93);
    World& w = bench.w;
    clear_forms(w);
    auto& o = w.orgs;
    for (Index k = 0; k < o.count(); ++k) o.members[k] = static_cast<std::uint16_t>(1 + k % 5);
    w.policy.gate = 1.0;
    w.policy.responsibility = 100.0;
    w.policy.campaign_push = 1.0;
    w.policy.fallback_monthly = 1.0;
    w.policy.rating_monthly = 1.0;
    w.policy.liaisons = true;
    const std::int64_t inspection = first_day_of_month(bench, static_cast<unsigned>(s.params.orgs_inspection_month));
    int teams = 0;
    for (std::int64_t day : {kJan2, inspection}) {
        bench.run_organisations(day);
        for (Index k = 0; k < o.count(); ++k) {
            if (o.registered[k]) {
                EXPECT_TRUE(formal(o.form[k])) << "registered workplace " << k << " with members under a campaign";
            } else {
                ++teams;
                EXPECT_EQ(o.form[k], u8(PartyForm::None)) << "mass team " << k;
                EXPECT_EQ(o.functional[k], 0);
            }
        }
    }
    EXPECT_GT(teams, 100);
    w.policy.team_reach_monthly = 1.0;
    bench.run_organisations(bench.month_starts(1, inspection + 1)[0]);
    for (Index k = 0; k < o.count(); ++k)
        if (!o.registered[k]) {
            EXPECT_EQ(o.form[k], u8(PartyForm::GroupInJoint)) << "mass team " << k;
            EXPECT_EQ(o.functional[k], 1);
        }
}

// The inspection gate acts in orgs.inspection_month only: with no formation
// hazard, a gate of 1 forms every eligible organisation in that month and
// none in another.
TEST(Organisations, InspectionGateActsInItsMonthOnly) {
    for (std::int64_t month : {4, 9}) {
        Scenario s = frozen();
        s.params.orgs_inspection_month = month;
        Bench bench(s, 94);
        World& w = bench.w;
        clear_forms(w);
        spread_members(w, s.params.orgs_branch_size);
        w.policy.gate = 1.0;
        const unsigned other = month == 4 ? 3 : 4;
        bench.run_organisations(first_day_of_month(bench, other));
        for (Index k = 0; k < w.orgs.count(); ++k) EXPECT_FALSE(formal(w.orgs.form[k])) << k;
        bench.run_organisations(first_day_of_month(bench, static_cast<unsigned>(month)));
        int formed = 0;
        for (Index k = 0; k < w.orgs.count(); ++k) {
            const bool eligible = w.orgs.registered[k] && w.orgs.members[k] >= 3;
            EXPECT_EQ(formal(w.orgs.form[k]), eligible) << k;
            formed += eligible;
        }
        EXPECT_GT(formed, 5);
    }
}

// A formal organisation whose workplace has fewer than 3 members dissolves at
// per_month(orgs.dissolve_rate) (4 binomial standard errors over 6 months);
// with 3 or more it never does. A dissolved one loses function, relations and
// instructor, and gets a liaison only if registered and under the policy.
TEST(Organisations, DissolutionBelowThreeMembers) {
    Scenario s = frozen();
    s.params.orgs_dissolve_rate = 0.9;
    Bench bench(s, 95);
    World& w = bench.w;
    auto& o = w.orgs;
    w.policy.liaisons = true;
    double small = 0, dissolved = 0;
    for (std::int64_t day : bench.month_starts(6, 1)) {
        for (Index k = 0; k < o.count(); ++k) {
            o.form[k] = u8(k % 2 ? PartyForm::GroupInJoint : PartyForm::OwnBranch);
            o.functional[k] = 1;
            o.members[k] = static_cast<std::uint16_t>(1 + k % 4);  // 1..4
            o.relations[k] = std::min<std::uint16_t>(o.members[k], 1);
        }
        bench.run_organisations(day);
        for (Index k = 0; k < o.count(); ++k) {
            if (o.members[k] >= 3) {
                EXPECT_TRUE(formal(o.form[k])) << k;
                continue;
            }
            ++small;
            if (formal(o.form[k])) continue;
            ++dissolved;
            EXPECT_EQ(o.form[k], u8(o.registered[k] ? PartyForm::Liaison : PartyForm::None)) << k;
            EXPECT_EQ(o.functional[k], 0);
            EXPECT_EQ(o.relations[k], 0);
            EXPECT_EQ(o.instructor[k], 0);
        }
    }
    const double q = per_month(0.9);
    EXPECT_NEAR(dissolved / small, q, 4.0 * binomial_se(q, small));
}

// Working organisations idle at per_month(idle) × routine_effect ×
// funding_effect and idle ones revive at per_month(revive) / routine_effect
// (4 binomial standard errors over 12 months).
TEST(Organisations, IdlingAndRevivalFollowUpkeep) {
    for (double routine : {1.0, 0.5}) {
        Scenario s = frozen();
        s.params.orgs_idle_rate = 0.9;
        s.params.orgs_revive_rate = 0.6;
        Bench bench(s, 96);
        World& w = bench.w;
        auto& o = w.orgs;
        w.policy.routine_effect = routine;
        double working = 0, idled = 0, idle = 0, revived = 0;
        for (std::int64_t day : bench.month_starts(12, 1)) {
            for (Index k = 0; k < o.count(); ++k) {
                o.form[k] = u8(PartyForm::GroupInJoint);
                o.members[k] = 5;
                o.functional[k] = k % 2;
            }
            bench.run_organisations(day);
            for (Index k = 0; k < o.count(); ++k) {
                ASSERT_TRUE(formal(o.form[k]));
                if (k % 2) {
                    ++working;
                    idled += !o.functional[k];
                } else {
                    ++idle;
                    revived += o.functional[k];
                }
            }
        }
        const double q_idle = per_month(0.9) * routine, q_revive = std::min(1.0, per_month(0.6) / routine);
        EXPECT_NEAR(idled / working, q_idle, 4.0 * binomial_se(q_idle, working)) << "routine " << routine;
        EXPECT_NEAR(revived / idle, q_revive, 4.0 * binomial_se(q_revive, idle)) << "routine " << routine;
    }
}

// Instructors look after the first instructors × load registered formal
// organisations of each street.
TEST(Organisations, InstructorsUpToTheirCapacity) {
    Bench bench(frozen(), 97);
    World& w = bench.w;
    auto& o = w.orgs;
    w.policy.instructors_per_street = 2;
    w.policy.instructor_load = 4;
    std::int64_t eligible = 0;
    for (Index k = 0; k < o.count(); ++k) {
        o.form[k] = u8(k % 3 ? PartyForm::GroupInJoint : PartyForm::None);
        o.members[k] = 5;
        eligible += o.registered[k] && k % 3;
    }
    ASSERT_GT(eligible, 8);
    bench.run_organisations(kFeb1);
    std::int64_t instructed = 0;
    for (Index k = 0; k < o.count(); ++k) {
        instructed += o.instructor[k];
        if (o.instructor[k]) {
            EXPECT_TRUE(o.registered[k] && formal(o.form[k])) << k;
        }
    }
    EXPECT_EQ(instructed, 8);
}

// Under full dynamics and every coverage lever for two years, relations
// never exceed members, forms stay valid, only formal organisations work,
// liaisons only sit in registered workplaces with fewer than 3 members.
TEST(Organisations, InvariantsHoldUnderFullDynamics) {
    Scenario s = small_scenario();
    s.params.orgs_closure_rate = 0.3;
    s.params.orgs_birth_rate = 0.3;
    s.params.orgs_dissolve_rate = 0.9;
    Bench bench(s, 98);
    World& w = bench.w;
    w.policy.gate = 0.8;
    w.policy.responsibility = 3.0;
    w.policy.fallback_monthly = 0.1;
    w.policy.rating_monthly = 0.2;
    w.policy.rating_paper_share = 0.6;
    w.policy.liaisons = true;
    w.policy.team_reach_monthly = 0.2;
    w.policy.instructors_per_street = 1;
    w.policy.instructor_load = 5;
    const auto& o = w.orgs;
    for (std::int64_t day = 1; day <= 730; ++day) {
        w.policy.campaign_push = day >= 200 && day < 230 ? 0.05 : 0.0;
        bench.run_organisations(day);
        ASSERT_EQ(w.employer_cdf.size(), o.count());
        for (Index k = 0; k < o.count(); ++k) {
            ASSERT_LE(o.relations[k], o.members[k]) << "workplace " << k << " day " << day;
            ASSERT_LE(o.form[k], u8(PartyForm::OwnBranch));
            if (!formal(o.form[k])) {
                ASSERT_EQ(o.functional[k], 0) << "workplace " << k << " day " << day;
            }
            if (o.form[k] == u8(PartyForm::Liaison)) {
                ASSERT_TRUE(o.registered[k]) << k;
                ASSERT_LT(o.members[k], 3) << "workplace " << k << " day " << day;
            }
        }
    }
}

// Closures hit private, foreign and social workplaces only, at
// per_day(orgs.closure_rate) (4 binomial standard errors over org-days);
// the employer table gives closed workplaces no weight.
TEST(Organisations, ClosuresOnlyForPrivateForeignAndSocialTypes) {
    Scenario s = frozen();
    s.params.orgs_workplaces_per_1000 = 100.0;
    s.params.orgs_closure_rate = 0.5;
    Bench bench(s, 99);
    World& w = bench.w;
    const auto& o = w.orgs;
    double exposure = 0, closures = 0;
    for (std::int64_t day = 1; day <= 365; ++day) {
        std::vector<std::uint8_t> alive = o.alive;
        bench.run_organisations(day);
        for (Index k = 0; k < o.count(); ++k) {
            if (!alive[k]) continue;
            if (!closable(o.type[k])) {
                ASSERT_TRUE(o.alive[k]) << "type " << int(o.type[k]) << " never closes";
                continue;
            }
            exposure += 1;
            closures += !o.alive[k];
        }
    }
    const double q = per_day(0.5);
    EXPECT_NEAR(closures / exposure, q, 4.0 * binomial_se(q, exposure));
    for (Index k = 0; k < o.count(); ++k) {
        const double weight = w.employer_cdf[k] - (k ? w.employer_cdf[k - 1] : 0.0);
        if (!o.alive[k] || !o.registered[k]) {
            EXPECT_EQ(weight, 0.0) << k;
        } else {
            EXPECT_EQ(weight, o.staff[k]) << k;
        }
    }
}

// Births: Poisson(rate_per_day(birth_rate) × live workplaces) a day per
// street (4 standard deviations of the total), appended alive and registered
// with valid staff, members and forms; only closable types are born.
TEST(Organisations, BirthsAreAppendedWithValidFields) {
    for (double gate : {0.0, 1.0}) {
        Scenario s = frozen();
        s.params.orgs_workplaces_per_1000 = 100.0;
        s.params.orgs_birth_rate = 1.0;
        Bench bench(s, 100);
        World& w = bench.w;
        const auto& o = w.orgs;
        w.policy.gate = gate;
        const std::size_t initial = o.count();
        double expected = 0;
        for (std::int64_t day = 1; day <= 200; ++day) {
            double live = 0;
            for (Index k = 0; k < o.count(); ++k) live += o.alive[k] && o.type[k] != u8(OrgType::MassTeam);
            expected += rate_per_day(1.0) * live;
            bench.run_organisations(day);
        }
        const double born = static_cast<double>(o.count() - initial);
        EXPECT_NEAR(born, expected, 4.0 * std::sqrt(expected));
        double private_born = 0;
        for (Index k = static_cast<Index>(initial); k < o.count(); ++k) {
            EXPECT_TRUE(closable(o.type[k])) << "type " << int(o.type[k]);
            private_born += o.type[k] == u8(OrgType::Private);
            EXPECT_LT(o.street[k], w.streets.count());
            EXPECT_TRUE(o.alive[k]);
            EXPECT_TRUE(o.registered[k]);
            EXPECT_GE(o.staff[k], static_cast<std::uint32_t>(s.params.orgs_size_min));
            EXPECT_LE(o.members[k], o.staff[k]);
            EXPECT_LE(o.relations[k], o.members[k]);
            EXPECT_EQ(formal(o.form[k]), gate > 0 && o.members[k] >= 3) << k;
            EXPECT_EQ(o.functional[k], formal(o.form[k]) ? 1 : 0);
            EXPECT_NE(o.form[k], u8(PartyForm::Liaison)) << "no liaisons without the policy";
            EXPECT_GT(w.employer_cdf[k] - w.employer_cdf[k - 1], 0.0);
        }
        const Params& p = s.params;
        const double private_share = 1.0 - p.orgs_government_share - p.orgs_public_share - p.orgs_soe_share -
                                     p.orgs_foreign_share - p.orgs_social_share - p.orgs_social_service_share;
        const double q =
            private_share / (private_share + p.orgs_foreign_share + p.orgs_social_share + p.orgs_social_service_share);
        EXPECT_NEAR(private_born / born, q, 4.0 * binomial_se(q, born));
        ASSERT_EQ(w.employer_cdf.size(), o.count());
    }
}

}  // namespace
}  // namespace jiceng::proctest
