// Organisational coverage policies for firms and social organisations
// (S000, S001, S004): dual responsibility with clear responsibility (a
// multiplier on formation), registration and annual-inspection gates, liaisons
// for workplaces without a group, the 综合党委 fallback (托底) for workplaces
// with 1-2 members, evaluation linkage (no 4A rating without a Party
// organisation, which invites paper branches), instructors, a funding
// guarantee with 六有 venues, an online platform, and a campaign (a push
// spread over campaign_days) and/or routine upkeep. The organisations process
// applies them; this module sets them and counts their cost.
#include <cmath>

#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Coverage final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        const Params& p = ctx.p;
        Policy& policy = w.policy;
        policy.responsibility = p.coverage_responsibility;
        policy.gate = p.coverage_gates;
        policy.liaisons = p.coverage_liaisons;
        policy.fallback_monthly = per_month(p.coverage_fallback);
        policy.rating_monthly = per_month(p.coverage_rating_link);
        policy.rating_paper_share = p.coverage_rating_paper_share;
        policy.instructors_per_street = p.coverage_instructors;
        policy.instructor_load = p.coverage_instructor_load;
        policy.routine_effect = p.coverage_routine ? p.coverage_routine_effect : 1.0;
        policy.instructor_effect = p.coverage_instructor_effect;
        policy.funding_effect = p.coverage_funding ? p.coverage_funding_effect : 1.0;
        policy.platform_report = p.coverage_platform ? p.coverage_platform_report : 1.0;
        policy.platform_transfer = p.coverage_platform ? p.coverage_platform_transfer : 1.0;
        // The campaign's overall push, spread evenly over its days.
        const bool campaigning = p.coverage_campaign_day >= 0 && ctx.day >= p.coverage_campaign_day &&
                                 ctx.day < p.coverage_campaign_day + p.coverage_campaign_days;
        policy.campaign_push = campaigning ? 1.0 - std::pow(1.0 - std::min(p.coverage_campaign_push, 0.999999),
                                                            1.0 / static_cast<double>(p.coverage_campaign_days))
                                           : 0.0;
        double cost = static_cast<double>(p.coverage_instructors * static_cast<std::int64_t>(w.streets.count())) *
                      p.coverage_instructor_cost;
        if (p.coverage_funding) {
            std::size_t organisations = 0;
            for (std::size_t k = 0; k < w.orgs.count(); ++k)
                organisations += w.orgs.alive[k] && w.orgs.registered[k] &&
                                 (w.orgs.form[k] == static_cast<std::uint8_t>(PartyForm::GroupInJoint) ||
                                  w.orgs.form[k] == static_cast<std::uint8_t>(PartyForm::OwnBranch));
            cost += static_cast<double>(organisations) * p.coverage_funding_cost;
        }
        policy.budget_per_day += cost / 365.2425;
    }
};

}  // namespace

std::unique_ptr<Strategy> make_coverage(StreamId stream) {
    return std::make_unique<Coverage>(stream);
}

}  // namespace jiceng
