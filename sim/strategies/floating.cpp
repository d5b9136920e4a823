// Floating-member management with the inflow area primary (S001:
// 以流入地党组织为主, 有流动但不流失): floating members register with the
// community they live in (then their engagement decays like others', not
// faster), and a registered member who moves away is handed over to the next
// inflow area instead of being lost.
#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Floating final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        w.policy.floating_register_monthly = per_month(ctx.p.floating_register_rate);
        w.policy.floating_handover = ctx.p.floating_handover;
    }
};

}  // namespace

std::unique_ptr<Strategy> make_floating(StreamId stream) {
    return std::make_unique<Floating>(stream);
}

}  // namespace jiceng
