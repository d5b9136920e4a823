// Strategies: policy modules a scenario switches on and tunes. Each lives in
// its own file, is listed once in registry.cpp, and has a guarded lifecycle:
// init once, apply once a day at its phase, finalize once.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "sim/model/day.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

class Strategy {
public:
    explicit Strategy(StreamId stream) : stream_(stream) {}
    virtual ~Strategy() = default;

    void init(World& world, const Model& model, const RandomStreams& rng) {
        if (state_ != State::New) throw std::logic_error("strategy initialised twice");
        on_init(world, model, rng);
        state_ = State::Ready;
    }
    void apply(World& world, const DayContext& ctx) {
        if (state_ != State::Ready) throw std::logic_error("strategy applied before init or after finalize");
        on_apply(world, ctx);
    }
    void finalize(World& world) {
        if (state_ != State::Ready) throw std::logic_error("strategy finalized twice or before init");
        on_finalize(world);
        state_ = State::Done;
    }
    // Checkpoints: the lifecycle state, then what on_save returns. Restoring
    // does not call on_init (the world it would set up is restored already).
    std::vector<std::int64_t> save() const {
        std::vector<std::int64_t> data = on_save();
        data.insert(data.begin(), static_cast<std::int64_t>(state_));
        return data;
    }
    void restore(std::span<const std::int64_t> data) {
        if (data.empty() || data[0] < 0 || data[0] > static_cast<std::int64_t>(State::Done))
            throw std::runtime_error("invalid saved strategy state");
        on_restore(data.subspan(1));
        state_ = static_cast<State>(data[0]);
    }

protected:
    virtual void on_init(World&, const Model&, const RandomStreams&) {}
    virtual void on_apply(World&, const DayContext&) = 0;
    virtual void on_finalize(World&) {}
    // A strategy that keeps state from one day to the next (beyond the world)
    // saves it here, or a resumed run diverges from an uninterrupted one.
    virtual std::vector<std::int64_t> on_save() const { return {}; }
    virtual void on_restore(std::span<const std::int64_t> data) {
        if (!data.empty()) throw std::runtime_error("saved state for a strategy that keeps none");
    }
    // The strategy's own random streams (never shared with a process or
    // another strategy): its permanent number from the registry entry.
    Stream stream(const DayContext& ctx, std::uint64_t entity) const {
        return ctx.rng.stream(ctx.day, stream_, entity);
    }

private:
    enum class State { New, Ready, Done };
    State state_ = State::New;
    StreamId stream_;
};

struct StrategyInfo {
    std::string_view name;  // TOML table [strategies.<name>]
    std::string_view title_en;
    std::string_view title_zh;
    std::string_view summary;
    bool Params::*enabled;
    std::string_view after_phase;  // the day phase it runs after
    // Permanent random-stream number (sim/core/stream_id.hpp): never
    // renumbered, whatever the entry's place in the registry.
    StreamId stream;
    std::unique_ptr<Strategy> (*make)(StreamId stream);
};

std::span<const StrategyInfo> strategy_registry();

}  // namespace jiceng
