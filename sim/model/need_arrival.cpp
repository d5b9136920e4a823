#include "sim/model/need_arrival.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

namespace jiceng {

std::array<double, kNeedTypes> need_rates(const World& w, const Params& p, Index i) {
    const auto& r = w.residents;
    const auto& H = w.households;
    const auto h = r.household[i];
    const Index b = H.building[h];
    double adults_here = 0;
    for (Index k = H.first_resident[h]; k < H.first_resident[h] + H.size[h]; ++k)
        adults_here += r.age_band[k] != static_cast<std::uint8_t>(AgeBand::Child);
    // Adults in the building: yesterday's occupants scaled by the adult share
    // (at synthesis, before any count exists, the building's resident slots).
    const double occupants = w.buildings.occupants.empty() || w.buildings.occupants[b] == 0 ? w.buildings.residents[b]
                                                                                            : w.buildings.occupants[b];
    const double adults_in_building = std::max(1.0, occupants * (1.0 - p.district_child_share));
    std::array<double, kNeedTypes> rate{};
    const bool adult = r.age_band[i] != static_cast<std::uint8_t>(AgeBand::Child);
    if (r.flags[i] & flag::kLowIncome)
        rate[static_cast<int>(NeedType::Hardship)] = rate_per_day(p.needs_hardship_rate) / H.size[h];
    if (r.flags[i] & flag::kElderlyAlone)
        rate[static_cast<int>(NeedType::Elderly)] = rate_per_day(p.needs_elderly_rate);
    if (r.flags[i] & flag::kUnemployed) rate[static_cast<int>(NeedType::Job)] = rate_per_day(p.needs_job_rate);
    if (adult) {
        rate[static_cast<int>(NeedType::Dispute)] = rate_per_day(p.needs_dispute_rate) / std::max(1.0, adults_here);
        rate[static_cast<int>(NeedType::Psych)] = rate_per_day(p.needs_psych_rate);
        rate[static_cast<int>(NeedType::Public)] = rate_per_day(p.needs_public_rate) / adults_in_building;
    }
    return rate;
}

void schedule_next_need(World& w, const Params& p, Index i, Stream& s, std::int64_t day) {
    const auto rate = need_rates(w, p, i);
    double total = 0;
    for (double x : rate) total += x;
    if (total <= 0) {
        w.residents.next_need_day[i] = INT32_MAX;
        return;
    }
    const std::int64_t wait = geometric_wait(s, -std::expm1(-total));
    w.residents.next_need_day[i] = static_cast<std::int32_t>(std::min<std::int64_t>(day + 1 + wait, INT32_MAX));
}

}  // namespace jiceng
