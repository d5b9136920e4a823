#include "viz/widgets.hpp"

#include <algorithm>
#include <cmath>

#include "viz/palette.hpp"

namespace jiceng::viz {

sf::String utf8(std::string_view text) {
    return sf::String::fromUtf8(text.begin(), text.end());
}

namespace {
sf::Text make_text(const sf::Font& font, std::string_view text, unsigned size, bool bold) {
    sf::Text t(utf8(text), font, size);
    if (bold) t.setStyle(sf::Text::Bold);
    return t;
}

// Whether a code point is a CJK ideograph or punctuation (a line may break around it).
bool breaks_anywhere(sf::Uint32 c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}
}  // namespace

float draw_text(sf::RenderTarget& target, const sf::Font& font, std::string_view text, sf::Vector2f pos, unsigned size,
                sf::Color colour, Align align, bool bold) {
    if (text.empty()) return 0;
    sf::Text t = make_text(font, text, size, bold);
    t.setFillColor(colour);
    const float width = t.getLocalBounds().left + t.getLocalBounds().width;
    float x = pos.x;
    if (align == Align::Center) x -= width / 2;
    if (align == Align::Right) x -= width;
    // SFML puts the top of the em box at y; nudge so that the text sits in the line box.
    t.setPosition(std::round(x), std::round(pos.y + static_cast<float>(size) * 0.08f));
    target.draw(t);
    return width;
}

float text_width(const sf::Font& font, std::string_view text, unsigned size, bool bold) {
    if (text.empty()) return 0;
    const sf::Text t = make_text(font, text, size, bold);
    return t.getLocalBounds().left + t.getLocalBounds().width;
}

std::string elide(const sf::Font& font, std::string_view text, unsigned size, float max_width) {
    if (text_width(font, text, size) <= max_width) return std::string(text);
    sf::String s = utf8(text);
    while (s.getSize() > 0) {
        s.erase(s.getSize() - 1);
        const auto bytes = (s + sf::String(L"…")).toUtf8();
        const std::string candidate(bytes.begin(), bytes.end());
        if (text_width(font, candidate, size) <= max_width) return candidate;
    }
    return "";
}

std::vector<std::string> wrap(const sf::Font& font, std::string_view text, unsigned size, float max_width) {
    std::vector<std::string> lines;
    const sf::String s = utf8(text);
    sf::String line;
    std::size_t last_break = sf::String::InvalidPos;  // position in `line` after which it may break
    auto emit = [&](const sf::String& part) {
        const auto bytes = part.toUtf8();
        lines.emplace_back(bytes.begin(), bytes.end());
    };
    for (std::size_t k = 0; k < s.getSize(); ++k) {
        const sf::Uint32 c = s[k];
        if (c == '\n') {
            emit(line);
            line.clear();
            last_break = sf::String::InvalidPos;
            continue;
        }
        line += c;
        sf::Text probe(line, font, size);
        if (probe.getLocalBounds().width > max_width && line.getSize() > 1) {
            if (last_break != sf::String::InvalidPos && last_break + 1 < line.getSize()) {
                sf::String head = line.substring(0, last_break + 1);
                sf::String tail = line.substring(last_break + 1);
                while (head.getSize() > 0 && head[head.getSize() - 1] == ' ') head.erase(head.getSize() - 1);
                emit(head);
                line = tail;
            } else {
                sf::String head = line.substring(0, line.getSize() - 1);
                emit(head);
                line = sf::String(c);
            }
            last_break = sf::String::InvalidPos;
            for (std::size_t j = 0; j < line.getSize(); ++j)
                if (line[j] == ' ' || breaks_anywhere(line[j])) last_break = j;
        }
        if (c == ' ' || breaks_anywhere(c)) last_break = line.getSize() - 1;
    }
    if (line.getSize() > 0) emit(line);
    return lines;
}

void draw_rect(sf::RenderTarget& target, const sf::FloatRect& rect, sf::Color fill, sf::Color outline,
               float thickness) {
    sf::RectangleShape shape({rect.width, rect.height});
    shape.setPosition(rect.left, rect.top);
    shape.setFillColor(fill);
    if (outline.a > 0) {
        shape.setOutlineColor(outline);
        shape.setOutlineThickness(-thickness);
    }
    target.draw(shape);
}

void draw_line(sf::RenderTarget& target, sf::Vector2f a, sf::Vector2f b, sf::Color colour, float thickness) {
    draw_polyline(target, {a, b}, colour, thickness);
}

void draw_dashed_line(sf::RenderTarget& target, sf::Vector2f a, sf::Vector2f b, sf::Color colour, float thickness,
                      float dash) {
    const sf::Vector2f d = b - a;
    const float length = std::hypot(d.x, d.y);
    if (length <= 0) return;
    const sf::Vector2f unit = d / length;
    for (float s = 0; s < length; s += 2 * dash)
        draw_line(target, a + unit * s, a + unit * std::min(s + dash, length), colour, thickness);
}

void draw_polyline(sf::RenderTarget& target, const std::vector<sf::Vector2f>& points, sf::Color colour,
                   float thickness) {
    if (points.size() < 2) return;
    sf::VertexArray quads(sf::Triangles);
    const float half = thickness / 2;
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
        const sf::Vector2f a = points[k], b = points[k + 1];
        sf::Vector2f d = b - a;
        const float length = std::hypot(d.x, d.y);
        if (length < 1e-4f) continue;
        const sf::Vector2f n(-d.y / length * half, d.x / length * half);
        // Extend each segment by half a width so that joints have no gaps.
        const sf::Vector2f e = d / length * half;
        const sf::Vector2f p0 = a - e + n, p1 = b + e + n, p2 = b + e - n, p3 = a - e - n;
        for (auto p : {p0, p1, p2, p0, p2, p3}) quads.append(sf::Vertex(p, colour));
    }
    target.draw(quads);
}

void draw_band(sf::RenderTarget& target, const std::vector<sf::Vector2f>& upper, const std::vector<sf::Vector2f>& lower,
               sf::Color colour) {
    if (upper.size() < 2 || upper.size() != lower.size()) return;
    sf::VertexArray strip(sf::TriangleStrip);
    for (std::size_t k = 0; k < upper.size(); ++k) {
        strip.append(sf::Vertex(upper[k], colour));
        strip.append(sf::Vertex(lower[k], colour));
    }
    target.draw(strip);
}

void draw_triangle(sf::RenderTarget& target, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Color colour) {
    sf::VertexArray triangle(sf::Triangles);
    for (auto p : {a, b, c}) triangle.append(sf::Vertex(p, colour));
    target.draw(triangle);
}

void draw_button(sf::RenderTarget& target, const sf::Font& font, const sf::FloatRect& rect, std::string_view label,
                 unsigned size, bool hot) {
    draw_rect(target, rect, hot ? sf::Color(226, 238, 247) : theme::kPanel, hot ? theme::kAccent : theme::kPanelBorder);
    draw_text(target, font, label, {rect.left + rect.width / 2, rect.top + (rect.height - line_height(size)) / 2}, size,
              theme::kText, Align::Center);
}

sf::FloatRect draw_card(sf::RenderTarget& target, const sf::Font& font, const sf::FloatRect& within,
                        std::string_view title, const std::vector<std::string>& lines, unsigned size, float width,
                        std::string_view footer) {
    const float pad = static_cast<float>(size);
    width = std::min(width, within.width - 2 * pad);
    std::vector<std::string> wrapped;
    for (const auto& line : lines) {
        if (line.empty()) {
            wrapped.emplace_back();
            continue;
        }
        for (auto& piece : wrap(font, line, size, width - 2 * pad)) wrapped.push_back(std::move(piece));
    }
    const unsigned title_size = size + size / 3;
    const float height = 2 * pad + line_height(title_size) + pad * 0.5f +
                         static_cast<float>(wrapped.size()) * line_height(size) +
                         (footer.empty() ? 0 : line_height(size) + pad * 0.5f);
    const sf::FloatRect box(std::round(within.left + (within.width - width) / 2),
                            std::round(within.top + std::max(pad, (within.height - height) / 2)), width, height);
    draw_rect(target, {box.left + 4, box.top + 4, box.width, box.height}, sf::Color(0, 0, 0, 40));
    draw_rect(target, box, theme::kPanel, theme::kAccent, 2);
    float y = box.top + pad;
    draw_text(target, font, title, {box.left + pad, y}, title_size, theme::kText, Align::Left, true);
    y += line_height(title_size) + pad * 0.5f;
    for (const auto& line : wrapped) {
        draw_text(target, font, line, {box.left + pad, y}, size, theme::kText);
        y += line_height(size);
    }
    if (!footer.empty())
        draw_text(target, font, footer, {box.left + box.width - pad, y + pad * 0.5f}, size, theme::kMutedText,
                  Align::Right);
    return box;
}

void PopupList::open(std::string title, std::vector<std::string> items, int selected, sf::Vector2f anchor,
                     int purpose) {
    title_ = std::move(title);
    items_ = std::move(items);
    selected_ = selected;
    anchor_ = anchor;
    purpose_ = purpose;
    first_ = 0;
    open_ = true;
}

void PopupList::draw(sf::RenderTarget& target, const sf::Font& font, unsigned size, sf::Vector2f window,
                     sf::Vector2f mouse) {
    if (!open_) return;
    row_ = line_height(size) + 6;
    header_ = line_height(size) + 8;
    float width = text_width(font, title_, size) + 24;
    for (const auto& item : items_) width = std::max(width, text_width(font, item, size) + 24);
    width = std::min(width, window.x - 8);
    visible_ = std::max(
        1, std::min(static_cast<int>(items_.size()), static_cast<int>((window.y - anchor_.y - header_ - 8) / row_)));
    if (visible_ < 6 && static_cast<int>(items_.size()) > visible_) {
        // Not enough room below the anchor: open upwards from the bottom of the window.
        visible_ = std::min(static_cast<int>(items_.size()), static_cast<int>((window.y - header_ - 16) / row_));
        anchor_.y = window.y - 8 - header_ - static_cast<float>(visible_) * row_;
    }
    first_ = std::clamp(first_, 0, std::max(0, static_cast<int>(items_.size()) - visible_));
    box_ = {std::min(anchor_.x, window.x - width - 4), anchor_.y, width, header_ + static_cast<float>(visible_) * row_};
    draw_rect(target, {box_.left + 3, box_.top + 3, box_.width, box_.height}, sf::Color(0, 0, 0, 40));
    draw_rect(target, box_, theme::kPanel, theme::kAccent, 2);
    draw_text(target, font, title_, {box_.left + 12, box_.top + 4}, size, theme::kMutedText);
    const auto hover = item_at(mouse);
    for (int k = 0; k < visible_; ++k) {
        const int item = first_ + k;
        const sf::FloatRect row(box_.left + 2, box_.top + header_ + static_cast<float>(k) * row_, box_.width - 4, row_);
        if (item == selected_) draw_rect(target, row, sf::Color(226, 238, 247));
        if (hover && *hover == item) draw_rect(target, row, sf::Color(0, 114, 178, 40));
        draw_text(target, font, items_[static_cast<std::size_t>(item)], {row.left + 10, row.top + 3}, size,
                  theme::kText);
    }
    if (first_ > 0 || first_ + visible_ < static_cast<int>(items_.size()))
        draw_text(target, font, "⇕", {box_.left + box_.width - 14, box_.top + 4}, size, theme::kMutedText);
}

std::optional<int> PopupList::item_at(sf::Vector2f at) const {
    if (!open_ || !box_.contains(at) || at.y < box_.top + header_) return std::nullopt;
    const int k = static_cast<int>((at.y - box_.top - header_) / row_);
    if (k < 0 || k >= visible_ || first_ + k >= static_cast<int>(items_.size())) return std::nullopt;
    return first_ + k;
}

std::optional<int> PopupList::click(sf::Vector2f at) {
    const auto item = item_at(at);
    if (item || !box_.contains(at)) open_ = false;
    return item;
}

void PopupList::scroll(float wheel_delta) {
    first_ -= static_cast<int>(std::round(wheel_delta)) * 3;
}

}  // namespace jiceng::viz
