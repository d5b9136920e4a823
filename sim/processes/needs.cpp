// Needs arise per resident as Poisson processes by type (hardship, elderly
// care, job seeking, disputes, psychological, building public issues). The
// next arrival day is drawn ahead (event-driven), so a resident with no need
// costs one comparison a day. Open needs age; the hazard of escalation rises
// with age (Weibull-type); residents settle some themselves, more easily with
// neighbours' mutual help and less easily where service is over-provided
// (包办代替); needs that reach needs.max_age are abandoned.
#include "sim/processes/needs.hpp"

#include <boost/random/geometric_distribution.hpp>
#include <cmath>

#include "sim/processes/processes.hpp"
#include "sim/processes/sweep.hpp"

namespace jiceng {

NeedsProcess::NeedsProcess(World& w, const DayContext& ctx, Index area, Tally& tally)
    : w_(w),
      ctx_(ctx),
      tally_(tally),
      need_(w.residents.need.data()),
      next_need_day_(w.residents.next_need_day.data()),
      day_(static_cast<std::int32_t>(ctx.day)) {
    const auto& A = w.areas;
    const auto& B = w.buildings;
    // Over-provision crowds out self-help: yesterday's service hours per resident.
    double area_residents = 0;
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b)
        area_residents += B.occupants[b];
    crowding_ = 1.0 / (1.0 + ctx.p.response_crowd_out * A.service_hours[area] / std::max(1.0, area_residents));
}

void NeedsProcess::building(Index b) {
    const auto& B = w_.buildings;
    const Params& p = ctx_.p;
    const double ties_per_resident = B.occupants[b] ? B.ties[b] / B.occupants[b] : 0.0;
    self_help_ = std::min(1.0, p.needs_self_resolve_rate * (1.0 + p.needs_mutual_help * ties_per_resident) * crowding_);
}

void NeedsProcess::update(Index i) {
    auto& r = w_.residents;
    const Params& p = ctx_.p;
    auto& tally = tally_;
    const bool open = r.need[i] != 0;
    const bool due = r.next_need_day[i] <= ctx_.day;
    Stream s = ctx_.rng.stream(ctx_.day, ProcessId::Needs, i);
    if (open) {
        r.need_age[i] = static_cast<std::uint16_t>(std::min<int>(r.need_age[i] + 1, 65535));
        const double age = r.need_age[i];
        if (s.bernoulli(self_help_)) {
            r.need[i] = 0;
            r.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
            ++tally.self_resolved;
        } else if (age >= static_cast<double>(p.needs_max_age)) {
            r.need[i] = 0;
            r.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
            ++tally.abandoned;
            // An abandoned need is a bad outcome of one's own.
            r.trust[i] += static_cast<float>(p.trust_learning * (0.0 - r.trust[i]));
            r.satisfaction[i] += static_cast<float>(p.trust_learning * (0.0 - r.satisfaction[i]));
        } else if (s.bernoulli(ctx_.rates.escalation_by_age[r.need_age[i]] *
                               (r.need[i] == static_cast<std::uint8_t>(NeedType::Dispute) ? w_.policy.dispute_escalation
                                                                                          : 1.0))) {
            // A complaint is itself a bad experience, weaker than abandonment.
            ++tally.escalations;
            const double weight = p.trust_escalation_weight * p.trust_learning;
            r.trust[i] += static_cast<float>(weight * (0.0 - r.trust[i]));
            r.satisfaction[i] += static_cast<float>(weight * (0.0 - r.satisfaction[i]));
        }
    }
    if (due) {
        const auto rate = need_rates(w_, p, i);
        double total = 0;
        for (double x : rate) total += x;
        double pick = s.uniform() * total;
        int type = kNeedTypes - 1;
        for (int t = 1; t < kNeedTypes; ++t) {
            if (pick < rate[t]) {
                type = t;
                break;
            }
            pick -= rate[t];
        }
        ++tally.arisen[type];
        // A second need while one is open joins the open one.
        if (r.need[i] == 0) {
            r.need[i] = static_cast<std::uint8_t>(type);
            r.need_age[i] = 0;
            r.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
        }
        schedule_next_need(w_, p, i, s, ctx_.day);
    }
}

void run_needs(World& w, const DayContext& ctx, Index area, Tally& tally) {
    (void)sweep_area(w, area, NeedsProcess(w, ctx, area, tally));
}

}  // namespace jiceng
