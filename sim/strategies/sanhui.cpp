// 三会 (卢湾): decision hearings (决策听证), dispute coordination (矛盾协调)
// and resident evaluation of officials (政务评议). Only the titles survive in
// the sources, so every effect here is an assumption (docs/ODD.md): hearings
// raise the chance building public issues are resolved; dispute coordination
// lowers the escalation hazard of disputes and raises their resolution;
// evaluation raises staff effort (hours).
#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Sanhui final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        const Params& p = ctx.p;
        w.policy.public_resolve *= p.sanhui_hearing_resolve;
        w.policy.dispute_resolve *= p.sanhui_dispute_resolve;
        w.policy.dispute_escalation *= p.sanhui_dispute_escalation;
        w.policy.staff_effort *= p.sanhui_evaluation_effort;
        w.policy.budget_per_day += static_cast<double>(w.areas.count()) * p.sanhui_cost / 365.2425;
    }
};

}  // namespace

std::unique_ptr<Strategy> make_sanhui(StreamId stream) {
    return std::make_unique<Sanhui>(stream);
}

}  // namespace jiceng
