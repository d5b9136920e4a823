// Parameters: one typed struct and one table, both generated from params.def.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace jiceng {

#define JICENG_CTYPE_INT std::int64_t
#define JICENG_CTYPE_REAL double
#define JICENG_CTYPE_BOOL bool
#define JICENG_CTYPE_TEXT std::string

// Every parameter's value. Default-constructed, it holds the defaults.
struct Params {
#define X(ident, key, type, def, unit, lo, hi, en, zh, src) JICENG_CTYPE_##type ident = def;
#include "sim/params/params.def"
#undef X
};

enum class ParamType { Int, Real, Bool, Text };
std::string_view type_name(ParamType type);

using ParamValue = std::variant<std::int64_t, double, bool, std::string>;

struct ParamSpec {
    std::string_view key;
    ParamType type;
    std::string_view unit;
    double min;
    double max;
    std::string_view doc_en;
    std::string_view doc_zh;
    std::string_view source;
    std::variant<std::int64_t Params::*, double Params::*, bool Params::*, std::string Params::*> field;

    ParamValue get(const Params& params) const;
    void set(Params& params, const ParamValue& value) const;
    ParamValue default_value() const { return get(Params{}); }
    // The value as a TOML literal (strings quoted, reals with a decimal point).
    std::string to_toml(const Params& params) const;
    // Range and format check; returns what is wrong, or nothing.
    std::optional<std::string> check(const ParamValue& value) const;
    bool has_range() const { return type == ParamType::Int || type == ParamType::Real; }
    std::string range_text() const;
};

std::span<const ParamSpec> param_table();
const ParamSpec* find_param(std::string_view key);

// Constraints that involve several parameters: (key, message) pairs.
std::vector<std::pair<std::string, std::string>> check_consistency(const Params& params);

// Every parameter as TOML, grouped in tables, in table order.
std::string params_to_toml(const Params& params);

// Markdown reference generated from the table (docs/parameters.md).
std::string parameters_markdown();

std::string format_real(double value);

}  // namespace jiceng
