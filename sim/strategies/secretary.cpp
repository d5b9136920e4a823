// Secretary professionalisation (职业化): pay by post lowers the turnover of
// residents' committee secretaries and staff; training raises their skill
// (which sets staff's chance of resolving a need); resident evaluation raises
// their effort (hours). Costs extra pay and training per area.
#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Secretary final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        const Params& p = ctx.p;
        w.policy.secretary_turnover *= p.secretary_turnover_factor;
        w.policy.secretary_training += p.secretary_training;
        w.policy.staff_effort *= p.secretary_effort;
        w.policy.budget_per_day += static_cast<double>(w.areas.count()) * p.secretary_cost / 365.2425;
    }
};

}  // namespace

std::unique_ptr<Strategy> make_secretary(StreamId stream) {
    return std::make_unique<Secretary>(stream);
}

}  // namespace jiceng
