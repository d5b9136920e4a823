// Inline SVG charts for the HTML report: no script, no external resources,
// plain shapes that any browser (and headless Chromium) draws the same way.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace jiceng::svg {

std::string escape(const std::string& text);  // for HTML and SVG text and attributes
std::string number(double value);             // short, human-readable (3 significant digits)
const std::string& colour(std::size_t k);     // a palette that stays distinguishable

struct Series {
    std::string colour;
    std::vector<double> x, y;
    std::vector<double> lo, hi;          // optional band, same length as x
    bool points = false;                 // draw markers instead of a line
    std::vector<double> err_lo, err_hi;  // optional vertical error bars (with points)
};

struct Axes {
    std::string x_title, y_title;
    // Tick label of an x value (default: the number).
    std::function<std::string(double)> x_label;
    std::vector<double> x_ticks;  // default: chosen automatically
    bool y_from_zero = false;
};

std::string line_chart(const std::vector<Series>& series, const Axes& axes, int width = 620, int height = 260);

struct Bar {
    std::string label;
    double value = 0, lo = 0, hi = 0;  // lo/hi: interval (NaN: none)
    std::string colour;
    double second = 0;  // a second, thinner bar (e.g. sigma or the total index); NaN: none
    double second_lo = 0, second_hi = 0;
    std::string second_colour;
};

// Horizontal bars with interval whiskers around zero.
std::string bar_chart(const std::vector<Bar>& bars, const std::string& x_title, int width = 620);

}  // namespace jiceng::svg
