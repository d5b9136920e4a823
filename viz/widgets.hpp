// Small drawing helpers shared by the panels: UTF-8 text, boxes, lines,
// buttons and a pop-up list. Immediate mode: everything is drawn every frame.
#pragma once

#include <SFML/Graphics.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiceng::viz {

enum class Align { Left, Center, Right };

sf::String utf8(std::string_view text);

// Draws `text` on one line; `pos.y` is the top of the line box (about 1.25 x size
// tall). Returns the width drawn.
float draw_text(sf::RenderTarget& target, const sf::Font& font, std::string_view text, sf::Vector2f pos, unsigned size,
                sf::Color colour, Align align = Align::Left, bool bold = false);
float text_width(const sf::Font& font, std::string_view text, unsigned size, bool bold = false);
inline float line_height(unsigned size) {
    return static_cast<float>(size) * 1.3f;
}
// `text` shortened with an ellipsis to fit `max_width`.
std::string elide(const sf::Font& font, std::string_view text, unsigned size, float max_width);
// `text` broken into lines no wider than `max_width`: at spaces, or between
// any two Chinese characters.
std::vector<std::string> wrap(const sf::Font& font, std::string_view text, unsigned size, float max_width);

void draw_rect(sf::RenderTarget& target, const sf::FloatRect& rect, sf::Color fill,
               sf::Color outline = sf::Color::Transparent, float thickness = 1.f);
void draw_line(sf::RenderTarget& target, sf::Vector2f a, sf::Vector2f b, sf::Color colour, float thickness = 1.f);
void draw_dashed_line(sf::RenderTarget& target, sf::Vector2f a, sf::Vector2f b, sf::Color colour, float thickness = 1.f,
                      float dash = 4.f);
// A thick polyline (as quads: SFML lines are one pixel wide).
void draw_polyline(sf::RenderTarget& target, const std::vector<sf::Vector2f>& points, sf::Color colour,
                   float thickness);
// A filled band between two polylines of equal length.
void draw_band(sf::RenderTarget& target, const std::vector<sf::Vector2f>& upper, const std::vector<sf::Vector2f>& lower,
               sf::Color colour);
void draw_triangle(sf::RenderTarget& target, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Color colour);

// A labelled button; `hot` draws it highlighted.
void draw_button(sf::RenderTarget& target, const sf::Font& font, const sf::FloatRect& rect, std::string_view label,
                 unsigned size, bool hot = false);

// A box of lines in the middle of `within` (help, definitions): returns the box.
sf::FloatRect draw_card(sf::RenderTarget& target, const sf::Font& font, const sf::FloatRect& within,
                        std::string_view title, const std::vector<std::string>& lines, unsigned size, float width,
                        std::string_view footer);

// A list that pops up below an anchor; choosing an item closes it.
class PopupList {
public:
    void open(std::string title, std::vector<std::string> items, int selected, sf::Vector2f anchor, int purpose);
    void close() { open_ = false; }
    bool is_open() const { return open_; }
    int purpose() const { return purpose_; }
    void draw(sf::RenderTarget& target, const sf::Font& font, unsigned size, sf::Vector2f window, sf::Vector2f mouse);
    // A click: the chosen item, or nothing (and the list closes if the
    // click fell outside it).
    std::optional<int> click(sf::Vector2f at);
    void scroll(float wheel_delta);

private:
    std::optional<int> item_at(sf::Vector2f at) const;
    std::string title_;
    std::vector<std::string> items_;
    int selected_ = -1;
    int purpose_ = 0;
    int first_ = 0;  // first item shown (scrolling)
    int visible_ = 0;
    bool open_ = false;
    sf::Vector2f anchor_;
    sf::FloatRect box_;
    float row_ = 0, header_ = 0;
};

}  // namespace jiceng::viz
