#include "sim/experiments/toml_input.hpp"

#include "sim/scenario/toml_node.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sim/model/results.hpp"

namespace jiceng::input {

int line_of(const toml::node& node) {
    return toml_line(node);
}
std::string type_of(const toml::node& node) {
    return toml_type_name(node);
}

namespace {
std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t k = 0; k < words.size(); ++k) out += (k ? ", " : "") + words[k];
    return out;
}
}  // namespace

void Problems::unknown_keys(const toml::table& table, const std::string& prefix,
                            const std::vector<std::string>& allowed) {
    for (auto&& [key, node] : table) {
        const std::string name(key.str());
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        const std::string hint = did_you_mean(name, allowed);
        add(node, prefix + name,
            "unknown key" + (hint.empty() ? std::string() : " (did you mean '" + prefix + hint + "'?)") +
                " (expected one of " + join(allowed) + ")");
    }
}

std::optional<std::string> Problems::string(const toml::table& t, const std::string& key, const std::string& full) {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    if (!node->is_string()) {
        add(*node, full, "is " + type_of(*node) + " (expected a string)");
        return std::nullopt;
    }
    return node->as_string()->get();
}

std::optional<std::int64_t> Problems::integer(const toml::table& t, const std::string& key, const std::string& full,
                                              std::int64_t min, std::int64_t max) {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    const std::string range = "an integer in " + std::to_string(min) + ".." + std::to_string(max);
    if (!node->is_integer()) {
        add(*node, full, "is " + type_of(*node) + " (expected " + range + ")");
        return std::nullopt;
    }
    const std::int64_t value = node->as_integer()->get();
    if (value < min || value > max) {
        add(*node, full, std::to_string(value) + " is out of range (expected " + range + ")");
        return std::nullopt;
    }
    return value;
}

std::optional<double> Problems::real(const toml::table& t, const std::string& key, const std::string& full) {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    if (node->is_floating_point()) {
        // nan or inf would pass every range check below and poison means and losses.
        const double v = node->as_floating_point()->get();
        if (std::isfinite(v)) return v;
        add(*node, full, "is " + std::string(std::isnan(v) ? "nan" : "infinite") + " (expected a finite number)");
        return std::nullopt;
    }
    if (node->is_integer()) return static_cast<double>(node->as_integer()->get());
    add(*node, full, "is " + type_of(*node) + " (expected a number)");
    return std::nullopt;
}

const toml::table* Problems::table(const toml::table& t, const std::string& key, const std::string& full) {
    const toml::node* node = t.get(key);
    if (!node) return nullptr;
    if (!node->is_table()) {
        add(*node, full, "is " + type_of(*node) + " (expected a table)");
        return nullptr;
    }
    return node->as_table();
}

const toml::array* Problems::array(const toml::table& t, const std::string& key, const std::string& full) {
    const toml::node* node = t.get(key);
    if (!node) return nullptr;
    if (!node->is_array()) {
        add(*node, full, "is " + type_of(*node) + " (expected an array)");
        return nullptr;
    }
    return node->as_array();
}

std::string hint(const std::string& word, const std::vector<std::string>& candidates) {
    if (const std::string near = did_you_mean(word, candidates); !near.empty())
        return " (did you mean '" + near + "'?)";
    std::vector<std::string> containing;
    for (const auto& c : candidates)
        if (word.size() >= 3 && c.find(word) != std::string::npos) containing.push_back(c);
    if (containing.empty() || containing.size() > 4) return "";
    if (containing.size() == 1) return " (did you mean '" + containing.front() + "'?)";
    return " (did you mean one of " + join(containing) + "?)";
}

std::vector<std::string> outcome_names() {
    std::vector<std::string> names;
    for (const auto& o : outcome_table()) names.emplace_back(o.name);
    return names;
}

std::vector<std::string> param_keys() {
    std::vector<std::string> keys;
    for (const auto& spec : param_table()) keys.emplace_back(spec.key);
    return keys;
}

std::optional<int> Problems::outcome(const toml::node& node, const std::string& full) {
    if (!node.is_string()) {
        add(node, full, "is " + type_of(node) + " (expected an outcome name such as 'trust_mean')");
        return std::nullopt;
    }
    const std::string name = node.as_string()->get();
    const auto names = outcome_names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<int>(it - names.begin());
    const std::string suggestion = hint(name, names);
    add(node, full,
        "'" + name + "' is not an outcome" +
            (suggestion.empty() ? std::string(" (see `jiceng outputs`)") : suggestion));
    return std::nullopt;
}

const ParamSpec* Problems::param(const std::string& key, const toml::node& node, const std::string& full) {
    if (const ParamSpec* spec = find_param(key)) return spec;
    const std::string suggestion = hint(key, param_keys());
    add(node, full,
        "'" + key + "' is not a parameter" + (suggestion.empty() ? std::string(" (see `jiceng params`)") : suggestion));
    return nullptr;
}

toml::table parse_file(const std::filesystem::path& file, std::string* text) {
    std::string content, why;
    if (!read_input_file(file, content, why)) throw InputError({{file.string(), 0, "", "cannot open file: " + why}});
    if (text) *text = content;
    try {
        return toml::parse(content, file.string());
    } catch (const toml::parse_error& e) {
        throw InputError({{file.string(), static_cast<int>(e.source().begin.line), "",
                           "TOML syntax error: " + std::string(e.description())}});
    }
}

namespace {
bool is_group_prefix(const std::string& path) {
    for (const auto& spec : param_table())
        if (spec.key.size() > path.size() && spec.key.starts_with(path) && spec.key[path.size()] == '.') return true;
    return false;
}
}  // namespace

void walk_params(const toml::table& table, const std::string& prefix, Problems& problems,
                 const std::function<void(const std::string&, const toml::node&)>& leaf) {
    // toml++ keeps keys sorted; report and visit in file order instead.
    std::vector<std::pair<std::string, const toml::node*>> found;
    std::function<void(const toml::table&, const std::string&)> walk = [&](const toml::table& t,
                                                                           const std::string& path) {
        for (auto&& [key, node] : t) {
            const std::string full = path.empty() ? std::string(key.str()) : path + "." + std::string(key.str());
            if (find_param(full)) {
                found.emplace_back(full, &node);
            } else if (node.is_table() && is_group_prefix(full)) {
                walk(*node.as_table(), full);
            } else {
                problems.param(full, node, prefix + full);
            }
        }
    };
    walk(table, "");
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        const auto& sa = a.second->source().begin;
        const auto& sb = b.second->source().begin;
        return sa.line != sb.line ? sa.line < sb.line : sa.column < sb.column;
    });
    for (const auto& [key, node] : found) leaf(key, *node);
}

}  // namespace jiceng::input
