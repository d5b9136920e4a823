// Aggregates that later phases read, counted at the end of each day in the
// same pass as the record's stocks: who lives in each building, how many
// members there are active (and visible), mean trust, and the active members
// by type, volunteers and skills an area can call on. The next morning
// (open_day) turns the counts into helper hours at the day's rates.
#include "sim/processes/aggregates.hpp"

#include <algorithm>

#include "sim/processes/processes.hpp"
#include "sim/processes/sweep.hpp"

namespace jiceng {

AggregatesProcess::AggregatesProcess(World& w, Index area)
    : w_(w),
      area_(area),
      trust_of_(w.residents.trust.data()),
      satisfaction_(w.residents.satisfaction.data()),
      flags_(w.residents.flags.data()),
      member_(w.residents.member.data()),
      engagement_(w.residents.engagement.data()),
      skill_(w.residents.skill.data()),
      need_(w.residents.need.data()),
      relation_(w.residents.relation.data()),
      disclosure_(w.policy.disclosure) {}

void AggregatesProcess::building_done(Index b) {
    auto& B = w_.buildings;
    const auto& H = w_.households;
    // Trust is summed by building, then by area: a fixed order, whatever the threads.
    stock_.trust += trust_;
    stock_.residents += occupants_;
    for (Index h = B.first_household[b]; h < B.first_household[b] + B.households[b]; ++h)
        stock_.households += H.occupied[h];
    ++stock_.buildings;
    stock_.groups += B.groups[b];
    stock_.buildings_with_group += B.groups[b] > 0;
    stock_.ties += B.ties[b];
    B.occupants[b] = static_cast<std::uint16_t>(std::min<std::uint32_t>(occupants_, 65535));
    B.members_active[b] = static_cast<std::uint16_t>(std::min<std::uint32_t>(active_, 65535));
    B.members_disclosed_active[b] = static_cast<std::uint16_t>(std::min<std::uint32_t>(disclosed_, 65535));
    B.trust_mean[b] = occupants_ ? static_cast<float>(trust_ / occupants_) : 0.0f;
}

Stock AggregatesProcess::finish() {
    auto& A = w_.areas;
    std::copy(active_by_type_.begin(), active_by_type_.end(),
              A.active_by_type.begin() + std::ptrdiff_t{area_} * kMemberTypes);
    A.volunteers[area_] = volunteers_;
    A.skill_pool[area_] = skills_;
    A.member_skill_pool[area_] = member_skills_;
    stock_.studios = A.studio[area_] != 0;
    stock_.active = engagement_count_[static_cast<int>(Engagement::Active)];
    stock_.nominal = engagement_count_[static_cast<int>(Engagement::Nominal)];
    stock_.lapsed = engagement_count_[static_cast<int>(Engagement::Lapsed)];
    return stock_;
}

void open_day(World& w, const DayContext& ctx, Index area, Tally&) {
    auto& A = w.areas;
    auto& B = w.buildings;
    double member_hours = 0;
    for (int t = 0; t < kMemberTypes; ++t)
        member_hours += A.active_by_type[std::size_t{area} * kMemberTypes + t] * ctx.rates.member_hours_daily[t];
    A.member_hours[area] = static_cast<float>(member_hours);
    A.volunteer_hours[area] = static_cast<float>(A.volunteers[area] * ctx.rates.volunteer_hours_daily);
    const float tie_keep = static_cast<float>(1.0 - ctx.rates.ties_decay_daily);
    for (Index b = A.first_building[area]; b < A.first_building[area] + A.buildings[area]; ++b) B.ties[b] *= tie_keep;
}

Stock count_area_aggregates(World& w, Index area) {
    auto [aggregates] = sweep_area(w, area, AggregatesProcess(w, area));
    return aggregates.finish();
}

// Counts, then the morning's figures (what a test or a fresh world needs).
void refresh_aggregates(World& w, const DayContext& ctx, Index area, Tally& tally) {
    const Stock stock = count_area_aggregates(w, area);
    if (ctx.stocks) ctx.stocks[area] = stock;
    open_day(w, ctx, area, tally);
}

}  // namespace jiceng
