// 党员志愿者工作室 (S002, Hongkou from 2004): a studio is led by a member
// skilled in one kind of need ("领衔人都是某一专业的内行") and gives skilled
// hours to that kind of need in its residential area, learns of such needs
// itself, and draws non-member residents into volunteering. The first
// `pilots` studios open on the start day in the first areas that have a
// skilled active member; other areas adopt by Bass diffusion, checked on the
// first of each month: an area with a skilled active member and no studio
// opens one with yearly hazard innovation + imitation × (share of areas that
// have a studio), its speciality drawn among the skills present.
#include <algorithm>

#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Studios final : public Strategy {
public:
    using Strategy::Strategy;

private:
    void on_apply(World& w, const DayContext& ctx) override {
        const Params& p = ctx.p;
        if (ctx.day < p.studios_start_day) return;
        auto& A = w.areas;
        if (!piloted_) {
            std::int64_t opened = 0;
            for (Index a = 0; a < A.count() && opened < p.studios_pilots; ++a) opened += open(w, ctx, a);
            piloted_ = true;
        } else if (ctx.calendar.is_month_start(ctx.day)) {
            std::size_t with = 0;
            for (Index a = 0; a < A.count(); ++a) with += A.studio[a] != 0;
            const double share = static_cast<double>(with) / static_cast<double>(A.count());
            const double hazard = per_month(std::min(1.0, p.studios_innovation + p.studios_imitation * share));
            for (Index a = 0; a < A.count(); ++a) {
                if (A.studio[a]) continue;
                Stream s = stream(ctx, a);
                if (s.bernoulli(hazard)) open(w, ctx, a);
            }
        }
        std::size_t studios = 0;
        for (Index a = 0; a < A.count(); ++a) studios += A.studio[a] != 0;
        w.policy.studio_hours_daily = p.studios_hours / 7.0;
        w.policy.studio_discovery = p.studios_discovery;
        w.policy.studio_recruit_monthly = per_month(p.studios_recruitment);
        w.policy.budget_per_day += static_cast<double>(studios) * p.studios_cost / 365.2425;
    }

    // Opens a studio in area `a` if a skilled member is active there.
    bool open(World& w, const DayContext& ctx, Index a) {
        auto& A = w.areas;
        const std::uint8_t pool = A.member_skill_pool[a];  // a member leads (领衔人)
        if (A.studio[a] || pool == 0) return false;
        int skills[kNeedTypes];
        int n = 0;
        for (int t = 1; t < kNeedTypes; ++t)
            if (pool & (1u << t)) skills[n++] = t;
        Stream s = stream(ctx, 0x80000000u + a);
        A.studio[a] = static_cast<std::uint8_t>(skills[std::min(n - 1, static_cast<int>(s.uniform() * n))] + 1);
        return true;
    }

    void on_finalize(World& w) override { std::fill(w.areas.studio.begin(), w.areas.studio.end(), 0); }

    bool piloted_ = false;  // pilots opened (checkpointed)

    std::vector<std::int64_t> on_save() const override { return {piloted_}; }
    void on_restore(std::span<const std::int64_t> data) override {
        if (data.size() != 1) throw std::runtime_error("invalid saved state");
        piloted_ = data[0] != 0;
    }
};

}  // namespace

std::unique_ptr<Strategy> make_studios(StreamId stream) {
    return std::make_unique<Studios>(stream);
}

}  // namespace jiceng
