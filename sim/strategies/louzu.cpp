// 楼组党建 (S003, 新成路 from 2003): resident members of a building form a
// Party group when at least `threshold` eligible members live there, one
// group per `cap` members. Phase 1 admits in-work members only; from
// `phase2_day` retired, floating and unemployed members join too. Groups meet
// every `meeting_interval` days (the community's 公转, beside the workplace
// branch's 自转), which reactivates nominal members; dual leadership slows the
// decay of group members' engagement;
// identity disclosure (亮身份) makes group members visible to neighbours and
// more likely to notice needs; an annual commendation reactivates members of
// the best third of groups.
#include <algorithm>
#include <vector>
#include "sim/core/parallel.hpp"

#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Louzu final : public Strategy {
public:
    using Strategy::Strategy;

private:
    bool organised_ = false;  // groups formed (checkpointed)

    std::vector<std::int64_t> on_save() const override { return {organised_}; }
    void on_restore(std::span<const std::int64_t> data) override {
        if (data.size() != 1) throw std::runtime_error("invalid saved state");
        organised_ = data[0] != 0;
    }

    // Switched off (live): groups disband.
    void on_finalize(World& w) override {
        std::fill(w.buildings.groups.begin(), w.buildings.groups.end(), 0);
        for (auto& f : w.residents.flags) f &= static_cast<std::uint8_t>(~flag::kInGroup);
    }

    void on_apply(World& w, const DayContext& ctx) override {
        const Params& p = ctx.p;
        if (ctx.day < p.louzu_start_day) return;
        w.policy.disclosure = p.louzu_disclosure;
        w.policy.group_discovery_multiplier = p.louzu_disclosure ? p.louzu_disclosure_discovery : 1.0;
        w.policy.group_active_to_nominal = p.louzu_dual_report ? p.louzu_dual_report_factor : 1.0;
        const std::int64_t since = ctx.day - p.louzu_start_day;
        // Groups form on the first day the strategy runs, then meet on schedule.
        if (!organised_ || since % p.louzu_meeting_interval == 0) organise_and_meet(w, ctx);
        organised_ = true;
        if (p.louzu_commendation && since > 0 && since % 365 == 0) commend(w, ctx);
    }

    bool eligible(const World& w, const DayContext& ctx, Index i) const {
        const auto type = static_cast<MemberType>(w.residents.member[i]);
        if (type == MemberType::None || w.residents.engagement[i] == static_cast<std::uint8_t>(Engagement::Lapsed))
            return false;
        return type == MemberType::InWork || ctx.day >= ctx.p.louzu_phase2_day;
    }

    void organise_and_meet(World& w, const DayContext& ctx) {
        const Params& p = ctx.p;
        auto& r = w.residents;
        auto& B = w.buildings;
        const auto& H = w.households;
        parallel_for(Index{0}, static_cast<Index>(B.count()), [&](Index b) {
            std::uint32_t n = 0;
            bool cadre = false;
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i) {
                if (!H.occupied[r.household[i]] || !eligible(w, ctx, i)) continue;
                ++n;
                cadre |= (r.flags[i] & flag::kCadre) != 0;
            }
            const bool formed = n >= static_cast<std::uint32_t>(p.louzu_threshold);
            B.groups[b] =
                formed ? static_cast<std::uint8_t>(std::min<std::uint32_t>(255, (n + p.louzu_cap - 1) / p.louzu_cap))
                       : 0;
            Stream s = stream(ctx, b);
            const bool meets = formed && ((p.louzu_cadre_leaders && cadre) || s.bernoulli(p.louzu_uncadred_meeting));
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i) {
                const bool in_group = formed && H.occupied[r.household[i]] && eligible(w, ctx, i);
                if (!in_group) {
                    r.flags[i] &= static_cast<std::uint8_t>(~flag::kInGroup);
                    continue;
                }
                r.flags[i] |= flag::kInGroup;
                if (meets && r.engagement[i] == static_cast<std::uint8_t>(Engagement::Nominal) &&
                    s.bernoulli(p.louzu_meeting_reactivation))
                    r.engagement[i] = static_cast<std::uint8_t>(Engagement::Active);
            }
        });
    }

    void commend(World& w, const DayContext&) {
        auto& r = w.residents;
        auto& B = w.buildings;
        std::vector<float> score(B.count(), -1.0f);
        parallel_for(Index{0}, static_cast<Index>(B.count()), [&](Index b) {
            if (!B.groups[b]) return;
            std::uint32_t in_group = 0, active = 0;
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i) {
                if (!(r.flags[i] & flag::kInGroup)) continue;
                ++in_group;
                active += r.engagement[i] == static_cast<std::uint8_t>(Engagement::Active);
            }
            score[b] = in_group ? static_cast<float>(active) / in_group : 0.0f;
        });
        // The best third of groups by active share; ties go to the lower building index.
        std::vector<Index> ranked;
        for (Index b = 0; b < B.count(); ++b)
            if (score[b] >= 0) ranked.push_back(b);
        const std::size_t commended = (ranked.size() + 2) / 3;
        std::stable_sort(ranked.begin(), ranked.end(), [&](Index a, Index b) { return score[a] > score[b]; });
        std::vector<std::uint8_t> chosen(B.count(), 0);
        for (std::size_t k = 0; k < commended; ++k) chosen[ranked[k]] = 1;
        parallel_for(Index{0}, static_cast<Index>(B.count()), [&](Index b) {
            if (!chosen[b]) return;
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i)
                if ((r.flags[i] & flag::kInGroup) && r.engagement[i] == static_cast<std::uint8_t>(Engagement::Nominal))
                    r.engagement[i] = static_cast<std::uint8_t>(Engagement::Active);
        });
    }
};

}  // namespace

std::unique_ptr<Strategy> make_louzu(StreamId stream) {
    return std::make_unique<Louzu>(stream);
}

}  // namespace jiceng
