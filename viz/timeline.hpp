// The playback bar: play/pause, single steps, speed, and a slider along
// the whole run with year ticks and live-change marks.
#pragma once

#include <SFML/Graphics.hpp>

#include <cstdint>
#include <vector>

#include "sim/io/run_reader.hpp"
#include "viz/playback.hpp"
#include "viz/strings.hpp"

namespace jiceng::viz {

class Timeline {
public:
    enum class Action { None, PlayPause, Back, Forward, Slower, Faster, Track };

    void layout(const sf::FloatRect& rect, unsigned text_size);
    // `recorded_last_day` < `axis_last_day` while a live run is still going.
    void draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size, const Playback& playback,
              bool playing, std::int64_t axis_last_day, std::int64_t recorded_last_day,
              const std::vector<std::int64_t>& change_days, sf::Vector2f mouse) const;
    Action hit(sf::Vector2f point) const;
    std::int64_t day_at(float x, std::int64_t axis_last_day) const;

private:
    sf::FloatRect rect_, play_, back_, forward_, slower_, faster_, speed_text_, track_;
};

}  // namespace jiceng::viz
