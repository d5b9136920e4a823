#include "viz/lever_panel.hpp"

#include <algorithm>
#include <cmath>

#include "viz/palette.hpp"
#include "viz/widgets.hpp"

namespace jiceng::viz {

namespace {
double as_number(const ParamValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* b = std::get_if<bool>(&value)) return *b ? 1.0 : 0.0;
    return 0.0;
}

std::string shown(const ParamValue& value, Lang lang) {
    if (const auto* b = std::get_if<bool>(&value)) return std::string(tr(*b ? Str::switch_on : Str::switch_off, lang));
    if (const auto* d = std::get_if<double>(&value)) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.3g", *d);
        return buffer;
    }
    return value_text(value);
}
}  // namespace

ParamValue LeverPanel::value_at(const Row& row, float x) const {
    const double f = std::clamp((x - row.control.left) / std::max(1.f, row.control.width), 0.f, 1.f);
    const double value = row.spec->min + f * (row.spec->max - row.spec->min);
    if (row.spec->type == ParamType::Int) return ParamValue{static_cast<std::int64_t>(std::llround(value))};
    // Reals move in steps of a hundredth of their range, so values stay readable.
    const double step = (row.spec->max - row.spec->min) / 100.0;
    return ParamValue{step > 0 ? row.spec->min + std::round((value - row.spec->min) / step) * step : value};
}

void LeverPanel::draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size,
                      const sf::FloatRect& rect, const std::vector<LiveLever>& levers, bool enabled) {
    enabled_ = enabled;
    draw_rect(target, rect, theme::kPanel, theme::kPanelBorder);
    const float pad = 8;
    float y = rect.top + 4;
    draw_text(target, font, tr(Str::levers_title, lang), {rect.left + pad, y}, text_size, theme::kText, Align::Left,
              true);
    y += line_height(text_size) + 4;
    std::vector<Row> rows;
    if (levers.empty())
        draw_text(target, font, tr(Str::levers_none, lang), {rect.left + pad, y}, text_size, theme::kMutedText);
    const unsigned small = std::max(9u, text_size * 4 / 5);
    const float row_height = line_height(text_size) + line_height(small) + 8;
    for (const auto& lever : levers) {
        if (y + row_height > rect.top + rect.height) break;
        Row row{lever.key, lever.spec, {}, lever.value};
        const bool is_bool = lever.spec->type == ParamType::Bool;
        const bool has_slider = !is_bool && lever.spec->has_range() && lever.spec->max > lever.spec->min;
        const float control_width = is_bool ? 64.f : std::min(220.f, rect.width * 0.4f);
        row.control = {rect.left + rect.width - pad - control_width, y + 4, control_width, line_height(text_size) - 4};
        const std::string label = lever.strategy_switch
                                      ? tr(Str::strategy_switch, lang, {pick(lang, lever.label_zh, lever.label_en)})
                                      : std::string(pick(lang, lever.label_zh, lever.label_en));
        const ParamValue shown_value =
            drag_ && *drag_ < rows_.size() && rows_[*drag_].key == lever.key && preview_ ? *preview_ : lever.value;
        const float value_room = has_slider ? text_width(font, shown(shown_value, lang), text_size) + 12 : 0;
        const float label_room = row.control.left - rect.left - 2 * pad - value_room;
        draw_text(target, font, elide(font, label, text_size, label_room), {rect.left + pad, y}, text_size,
                  enabled ? theme::kText : theme::kMutedText);
        draw_text(target, font, elide(font, lever.key, small, label_room),
                  {rect.left + pad, y + line_height(text_size)}, small, theme::kMutedText);
        const sf::Color accent = enabled ? theme::kAccent : theme::kPanelBorder;
        if (is_bool) {
            const bool on = std::get<bool>(lever.value);
            draw_rect(target, row.control, on ? accent : sf::Color(236, 236, 230), theme::kPanelBorder);
            const float knob = row.control.height - 4;
            const float kx = on ? row.control.left + row.control.width - knob - 2 : row.control.left + 2;
            draw_rect(target, {kx, row.control.top + 2, knob, knob}, sf::Color::White, theme::kPanelBorder);
            draw_text(target, font, shown(lever.value, lang),
                      {on ? row.control.left + 6 : row.control.left + row.control.width - 6, row.control.top}, small,
                      on ? sf::Color::White : theme::kText, on ? Align::Left : Align::Right);
        } else if (has_slider) {
            const ParamValue& value = shown_value;
            const double f = (as_number(value) - lever.spec->min) / (lever.spec->max - lever.spec->min);
            const float track_y = row.control.top + row.control.height / 2;
            draw_line(target, {row.control.left, track_y}, {row.control.left + row.control.width, track_y},
                      theme::kPanelBorder, 4.f);
            const float kx = row.control.left + static_cast<float>(std::clamp(f, 0.0, 1.0)) * row.control.width;
            draw_line(target, {row.control.left, track_y}, {kx, track_y}, accent, 4.f);
            draw_rect(target, {kx - 6, track_y - 8, 12, 16}, sf::Color::White, accent, 2.f);
            draw_text(target, font, shown(value, lang), {row.control.left - 8, y}, text_size, theme::kText,
                      Align::Right);
        } else {
            draw_text(target, font, shown(lever.value, lang), {row.control.left + row.control.width, y}, text_size,
                      theme::kText, Align::Right);
            row.spec = nullptr;  // text values have no control
        }
        rows.push_back(std::move(row));
        y += row_height;
    }
    rows_ = std::move(rows);
}

bool LeverPanel::press(sf::Vector2f at) {
    if (!enabled_) return false;
    for (std::size_t k = 0; k < rows_.size(); ++k) {
        const auto& row = rows_[k];
        if (!row.spec) continue;
        sf::FloatRect grab = row.control;
        grab.top -= 6, grab.height += 12, grab.left -= 6, grab.width += 12;
        if (!grab.contains(at)) continue;
        drag_ = k;
        preview_ = row.spec->type == ParamType::Bool ? ParamValue{!std::get<bool>(row.value)} : value_at(row, at.x);
        return true;
    }
    return false;
}

void LeverPanel::move(sf::Vector2f at) {
    if (!drag_ || *drag_ >= rows_.size()) return;
    const auto& row = rows_[*drag_];
    if (row.spec->type != ParamType::Bool) preview_ = value_at(row, at.x);
}

std::optional<LeverChange> LeverPanel::release(sf::Vector2f) {
    if (!drag_ || *drag_ >= rows_.size() || !preview_) {
        drag_.reset();
        return std::nullopt;
    }
    LeverChange change{rows_[*drag_].key, *preview_};
    const bool same = change.value == rows_[*drag_].value;
    drag_.reset();
    preview_.reset();
    if (same) return std::nullopt;
    return change;
}

}  // namespace jiceng::viz
