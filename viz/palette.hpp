// Colour-blind-safe palettes: viridis for continuous values, a purple-orange
// diverging scale (ColorBrewer PuOr) for differences, Okabe-Ito for categories.
#pragma once

#include <SFML/Graphics/Color.hpp>

namespace jiceng::viz {

// t in [0, 1] (clamped); dark purple at 0, yellow at 1.
sf::Color viridis(double t);
// t in [-1, 1] (clamped); purple below zero, near-white at zero, orange above.
sf::Color diverging(double t);
// The eight Okabe-Ito colours; k is taken modulo 8.
sf::Color okabe_ito(int k);

namespace okabe {
inline constexpr int kBlack = 0, kOrange = 1, kSkyBlue = 2, kBluishGreen = 3, kYellow = 4, kBlue = 5, kVermillion = 6,
                     kReddishPurple = 7;
}

// Run A and run B wherever both appear (lines, labels): blue and vermillion.
sf::Color run_colour(int which);

// Relative luminance (sRGB, 0..1), used by tests and to pick readable text.
double luminance(sf::Color c);

// The interface's neutral colours (a light theme reads best on projectors).
namespace theme {
inline const sf::Color kBackground{250, 250, 247};
inline const sf::Color kPanel{255, 255, 255};
inline const sf::Color kPanelBorder{210, 210, 204};
inline const sf::Color kText{34, 34, 34};
inline const sf::Color kMutedText{110, 110, 110};
inline const sf::Color kStreetFill{232, 232, 226};
inline const sf::Color kAreaLine{200, 200, 192};
inline const sf::Color kAccent{0, 114, 178};  // Okabe-Ito blue
inline const sf::Color kOverlay{0, 0, 0, 120};
inline const sf::Color kGrid{228, 228, 222};
}  // namespace theme

}  // namespace jiceng::viz
