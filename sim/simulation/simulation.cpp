#include "sim/simulation/simulation.hpp"

#include <algorithm>
#include <array>
#include "sim/core/parallel.hpp"

#include "sim/processes/aggregates.hpp"
#include "sim/processes/processes.hpp"
#include "sim/strategies/strategy.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace jiceng {

namespace {

// The day, in order. Each phase runs over all areas in parallel (or, for the
// few district-level processes, once), and finishes before the next starts.
// Per-resident processes that can share a pass do (sweep.hpp): the day reads
// the resident arrays three times (moves' households aside) instead of once
// per process. The stocks the record needs come out of the last pass.
struct Phase {
    std::string_view name;
    AreaProcess area;
    DistrictProcess district;
};
constexpr std::array kDay = {
    Phase{"open", &open_day, nullptr},
    Phase{"moves", &run_moves, nullptr},
    Phase{"employment", &run_employment, nullptr},
    Phase{"staffing", &run_staffing, nullptr},
    Phase{"needs+discovery", &run_needs_discovery, nullptr},
    Phase{"response", &run_response, nullptr},
    Phase{"participation", &run_participation, nullptr},
    Phase{"engagement+trust+aggregates", &run_engagement_trust_aggregates, nullptr},
    Phase{"organisations", nullptr, &run_organisations},
};

// Strategies run after this phase; the runtime Policy is reset just before.
constexpr std::string_view kStrategyPhase = "staffing";

// Workplaces and mass teams by type.
struct OrgStock {
    std::array<double, kOrgTypes> workplaces{}, formal{}, functional{}, paper{}, members_formal{}, relations{};
    double mass_teams = 0;
    // District figures cover registered workplaces (not mass teams).
    double total(const std::array<double, kOrgTypes>& by_type) const {
        double sum = 0;
        for (int t = 0; t < kOrgTypes; ++t)
            if (t != static_cast<int>(OrgType::MassTeam)) sum += by_type[t];
        return sum;
    }
};

double ratio(double a, double b) {
    return b > 0 ? a / b : 0.0;
}

std::array<double, kOutcomes> outcomes(const Stock& s, const Tally& t, const OrgStock& o, double budget) {
    std::array<double, kOutcomes> v{};
    auto set = [&](Outcome k, double x) { v[static_cast<int>(k)] = x; };
    double arisen = 0;
    for (auto n : t.arisen) arisen += static_cast<double>(n);
    set(Outcome::residents, static_cast<double>(s.residents));
    set(Outcome::households, static_cast<double>(s.households));
    set(Outcome::arrivals, static_cast<double>(t.arrivals));
    set(Outcome::departures, static_cast<double>(t.departures));
    set(Outcome::unemployed, static_cast<double>(s.unemployed));
    set(Outcome::needs_arisen, arisen);
    set(Outcome::needs_known, static_cast<double>(t.known));
    set(Outcome::needs_resolved, static_cast<double>(t.resolved));
    set(Outcome::needs_self_resolved, static_cast<double>(t.self_resolved));
    set(Outcome::needs_abandoned, static_cast<double>(t.abandoned));
    set(Outcome::needs_backlog, static_cast<double>(s.backlog));
    set(Outcome::needs_backlog_known, static_cast<double>(s.backlog_known));
    set(Outcome::resolution_days_mean, ratio(static_cast<double>(t.resolution_days), static_cast<double>(t.resolved)));
    set(Outcome::disputes, static_cast<double>(t.arisen[static_cast<int>(NeedType::Dispute)]));
    set(Outcome::escalations, static_cast<double>(t.escalations));
    set(Outcome::trust_mean, ratio(s.trust, static_cast<double>(s.residents)));
    set(Outcome::trust_low_share, ratio(static_cast<double>(s.trust_low), static_cast<double>(s.residents)));
    set(Outcome::satisfaction_mean, ratio(s.satisfaction, static_cast<double>(s.residents)));
    set(Outcome::members, static_cast<double>(s.members));
    set(Outcome::members_active_share, ratio(static_cast<double>(s.active), static_cast<double>(s.members)));
    set(Outcome::members_nominal_share, ratio(static_cast<double>(s.nominal), static_cast<double>(s.members)));
    set(Outcome::members_lapsed_share, ratio(static_cast<double>(s.lapsed), static_cast<double>(s.members)));
    set(Outcome::inwork_members_active_in_residence,
        ratio(static_cast<double>(s.inwork_active), static_cast<double>(s.inwork)));
    set(Outcome::member_hours, t.member_hours);
    set(Outcome::staff_hours, t.staff_hours);
    set(Outcome::volunteers_member, static_cast<double>(s.volunteers_member));
    set(Outcome::volunteers_nonmember, static_cast<double>(s.volunteers_nonmember));
    set(Outcome::applications, static_cast<double>(t.applications));
    set(Outcome::new_members, static_cast<double>(t.new_members));
    set(Outcome::mutual_help_ties_per_resident, ratio(s.ties, static_cast<double>(s.residents)));
    set(Outcome::building_groups, static_cast<double>(s.groups));
    set(Outcome::buildings_with_group_share,
        ratio(static_cast<double>(s.buildings_with_group), static_cast<double>(s.buildings)));
    set(Outcome::workplaces, o.total(o.workplaces));
    set(Outcome::formal_coverage, ratio(o.total(o.formal), o.total(o.workplaces)));
    set(Outcome::functional_coverage, ratio(o.total(o.functional), o.total(o.workplaces)));
    set(Outcome::paper_branches, o.total(o.paper));
    set(Outcome::mass_teams, o.mass_teams);
    set(Outcome::relation_transfer_rate, ratio(o.total(o.relations), o.total(o.members_formal)));
    set(Outcome::relations_followed, static_cast<double>(t.relations_followed));
    set(Outcome::relations_lost, static_cast<double>(t.relations_lost));
    set(Outcome::floating_members_lost, static_cast<double>(t.floating_lost));
    set(Outcome::floating_members_registered_share,
        ratio(static_cast<double>(s.floating_registered), static_cast<double>(s.floating)));
    set(Outcome::studios, static_cast<double>(s.studios));
    set(Outcome::mass_team_participants, static_cast<double>(s.team_participants));
    set(Outcome::generic_service_hours, t.generic_hours);
    set(Outcome::resolved_per_member_hour, ratio(static_cast<double>(t.helper_resolutions), t.member_hours));
    set(Outcome::budget, budget);
    return v;
}

}  // namespace

Simulation::Simulation(std::shared_ptr<const Model> model, std::uint64_t seed, std::uint64_t replicate,
                       std::int64_t days, std::span<const StrategyInfo> registry)
    : model_(std::move(model)),
      registry_(registry),
      seed_(seed),
      replicate_(replicate),
      days_(days),
      rng_(seed, replicate),
      calendar_(model_->params().run_start_date) {
    const auto start = std::chrono::steady_clock::now();
    world_ = synthesize(*model_, rng_);
    strategies_.resize(registry_.size());
    sync_strategies();
    for (const auto& phase : kDay) phase_seconds_.emplace_back(std::string(phase.name), 0.0);
    phase_seconds_.emplace_back("strategies", 0.0);
    phase_seconds_.emplace_back("record", 0.0);
    results_.streets = world_.streets.count();
    results_.buildings = world_.buildings.count();
    results_.district.assign(kOutcomes, {});
    results_.street.assign(kOutcomes, {});
    results_.org_type.assign(kOutcomes, {});
    results_.snapshots.assign(kIndicators, {});
    synthesis_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Day 0: the synthesised state, with no flows yet.
    stocks_.resize(world_.areas.count());
    tallies_.resize(world_.areas.count());
    count_aggregates();
    record();
    snapshot();
}

Simulation::~Simulation() = default;

// The aggregates and stocks of the current state, without moving it (day 0,
// and after a live change that may have altered residents between days).
void Simulation::count_aggregates() {
    parallel_for(Index{0}, static_cast<Index>(world_.areas.count()),
                 [&](Index a) { stocks_[a] = count_area_aggregates(world_, a); });
}

void Simulation::step() {
    ++day_;
    if (aggregates_stale_) count_aggregates();
    aggregates_stale_ = false;
    const DayContext ctx{*model_, model_->params(), model_->rates, rng_, calendar_, day_, stocks_.data()};
    std::fill(tallies_.begin(), tallies_.end(), Tally{});
    const auto n_areas = static_cast<Index>(world_.areas.count());
    for (std::size_t k = 0; k < kDay.size(); ++k) {
        const auto& phase = kDay[k];
        auto t0 = std::chrono::steady_clock::now();
        if (phase.area)
            parallel_for(Index{0}, n_areas, [&](Index a) { phase.area(world_, ctx, a, tallies_[a]); });
        else
            phase.district(world_, ctx);
        auto t1 = std::chrono::steady_clock::now();
        phase_seconds_[k].second += std::chrono::duration<double>(t1 - t0).count();
        // Each day's policy is exactly what today's strategies set.
        if (phase.name == kStrategyPhase) world_.policy = Policy{};
        for (std::size_t s = 0; s < strategies_.size(); ++s)
            if (strategies_[s] && registry_[s].after_phase == phase.name) strategies_[s]->apply(world_, ctx);
        phase_seconds_[kDay.size()].second +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    }
    auto t0 = std::chrono::steady_clock::now();
    record();
    if (day_ % model_->params().output_snapshot_every == 0 || day_ == days_) snapshot();
    phase_seconds_.back().second += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Simulation::run(const std::function<void(std::int64_t)>& progress) {
    while (day_ < days_) {
        step();
        if (progress) progress(day_);
    }
}

void Simulation::finish() {
    if (finished_) return;
    for (auto& s : strategies_)
        if (s) s->finalize(world_);
    finished_ = true;
}

// Creates and initialises the strategies the model switches on, and
// finalizes and drops those it switched off.
void Simulation::sync_strategies() {
    for (std::size_t k = 0; k < registry_.size(); ++k) {
        const bool on = model_->params().*(registry_[k].enabled);
        if (on && !strategies_[k]) {
            strategies_[k] = registry_[k].make(registry_[k].stream);
            strategies_[k]->init(world_, *model_, rng_);
        } else if (!on && strategies_[k]) {
            strategies_[k]->finalize(world_);
            strategies_[k].reset();
        }
    }
}

void Simulation::set_live(const std::string& key, const ParamValue& value) {
    const ParamSpec* spec = find_param(key);
    const auto& live = model_->scenario.meta.live;
    const bool is_switch = key.starts_with("strategies.") && key.ends_with(".enabled");
    if (!spec) throw InputError({{"live change", 0, key, "unknown parameter"}});
    if (!is_switch && std::find(live.begin(), live.end(), key) == live.end())
        throw InputError(
            {{"live change", 0, key, "not marked live in the scenario (expected a key listed in [scenario] live)"}});
    const bool type_ok = (spec->type == ParamType::Int && std::holds_alternative<std::int64_t>(value)) ||
                         (spec->type == ParamType::Real &&
                          (std::holds_alternative<double>(value) || std::holds_alternative<std::int64_t>(value))) ||
                         (spec->type == ParamType::Bool && std::holds_alternative<bool>(value)) ||
                         (spec->type == ParamType::Text && std::holds_alternative<std::string>(value));
    if (!type_ok)
        throw InputError({{"live change", 0, key, "wrong type (expected " + std::string(type_name(spec->type)) + ")"}});
    if (auto wrong = spec->check(value)) throw InputError({{"live change", 0, key, *wrong}});
    Scenario next = model_->scenario;
    spec->set(next.params, value);
    for (const auto& [k, message] : check_consistency(next.params)) throw InputError({{"live change", 0, k, message}});
    model_ = freeze(std::move(next));
    sync_strategies();
    // A strategy switched on may change residents (init) after tonight's count.
    aggregates_stale_ = true;
    changes_.push_back({day_ + 1, key, spec->to_toml(model_->params())});
}

void Simulation::record() {
    const auto& stocks = stocks_;
    const auto& tallies = tallies_;
    OrgStock orgs;
    const auto& o = world_.orgs;
    for (std::size_t k = 0; k < o.count(); ++k) {
        if (!o.alive[k]) continue;
        const int t = o.type[k];
        orgs.workplaces[t] += 1;
        orgs.mass_teams += t == static_cast<int>(OrgType::MassTeam);
        const auto form = static_cast<PartyForm>(o.form[k]);
        const bool formal = form == PartyForm::GroupInJoint || form == PartyForm::OwnBranch;
        orgs.formal[t] += formal;
        orgs.functional[t] += formal && o.functional[k];
        orgs.paper[t] += formal && !o.functional[k];
        if (formal) {
            orgs.members_formal[t] += o.members[k];
            orgs.relations[t] += o.relations[k];
        }
    }
    const auto& S = world_.streets;
    Stock district_stock;
    Tally district_tally;
    std::size_t streets_with_studio = 0;
    const std::size_t n_streets = S.count();
    std::vector<std::array<double, kOutcomes>> by_street(n_streets);
    for (Index s = 0; s < n_streets; ++s) {
        Stock street_stock;
        Tally street_tally;
        for (Index a = S.first_area[s]; a < S.first_area[s] + S.areas[s]; ++a) {
            street_stock.add(stocks[a]);
            street_tally.add(tallies[a]);
        }
        by_street[s] = outcomes(street_stock, street_tally, OrgStock{}, 0.0);
        district_stock.add(street_stock);
        district_tally.add(street_tally);
        streets_with_studio += street_stock.studios > 0;
    }
    auto values = outcomes(district_stock, district_tally, orgs, world_.policy.budget_per_day);
    values[static_cast<int>(Outcome::streets_with_studio_share)] =
        ratio(static_cast<double>(streets_with_studio), static_cast<double>(n_streets));
    results_.days.push_back(static_cast<std::int32_t>(day_));
    for (int k = 0; k < kOutcomes; ++k) {
        results_.district[k].push_back(values[k]);
        if (outcome_table()[k].by_org_type) {
            for (int t = 0; t < kOrgTypes; ++t) {
                const auto& a = orgs;
                const double x =
                    k == static_cast<int>(Outcome::workplaces)            ? a.workplaces[t]
                    : k == static_cast<int>(Outcome::formal_coverage)     ? ratio(a.formal[t], a.workplaces[t])
                    : k == static_cast<int>(Outcome::functional_coverage) ? ratio(a.functional[t], a.workplaces[t])
                    : k == static_cast<int>(Outcome::paper_branches)      ? a.paper[t]
                                                                          : ratio(a.relations[t], a.members_formal[t]);
                results_.org_type[k].push_back(x);
            }
        }
        if (!outcome_table()[k].by_street) continue;
        for (std::size_t s = 0; s < n_streets; ++s) results_.street[k].push_back(by_street[s][k]);
    }
}

void Simulation::snapshot() {
    const auto& B = world_.buildings;
    const auto& H = world_.households;
    const auto& r = world_.residents;
    const std::size_t nb = B.count();
    std::vector<std::size_t> offset(kIndicators);
    for (int k = 0; k < kIndicators; ++k) {
        offset[k] = results_.snapshots[k].size();
        results_.snapshots[k].resize(offset[k] + nb);
    }
    parallel_for(Index{0}, static_cast<Index>(nb), [&](Index b) {
        double residents = 0, members = 0, active = 0, trust = 0, satisfaction = 0, backlog = 0;
        for (Index h = B.first_household[b]; h < B.first_household[b] + B.households[b]; ++h) {
            if (!H.occupied[h]) continue;
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) {
                residents += 1;
                trust += r.trust[i];
                satisfaction += r.satisfaction[i];
                backlog += r.need[i] != 0;
                if (r.member[i]) {
                    members += 1;
                    active += r.engagement[i] == static_cast<std::uint8_t>(Engagement::Active);
                }
            }
        }
        auto put = [&](Indicator k, double x) {
            results_.snapshots[static_cast<int>(k)][offset[static_cast<int>(k)] + b] = static_cast<float>(x);
        };
        put(Indicator::residents, residents);
        put(Indicator::members, members);
        put(Indicator::members_active_share, members > 0 ? active / members : 0.0);
        put(Indicator::trust_mean, residents > 0 ? trust / residents : 0.0);
        put(Indicator::satisfaction_mean, residents > 0 ? satisfaction / residents : 0.0);
        put(Indicator::needs_backlog, backlog);
        put(Indicator::building_groups, B.groups[b]);
        put(Indicator::ties_per_resident, residents > 0 ? B.ties[b] / residents : 0.0);
    });
    results_.snapshot_days.push_back(static_cast<std::int32_t>(day_));
}

}  // namespace jiceng
