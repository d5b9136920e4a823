#include "viz/strings.hpp"

#include <array>
#include <cctype>
#include <cstdlib>

namespace jiceng::viz {

namespace {
constexpr std::array<StringEntry, static_cast<std::size_t>(Str::count)> kTable = {{
#define X(key, zh, en) {Str::key, #key, zh, en},
#include "viz/strings.def"
#undef X
}};
}  // namespace

std::span<const StringEntry> string_table() {
    return kTable;
}

std::string_view tr(Str key, Lang lang) {
    const auto& entry = kTable[static_cast<std::size_t>(key)];
    return lang == Lang::zh ? entry.zh : entry.en;
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t k = 0; k < pattern.size(); ++k) {
        const std::size_t close = pattern[k] == '{' ? pattern.find('}', k) : std::string_view::npos;
        if (close != std::string_view::npos && close > k + 1 && close - k <= 3 &&
            std::isdigit(static_cast<unsigned char>(pattern[k + 1]))) {
            const auto index =
                static_cast<std::size_t>(std::atoi(std::string(pattern.substr(k + 1, close - k - 1)).c_str()));
            if (index < args.size()) {
                out += *(args.begin() + index);
                k = close;
                continue;
            }
        }
        out += pattern[k];
    }
    return out;
}

std::optional<Lang> parse_lang(std::string_view text) {
    auto starts = [&](std::string_view prefix) {
        return text.size() >= prefix.size() &&
               (text.size() == prefix.size() || text[prefix.size()] == '_' || text[prefix.size()] == '-' ||
                text[prefix.size()] == '.') &&
               text.substr(0, prefix.size()) == prefix;
    };
    if (starts("zh")) return Lang::zh;
    if (starts("en")) return Lang::en;
    return std::nullopt;
}

Lang lang_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        // The first variable that is set decides, as in POSIX locale lookup.
        return std::string_view(value).starts_with("zh") ? Lang::zh : Lang::en;
    }
    return Lang::en;
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::zh ? "zh" : "en";
}

std::string unit_label(std::string_view units, Lang lang) {
    if (units.empty() || units == "share" || units == "0-1" || units == "-" || units == "1") return "";
    static constexpr std::pair<std::string_view, Str> kKnown[] = {
        {"persons", Str::unit_persons},
        {"households", Str::unit_households},
        {"needs", Str::unit_needs},
        {"day", Str::unit_days},
        {"days", Str::unit_days},  // files written before the units became "day" and "hour"
        {"hour", Str::unit_hours},
        {"hours", Str::unit_hours},
        {"groups", Str::unit_groups},
        {"events", Str::unit_events},
        {"organisations", Str::unit_organisations},
        {"teams", Str::unit_teams},
        {"ties per resident", Str::unit_ties_per_resident},
    };
    for (const auto& [name, key] : kKnown)
        if (units == name) return std::string(tr(key, lang));
    return std::string(units);
}

std::string_view pick(Lang lang, std::string_view zh, std::string_view en) {
    if (lang == Lang::zh) return zh.empty() ? en : zh;
    return en.empty() ? zh : en;
}

}  // namespace jiceng::viz
