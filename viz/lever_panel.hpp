// Live mode's levers: a switch for each strategy and each yes/no parameter
// the scenario marks live, a slider for each number. A change is sent when
// the trainer lets go of the mouse, so one drag is one recorded change.
#pragma once

#include <SFML/Graphics.hpp>

#include <optional>
#include <string>
#include <vector>

#include "viz/live_runner.hpp"
#include "viz/strings.hpp"

namespace jiceng::viz {

struct LeverChange {
    std::string key;
    ParamValue value;
};

class LeverPanel {
public:
    void draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size, const sf::FloatRect& rect,
              const std::vector<LiveLever>& levers, bool enabled);
    // Mouse handling; press returns true when it grabbed the mouse.
    bool press(sf::Vector2f at);
    void move(sf::Vector2f at);
    std::optional<LeverChange> release(sf::Vector2f at);
    bool dragging() const { return drag_.has_value(); }

private:
    struct Row {
        std::string key;
        const ParamSpec* spec = nullptr;
        sf::FloatRect control;  // the switch or the slider track
        ParamValue value;
    };
    ParamValue value_at(const Row& row, float x) const;
    std::vector<Row> rows_;
    bool enabled_ = false;
    std::optional<std::size_t> drag_;    // row being dragged
    std::optional<ParamValue> preview_;  // value under the mouse while dragging
};

}  // namespace jiceng::viz
