// 楼组党建 (S003, 新成路 from 2003): resident members of a building form a
// Party group when at least `threshold` eligible members live there, one
// group per `cap` members. Phase 1 admits in-work members only; from
// `phase2_day` retired, floating and unemployed members join too. Groups meet
// every `meeting_interval` days (自转), which reactivates nominal members;
// dual leadership (公转) slows the decay of group members' engagement;
// identity disclosure (亮身份) makes group members visible to neighbours and
// more likely to notice needs; an annual commendation reactivates members of
// the best third of groups.
#include <algorithm>
#include <tbb/parallel_for.h>
#include <vector>

#include "sim/strategies/strategy.hpp"

namespace jiceng {

namespace {

class Louzu final : public Strategy {
public:
    using Strategy::Strategy;

private:
    bool organised_ = false;

    void on_apply(World& w, const DayContext& ctx) override {
        const Params& p = ctx.p;
        if (ctx.day < p.louzu_start_day) return;
        w.policy.disclosure = p.louzu_disclosure;
        w.policy.group_discovery_multiplier = p.louzu_disclosure ? p.louzu_disclosure_discovery : 1.0;
        w.policy.group_active_to_nominal = p.louzu_dual_report ? 0.5 : 1.0;
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
        tbb::parallel_for(Index{0}, static_cast<Index>(B.count()), [&](Index b) {
            std::uint32_t n = 0;
            bool cadre = false;
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i) {
                if (!H.occupied[r.household[i]] || !eligible(w, ctx, i)) continue;
                ++n;
                cadre |= (r.flags[i] & flag::kCadre) != 0;
            }
            const bool formed = n >= static_cast<std::uint32_t>(p.louzu_threshold);
            B.groups[b] = formed ? static_cast<std::uint8_t>(std::min<std::uint32_t>(255, (n + p.louzu_cap - 1) / p.louzu_cap)) : 0;
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
        tbb::parallel_for(Index{0}, static_cast<Index>(B.count()), [&](Index b) {
            if (!B.groups[b]) return;
            std::uint32_t in_group = 0, active = 0;
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i) {
                if (!(r.flags[i] & flag::kInGroup)) continue;
                ++in_group;
                active += r.engagement[i] == static_cast<std::uint8_t>(Engagement::Active);
            }
            score[b] = in_group ? static_cast<float>(active) / in_group : 0.0f;
        });
        std::vector<float> ranked;
        for (float x : score)
            if (x >= 0) ranked.push_back(x);
        if (ranked.empty()) return;
        const std::size_t cut = ranked.size() * 2 / 3;
        std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(cut), ranked.end());
        const float bar = ranked[cut];
        tbb::parallel_for(Index{0}, static_cast<Index>(B.count()), [&](Index b) {
            if (score[b] < bar || score[b] < 0) return;
            for (Index i = B.first_resident[b]; i < B.first_resident[b] + B.residents[b]; ++i)
                if ((r.flags[i] & flag::kInGroup) && r.engagement[i] == static_cast<std::uint8_t>(Engagement::Nominal))
                    r.engagement[i] = static_cast<std::uint8_t>(Engagement::Active);
        });
    }
};

}  // namespace

std::unique_ptr<Strategy> make_louzu(std::uint32_t index) { return std::make_unique<Louzu>(index); }

}  // namespace jiceng
