#include "viz/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "viz/map_layer.hpp"
#include "viz/palette.hpp"
#include "viz/widgets.hpp"

namespace jiceng::viz {

double nice_length(double target) {
    if (!(target > 0)) return 1;
    const double power = std::pow(10.0, std::floor(std::log10(target)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= target) return step * power;
    return power;
}

void MapView::set_geometry(const RunBuildings& buildings, const std::vector<std::string>& street_names) {
    x_ = buildings.x;
    y_ = buildings.y;
    street_names_ = street_names;
    street_boxes_.assign(street_names.size(), Box{1e30f, 1e30f, -1e30f, -1e30f});
    std::map<std::int32_t, Box> areas;
    auto grow = [](Box& box, float x, float y) {
        box.x0 = std::min(box.x0, x), box.y0 = std::min(box.y0, y);
        box.x1 = std::max(box.x1, x), box.y1 = std::max(box.y1, y);
    };
    bounds_ = Box{1e30f, 1e30f, -1e30f, -1e30f};
    for (std::size_t b = 0; b < x_.size(); ++b) {
        grow(bounds_, x_[b], y_[b]);
        grow(street_boxes_[static_cast<std::size_t>(buildings.street[b])], x_[b], y_[b]);
        auto [it, inserted] = areas.try_emplace(buildings.area[b], Box{x_[b], y_[b], x_[b], y_[b]});
        if (!inserted) grow(it->second, x_[b], y_[b]);
    }
    if (x_.empty()) bounds_ = Box{0, 0, 1, 1};
    area_boxes_.clear();
    for (const auto& [area, box] : areas) area_boxes_.push_back(box);
    // Buildings sit on a grid inside each area: the typical spacing is the
    // square root of the area each building has.
    double covered = 0;
    for (const auto& box : area_boxes_) covered += std::max(1.0f, box.x1 - box.x0) * std::max(1.0f, box.y1 - box.y0);
    building_side_m_ =
        x_.empty() ? 10.f : static_cast<float>(0.72 * std::sqrt(covered / static_cast<double>(x_.size())));
    // Pad each outline by one building so that edge buildings sit inside it.
    const float pad = building_side_m_;
    for (auto* boxes : {&street_boxes_, &area_boxes_})
        for (auto& box : *boxes) box = Box{box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad};
    bounds_ = Box{bounds_.x0 - 2 * pad, bounds_.y0 - 2 * pad, bounds_.x1 + 2 * pad, bounds_.y1 + 2 * pad};
    buildings_.clear();
    colours_.clear();
    cache_valid_ = false;
    if (rect_.width > 0) {
        const sf::FloatRect rect = rect_;
        rect_ = {};
        layout(rect);
    }
}

void MapView::layout(const sf::FloatRect& rect) {
    if (rect == rect_ && buildings_.getVertexCount() == x_.size() * 6) return;  // nothing moved
    rect_ = rect;
    cache_valid_ = false;
    const float w = std::max(1.f, bounds_.x1 - bounds_.x0), h = std::max(1.f, bounds_.y1 - bounds_.y0);
    scale_ = std::max(1e-6f, std::min(rect.width / w, rect.height / h));
    offset_ = {rect.left + (rect.width - w * scale_) / 2 - bounds_.x0 * scale_,
               rect.top + (rect.height - h * scale_) / 2 - bounds_.y0 * scale_};
    rebuild_vertices();
}

sf::Vector2f MapView::to_screen(float x, float y) const {
    return {offset_.x + x * scale_, offset_.y + y * scale_};
}

sf::Vector2f MapView::screen_position(std::size_t building) const {
    return to_screen(x_[building], y_[building]);
}

void MapView::rebuild_vertices() {
    // Two triangles a building (quads are slower on Mesa's software renderer).
    buildings_.setPrimitiveType(sf::Triangles);
    buildings_.resize(x_.size() * 6);
    // At least two pixels, so that small buildings stay visible on big districts.
    const float half = std::max(1.0f, building_side_m_ * scale_ / 2);
    for (std::size_t b = 0; b < x_.size(); ++b) {
        const sf::Vector2f c = to_screen(x_[b], y_[b]);
        const sf::Vector2f p0{c.x - half, c.y - half}, p1{c.x + half, c.y - half}, p2{c.x + half, c.y + half},
            p3{c.x - half, c.y + half};
        sf::Vertex* v = &buildings_[b * 6];
        v[0].position = p0, v[1].position = p1, v[2].position = p2;
        v[3].position = p0, v[4].position = p2, v[5].position = p3;
    }
}

void MapView::set_colours(const std::vector<sf::Color>& colours) {
    // Most frames show the same snapshot as the one before: keep the cached picture then.
    if (colours == colours_ && cache_valid_) {
        changed_frames_ = 0;
        return;
    }
    ++changed_frames_;
    colours_ = colours;
    cache_valid_ = false;
    const std::size_t n = std::min(colours.size(), x_.size());
    for (std::size_t b = 0; b < n; ++b)
        for (std::size_t k = 0; k < 6; ++k) buildings_[b * 6 + k].color = colours[b];
}

void MapView::draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size) const {
    // Streets, areas and buildings change only with the colours or the layout:
    // they are drawn once into a texture, and every frame draws that texture.
    // Whole pixels, so that the picture lands exactly where direct drawing would.
    const sf::Vector2f origin(std::floor(rect_.left), std::floor(rect_.top));
    const sf::Vector2u size(static_cast<unsigned>(std::max(1.f, std::ceil(rect_.left + rect_.width) - origin.x)),
                            static_cast<unsigned>(std::max(1.f, std::ceil(rect_.top + rect_.height) - origin.y)));
    // A layer that changes every frame (street outcomes, day by day) gains
    // nothing from the cache: draw it directly then.
    const bool streaming = !cache_valid_ && changed_frames_ > 1;
    if (streaming || (cache_.getSize() != size && !cache_.create(size.x, size.y))) {
        draw_geometry(target);
    } else {
        if (!cache_valid_) {
            cache_.setView(
                sf::View(sf::FloatRect(origin.x, origin.y, static_cast<float>(size.x), static_cast<float>(size.y))));
            cache_.clear(sf::Color::Transparent);
            draw_geometry(cache_);
            cache_.display();
            cache_valid_ = true;
        }
        sf::Sprite picture(cache_.getTexture());
        picture.setPosition(origin);
        target.draw(picture);
    }
    draw_overlay(target, font, lang, text_size);
}

void MapView::draw_geometry(sf::RenderTarget& target) const {
    for (const auto& box : street_boxes_) {
        if (box.x0 > box.x1) continue;
        const auto a = to_screen(box.x0, box.y0), b = to_screen(box.x1, box.y1);
        draw_rect(target, {a.x, a.y, b.x - a.x, b.y - a.y}, theme::kStreetFill, theme::kPanelBorder, 1.5f);
    }
    // Area outlines only where they are big enough to read.
    const bool show_areas = area_boxes_.size() < 2000 && building_side_m_ * scale_ >= 2.5f;
    if (show_areas) {
        // All outlines in one draw call: one thin quad per side.
        sf::VertexArray lines(sf::Triangles);
        auto quad = [&](float x0, float y0, float x1, float y1) {
            for (auto p : {sf::Vector2f{x0, y0}, sf::Vector2f{x1, y0}, sf::Vector2f{x1, y1}, sf::Vector2f{x0, y0},
                           sf::Vector2f{x1, y1}, sf::Vector2f{x0, y1}})
                lines.append(sf::Vertex(p, theme::kAreaLine));
        };
        for (const auto& box : area_boxes_) {
            const auto a = to_screen(box.x0 + building_side_m_ * 0.5f, box.y0 + building_side_m_ * 0.5f);
            const auto b = to_screen(box.x1 - building_side_m_ * 0.5f, box.y1 - building_side_m_ * 0.5f);
            quad(a.x, a.y, b.x, a.y + 1), quad(a.x, b.y - 1, b.x, b.y), quad(a.x, a.y, a.x + 1, b.y),
                quad(b.x - 1, a.y, b.x, b.y);
        }
        target.draw(lines);
    }
    target.draw(buildings_);
}

void MapView::draw_overlay(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size) const {
    if (highlight_ && *highlight_ < x_.size()) {
        const auto c = screen_position(*highlight_);
        const float r = std::max(6.f, building_side_m_ * scale_);
        draw_rect(target, {c.x - r, c.y - r, 2 * r, 2 * r}, sf::Color::Transparent, theme::kText, 2.f);
    }
    // Street names at the top-left corner of each street, on a light plate.
    for (std::size_t s = 0; s < street_boxes_.size(); ++s) {
        const auto& box = street_boxes_[s];
        if (box.x0 > box.x1) continue;
        const auto a = to_screen(box.x0, box.y0);
        const float width = text_width(font, street_names_[s], text_size);
        draw_rect(target, {a.x + 2, a.y + 2, width + 8, line_height(text_size) + 2}, sf::Color(255, 255, 255, 200));
        draw_text(target, font, street_names_[s], {a.x + 6, a.y + 2}, text_size, theme::kText);
    }
    // Scale bar, bottom left: about a sixth of the map's width.
    const double metres = nice_length(rect_.width / 6.0 / scale_);
    const float length = static_cast<float>(metres) * scale_;
    const sf::Vector2f start{rect_.left + 10, rect_.top + rect_.height - 10};
    draw_rect(target, {start.x - 4, start.y - line_height(text_size) - 10, length + 8, line_height(text_size) + 14},
              sf::Color(255, 255, 255, 210));
    draw_line(target, start, {start.x + length, start.y}, theme::kText, 2.f);
    draw_line(target, {start.x, start.y - 5}, {start.x, start.y + 1}, theme::kText, 2.f);
    draw_line(target, {start.x + length, start.y - 5}, {start.x + length, start.y + 1}, theme::kText, 2.f);
    const std::string label = metres >= 1000 ? tr(Str::scale_kilometres, lang, {format_value(metres / 1000.0, "km")})
                                             : tr(Str::scale_metres, lang, {format_value(metres, "m")});
    draw_text(target, font, label, {start.x + length / 2, start.y - line_height(text_size) - 6}, text_size,
              theme::kText, Align::Center);
}

std::optional<std::size_t> MapView::building_at(sf::Vector2f point) const {
    if (!rect_.contains(point) || x_.empty()) return std::nullopt;
    const float reach = std::max(4.f, building_side_m_ * scale_ * 0.75f);
    std::optional<std::size_t> best;
    float best_d2 = reach * reach;
    for (std::size_t b = 0; b < x_.size(); ++b) {
        const sf::Vector2f c = to_screen(x_[b], y_[b]);
        const float dx = c.x - point.x, dy = c.y - point.y;
        const float d2 = dx * dx + dy * dy;
        if (d2 <= best_d2) {
            best_d2 = d2;
            best = b;
        }
    }
    return best;
}

}  // namespace jiceng::viz
