// Fonts: the Simplified Chinese face of a collection is chosen and loads;
// files that are not fonts are refused. Uses the fonts the system has (the
// project installs fonts-noto-cjk) and skips when a font is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "viz/font.hpp"

namespace fs = std::filesystem;
using namespace jiceng::viz;

namespace {
const char* kNotoCollection = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}  // namespace

TEST(Font, PicksTheSimplifiedChineseFaceOfACollection) {
    if (!fs::exists(kNotoCollection)) GTEST_SKIP() << kNotoCollection << " is not installed";
    const FontLocation where = UiFont::best_face(kNotoCollection);
    EXPECT_EQ(where.face, 2);  // JP, KR, SC, TC, HK: SC is the third face
    const auto font = UiFont::load(where);
    EXPECT_TRUE(font->has_cjk());
    EXPECT_NE(font->description().find("face 2"), std::string::npos);
}

TEST(Font, FindsAChineseFontOnThisSystem) {
    if (!fs::exists(kNotoCollection)) GTEST_SKIP() << "no Noto CJK fonts installed";
    const auto font = UiFont::find_cjk();
    ASSERT_TRUE(font);
    EXPECT_TRUE(font->has_cjk());
}

TEST(Font, LatinOnlyFontHasNoChinese) {
    if (!fs::exists(kDejaVu)) GTEST_SKIP() << kDejaVu << " is not installed";
    const auto font = UiFont::load(UiFont::best_face(kDejaVu));
    EXPECT_FALSE(font->has_cjk());
}

TEST(Font, RefusesWhatIsNotAFont) {
    const fs::path text = fs::temp_directory_path() / ("jiceng-not-a-font-" + std::to_string(::getpid()) + ".ttf");
    std::ofstream(text) << "not a font";
    EXPECT_THROW(UiFont::load({text.string(), 0}), FontError);
    EXPECT_THROW(UiFont::load({"/nonexistent/font.ttf", 0}), FontError);
    fs::remove(text);
}
