// The viewer's one string table (strings.def), in Chinese and English.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jiceng::viz {

enum class Lang { zh, en };

enum class Str : int {
#define X(key, zh, en) key,
#include "viz/strings.def"
#undef X
    count
};

struct StringEntry {
    Str key;
    std::string_view id;
    std::string_view zh;
    std::string_view en;
};

// Every entry, in enum order.
std::span<const StringEntry> string_table();

// The string `key` in `lang`.
std::string_view tr(Str key, Lang lang);

// `pattern` with {0}, {1}, ... replaced by `args` in order.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);
inline std::string tr(Str key, Lang lang, std::initializer_list<std::string_view> args) {
    return fill(tr(key, lang), args);
}

// "zh" or "en" (also "zh_CN", "en-GB", ...); nothing for anything else.
std::optional<Lang> parse_lang(std::string_view text);
// From LC_ALL, LC_MESSAGES, then LANG: Chinese for zh*, English otherwise.
Lang lang_from_environment();
std::string_view lang_code(Lang lang);

// A unit from a run file in the interface language; "" for units that go
// without saying (shares, shown as percentages, and 0-1 scores).
std::string unit_label(std::string_view units, Lang lang);

// Text in the current language picked from a Chinese/English pair of data
// strings (for names stored in run files), falling back to whichever is set.
std::string_view pick(Lang lang, std::string_view zh, std::string_view en);

}  // namespace jiceng::viz
