#include "viz/font.hpp"

#include <fontconfig/fontconfig.h>

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>

namespace jiceng::viz {

namespace {

// Characters every interface font must have for Chinese text.
constexpr std::array<FcChar32, 6> kCjkProbe = {0x4E2D, 0x6587, 0x57FA, 0x5C42, 0x515A, 0x5929};  // 中文基层党天

// Fonts tried when fontconfig finds nothing (Debian, Fedora, Arch, others).
const std::array<FontLocation, 8> kKnownCjkFonts = {{
    {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
    {"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2},
    {"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2},
    {"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2},
    {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
    {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0},
    {"/usr/share/fonts/truetype/arphic/uming.ttc", 0},
    {"/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf", 0},
}};

std::uint32_t be32(const std::vector<char>& b, std::size_t at) {
    auto u = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + k])); };
    return (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
}
std::uint32_t be16(const std::vector<char>& b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) | static_cast<unsigned char>(b[at + 1]);
}

// SFML opens the first face of a collection only. Table offsets inside a
// collection count from the start of the file, so copying face `face`'s
// table directory over the collection header makes the same bytes a plain
// font whose first face is the one wanted. Returns false when that cannot
// be done safely (then the first face is used).
bool select_collection_face(std::vector<char>& bytes, int face) {
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "ttcf", 4) != 0) return face == 0;
    const std::uint32_t faces = be32(bytes, 8);
    if (face < 0 || static_cast<std::uint32_t>(face) >= faces ||
        bytes.size() < 12 + 4 * static_cast<std::size_t>(faces))
        return false;
    const std::size_t directory = be32(bytes, 12 + 4 * static_cast<std::size_t>(face));
    if (directory + 12 > bytes.size()) return false;
    const std::size_t tables = be16(bytes, directory + 4);
    const std::size_t length = 12 + 16 * tables;
    if (directory + length > bytes.size()) return false;
    for (std::size_t t = 0; t < tables; ++t) {
        const std::size_t record = directory + 12 + 16 * t;
        const std::size_t offset = be32(bytes, record + 8), size = be32(bytes, record + 12);
        // The copied directory must not land on data the face uses.
        if (offset < length || offset + size > bytes.size()) return false;
    }
    std::memmove(bytes.data(), bytes.data() + directory, length);
    return true;
}

bool charset_has_cjk(FcPattern* pattern) {
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(pattern, FC_CHARSET, 0, &charset) != FcResultMatch || !charset) return false;
    for (FcChar32 c : kCjkProbe)
        if (!FcCharSetHasChar(charset, c)) return false;
    return true;
}

// Whether face `face` of `file` is a font fontconfig can read, and its CJK coverage.
struct Scan {
    bool is_font = false;
    bool cjk = false;
};
Scan scan_file(const std::string& file, int face) {
    Scan result;
    FcFontSet* set = FcFontSetCreate();
    FcFileScan(set, nullptr, nullptr, nullptr, reinterpret_cast<const FcChar8*>(file.c_str()), FcTrue);
    for (int k = 0; k < set->nfont; ++k) {
        int index = 0;
        FcPatternGetInteger(set->fonts[k], FC_INDEX, 0, &index);
        if ((index & 0xFFFF) != face) continue;  // high bits: variable-font instances
        result.is_font = true;
        result.cjk = charset_has_cjk(set->fonts[k]);
        break;
    }
    FcFontSetDestroy(set);
    return result;
}

bool loadable_extension(const std::string& file) {
    for (const char* ext : {".ttf", ".otf", ".ttc", ".otc", ".TTF", ".OTF", ".TTC"})
        if (file.ends_with(ext)) return true;
    return false;
}

// Fonts fontconfig ranks best for `query`, in order.
std::vector<FontLocation> fontconfig_candidates(const char* query, bool need_cjk) {
    std::vector<FontLocation> out;
    if (!FcInit()) return out;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(query));
    if (!pattern) return out;
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcFontSet* sorted = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result);
    if (sorted) {
        for (int k = 0; k < sorted->nfont && out.size() < 6; ++k) {
            FcPattern* font = FcFontRenderPrepare(nullptr, pattern, sorted->fonts[k]);
            if (!font) continue;
            FcChar8* file = nullptr;
            int index = 0;
            if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch &&
                FcPatternGetInteger(font, FC_INDEX, 0, &index) == FcResultMatch &&
                loadable_extension(reinterpret_cast<char*>(file)) && (!need_cjk || charset_has_cjk(font)))
                out.push_back({reinterpret_cast<char*>(file), index & 0xFFFF});
            FcPatternDestroy(font);
        }
        FcFontSetDestroy(sorted);
    }
    FcPatternDestroy(pattern);
    return out;
}

}  // namespace

std::unique_ptr<UiFont> UiFont::load(const FontLocation& where) {
    std::ifstream in(where.file, std::ios::binary);
    if (!in) throw FontError("font file " + where.file + " cannot be opened");
    const Scan scan = scan_file(where.file, where.face);
    if (!scan.is_font) throw FontError(where.file + " is not a font file FreeType can read");
    std::unique_ptr<UiFont> font(new UiFont);
    font->bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    font->where_ = where;
    if (!select_collection_face(font->bytes_, where.face)) font->where_.face = 0;
    if (!font->font_.loadFromMemory(font->bytes_.data(), font->bytes_.size()))
        throw FontError(where.file + " is not a font file SFML can load");
    font->has_cjk_ = font->where_.face == where.face ? scan.cjk : scan_file(where.file, 0).cjk;
    return font;
}

FontLocation UiFont::best_face(const std::string& file) {
    FontLocation best{file, 0};
    FcFontSet* set = FcFontSetCreate();
    FcFileScan(set, nullptr, nullptr, nullptr, reinterpret_cast<const FcChar8*>(file.c_str()), FcTrue);
    int best_rank = 0;  // 2: Simplified Chinese face, 1: any face with Chinese glyphs
    for (int k = 0; k < set->nfont; ++k) {
        int index = 0;
        FcChar8* family = nullptr;
        FcPatternGetInteger(set->fonts[k], FC_INDEX, 0, &index);
        FcPatternGetString(set->fonts[k], FC_FAMILY, 0, &family);
        if (!charset_has_cjk(set->fonts[k])) continue;
        const std::string name = family ? reinterpret_cast<char*>(family) : "";
        const int rank = name.ends_with(" SC") || name.find(" SC ") != std::string::npos ? 2 : 1;
        if (rank > best_rank) {
            best_rank = rank;
            best.face = index & 0xFFFF;
        }
    }
    FcFontSetDestroy(set);
    return best;
}

std::unique_ptr<UiFont> UiFont::find_cjk() {
    std::vector<FontLocation> candidates = fontconfig_candidates("sans-serif:lang=zh-cn", true);
    candidates.insert(candidates.end(), kKnownCjkFonts.begin(), kKnownCjkFonts.end());
    for (const auto& where : candidates) {
        try {
            auto font = load(where);
            if (font->has_cjk()) return font;
        } catch (const FontError&) {
            // Not installed here, or unreadable: try the next one.
        }
    }
    return nullptr;
}

std::unique_ptr<UiFont> UiFont::find_any() {
    std::vector<FontLocation> candidates = fontconfig_candidates("sans-serif", false);
    candidates.push_back({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0});
    for (const auto& where : candidates) {
        try {
            return load(where);
        } catch (const FontError&) {
        }
    }
    return nullptr;
}

std::string UiFont::description() const {
    return where_.file + (where_.face ? " (face " + std::to_string(where_.face) + ")" : "");
}

std::string missing_cjk_font_message() {
    return "no font with Chinese characters was found (fontconfig and the usual paths were searched).\n"
           "  Install one, for example:  sudo apt-get install fonts-noto-cjk\n"
           "  or name a font file:        jiceng-viz --font /path/to/NotoSansCJK-Regular.ttc ...\n"
           "  (--lang en works with any font, but Chinese names in run files will not show)";
}

}  // namespace jiceng::viz
