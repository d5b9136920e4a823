// Live mode: runs a scenario on a background thread while the viewer draws
// it. The viewer never touches the Simulation: it pulls copies of what was
// recorded and queues changes, which the runner applies between days
// through Simulation::set_live (so every change lands in the run file).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sim/io/run_reader.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng {
class Simulation;
}

namespace jiceng::viz {

// A change given on the command line: `key` takes `value` from day `day`.
struct ScheduledChange {
    std::int64_t day = 1;
    std::string key;
    std::string text;  // the value as typed (a TOML literal)
};
// Parses KEY=VALUE@DAY; throws InputError.
ScheduledChange parse_scheduled_change(const std::string& text);

// `text` as a value of `spec`'s type (TOML literal syntax), or nothing.
std::optional<ParamValue> parse_param_value(const ParamSpec& spec, std::string_view text);
std::string value_text(const ParamValue& value);

struct LiveSettings {
    std::filesystem::path scenario_file;
    std::filesystem::path out;  // empty: output/live-<name>.h5
    std::optional<std::int64_t> days, seed;
    std::int64_t replicate = 0;
    int threads = 0;  // for provenance; the limit itself is set by the caller
    std::vector<ScheduledChange> scheduled;
};

// A parameter the trainer may move during the run, with its current value.
struct LiveLever {
    std::string key;
    const ParamSpec* spec = nullptr;
    std::string label_zh, label_en;
    ParamValue value;
    bool strategy_switch = false;
};

// Something the runner reports to the viewer's status line.
struct LiveEvent {
    enum class Kind { Recorded, Refused, Finished, Failed } kind;
    std::int64_t day = 0;
    std::string key, value, message;
};

class LiveRunner {
public:
    // Loads and checks the scenario and the scheduled changes; throws InputError.
    explicit LiveRunner(LiveSettings settings);
    ~LiveRunner();
    LiveRunner(const LiveRunner&) = delete;
    LiveRunner& operator=(const LiveRunner&) = delete;

    const Scenario& scenario() const { return scenario_; }
    const std::filesystem::path& out() const { return out_; }
    std::int64_t planned_days() const { return planned_days_; }

    // Starts the background thread, paused or not.
    void start(bool paused);
    // Runs to the planned last day on this thread and saves (screenshot mode).
    void run_to_end();

    void set_paused(bool paused);
    bool paused() const;
    // Days per second; 0 runs as fast as the machine allows.
    void set_speed(double days_per_second);
    // Queues a change for the next day boundary.
    void request_change(const std::string& key, const ParamValue& value);

    // Appends to `view` whatever was recorded since the last pull (the
    // first pull copies everything). Returns whether anything was new.
    bool pull(RunData& view);
    std::vector<LiveEvent> take_events();
    std::vector<LiveLever> levers() const;

    enum class Phase { Synthesising, Running, Finished, Failed };
    Phase phase() const { return phase_.load(); }
    std::int64_t day() const { return day_.load(); }

    // Stops after the current day, finalizes and writes the run file once.
    // Returns the path written, or "" when there was nothing to save.
    std::string stop_and_save();

private:
    struct Request {
        std::string key;
        ParamValue value;
    };
    void thread_main();
    void create_simulation();
    void simulate(bool paced);
    void apply(const std::string& key, const ParamValue& value, bool strict = false);
    void publish();
    void save();

    Scenario scenario_;
    LiveSettings settings_;
    std::filesystem::path out_;
    std::int64_t planned_days_ = 0;
    std::uint64_t seed_ = 0;
    std::string started_at_;

    std::unique_ptr<Simulation> sim_;  // touched only by the runner thread (or run_to_end)
    std::size_t next_scheduled_ = 0;
    std::vector<ScheduledChange> scheduled_;  // sorted by day

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    RunData shared_;  // what was recorded so far, guarded by mutex_
    Params current_params_;
    std::vector<Request> requests_;
    std::vector<LiveEvent> events_;
    bool paused_ = false;
    bool stop_ = false;
    bool saved_ = false;
    double speed_ = 30;
    std::atomic<Phase> phase_{Phase::Synthesising};
    std::atomic<std::int64_t> day_{0};
    std::thread thread_;
};

// Appends to `to` the days, snapshots and changes of `from` that it lacks;
// copies the static parts when `to` is empty.
void append_recorded(const RunData& from, RunData& to);

}  // namespace jiceng::viz
