// Drives a running jiceng-viz window through plain Xlib (no XTest needed):
// finds the window by its title, then sends keys, clicks and resizes as
// synthetic events, so that tests exercise the interactive loop.
//   viz_x_driver STEP...   with steps: find, wait MS, key KEYSYM, click X Y, resize W H
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

Window find_named(Display* display, Window from, const char* name) {
    char* title = nullptr;
    if (XFetchName(display, from, &title) && title) {
        const bool match = std::strcmp(title, name) == 0;
        XFree(title);
        if (match) return from;
    }
    Window root = 0, parent = 0, *children = nullptr;
    unsigned count = 0;
    if (!XQueryTree(display, from, &root, &parent, &children, &count)) return 0;
    Window found = 0;
    for (unsigned k = 0; k < count && !found; ++k) found = find_named(display, children[k], name);
    if (children) XFree(children);
    return found;
}

void send_key(Display* display, Window window, const char* keysym_name) {
    const KeySym keysym = XStringToKeysym(keysym_name);
    XKeyEvent event{};
    event.display = display;
    event.window = window;
    event.root = DefaultRootWindow(display);
    event.time = CurrentTime;
    event.same_screen = True;
    event.keycode = XKeysymToKeycode(display, keysym);
    for (int type : {KeyPress, KeyRelease}) {
        event.type = type;
        XSendEvent(display, window, True, type == KeyPress ? KeyPressMask : KeyReleaseMask,
                   reinterpret_cast<XEvent*>(&event));
    }
    XFlush(display);
}

void send_click(Display* display, Window window, int x, int y) {
    XMotionEvent motion{};
    motion.type = MotionNotify;
    motion.display = display;
    motion.window = window;
    motion.x = x, motion.y = y;
    motion.same_screen = True;
    XSendEvent(display, window, True, PointerMotionMask, reinterpret_cast<XEvent*>(&motion));
    XButtonEvent button{};
    button.display = display;
    button.window = window;
    button.root = DefaultRootWindow(display);
    button.x = x, button.y = y;
    button.button = Button1;
    button.same_screen = True;
    for (int type : {ButtonPress, ButtonRelease}) {
        button.type = type;
        XSendEvent(display, window, True, type == ButtonPress ? ButtonPressMask : ButtonReleaseMask,
                   reinterpret_cast<XEvent*>(&button));
    }
    XFlush(display);
}

}  // namespace

int main(int argc, char** argv) {
    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        std::fprintf(stderr, "viz_x_driver: no X display\n");
        return 1;
    }
    Window window = 0;
    for (int k = 1; k < argc; ++k) {
        const std::string step = argv[k];
        if (step == "find") {
            // The viewer may take a few seconds to start (a live run synthesises first).
            for (int tries = 0; tries < 300 && !window; ++tries) {
                window = find_named(display, DefaultRootWindow(display), "jiceng-viz");
                if (!window) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            if (!window) {
                std::fprintf(stderr, "viz_x_driver: no window called jiceng-viz appeared\n");
                return 1;
            }
        } else if (step == "wait" && k + 1 < argc) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(argv[++k])));
        } else if (step == "key" && k + 1 < argc && window) {
            send_key(display, window, argv[++k]);
        } else if (step == "click" && k + 2 < argc && window) {
            send_click(display, window, std::atoi(argv[k + 1]), std::atoi(argv[k + 2]));
            k += 2;
        } else if (step == "resize" && k + 2 < argc && window) {
            XResizeWindow(display, window, static_cast<unsigned>(std::atoi(argv[k + 1])),
                          static_cast<unsigned>(std::atoi(argv[k + 2])));
            XFlush(display);
            k += 2;
        } else {
            std::fprintf(stderr,
                         "viz_x_driver: bad step '%s' (find first; then wait MS, key KEYSYM, click X Y, resize W H)\n",
                         step.c_str());
            return 2;
        }
    }
    XCloseDisplay(display);
    return 0;
}
