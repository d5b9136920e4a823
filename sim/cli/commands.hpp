// Command groups of the jiceng front end. Each group adds its subcommands to
// the app and returns a runner that executes whichever of them was chosen
// (std::nullopt when none of its subcommands was).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

namespace jiceng::cli {

using Runner = std::function<std::optional<int>()>;

// The value of --max-memory in bytes (nullopt when empty); InputError when it is not a size.
std::optional<double> max_memory_option(const std::string& text);

// sweep, sensitivity, calibrate, report, export (experiment_commands.cpp).
Runner add_experiment_commands(CLI::App& app);

}  // namespace jiceng::cli
