#include "viz/legend.hpp"

#include <algorithm>
#include <cmath>

#include "viz/palette.hpp"
#include "viz/series_panel.hpp"
#include "viz/widgets.hpp"

namespace jiceng::viz {

void draw_legend(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size,
                 const sf::FloatRect& rect, const ColourScale& scale, const std::string& units, std::string_view note) {
    const float pad = 8;
    if (scale.kind == ColourScale::Kind::Categorical) {
        float x = rect.left + pad;
        const float y = rect.top + 4;
        for (int c = 0; c < kGroupCategories; ++c) {
            const float box = line_height(text_size) - 6;
            draw_rect(target, {x, y + 3, box, box}, category_colour(c), theme::kPanelBorder);
            x += box + 4;
            x += draw_text(target, font, category_label(c, lang), {x, y}, text_size, theme::kText) + 14;
        }
        if (!note.empty())
            draw_text(target, font, note, {rect.left + pad, y + line_height(text_size)}, text_size, theme::kMutedText);
        return;
    }
    const double lo = scale.kind == ColourScale::Kind::Diverging ? -scale.hi : scale.lo;
    const double hi = scale.hi;
    const std::string units_text = unit_label(units, lang);
    const float units_width = units_text.empty() ? 0 : text_width(font, units_text, text_size) + pad;
    const sf::FloatRect bar(rect.left + pad + 4, rect.top + 4, std::max(20.f, rect.width - 2 * pad - 8 - units_width),
                            12);
    // The bar as 48 quads, each coloured at its centre value.
    sf::VertexArray quads(sf::Triangles);
    constexpr int kSteps = 48;
    for (int k = 0; k < kSteps; ++k) {
        const double v = lo + (hi - lo) * (k + 0.5) / kSteps;
        const sf::Color c = scale.colour(v);
        const float x0 = bar.left + bar.width * static_cast<float>(k) / kSteps;
        const float x1 = bar.left + bar.width * static_cast<float>(k + 1) / kSteps;
        for (auto p : {sf::Vector2f{x0, bar.top}, sf::Vector2f{x1, bar.top}, sf::Vector2f{x1, bar.top + bar.height},
                       sf::Vector2f{x0, bar.top}, sf::Vector2f{x1, bar.top + bar.height},
                       sf::Vector2f{x0, bar.top + bar.height}})
            quads.append(sf::Vertex(p, c));
    }
    target.draw(quads);
    draw_rect(target, bar, sf::Color::Transparent, theme::kPanelBorder);
    if (!units_text.empty())
        draw_text(target, font, units_text, {bar.left + bar.width + pad, bar.top - 3}, text_size, theme::kMutedText);
    auto ticks =
        nice_ticks(lo, hi, std::max(2, static_cast<int>(bar.width / (text_width(font, "0000.0", text_size) * 1.8f))));
    // Counts take whole-number ticks only.
    if (is_count_unit(units) && hi - lo >= 2)
        ticks.erase(
            std::remove_if(ticks.begin(), ticks.end(), [](double v) { return std::abs(v - std::round(v)) > 1e-9; }),
            ticks.end());
    const float label_y = bar.top + bar.height + 1;
    for (double v : ticks) {
        const float x = bar.left + static_cast<float>((v - lo) / (hi - lo)) * bar.width;
        draw_line(target, {x, bar.top + bar.height}, {x, bar.top + bar.height + 3}, theme::kText);
        std::string label = format_value(v, units);
        if (scale.kind == ColourScale::Kind::Diverging && v > 0) label = "+" + label;
        draw_text(target, font, label, {x, label_y}, text_size, theme::kText, Align::Center);
    }
    if (!note.empty())
        draw_text(target, font, elide(font, note, text_size, rect.width - 2 * pad),
                  {rect.left + pad, label_y + line_height(text_size)}, text_size, theme::kMutedText);
}

}  // namespace jiceng::viz
