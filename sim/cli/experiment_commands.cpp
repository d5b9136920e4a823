// Experiment commands (sweep, sensitivity, calibrate, report, export): none
// registered yet.
#include "sim/cli/commands.hpp"

namespace jiceng::cli {

Runner add_experiment_commands(CLI::App&) {
    return [] { return std::optional<int>{}; };
}

}  // namespace jiceng::cli
