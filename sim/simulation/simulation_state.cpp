// Saving and restoring a Simulation (checkpoints). Kept apart from
// simulation.cpp so the day loop can change without touching this file: the
// world's arrays are found through their visit() lists.
#include <cstring>
#include <type_traits>

#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace jiceng {

namespace {

static_assert(std::is_trivially_copyable_v<Policy>, "Policy is saved as bytes");
static_assert(std::is_trivially_copyable_v<MembershipOdds>, "MembershipOdds is saved as bytes");

template <class Struct>
void save_struct(StateWriter& out, const std::string& prefix, const Struct& s) {
    Struct::visit(s, [&](const char* name, const auto& v) { out.put(prefix + name, v); });
}

template <class Struct>
void load_struct(const StateReader& in, const std::string& prefix, Struct& s) {
    Struct::visit(s, [&](const char* name, auto& v) { in.get(prefix + name, v); });
}

std::string outcome_path(const char* group, int k) {
    return std::string("results/") + group + "/" + std::string(outcome_table()[k].name);
}
std::string indicator_path(int k) {
    return "results/snapshots/" + std::string(indicator_table()[k].name);
}

}  // namespace

void Simulation::save_state(StateWriter& out) const {
    out.put_int("state/day", day_);
    const World& w = world_;
    save_struct(out, "world/areas/", w.areas);
    save_struct(out, "world/buildings/", w.buildings);
    save_struct(out, "world/households/", w.households);
    save_struct(out, "world/residents/", w.residents);
    save_struct(out, "world/orgs/", w.orgs);
    out.put("world/employer_cdf", w.employer_cdf);
    out.blob("world/membership_odds", &w.membership_odds, sizeof(MembershipOdds), 1);
    out.blob("world/policy", &w.policy, sizeof(Policy), 1);

    const Results& r = results_;
    out.put_int("results/streets", static_cast<std::int64_t>(r.streets));
    out.put_int("results/buildings", static_cast<std::int64_t>(r.buildings));
    out.put("results/days", r.days);
    out.put("results/snapshot_days", r.snapshot_days);
    for (int k = 0; k < kOutcomes; ++k) {
        out.put(outcome_path("district", k), r.district[k]);
        out.put(outcome_path("street", k), r.street[k]);
        out.put(outcome_path("org_type", k), r.org_type[k]);
    }
    for (int k = 0; k < kIndicators; ++k) out.put(indicator_path(k), r.snapshots[k]);

    std::vector<std::int64_t> change_days;
    std::vector<std::string> keys, values;
    for (const auto& c : changes_) {
        change_days.push_back(c.day);
        keys.push_back(c.key);
        values.push_back(c.value);
    }
    out.put("changes/day", change_days);
    out.put_strings("changes/key", keys);
    out.put_strings("changes/value", values);

    for (std::size_t k = 0; k < registry_.size(); ++k)
        if (strategies_[k]) out.put("strategies/" + std::string(registry_[k].name), strategies_[k]->save());
}

Simulation::Simulation(std::shared_ptr<const Model> model, std::uint64_t seed, std::uint64_t replicate,
                       std::int64_t days, const StateReader& in, std::span<const StrategyInfo> registry)
    // The fresh run rebuilds what is fixed for the whole run (streets,
    // scratch space, timers); everything that changes is then overwritten.
    : Simulation(std::move(model), seed, replicate, days, registry) {
    const std::size_t areas = world_.areas.count(), buildings = world_.buildings.count();
    load_struct(in, "world/areas/", world_.areas);
    load_struct(in, "world/buildings/", world_.buildings);
    load_struct(in, "world/households/", world_.households);
    load_struct(in, "world/residents/", world_.residents);
    load_struct(in, "world/orgs/", world_.orgs);
    if (world_.areas.count() != areas || world_.buildings.count() != buildings)
        throw std::runtime_error(in.name() + ": the checkpoint's district does not match the scenario's");
    in.get("world/employer_cdf", world_.employer_cdf);
    in.blob("world/membership_odds", &world_.membership_odds, sizeof(MembershipOdds), 1);
    in.blob("world/policy", &world_.policy, sizeof(Policy), 1);

    results_.streets = static_cast<std::size_t>(in.get_int("results/streets"));
    results_.buildings = static_cast<std::size_t>(in.get_int("results/buildings"));
    in.get("results/days", results_.days);
    in.get("results/snapshot_days", results_.snapshot_days);
    results_.district.assign(kOutcomes, {});
    results_.street.assign(kOutcomes, {});
    results_.org_type.assign(kOutcomes, {});
    results_.snapshots.assign(kIndicators, {});
    for (int k = 0; k < kOutcomes; ++k) {
        in.get(outcome_path("district", k), results_.district[k]);
        in.get(outcome_path("street", k), results_.street[k]);
        in.get(outcome_path("org_type", k), results_.org_type[k]);
    }
    for (int k = 0; k < kIndicators; ++k) in.get(indicator_path(k), results_.snapshots[k]);

    std::vector<std::int64_t> change_days;
    in.get("changes/day", change_days);
    const auto keys = in.get_strings("changes/key");
    const auto values = in.get_strings("changes/value");
    if (keys.size() != change_days.size() || values.size() != change_days.size())
        throw std::runtime_error(in.name() + ": live changes are damaged");
    for (std::size_t k = 0; k < keys.size(); ++k) changes_.push_back({change_days[k], keys[k], values[k]});

    day_ = in.get_int("state/day");
    if (day_ < 0 || results_.days.empty() || results_.days.back() != day_)
        throw std::runtime_error(in.name() + ": the saved results do not end on the saved day");

    // Dropped unfinalized: finalizing would change the world just restored.
    for (auto& s : strategies_) s.reset();
    for (std::size_t k = 0; k < registry.size(); ++k) {
        const std::string path = "strategies/" + std::string(registry[k].name);
        if (!in.has(path)) continue;
        std::vector<std::int64_t> data;
        in.get(path, data);
        strategies_[k] = registry[k].make(registry[k].stream);
        strategies_[k]->restore(data);
    }
    // Under another scenario (a branch), strategies start or stop here.
    sync_strategies();
}

}  // namespace jiceng
