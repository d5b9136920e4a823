#include "viz/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "viz/palette.hpp"
#include "viz/widgets.hpp"

namespace jiceng::viz {

void Timeline::layout(const sf::FloatRect& rect, unsigned text_size) {
    rect_ = rect;
    const float pad = 8;
    const float button = std::min(rect.height - 2 * pad, line_height(text_size) + 10);
    const float y = rect.top + (rect.height - button) / 2;
    float x = rect.left + pad;
    auto next = [&](float width) {
        sf::FloatRect r(x, y, width, button);
        x += width + 6;
        return r;
    };
    play_ = next(button * 1.4f);
    back_ = next(button);
    forward_ = next(button);
    x += 6;
    slower_ = next(button);
    speed_text_ = next(static_cast<float>(text_size) * 6.5f);
    faster_ = next(button);
    x += 10;
    track_ = {x, rect.top + pad, rect.left + rect.width - pad - x - 4, rect.height - 2 * pad};
}

std::int64_t Timeline::day_at(float x, std::int64_t axis_last_day) const {
    const float f = std::clamp((x - track_.left) / std::max(1.f, track_.width), 0.f, 1.f);
    return std::llround(f * static_cast<float>(axis_last_day));
}

Timeline::Action Timeline::hit(sf::Vector2f point) const {
    if (play_.contains(point)) return Action::PlayPause;
    if (back_.contains(point)) return Action::Back;
    if (forward_.contains(point)) return Action::Forward;
    if (slower_.contains(point)) return Action::Slower;
    if (faster_.contains(point)) return Action::Faster;
    if (track_.contains(point)) return Action::Track;
    return Action::None;
}

void Timeline::draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size,
                    const Playback& playback, bool playing, std::int64_t axis_last_day, std::int64_t recorded_last_day,
                    const std::vector<std::int64_t>& change_days, sf::Vector2f mouse) const {
    draw_rect(target, rect_, theme::kPanel, theme::kPanelBorder);
    auto button = [&](const sf::FloatRect& r) { draw_button(target, font, r, "", text_size, r.contains(mouse)); };
    // Play / pause, drawn as shapes so that no font needs the symbols.
    button(play_);
    const sf::Vector2f c{play_.left + play_.width / 2, play_.top + play_.height / 2};
    const float s = play_.height * 0.28f;
    if (playing) {
        draw_rect(target, {c.x - s * 0.9f, c.y - s, s * 0.6f, 2 * s}, theme::kText);
        draw_rect(target, {c.x + s * 0.3f, c.y - s, s * 0.6f, 2 * s}, theme::kText);
    } else {
        draw_triangle(target, {c.x - s * 0.8f, c.y - s}, {c.x - s * 0.8f, c.y + s}, {c.x + s, c.y}, theme::kText);
    }
    for (const auto* r : {&back_, &forward_}) {
        button(*r);
        const sf::Vector2f m{r->left + r->width / 2, r->top + r->height / 2};
        const float t = r->height * 0.22f;
        const float dir = r == &back_ ? -1.f : 1.f;
        draw_triangle(target, {m.x - dir * t, m.y - t}, {m.x - dir * t, m.y + t}, {m.x + dir * t * 0.6f, m.y},
                      theme::kText);
        draw_rect(target, {dir > 0 ? m.x + t * 0.6f : m.x - t * 0.6f - 2.5f, m.y - t, 2.5f, 2 * t}, theme::kText);
    }
    draw_button(target, font, slower_, "−", text_size, slower_.contains(mouse));
    draw_button(target, font, faster_, "+", text_size, faster_.contains(mouse));
    const std::string speed =
        playback.as_fast_as_possible()
            ? std::string(tr(Str::speed_max, lang))
            : tr(Str::speed, lang, {std::to_string(static_cast<int>(playback.days_per_second()))});
    draw_text(
        target, font, elide(font, speed, text_size, speed_text_.width),
        {speed_text_.left + speed_text_.width / 2, speed_text_.top + (speed_text_.height - line_height(text_size)) / 2},
        text_size, theme::kText, Align::Center);

    // The track: the whole (planned) run; the recorded part darker.
    axis_last_day = std::max<std::int64_t>(axis_last_day, 1);
    const float line_y = track_.top + track_.height * 0.38f;
    auto to_x = [&](std::int64_t d) {
        return track_.left + static_cast<float>(d) / static_cast<float>(axis_last_day) * track_.width;
    };
    draw_line(target, {track_.left, line_y}, {track_.left + track_.width, line_y}, theme::kPanelBorder, 6.f);
    draw_line(target, {track_.left, line_y}, {to_x(std::min(recorded_last_day, axis_last_day)), line_y},
              sf::Color(160, 190, 210), 6.f);
    draw_line(target, {track_.left, line_y}, {to_x(playback.day()), line_y}, theme::kAccent, 6.f);
    const unsigned small = std::max(9u, text_size * 4 / 5);
    const YearCalendar& years = playback.calendar();
    const std::int64_t year_count = years.year_of(axis_last_day);
    const int every = std::max<int>(
        1,
        static_cast<int>(static_cast<float>(year_count) * text_width(font, "2000", small) * 1.8f / track_.width) + 1);
    for (std::int64_t year = 1; year <= year_count; ++year) {
        const std::int64_t d = years.first_day(year);
        if (d > axis_last_day) break;
        const float x = to_x(d);
        draw_line(target, {x, line_y + 4}, {x, line_y + 9}, theme::kMutedText);
        if ((year - 1) % every != 0 || x + text_width(font, "2000", small) > track_.left + track_.width) continue;
        draw_text(target, font, years.label(year), {x + 2, line_y + 6}, small, theme::kMutedText);
    }
    for (auto d : change_days) {
        const float x = to_x(d);
        draw_line(target, {x, line_y - 9}, {x, line_y + 9}, okabe_ito(okabe::kReddishPurple), 3.f);
    }
    const float kx = to_x(playback.day());
    sf::CircleShape knob(8);
    knob.setOrigin(8, 8);
    knob.setPosition(kx, line_y);
    knob.setFillColor(sf::Color::White);
    knob.setOutlineColor(theme::kAccent);
    knob.setOutlineThickness(3);
    target.draw(knob);
}

}  // namespace jiceng::viz
