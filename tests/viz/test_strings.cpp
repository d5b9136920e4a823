// The string table: every key in both languages, with the same placeholders.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "viz/strings.hpp"

using namespace jiceng::viz;

namespace {

std::multiset<std::string> placeholders(std::string_view text) {
    std::multiset<std::string> found;
    for (std::size_t k = text.find('{'); k != std::string_view::npos; k = text.find('{', k + 1)) {
        const auto close = text.find('}', k);
        if (close != std::string_view::npos) found.insert(std::string(text.substr(k, close - k + 1)));
    }
    return found;
}

bool has_chinese(std::string_view text) {
    // Any byte of a multi-byte UTF-8 sequence that starts a CJK character (U+2E80 and up: E2 BA 80 ...).
    for (std::size_t k = 0; k + 2 < text.size(); ++k) {
        const auto c = static_cast<unsigned char>(text[k]);
        if (c >= 0xE3 && c <= 0xE9) return true;
    }
    return false;
}

}  // namespace

TEST(StringTable, EveryKeyHasBothLanguages) {
    const auto table = string_table();
    ASSERT_EQ(table.size(), static_cast<std::size_t>(Str::count));
    std::set<std::string_view> ids;
    for (std::size_t k = 0; k < table.size(); ++k) {
        const auto& entry = table[k];
        EXPECT_EQ(static_cast<std::size_t>(entry.key), k) << entry.id;
        EXPECT_TRUE(ids.insert(entry.id).second) << "duplicate id " << entry.id;
        EXPECT_FALSE(entry.zh.empty()) << entry.id << " has no Chinese text";
        EXPECT_FALSE(entry.en.empty()) << entry.id << " has no English text";
        EXPECT_EQ(placeholders(entry.zh), placeholders(entry.en))
            << entry.id << ": the two languages use different placeholders";
    }
}

TEST(StringTable, ChineseTextIsChinese) {
    // Strings with words in English must have Chinese words in Chinese (keys
    // such as "Home / End" or "F12" are the same in both).
    for (const auto& entry : string_table()) {
        bool has_word = false;
        for (std::size_t k = 0; k + 3 < entry.en.size(); ++k)
            if (std::isalpha(static_cast<unsigned char>(entry.en[k])) &&
                std::isalpha(static_cast<unsigned char>(entry.en[k + 1])) &&
                std::isalpha(static_cast<unsigned char>(entry.en[k + 2])) &&
                std::isalpha(static_cast<unsigned char>(entry.en[k + 3])))
                has_word = true;
        const bool is_key_name = entry.id.starts_with("key_") && entry.zh == entry.en;
        if (has_word && !is_key_name && entry.id != "language_switch") {
            EXPECT_TRUE(has_chinese(entry.zh)) << entry.id;
        }
    }
}

TEST(StringTable, LookupAndFill) {
    EXPECT_EQ(tr(Str::run_a, Lang::zh), "方案 A");
    EXPECT_EQ(tr(Str::run_a, Lang::en), "Run A");
    EXPECT_EQ(tr(Str::clock, Lang::en, {"366", "2", "2004-01-02"}), "Day 366 · Year 2 · 2004-01-02");
    EXPECT_EQ(tr(Str::clock, Lang::zh, {"366", "2", "2004-01-02"}), "第 366 天 · 第 2 年 · 2004-01-02");
    EXPECT_EQ(fill("{1} before {0}", {"a", "b"}), "b before a");
    EXPECT_EQ(fill("{0} and {3}", {"x"}), "x and {3}");  // a missing argument stays visible
}

TEST(StringTable, Units) {
    EXPECT_EQ(unit_label("persons", Lang::zh), "人");
    EXPECT_EQ(unit_label("persons", Lang::en), "persons");
    EXPECT_EQ(unit_label("share", Lang::zh), "");
    EXPECT_EQ(unit_label("furlongs", Lang::zh), "furlongs");
}

TEST(StringTable, Languages) {
    EXPECT_EQ(parse_lang("zh"), Lang::zh);
    EXPECT_EQ(parse_lang("zh_CN.UTF-8"), Lang::zh);
    EXPECT_EQ(parse_lang("en"), Lang::en);
    EXPECT_EQ(parse_lang("en-GB"), Lang::en);
    EXPECT_FALSE(parse_lang("fr"));
    EXPECT_FALSE(parse_lang("zhx"));
    EXPECT_EQ(pick(Lang::zh, "信任", "Trust"), "信任");
    EXPECT_EQ(pick(Lang::zh, "", "Trust"), "Trust");
    EXPECT_EQ(pick(Lang::en, "信任", ""), "信任");
}

TEST(StringTable, LanguageFromEnvironment) {
    ::setenv("LC_ALL", "zh_CN.UTF-8", 1);
    EXPECT_EQ(lang_from_environment(), Lang::zh);
    ::setenv("LC_ALL", "C.UTF-8", 1);
    EXPECT_EQ(lang_from_environment(), Lang::en);
    ::unsetenv("LC_ALL");
    ::unsetenv("LC_MESSAGES");
    ::setenv("LANG", "zh_TW.UTF-8", 1);
    EXPECT_EQ(lang_from_environment(), Lang::zh);
}
