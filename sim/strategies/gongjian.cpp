// 共驻共建 regional co-building: workplaces in the district lend people
// (hours of service to every residential area) and venues (more residents
// join mass teams), and territorial work brings mass teams (群众团队) — which
// no registration gate reaches — into Party work.
#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Gongjian final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        w.policy.lent_hours_daily += ctx.p.gongjian_hours / 7.0;
        w.policy.team_reach_monthly = per_month(ctx.p.gongjian_team_reach);
        w.policy.team_join *= ctx.p.gongjian_venue_join;
    }
};

}  // namespace

std::unique_ptr<Strategy> make_gongjian(StreamId stream) {
    return std::make_unique<Gongjian>(stream);
}

}  // namespace jiceng
