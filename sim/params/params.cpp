#include "sim/params/params.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "sim/core/calendar.hpp"

namespace jiceng {

namespace {
constexpr ParamType kParamType_INT = ParamType::Int;
constexpr ParamType kParamType_REAL = ParamType::Real;
constexpr ParamType kParamType_BOOL = ParamType::Bool;
constexpr ParamType kParamType_TEXT = ParamType::Text;

const std::vector<ParamSpec>& table() {
    static const std::vector<ParamSpec> specs = {
#define X(ident, key, type, def, unit, lo, hi, en, zh, src)                                           \
    ParamSpec{key, kParamType_##type, unit, static_cast<double>(lo), static_cast<double>(hi), en, zh, \
              src, &Params::ident},
#include "sim/params/params.def"
#undef X
    };
    return specs;
}

}  // namespace

std::string quote_toml(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        // TOML basic strings allow no other control character unescaped (tab excepted).
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04X", u);
            out += escaped;
            continue;
        }
        out += c;
    }
    return out + "\"";
}

namespace {

bool valid_date(const std::string& text) {
    const auto date = Calendar::parse(text);
    return date && int(date->year()) >= 1900 && int(date->year()) <= 2200;
}
}  // namespace

std::string_view type_name(ParamType type) {
    switch (type) {
        case ParamType::Int:
            return "integer";
        case ParamType::Real:
            return "number";
        case ParamType::Bool:
            return "boolean";
        case ParamType::Text:
            return "string";
    }
    return "?";
}

std::string format_real(double value) {
    std::ostringstream out;
    out.precision(17);
    out << value;
    std::string text = out.str();
    // Shortest text that reads back to the same double.
    for (int precision = 1; precision <= 17; ++precision) {
        std::ostringstream attempt;
        attempt.precision(precision);
        attempt << value;
        if (std::stod(attempt.str()) == value) {
            text = attempt.str();
            break;
        }
    }
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
}

ParamValue ParamSpec::get(const Params& params) const {
    return std::visit([&](auto member) -> ParamValue { return params.*member; }, field);
}

void ParamSpec::set(Params& params, const ParamValue& value) const {
    std::visit(
        [&](auto member) {
            using T = std::remove_reference_t<decltype(params.*member)>;
            if constexpr (std::is_same_v<T, double>) {
                if (const auto* i = std::get_if<std::int64_t>(&value)) {
                    params.*member = static_cast<double>(*i);
                    return;
                }
            }
            params.*member = std::get<T>(value);
        },
        field);
}

std::string ParamSpec::to_toml(const Params& params) const {
    const ParamValue value = get(params);
    switch (type) {
        case ParamType::Int:
            return std::to_string(std::get<std::int64_t>(value));
        case ParamType::Real:
            return format_real(std::get<double>(value));
        case ParamType::Bool:
            return std::get<bool>(value) ? "true" : "false";
        case ParamType::Text:
            return quote_toml(std::get<std::string>(value));
    }
    return {};
}

std::string ParamSpec::range_text() const {
    if (type == ParamType::Int)
        return std::to_string(static_cast<std::int64_t>(min)) + " to " + std::to_string(static_cast<std::int64_t>(max));
    if (type == ParamType::Real) return format_real(min) + " to " + format_real(max);
    if (type == ParamType::Text && unit == "date") return "a date YYYY-MM-DD";
    return {};
}

std::optional<std::string> ParamSpec::check(const ParamValue& value) const {
    double number = 0;
    if (const auto* i = std::get_if<std::int64_t>(&value))
        number = static_cast<double>(*i);
    else if (const auto* d = std::get_if<double>(&value))
        number = *d;
    else if (const auto* s = std::get_if<std::string>(&value)) {
        if (unit == "date" && !valid_date(*s))
            return "'" + *s + "' is not a valid date (expected YYYY-MM-DD between 1900 and 2200)";
        return std::nullopt;
    } else
        return std::nullopt;
    if (!std::isfinite(number)) return "value must be finite (expected " + range_text() + ")";
    if (number < min || number > max) {
        std::string shown =
            std::holds_alternative<double>(value) ? format_real(number) : std::to_string(std::get<std::int64_t>(value));
        // Units of time are symbols in the table ("day", "hour"); prose says "1 to 36600 days".
        const std::string prose = unit == "day" ? "days" : unit == "hour" ? "hours" : std::string(unit);
        return "value " + shown + " is out of range (expected " + range_text() +
               (unit.empty() || unit == "-" ? "" : " " + prose) + ")";
    }
    return std::nullopt;
}

std::span<const ParamSpec> param_table() {
    return table();
}

const ParamSpec* find_param(std::string_view key) {
    static const std::map<std::string_view, const ParamSpec*> index = [] {
        std::map<std::string_view, const ParamSpec*> m;
        for (const auto& spec : table()) m.emplace(spec.key, &spec);
        return m;
    }();
    auto it = index.find(key);
    return it == index.end() ? nullptr : it->second;
}

std::vector<std::pair<std::string, std::string>> check_consistency(const Params& p) {
    std::vector<std::pair<std::string, std::string>> problems;
    const double org_shares = p.orgs_government_share + p.orgs_public_share + p.orgs_soe_share + p.orgs_foreign_share +
                              p.orgs_social_share + p.orgs_social_service_share;
    if (org_shares > 1.0)
        problems.emplace_back("orgs.social_share", "workplace type shares add up to " + format_real(org_shares) +
                                                       " (expected at most 1; the rest are private firms)");
    if (p.members_initial_active_share + p.members_initial_nominal_share > 1.0)
        problems.emplace_back("members.initial_nominal_share",
                              "initial active + nominal shares exceed 1 (expected at most 1; the rest are lapsed)");
    if (p.members_community_relation_share + p.members_floating_share > 1.0)
        problems.emplace_back(
            "members.floating_share",
            "community-relation + floating shares exceed 1 (expected at most 1; the rest are in-work)");
    if (p.district_child_share + p.district_retired_share > 1.0)
        problems.emplace_back("district.retired_share", "child + retired shares exceed 1 (expected at most 1)");
    if (p.louzu_threshold > p.louzu_cap)
        problems.emplace_back("strategies.louzu.cap", "cap " + std::to_string(p.louzu_cap) + " is below threshold " +
                                                          std::to_string(p.louzu_threshold) +
                                                          " (expected cap >= threshold)");
    if (p.district_residents_per_street < p.district_areas_per_street * 20)
        problems.emplace_back("district.areas_per_street",
                              "too many areas for the street's residents (expected at least 20 residents per area)");
    return problems;
}

std::string params_to_toml(const Params& params) {
    std::ostringstream out;
    std::string current;
    for (const auto& spec : table()) {
        const auto dot = spec.key.rfind('.');
        const std::string group(spec.key.substr(0, dot));
        if (group != current) {
            out << (current.empty() ? "" : "\n") << "[" << group << "]\n";
            current = group;
        }
        out << spec.key.substr(dot + 1) << " = " << spec.to_toml(params) << "\n";
    }
    return out.str();
}

std::string parameters_markdown() {
    std::ostringstream out;
    out << "# Parameter reference\n\n"
        << "Generated from `sim/params/params.def` by `jiceng params --markdown` (`make docs`); do not edit by hand.\n"
        << "A test fails when this file is out of date.\n\n"
        << "Every key can be set in a scenario file, in the TOML table named by the part before the last dot.\n"
        << "Sources: S000-S004 are the seed documents `shared/seeds/00N_*.txt`; \"facts\" is "
        << "`shared/design/district-facts.md`; \"brief\" is `shared/design/model-brief.md`.\n";
    const Params defaults;
    std::string current;
    for (const auto& spec : table()) {
        const std::string group(spec.key.substr(0, spec.key.rfind('.')));
        if (group != current) {
            out << "\n## `[" << group << "]`\n\n"
                << "| key | type | default | unit | range | description | 说明 | source |\n"
                << "|---|---|---|---|---|---|---|---|\n";
            current = group;
        }
        auto cell = [](std::string_view text) {
            std::string s(text);
            for (std::size_t i = 0; (i = s.find('|', i)) != std::string::npos; i += 2) s.replace(i, 1, "\\|");
            return s;
        };
        out << "| `" << spec.key << "` | " << type_name(spec.type) << " | `" << spec.to_toml(defaults) << "` | "
            << cell(spec.unit) << " | " << cell(spec.range_text()) << " | " << cell(spec.doc_en) << " | "
            << cell(spec.doc_zh) << " | " << cell(spec.source) << " |\n";
    }
    return out.str();
}

}  // namespace jiceng
