// The patterns the sources report (docs/ODD.md §1; model brief, "Facts the
// model should be able to reproduce"): directions and time scales, checked in
// every one of several replicates run with common random numbers, with the
// margins stated in each test.
#include <gtest/gtest.h>

#include <functional>

#include "sim/experiments/compare.hpp"
#include "sim/simulation/simulation.hpp"

namespace jiceng {
namespace {

constexpr int kReplicates = 3;
constexpr std::uint64_t kSeed = 2003;

Scenario street(const std::function<void(Params&)>& configure = {}) {
    Scenario s = default_scenario();
    s.params.district_residents_per_street = 12000;
    s.params.district_areas_per_street = 4;
    s.params.orgs_workplaces_per_1000 = 40;  // enough workplaces for coverage rates to be stable
    if (configure) configure(s.params);
    return s;
}

double at(const Results& r, Outcome o, std::int64_t day) {
    return r.district[static_cast<int>(o)][static_cast<std::size_t>(day)];
}
double by_type(const Results& r, Outcome o, OrgType t, std::int64_t day) {
    return r.org_type[static_cast<int>(o)][static_cast<std::size_t>(day) * kOrgTypes + static_cast<int>(t)];
}

// Building groups need 3 members in a building, so coverage grows faster than
// member density: doubling a low density more than doubles coverage (S003).
TEST(Facts, BuildingGroupCoverageIsNonLinearInMemberDensity) {
    auto coverage = [](double share) {
        const auto model = freeze(street([&](Params& p) {
            p.louzu_enabled = true;
            p.louzu_phase2_day = 0;  // all member types, so density is the members' share
            p.members_share = share;
        }));
        return run_one(model, kSeed, 0, 1).last(Outcome::buildings_with_group_share);
    };
    const double low = coverage(0.02), mid = coverage(0.04), high = coverage(0.08);
    EXPECT_GT(low, 0.0);
    EXPECT_GT(mid, 2.0 * low);
    EXPECT_GT(high, mid);
}

// Gates plus clear responsibility form Party organisations faster among
// registered workplaces; unregistered 群众团队 are untouched (S000).
TEST(Facts, GatesAndResponsibilityReachRegisteredOrganisationsOnly) {
    const auto base = freeze(street());
    const auto gated = freeze(street([](Params& p) { p.coverage_enabled = true; }));
    const std::int64_t days = 2 * 365;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(base, kSeed, r, days), b = run_one(gated, kSeed, r, days);
        EXPECT_GT(at(b, Outcome::formal_coverage, days), at(a, Outcome::formal_coverage, days) + 0.02)
            << "replicate " << r;
        for (std::int64_t d : {std::int64_t{0}, days / 2, days})
            EXPECT_EQ(by_type(b, Outcome::formal_coverage, OrgType::MassTeam, d),
                      by_type(a, Outcome::formal_coverage, OrgType::MassTeam, d))
                << "mass teams changed on day " << d;
    }
}

// Coverage built by a campaign decays under churn without routine upkeep (S001).
TEST(Facts, CampaignCoverageDecaysWithoutRoutineUpkeep) {
    auto campaign = [](bool routine) {
        return freeze(street([&](Params& p) {
            p.coverage_enabled = true;
            p.coverage_responsibility = 1.0;
            p.coverage_gates = 0.0;
            p.coverage_liaisons = false;
            p.coverage_routine = routine;
            p.coverage_campaign_day = 30;
            p.coverage_campaign_days = 90;
        }));
    };
    const auto bare = campaign(false), upkept = campaign(true);
    const std::int64_t days = 3 * 365, end = 30 + 90;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(bare, kSeed, r, days), b = run_one(upkept, kSeed, r, days);
        const double peak = at(a, Outcome::functional_coverage, end);
        EXPECT_GT(peak, at(a, Outcome::functional_coverage, 29) + 0.05) << "the campaign should lift coverage";
        EXPECT_LT(at(a, Outcome::functional_coverage, days), 0.8 * peak) << "replicate " << r;
        EXPECT_GT(at(b, Outcome::functional_coverage, days), at(a, Outcome::functional_coverage, days) + 0.02)
            << "routine upkeep should hold more of it, replicate " << r;
    }
}

// Targets tied to ratings raise formal coverage more than functional coverage,
// with paper branches; transfer rates differ strongly by organisation type (S004).
TEST(Facts, RatingLinkageRaisesFormalMoreThanFunctionalCoverage) {
    const auto base = freeze(street([](Params& p) {
        p.orgs_social_share = 0.2;
        p.orgs_social_service_share = 0.05;
    }));
    const auto rated = freeze(street([](Params& p) {
        p.orgs_social_share = 0.2;
        p.orgs_social_service_share = 0.05;
        p.coverage_enabled = true;
        p.coverage_responsibility = 1.0;
        p.coverage_gates = 0.0;
        p.coverage_rating_link = 0.5;
    }));
    const std::int64_t days = 2 * 365;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(base, kSeed, r, days), b = run_one(rated, kSeed, r, days);
        const double formal_gain = at(b, Outcome::formal_coverage, days) - at(a, Outcome::formal_coverage, days);
        const double functional_gain =
            at(b, Outcome::functional_coverage, days) - at(a, Outcome::functional_coverage, days);
        EXPECT_GT(formal_gain, 0.02) << "replicate " << r;
        EXPECT_GT(formal_gain, 1.5 * functional_gain) << "replicate " << r;
        EXPECT_GT(at(b, Outcome::paper_branches, days), at(a, Outcome::paper_branches, days)) << "replicate " << r;
    }
}

// Transfer rates of members' relations differ strongly by organisation type:
// well into state workplaces and private schools and hospitals, poorly into
// other social organisations (S004: 接转较到位的多集中在民营医院、学校).
TEST(Facts, TransferRatesDifferByOrganisationType) {
    const auto model = freeze(street([](Params& p) {
        p.orgs_workplaces_per_1000 = 100;  // many social organisations with members, for stable rates
        p.orgs_social_share = 0.3;
        p.orgs_social_service_share = 0.1;
        p.orgs_member_rate_social = 0.3;
    }));
    const std::int64_t days = 365;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(model, kSeed, r, days);
        const double state = by_type(a, Outcome::relation_transfer_rate, OrgType::Government, days);
        const double social = by_type(a, Outcome::relation_transfer_rate, OrgType::Social, days);
        const double service = by_type(a, Outcome::relation_transfer_rate, OrgType::SocialService, days);
        EXPECT_GT(state, 2.0 * social) << "replicate " << r;
        EXPECT_GT(service, 1.5 * social) << "replicate " << r;
    }
}

// Volunteer studios spread from one pilot to every street within a few years,
// and member volunteers draw in non-member volunteers (S002, Hongkou 2004-2007).
TEST(Facts, StudiosSpreadFromOnePilotAndDrawInVolunteers) {
    auto district = [](bool studios) {
        Scenario s = street([&](Params& p) {
            p.district_streets = 4;
            p.district_residents_per_street = 4000;
            p.district_areas_per_street = 3;
            p.studios_enabled = studios;
        });
        return freeze(std::move(s));
    };
    const auto base = district(false), studios = district(true);
    const std::int64_t days = 4 * 365;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(base, kSeed, r, days), b = run_one(studios, kSeed, r, days);
        EXPECT_EQ(at(b, Outcome::studios, 1), 1.0) << "one pilot";
        EXPECT_EQ(at(b, Outcome::studios, 30), 1.0) << "still only the pilot after a month";
        EXPECT_EQ(at(b, Outcome::streets_with_studio_share, days), 1.0)
            << "every street after four years, replicate " << r;
        EXPECT_GT(at(b, Outcome::volunteers_nonmember, days), 1.3 * at(a, Outcome::volunteers_nonmember, days))
            << "replicate " << r;
    }
}

// Member volunteers draw in non-member volunteers (participation.draw_in),
// apart from any studio: with draw-in off, fewer non-members volunteer.
TEST(Facts, MemberVolunteersDrawInNonMembers) {
    const auto without = freeze(street([](Params& p) { p.participation_draw_in = 0.0; }));
    const auto with = freeze(street());
    const std::int64_t days = 2 * 365;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(without, kSeed, r, days), b = run_one(with, kSeed, r, days);
        EXPECT_GT(at(b, Outcome::volunteers_nonmember, days), 1.05 * at(a, Outcome::volunteers_nonmember, days))
            << "replicate " << r;
    }
}

// Services lead some residents to apply for membership (S002, 殷仁俊): with no
// response to being served, no one applies; with it, residents apply and some
// are admitted after vetting.
TEST(Facts, ServicesLeadResidentsToApply) {
    const auto none = freeze(street([](Params& p) { p.participation_apply_after_help = 0.0; }));
    const auto some = freeze(street([](Params& p) { p.participation_vetting_days = 180; }));
    const std::int64_t days = 2 * 365;
    double applications = 0;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(none, kSeed, r, days), b = run_one(some, kSeed, r, days);
        EXPECT_EQ(summary_value(a, Outcome::applications), 0.0);
        EXPECT_GT(summary_value(b, Outcome::applications), 0.0) << "replicate " << r;
        EXPECT_GT(summary_value(b, Outcome::new_members), 0.0) << "replicate " << r;
        applications += summary_value(b, Outcome::applications);
    }
    // About 15 applications per replicate in two years (a count, roughly
    // Poisson): 24 over three replicates is below the expected 45 by more
    // than three standard deviations.
    EXPECT_GE(applications, 24.0);
}

// Generic, untargeted service resolves fewer needs per member-hour than
// needs-based service (S002: 一般化、效果差).
TEST(Facts, TargetedServiceResolvesMoreNeedsPerMemberHour) {
    const auto generic = freeze(street());
    const auto targeted = freeze(street([](Params& p) { p.targeting_enabled = true; }));
    const std::int64_t days = 365;
    for (int r = 0; r < kReplicates; ++r) {
        const Results a = run_one(generic, kSeed, r, days), b = run_one(targeted, kSeed, r, days);
        EXPECT_GT(summary_value(b, Outcome::resolved_per_member_hour),
                  1.5 * summary_value(a, Outcome::resolved_per_member_hour))
            << "replicate " << r;
    }
}

}  // namespace
}  // namespace jiceng
