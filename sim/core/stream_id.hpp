// Permanent random-stream numbers. Every draw is keyed by (seed, replicate,
// day, stream, entity): the stream word says which process or strategy draws.
// The numbers are part of the model's definition, like a parameter's default:
// never renumber one, never reuse a retired one, and give a new process or
// strategy the next free number (kNextFreeStream). A process's number is its
// ProcessId below; a strategy's number is in its registry entry
// (sim/strategies/registry.cpp), and the registry checks at compile time that
// no two numbers meet.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace jiceng {

// One stream family's number: the `process` word of every key.
struct StreamId {
    std::uint32_t value;
    friend constexpr bool operator==(StreamId, StreamId) = default;
};

// Processes and the synthesis steps, each with its permanent number.
enum class ProcessId : std::uint32_t {
    Synthesis = 1,
    Layout = 2,
    Population = 3,
    Workplaces = 4,
    Moves = 5,
    Employment = 6,
    Staffing = 7,
    Needs = 8,
    Discovery = 9,
    Response = 10,
    Trust = 11,  // draws nothing today (trust is deterministic); the number stays reserved
    Participation = 12,
    Engagement = 13,
    Organisations = 14,
    // 15 was the base strategies' numbers were once offset from: retired, never reuse.
};

// Numbers 16-23 belong to the eight shipped strategies (registry.cpp).
inline constexpr std::uint32_t kNextFreeStream = 24;

constexpr StreamId stream_of(ProcessId id) {
    return StreamId{static_cast<std::uint32_t>(id)};
}

struct ProcessInfo {
    ProcessId id;
    std::string_view name;
};

// Every process's number and name (the same snake_case string names its file).
inline constexpr std::array kProcesses = {
    ProcessInfo{ProcessId::Synthesis, "synthesis"},   ProcessInfo{ProcessId::Layout, "layout"},
    ProcessInfo{ProcessId::Population, "population"}, ProcessInfo{ProcessId::Workplaces, "workplaces"},
    ProcessInfo{ProcessId::Moves, "moves"},           ProcessInfo{ProcessId::Employment, "employment"},
    ProcessInfo{ProcessId::Staffing, "staffing"},     ProcessInfo{ProcessId::Needs, "needs"},
    ProcessInfo{ProcessId::Discovery, "discovery"},   ProcessInfo{ProcessId::Response, "response"},
    ProcessInfo{ProcessId::Trust, "trust"},           ProcessInfo{ProcessId::Participation, "participation"},
    ProcessInfo{ProcessId::Engagement, "engagement"}, ProcessInfo{ProcessId::Organisations, "organisations"},
};

constexpr std::string_view process_name(ProcessId id) {
    for (const auto& info : kProcesses)
        if (info.id == id) return info.name;
    return "unknown";
}

// True when no two of `ids` are equal, none is a process's number and all lie
// below kNextFreeStream (for the registry's static_assert).
template <std::size_t N>
constexpr bool streams_are_distinct(const std::array<StreamId, N>& ids) {
    for (std::size_t a = 0; a < N; ++a) {
        if (ids[a].value == 0 || ids[a].value >= kNextFreeStream) return false;
        for (const auto& process : kProcesses)
            if (ids[a] == stream_of(process.id)) return false;
        for (std::size_t b = a + 1; b < N; ++b)
            if (ids[a] == ids[b]) return false;
    }
    return true;
}

static_assert(
    [] {
        for (std::size_t a = 0; a < kProcesses.size(); ++a)
            for (std::size_t b = a + 1; b < kProcesses.size(); ++b)
                if (kProcesses[a].id == kProcesses[b].id) return false;
        return true;
    }(),
    "two processes share a stream number");

}  // namespace jiceng
