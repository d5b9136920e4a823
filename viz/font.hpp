// Finds and loads the interface font at run time: a font with Chinese
// glyphs found through fontconfig (or a list of known paths), or the file
// given with --font. Faces inside font collections (.ttc) are selected too,
// so Noto Sans CJK SC is used rather than the collection's first (JP) face.
#pragma once

#include <SFML/Graphics/Font.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace jiceng::viz {

class FontError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct FontLocation {
    std::string file;
    int face = 0;  // index inside a collection
};

class UiFont {
public:
    // Loads `file` (any face index 0 .. n-1 of a collection); throws FontError.
    static std::unique_ptr<UiFont> load(const FontLocation& where);
    // The face of `file` to use: in a collection, the Simplified Chinese one.
    static FontLocation best_face(const std::string& file);
    // The best font with Chinese glyphs on this system, or nothing.
    static std::unique_ptr<UiFont> find_cjk();
    // Any usable font (for English when no Chinese font exists), or nothing.
    static std::unique_ptr<UiFont> find_any();

    const sf::Font& font() const { return font_; }
    bool has_cjk() const { return has_cjk_; }
    std::string description() const;

    UiFont(const UiFont&) = delete;
    UiFont& operator=(const UiFont&) = delete;

private:
    UiFont() = default;
    FontLocation where_;
    std::vector<char> bytes_;  // the face's data; sf::Font reads from it for its whole life
    sf::Font font_;
    bool has_cjk_ = false;
};

// The message shown when no Chinese font can be found.
std::string missing_cjk_font_message();

}  // namespace jiceng::viz
