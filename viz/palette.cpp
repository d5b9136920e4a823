#include "viz/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace jiceng::viz {

namespace {

struct Rgb {
    double r, g, b;
};

// Viridis (matplotlib, CC0) at t = 0, 0.1, ..., 1.
constexpr std::array<Rgb, 11> kViridis = {{
    {68, 1, 84},
    {72, 36, 117},
    {65, 68, 135},
    {53, 95, 141},
    {42, 120, 142},
    {33, 145, 140},
    {34, 168, 132},
    {68, 191, 112},
    {122, 209, 81},
    {189, 223, 38},
    {253, 231, 37},
}};

// ColorBrewer PuOr, 11 classes, purple (negative) to orange (positive).
constexpr std::array<Rgb, 11> kPurpleOrange = {{
    {45, 0, 75},
    {84, 39, 136},
    {128, 115, 172},
    {178, 171, 210},
    {216, 218, 235},
    {247, 247, 247},
    {254, 224, 182},
    {253, 184, 99},
    {224, 130, 20},
    {179, 88, 6},
    {127, 59, 8},
}};

constexpr std::array<sf::Uint8, 24> kOkabeIto = {
    0, 0, 0, 230, 159, 0, 86, 180, 233, 0, 158, 115, 240, 228, 66, 0, 114, 178, 213, 94, 0, 204, 121, 167,
};

template <std::size_t N>
sf::Color sample(const std::array<Rgb, N>& stops, double t) {
    if (!std::isfinite(t)) t = 0;
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(N - 1);
    const auto k = std::min(static_cast<std::size_t>(t), N - 2);
    const double f = t - static_cast<double>(k);
    auto mix = [&](double a, double b) { return static_cast<sf::Uint8>(std::lround(a + (b - a) * f)); };
    return {mix(stops[k].r, stops[k + 1].r), mix(stops[k].g, stops[k + 1].g), mix(stops[k].b, stops[k + 1].b)};
}

double linear(double channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

sf::Color viridis(double t) {
    return sample(kViridis, t);
}

sf::Color diverging(double t) {
    return sample(kPurpleOrange, (std::clamp(t, -1.0, 1.0) + 1.0) / 2.0);
}

sf::Color okabe_ito(int k) {
    const auto i = static_cast<std::size_t>(((k % 8) + 8) % 8) * 3;
    return {kOkabeIto[i], kOkabeIto[i + 1], kOkabeIto[i + 2]};
}

sf::Color run_colour(int which) {
    return okabe_ito(which == 0 ? okabe::kBlue : okabe::kVermillion);
}

double luminance(sf::Color c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

}  // namespace jiceng::viz
