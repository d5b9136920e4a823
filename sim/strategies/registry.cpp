// The one list of strategies.
#include <vector>

#include "sim/strategies/strategy.hpp"

namespace jiceng {

std::unique_ptr<Strategy> make_louzu(std::uint32_t index);

std::span<const StrategyInfo> strategy_registry() {
    static const std::vector<StrategyInfo> registry = {
        {"louzu", "Building Party groups", "楼组党建",
         "Party groups of 3-10 resident members per building, dual leadership (自转/公转), identity disclosure "
         "(亮身份), annual commendation, cadre leaders; phase 1 in-work members, phase 2 all members (S003).",
         &Params::louzu_enabled, "employment", &make_louzu},
    };
    return registry;
}

}  // namespace jiceng
