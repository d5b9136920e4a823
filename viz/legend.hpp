// The map's colour legend: a viridis or diverging bar with its range and
// units, or one swatch per category.
#pragma once

#include <SFML/Graphics.hpp>

#include <string>
#include <string_view>

#include "viz/map_layer.hpp"
#include "viz/strings.hpp"

namespace jiceng::viz {

void draw_legend(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size,
                 const sf::FloatRect& rect, const ColourScale& scale, const std::string& units, std::string_view note);

}  // namespace jiceng::viz
