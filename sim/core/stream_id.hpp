// One name per process: the same snake_case string names the process file,
// its phase in the day, its random stream and its timing entry.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace jiceng {

enum class ProcessId : std::uint32_t {
    Synthesis = 1,
    Layout,
    Population,
    Workplaces,
    Moves,
    Employment,
    Staffing,
    Needs,
    Discovery,
    Response,
    Trust,
    Participation,
    Engagement,
    Organisations,
    Strategies,  // strategies add their own index to this base
};

struct ProcessInfo {
    ProcessId id;
    std::string_view name;
};

inline constexpr std::array kProcessNames = {
    ProcessInfo{ProcessId::Synthesis, "synthesis"},     ProcessInfo{ProcessId::Layout, "layout"},
    ProcessInfo{ProcessId::Population, "population"},   ProcessInfo{ProcessId::Workplaces, "workplaces"},
    ProcessInfo{ProcessId::Moves, "moves"},
    ProcessInfo{ProcessId::Employment, "employment"},   ProcessInfo{ProcessId::Staffing, "staffing"},   ProcessInfo{ProcessId::Needs, "needs"},
    ProcessInfo{ProcessId::Discovery, "discovery"},     ProcessInfo{ProcessId::Response, "response"},
    ProcessInfo{ProcessId::Trust, "trust"},             ProcessInfo{ProcessId::Participation, "participation"},
    ProcessInfo{ProcessId::Engagement, "engagement"},   ProcessInfo{ProcessId::Organisations, "organisations"},
    ProcessInfo{ProcessId::Strategies, "strategies"},
};

inline constexpr std::string_view process_name(ProcessId id) {
    for (const auto& info : kProcessNames)
        if (info.id == id) return info.name;
    return "unknown";
}

// Each strategy draws from its own stream family, offset from the base.
inline constexpr ProcessId strategy_process(std::uint32_t strategy_index) {
    return static_cast<ProcessId>(static_cast<std::uint32_t>(ProcessId::Strategies) + 1 + strategy_index);
}

}  // namespace jiceng
