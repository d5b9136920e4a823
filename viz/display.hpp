// Whether an X display can be opened. SFML aborts the whole process when it
// cannot open one, so the viewer asks first and explains what to do.
#pragma once

namespace jiceng::viz {

bool display_available();

}  // namespace jiceng::viz
