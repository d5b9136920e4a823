// Kept apart from the rest: Xlib's macros (None, Bool, Status...) clash with
// names in SFML and in the library.
#include "viz/display.hpp"

#include <X11/Xlib.h>

namespace jiceng::viz {

namespace {
// The connection used for the check stays open while the process lives:
// closing it just before SFML opens its own made SFML's XOpenDisplay fail now
// and then on a loaded machine (seen with parallel tests under Xvfb).
struct CheckedDisplay {
    Display* display = nullptr;
    ~CheckedDisplay() {
        if (display) XCloseDisplay(display);
    }
};
CheckedDisplay checked;
}  // namespace

bool display_available() {
    if (!checked.display) checked.display = XOpenDisplay(nullptr);
    return checked.display != nullptr;
}

}  // namespace jiceng::viz
