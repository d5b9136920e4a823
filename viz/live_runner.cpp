#include "viz/live_runner.hpp"

#include <tbb/info.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include "sim/core/version.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"

namespace jiceng::viz {

namespace {

bool is_strategy_switch(std::string_view key) {
    return key.starts_with("strategies.") && key.ends_with(".enabled");
}

bool allowed_live(const Scenario& scenario, const std::string& key) {
    const auto& live = scenario.meta.live;
    return is_strategy_switch(key) || std::find(live.begin(), live.end(), key) != live.end();
}

// The parts of a run that do not grow: provenance, streets, buildings and
// the description of every variable.
RunData static_part(const Simulation& sim, const std::filesystem::path& out) {
    const Scenario& sc = sim.model().scenario;
    const World& w = sim.world();
    RunData run;
    run.path = out.string();
    run.scenario_name = sc.meta.name;
    run.scenario_title_en = sc.meta.title_en;
    run.scenario_title_zh = sc.meta.title_zh;
    run.scenario_description_en = sc.meta.description_en;
    run.scenario_description_zh = sc.meta.description_zh;
    run.start_date = sim.calendar().iso(0);
    run.jiceng_version = std::string(version());
    run.git_commit = std::string(git_commit());
    run.seed = static_cast<std::int64_t>(sim.seed());
    run.replicate = static_cast<std::int64_t>(sim.replicate());
    run.days = sim.planned_days();
    run.street_names = w.streets.name;
    const std::size_t nb = w.buildings.count();
    auto& B = run.buildings;
    B.x = w.buildings.x;
    B.y = w.buildings.y;
    for (std::size_t b = 0; b < nb; ++b) {
        const auto area = w.buildings.area[b];
        B.area.push_back(static_cast<std::int32_t>(area));
        B.street.push_back(static_cast<std::int32_t>(w.areas.street[area]));
        B.households.push_back(static_cast<std::int32_t>(w.buildings.households[b]));
    }
    for (const auto& o : outcome_table()) {
        RunOutcome outcome;
        outcome.info = {std::string(o.name),    std::string(o.units),       std::string(o.long_en),
                        std::string(o.long_zh), std::string(o.description), std::string(kind_name(o.kind))};
        run.outcomes.push_back(std::move(outcome));
    }
    for (const auto& i : indicator_table()) {
        RunIndicator indicator;
        indicator.info = {
            std::string(i.name), std::string(i.units), std::string(i.long_en), std::string(i.long_zh), "", ""};
        run.indicators.push_back(std::move(indicator));
    }
    return run;
}

}  // namespace

ScheduledChange parse_scheduled_change(const std::string& text) {
    const auto equals = text.find('=');
    const auto at = text.rfind('@');
    if (equals == std::string::npos || at == std::string::npos || at < equals || equals == 0)
        throw InputError({{"command line", 0, "--change",
                           "'" + text + "' is not KEY=VALUE@DAY (e.g. strategies.louzu.enabled=false@365)"}});
    ScheduledChange change;
    change.key = text.substr(0, equals);
    change.text = text.substr(equals + 1, at - equals - 1);
    const std::string day = text.substr(at + 1);
    const auto [end, error] = std::from_chars(day.data(), day.data() + day.size(), change.day);
    if (error != std::errc() || end != day.data() + day.size() || change.day < 1)
        throw InputError(
            {{"command line", 0, "--change", "'" + text + "': the day after @ must be a whole number, 1 or more"}});
    return change;
}

std::optional<ParamValue> parse_param_value(const ParamSpec& spec, std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    switch (spec.type) {
        case ParamType::Bool:
            if (text == "true") return ParamValue{true};
            if (text == "false") return ParamValue{false};
            return std::nullopt;
        case ParamType::Int: {
            std::int64_t value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
            return ParamValue{value};
        }
        case ParamType::Real: {
            try {
                std::size_t used = 0;
                const std::string copy(text);
                const double value = std::stod(copy, &used);
                if (used != copy.size()) return std::nullopt;
                return ParamValue{value};
            } catch (const std::exception&) {
                return std::nullopt;
            }
        }
        case ParamType::Text:
            if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
            return ParamValue{std::string(text)};
    }
    return std::nullopt;
}

std::string value_text(const ParamValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value)) return format_real(*d);
    return "\"" + std::get<std::string>(value) + "\"";
}

void append_recorded(const RunData& from, RunData& to) {
    if (to.buildings.count() == 0 || to.outcomes.size() != from.outcomes.size() ||
        to.indicators.size() != from.indicators.size()) {
        to = from;
        return;
    }
    const std::size_t streets = from.streets();
    for (std::size_t t = to.day.size(); t < from.day.size(); ++t) {
        to.day.push_back(from.day[t]);
        to.date.push_back(from.date[t]);
        for (std::size_t k = 0; k < from.outcomes.size(); ++k) {
            to.outcomes[k].values.push_back(from.outcomes[k].values[t]);
            const auto& by = from.outcomes[k].by_street;
            if (by.size() >= (t + 1) * streets)
                to.outcomes[k].by_street.insert(to.outcomes[k].by_street.end(),
                                                by.begin() + static_cast<std::ptrdiff_t>(t * streets),
                                                by.begin() + static_cast<std::ptrdiff_t>((t + 1) * streets));
        }
    }
    const std::size_t nb = from.buildings.count();
    for (std::size_t s = to.snapshot_days.size(); s < from.snapshot_days.size(); ++s) {
        to.snapshot_days.push_back(from.snapshot_days[s]);
        for (std::size_t k = 0; k < from.indicators.size(); ++k) {
            const auto& values = from.indicators[k].values;
            to.indicators[k].values.insert(to.indicators[k].values.end(),
                                           values.begin() + static_cast<std::ptrdiff_t>(s * nb),
                                           values.begin() + static_cast<std::ptrdiff_t>((s + 1) * nb));
        }
    }
    to.changes = from.changes;
    to.days = from.days;
}

LiveRunner::LiveRunner(LiveSettings settings)
    : scenario_(load_scenario(settings.scenario_file)), settings_(std::move(settings)) {
    std::vector<Diagnostic> problems;
    auto set = [&](const char* key, std::int64_t value) {
        const ParamSpec* spec = find_param(key);
        if (auto wrong = spec->check(ParamValue{value}))
            problems.push_back({"command line", 0, key, *wrong});
        else
            spec->set(scenario_.params, ParamValue{value});
    };
    if (settings_.days) set("run.days", *settings_.days);
    if (settings_.seed) set("run.seed", *settings_.seed);
    planned_days_ = scenario_.params.run_days;
    seed_ = static_cast<std::uint64_t>(scenario_.params.run_seed);
    for (const auto& change : settings_.scheduled) {
        const ParamSpec* spec = find_param(change.key);
        if (!spec) {
            problems.push_back({"command line", 0, change.key, "unknown parameter"});
            continue;
        }
        if (!allowed_live(scenario_, change.key)) {
            problems.push_back({"command line", 0, change.key, "not a live lever of this scenario (it lists: " + [&] {
                                    std::string keys;
                                    for (const auto& k : scenario_.meta.live) keys += (keys.empty() ? "" : ", ") + k;
                                    return keys.empty() ? std::string("none") : keys;
                                }() + "; any strategies.<name>.enabled may be switched too)"});
            continue;
        }
        const auto value = parse_param_value(*spec, change.text);
        if (!value) {
            problems.push_back({"command line", 0, change.key,
                                "'" + change.text + "' is not a " + std::string(type_name(spec->type))});
            continue;
        }
        if (auto wrong = spec->check(*value)) problems.push_back({"command line", 0, change.key, *wrong});
        if (change.day > planned_days_)
            problems.push_back({"command line", 0, change.key,
                                "day " + std::to_string(change.day) + " is after the last day (" +
                                    std::to_string(planned_days_) + ")"});
    }
    if (!problems.empty()) throw InputError(problems);
    scheduled_ = settings_.scheduled;
    std::stable_sort(scheduled_.begin(), scheduled_.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
    out_ = settings_.out.empty() ? std::filesystem::path("output") / ("live-" + scenario_.meta.name + ".h5")
                                 : settings_.out;
    current_params_ = scenario_.params;
}

LiveRunner::~LiveRunner() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void LiveRunner::start(bool paused) {
    paused_ = paused;
    thread_ = std::thread([this] { thread_main(); });
}

void LiveRunner::thread_main() {
    try {
        create_simulation();
        simulate(true);
    } catch (const std::exception& e) {
        std::lock_guard lock(mutex_);
        events_.push_back({LiveEvent::Kind::Failed, day_.load(), "", "", e.what()});
        phase_ = Phase::Failed;
    }
}

void LiveRunner::run_to_end() {
    create_simulation();
    simulate(false);
}

void LiveRunner::create_simulation() {
    started_at_ = utc_now_iso();
    auto model = freeze(scenario_);
    sim_ = std::make_unique<Simulation>(model, seed_, static_cast<std::uint64_t>(settings_.replicate), planned_days_);
    {
        std::lock_guard lock(mutex_);
        shared_ = static_part(*sim_, out_);
    }
    publish();
    phase_ = Phase::Running;
}

void LiveRunner::simulate(bool paced) {
    using clock = std::chrono::steady_clock;
    auto next_tick = clock::now();
    while (true) {
        std::vector<Request> requests;
        bool paused_now = false;
        {
            std::unique_lock lock(mutex_);
            if (paced) wake_.wait(lock, [&] { return stop_ || !requests_.empty() || !paused_; });
            if (stop_) return;
            requests.swap(requests_);
            paused_now = paced && paused_;
        }
        for (const auto& request : requests) apply(request.key, request.value);
        if (!requests.empty()) publish();
        if (sim_->day() >= planned_days_) break;
        if (paused_now) continue;
        // Command-line changes take effect from their day: apply them just before it.
        while (next_scheduled_ < scheduled_.size() && scheduled_[next_scheduled_].day <= sim_->day() + 1) {
            const auto& change = scheduled_[next_scheduled_++];
            const ParamSpec* spec = find_param(change.key);
            // Headless runs stop on a refused change; a trainer's run reports it and goes on.
            apply(change.key, *parse_param_value(*spec, change.text), /*strict=*/!paced);
        }
        sim_->step();
        publish();
        if (!paced) continue;
        double speed = 0;
        {
            std::lock_guard lock(mutex_);
            speed = speed_;
        }
        const auto now = clock::now();
        if (speed <= 0) {
            next_tick = now;
            continue;
        }
        next_tick += std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(1.0 / speed));
        if (next_tick < now - std::chrono::milliseconds(250)) next_tick = now;  // do not race to catch up
        std::unique_lock lock(mutex_);
        wake_.wait_until(lock, next_tick, [&] { return stop_; });
    }
    save();
    phase_ = Phase::Finished;
    std::lock_guard lock(mutex_);
    events_.push_back({LiveEvent::Kind::Finished, sim_->day(), "", out_.string(), ""});
}

void LiveRunner::apply(const std::string& key, const ParamValue& value, bool strict) {
    try {
        sim_->set_live(key, value);
        std::lock_guard lock(mutex_);
        current_params_ = sim_->model().params();
        events_.push_back({LiveEvent::Kind::Recorded, sim_->day() + 1, key, sim_->changes().back().value, ""});
    } catch (const InputError& e) {
        if (strict) throw;
        std::lock_guard lock(mutex_);
        events_.push_back({LiveEvent::Kind::Refused, sim_->day() + 1, key, value_text(value), e.what()});
    }
}

void LiveRunner::publish() {
    const Results& res = sim_->results();
    const std::size_t streets = res.streets, nb = res.buildings;
    std::lock_guard lock(mutex_);
    for (std::size_t t = shared_.day.size(); t < res.days.size(); ++t) {
        shared_.day.push_back(res.days[t]);
        shared_.date.push_back(sim_->calendar().iso(res.days[t]));
        for (int k = 0; k < kOutcomes; ++k) {
            auto& outcome = shared_.outcomes[static_cast<std::size_t>(k)];
            outcome.values.push_back(res.district[k][t]);
            if (!outcome_table()[k].by_street) continue;
            const auto first = res.street[k].begin() + static_cast<std::ptrdiff_t>(t * streets);
            outcome.by_street.insert(outcome.by_street.end(), first, first + static_cast<std::ptrdiff_t>(streets));
        }
    }
    for (std::size_t s = shared_.snapshot_days.size(); s < res.snapshot_days.size(); ++s) {
        shared_.snapshot_days.push_back(res.snapshot_days[s]);
        for (int k = 0; k < kIndicators; ++k) {
            const auto first = res.snapshots[k].begin() + static_cast<std::ptrdiff_t>(s * nb);
            auto& values = shared_.indicators[static_cast<std::size_t>(k)].values;
            values.insert(values.end(), first, first + static_cast<std::ptrdiff_t>(nb));
        }
    }
    shared_.changes.clear();
    for (const auto& change : sim_->changes()) shared_.changes.push_back({change.day, change.key, change.value});
    day_ = sim_->day();
}

void LiveRunner::save() {
    if (saved_) return;
    sim_->finish();
    const int threads = settings_.threads > 0 ? settings_.threads : tbb::info::default_concurrency();
    write_run(out_, *sim_, RunProvenance{settings_.scenario_file.string(), threads, started_at_, utc_now_iso()});
    saved_ = true;
}

void LiveRunner::set_paused(bool paused) {
    {
        std::lock_guard lock(mutex_);
        paused_ = paused;
    }
    wake_.notify_all();
}

bool LiveRunner::paused() const {
    std::lock_guard lock(mutex_);
    return paused_;
}

void LiveRunner::set_speed(double days_per_second) {
    std::lock_guard lock(mutex_);
    speed_ = days_per_second;
}

void LiveRunner::request_change(const std::string& key, const ParamValue& value) {
    {
        std::lock_guard lock(mutex_);
        requests_.push_back({key, value});
    }
    wake_.notify_all();
}

bool LiveRunner::pull(RunData& view) {
    std::lock_guard lock(mutex_);
    if (shared_.buildings.count() == 0) return false;
    const bool fresh = view.day.size() != shared_.day.size() ||
                       view.snapshot_days.size() != shared_.snapshot_days.size() ||
                       view.changes.size() != shared_.changes.size() || view.buildings.count() == 0;
    if (fresh) append_recorded(shared_, view);
    return fresh;
}

std::vector<LiveEvent> LiveRunner::take_events() {
    std::lock_guard lock(mutex_);
    std::vector<LiveEvent> out;
    out.swap(events_);
    return out;
}

std::vector<LiveLever> LiveRunner::levers() const {
    std::vector<std::string> keys = scenario_.meta.live;
    for (const auto& strategy : strategy_registry()) {
        const std::string key = "strategies." + std::string(strategy.name) + ".enabled";
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
    std::lock_guard lock(mutex_);
    std::vector<LiveLever> levers;
    for (const auto& key : keys) {
        const ParamSpec* spec = find_param(key);
        if (!spec) continue;
        LiveLever lever{key,  spec, std::string(spec->doc_zh), std::string(spec->doc_en), spec->get(current_params_),
                        false};
        if (is_strategy_switch(key)) {
            for (const auto& strategy : strategy_registry())
                if (key == "strategies." + std::string(strategy.name) + ".enabled") {
                    lever.label_zh = std::string(strategy.title_zh);
                    lever.label_en = std::string(strategy.title_en);
                    lever.strategy_switch = true;
                }
        }
        levers.push_back(std::move(lever));
    }
    return levers;
}

std::string LiveRunner::stop_and_save() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (!sim_ || phase_ == Phase::Failed) return "";
    save();
    return out_.string();
}

}  // namespace jiceng::viz
