// One run of one scenario: the world, its day loop and what it records.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/core/state_archive.hpp"
#include "sim/model/day.hpp"
#include "sim/model/results.hpp"
#include "sim/strategies/strategy.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

// A parameter changed during a run (live mode), effective from day `day`.
struct LiveChange {
    std::int64_t day;
    std::string key;
    std::string value;  // as a TOML literal
};

class Simulation {
public:
    // Synthesises the district (day 0) and records its initial state.
    // `days` is the planned length: the last day is always snapshotted.
    // `registry` lists the strategies a scenario may switch on (tests add
    // their own; results never depend on an entry's place in it).
    Simulation(std::shared_ptr<const Model> model, std::uint64_t seed, std::uint64_t replicate, std::int64_t days,
               std::span<const StrategyInfo> registry = strategy_registry());
    ~Simulation();
    // Restores a checkpoint (sim/io/checkpoint.hpp): re-synthesises the
    // district under `model`, then overwrites its state with the saved one;
    // strategies `model` switches on or off start or stop as in live mode
    // (branching). Defined in simulation_state.cpp.
    Simulation(std::shared_ptr<const Model> model, std::uint64_t seed, std::uint64_t replicate, std::int64_t days,
               const StateReader& in, std::span<const StrategyInfo> registry = strategy_registry());
    // Saves everything a restored run needs to continue bit for bit.
    void save_state(StateWriter& out) const;
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    // Advances one day: every phase in order, then the recorders.
    void step();
    // Steps to the planned last day; `progress(day)` after each day.
    void run(const std::function<void(std::int64_t)>& progress = {});
    // Finalizes strategies; call once when done.
    void finish();

    // Changes a parameter mid-run (the viewer's live mode). Allowed for keys
    // the scenario lists in [scenario] live and for any strategy's `enabled`
    // switch; takes effect from the next day and is recorded in changes().
    // Throws InputError for any other key or an invalid value.
    void set_live(const std::string& key, const ParamValue& value);
    const std::vector<LiveChange>& changes() const { return changes_; }

    std::int64_t day() const { return day_; }
    std::int64_t planned_days() const { return days_; }
    const World& world() const { return world_; }
    const Results& results() const { return results_; }
    const Model& model() const { return *model_; }
    const Calendar& calendar() const { return calendar_; }
    std::uint64_t seed() const { return seed_; }
    std::uint64_t replicate() const { return replicate_; }
    // Seconds spent in each phase so far (for profiling, never for results).
    const std::vector<std::pair<std::string, double>>& phase_seconds() const { return phase_seconds_; }
    double synthesis_seconds() const { return synthesis_seconds_; }

private:
    void count_aggregates();
    void record();
    void snapshot();

    std::shared_ptr<const Model> model_;
    std::span<const StrategyInfo> registry_;
    std::uint64_t seed_, replicate_;
    std::int64_t days_;
    RandomStreams rng_;
    Calendar calendar_;
    World world_;
    Results results_;
    void sync_strategies();

    std::vector<std::unique_ptr<Strategy>> strategies_;  // by registry index; null when off

    std::vector<std::pair<std::string, double>> phase_seconds_;
    double synthesis_seconds_ = 0;
    std::vector<LiveChange> changes_;
    // Today's flows and tonight's stocks, by area (reused from day to day).
    std::vector<Tally> tallies_;
    std::vector<Stock> stocks_;
    bool aggregates_stale_ = false;
    std::int64_t day_ = 0;
    bool finished_ = false;
};

}  // namespace jiceng
