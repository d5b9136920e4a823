// Organisational coverage policies for firms and social organisations
// (S000, S001, S004): dual responsibility with clear responsibility (a
// multiplier on formation), registration and annual-inspection gates, liaisons
// for workplaces without a group, the 综合党委 fallback (托底) for workplaces
// with 1-2 members, evaluation linkage (no 4A rating without a Party
// organisation, which invites paper branches), instructors, a funding
// guarantee with 六有 venues, an online platform, and either a campaign
// (one push on campaign_day) or routine upkeep. The organisations process
// applies them; this module sets them and counts their cost.
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
        policy.funding = p.coverage_funding;
        policy.platform = p.coverage_platform;
        policy.routine = p.coverage_routine;
        policy.campaign_push = ctx.day == p.coverage_campaign_day ? p.coverage_campaign_push : 0.0;
        double cost = static_cast<double>(p.coverage_instructors * static_cast<std::int64_t>(w.streets.count())) * p.coverage_instructor_cost;
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

std::unique_ptr<Strategy> make_coverage(std::uint32_t index) { return std::make_unique<Coverage>(index); }

}  // namespace jiceng
