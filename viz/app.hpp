// The viewer: loads runs (or starts a live one), then either opens the
// window, renders one screenshot, or measures frame rate.
#pragma once

#include "viz/options.hpp"

namespace jiceng::viz {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// The viewer's whole life; returns the process exit status.
int run_viewer(const ViewerOptions& options);

}  // namespace jiceng::viz
