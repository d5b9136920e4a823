// The district map: buildings at their positions, on the streets and
// residential areas they belong to, each coloured by a value. It knows
// nothing of runs or playback; the app hands it geometry and colours.
#pragma once

#include <SFML/Graphics.hpp>

#include <optional>
#include <string>
#include <vector>

#include "sim/io/run_reader.hpp"
#include "viz/strings.hpp"

namespace jiceng::viz {

class MapView {
public:
    // Takes building positions and street names; computes street and area outlines.
    void set_geometry(const RunBuildings& buildings, const std::vector<std::string>& street_names);
    bool has_geometry() const { return !x_.empty(); }
    std::size_t buildings() const { return x_.size(); }

    // Fits the map into `rect` (screen pixels), keeping its proportions.
    void layout(const sf::FloatRect& rect);
    const sf::FloatRect& rect() const { return rect_; }

    // One colour per building (size must match).
    void set_colours(const std::vector<sf::Color>& colours);
    void set_highlight(std::optional<std::size_t> building) { highlight_ = building; }

    // Streets, areas, buildings, street names and a distance scale bar.
    void draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size) const;

    // The building under a screen point, if any.
    std::optional<std::size_t> building_at(sf::Vector2f point) const;
    sf::Vector2f screen_position(std::size_t building) const;

private:
    struct Box {
        float x0, y0, x1, y1;  // metres
    };
    sf::Vector2f to_screen(float x, float y) const;
    void rebuild_vertices();
    void draw_geometry(sf::RenderTarget& target) const;  // streets, areas, buildings
    void draw_overlay(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size) const;

    std::vector<float> x_, y_;
    std::vector<std::string> street_names_;
    std::vector<Box> street_boxes_, area_boxes_;
    Box bounds_{0, 0, 1, 1};
    float building_side_m_ = 10;  // side of a building's square, metres
    sf::FloatRect rect_;
    float scale_ = 1;  // pixels per metre
    sf::Vector2f offset_;
    sf::VertexArray buildings_{sf::Triangles};
    std::optional<std::size_t> highlight_;
    std::vector<sf::Color> colours_;
    // The geometry drawn once, redrawn only when colours or layout change.
    mutable sf::RenderTexture cache_;
    mutable bool cache_valid_ = false;
    int changed_frames_ = 0;  // frames in a row whose colours changed
};

// A "nice" length for a scale bar close to `target` metres (1, 2 or 5 x 10^n).
double nice_length(double target);

}  // namespace jiceng::viz
