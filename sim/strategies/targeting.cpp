// Service targeting (S002: 把握不同群众的新需求; brief: 一般化、效果差):
// members' and volunteers' hours go to known needs instead of generic,
// untargeted activity. `provision` above 1 supplies more hours than needs
// call for: over-provision, which crowds out residents' self-help through
// response.crowd_out (包办代替).
#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Targeting final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        w.policy.generic_share = ctx.p.targeting_generic_share;
        w.policy.provision *= ctx.p.targeting_provision;
    }
};

}  // namespace

std::unique_ptr<Strategy> make_targeting(StreamId stream) {
    return std::make_unique<Targeting>(stream);
}

}  // namespace jiceng
