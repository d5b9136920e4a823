#include "sim/scenario/scenario.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "sim/scenario/toml_node.hpp"

namespace jiceng {

std::string Diagnostic::str() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
    if (!key.empty()) out += key + ": ";
    return out + message;
}

bool read_input_file(const std::filesystem::path& file, std::string& text, std::string& why) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) {
        why = ec ? ec.message() : std::string("No such file or directory");
        return false;
    }
    if (std::filesystem::is_directory(status)) {
        why = "is a directory";
        return false;
    }
    if (!std::filesystem::is_regular_file(status)) {
        why = "is not a regular file";
        return false;
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > kMaxInputFileBytes) {
        why = "is " + std::to_string(size) + " bytes, more than the " + std::to_string(kMaxInputFileBytes >> 20) +
              " MiB an input file may have";
        return false;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        why = std::strerror(errno);
        return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        why = "read error";
        return false;
    }
    text = buffer.str();
    return true;
}

namespace {
std::string join_messages(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += (out.empty() ? "" : "\n") + d.str();
    return out;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_messages(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    auto distance = [](std::string_view a, std::string_view b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = distance(word, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

namespace {

struct Entry {
    ParamValue value;
    std::string file;
    int line = 0;
};

// What one file (and its parents) sets: parameter values and scenario metadata.
struct Layer {
    std::map<std::string, Entry> values;
    ScenarioMeta meta;
    std::vector<ScenarioSource> sources;
};

const std::vector<std::string>& all_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& spec : param_table()) k.emplace_back(spec.key);
        return k;
    }();
    return keys;
}

std::vector<std::string> all_groups() {
    std::set<std::string> groups;
    for (const auto& spec : param_table()) {
        std::string_view key = spec.key;
        for (auto dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.', dot + 1))
            groups.emplace(key.substr(0, dot));
    }
    groups.emplace("scenario");
    return {groups.begin(), groups.end()};
}

int line_of(const toml::node& node) {
    return toml_line(node);
}
std::string node_type_name(const toml::node& node) {
    return toml_type_name(node);
}

class Loader {
public:
    Layer load_file(const std::filesystem::path& path, const std::string& display, const std::string& from_file,
                    int from_line) {
        std::error_code ec;
        const auto canonical = std::filesystem::weakly_canonical(path, ec);
        const std::string id = ec ? path.string() : canonical.string();
        if (std::find(stack_.begin(), stack_.end(), id) != stack_.end()) {
            std::string chain;
            for (const auto& s : stack_) chain += s + " -> ";
            fail({from_file, from_line, "extends",
                  "cycle in the extends chain: " + chain + id +
                      " (expected a chain that ends in a file without extends)"});
        }
        std::string text, why;
        if (!read_input_file(path, text, why)) {
            if (from_file.empty()) fail({display, 0, "", "cannot open scenario file: " + why});
            fail({from_file, from_line, "extends",
                  "cannot open '" + path.string() + "': " + why + " (expected a path relative to this file)"});
        }
        return load_text(text, display, path.parent_path(), id);
    }

    Layer load_text(const std::string& text, const std::string& display, const std::filesystem::path& base_dir,
                    const std::string& id) {
        toml::table root;
        try {
            root = toml::parse(text, display);
        } catch (const toml::parse_error& e) {
            fail({display, static_cast<int>(e.source().begin.line), "",
                  "TOML syntax error: " + std::string(e.description())});
        }
        stack_.push_back(id);
        Layer layer;
        if (const toml::node* ext = root.get("extends")) {
            if (!ext->is_string())
                fail({display, line_of(*ext), "extends",
                      "is " + node_type_name(*ext) + " (expected a file name string)"});
            const std::string parent = ext->as_string()->get();
            const std::filesystem::path parent_path = base_dir / parent;
            layer = load_file(parent_path, parent_path.lexically_normal().string(), display, line_of(*ext));
        }
        stack_.pop_back();
        layer.sources.push_back({display, text});
        std::vector<Diagnostic> problems;
        for (auto&& [key, node] : root) {
            const std::string name(key.str());
            if (name == "extends") continue;
            if (name == "scenario") {
                read_meta(node, display, layer.meta, problems);
                continue;
            }
            walk(node, name, display, layer, problems);
        }
        if (!problems.empty()) throw InputError(std::move(problems));
        return layer;
    }

private:
    [[noreturn]] static void fail(Diagnostic d) { throw InputError({std::move(d)}); }

    static void read_meta(const toml::node& node, const std::string& file, ScenarioMeta& meta,
                          std::vector<Diagnostic>& problems) {
        const auto* table = node.as_table();
        if (!table) {
            problems.push_back({file, line_of(node), "scenario", "is " + node_type_name(node) + " (expected a table)"});
            return;
        }
        const std::map<std::string, std::string*> fields = {{"name", &meta.name},
                                                            {"title_en", &meta.title_en},
                                                            {"title_zh", &meta.title_zh},
                                                            {"description_en", &meta.description_en},
                                                            {"description_zh", &meta.description_zh}};
        std::vector<std::string> names = {"live"};
        for (const auto& [n, _] : fields) names.push_back(n);
        for (auto&& [key, value] : *table) {
            const std::string name(key.str());
            const std::string full = "scenario." + name;
            if (name == "live") {
                const auto* array = value.as_array();
                if (!array) {
                    problems.push_back({file, line_of(value), full,
                                        "is " + node_type_name(value) + " (expected an array of parameter keys)"});
                    continue;
                }
                meta.live.clear();
                for (const auto& item : *array) {
                    if (!item.is_string() || !find_param(item.as_string()->get())) {
                        std::string shown =
                            item.is_string() ? "'" + item.as_string()->get() + "'" : node_type_name(item);
                        std::string hint = item.is_string() ? did_you_mean(item.as_string()->get(), all_keys()) : "";
                        problems.push_back(
                            {file, line_of(item), full,
                             shown + " is not a parameter key (expected a key such as 'strategies.louzu.enabled'" +
                                 (hint.empty() ? "" : "; did you mean '" + hint + "'?") + ")"});
                        continue;
                    }
                    meta.live.push_back(item.as_string()->get());
                }
                continue;
            }
            auto it = fields.find(name);
            if (it == fields.end()) {
                const std::string hint = did_you_mean(name, names);
                problems.push_back(
                    {file, line_of(value), full,
                     "unknown key" + (hint.empty() ? "" : " (did you mean 'scenario." + hint + "'?)") +
                         " (expected one of name, title_en, title_zh, description_en, description_zh, live)"});
                continue;
            }
            if (!value.is_string()) {
                problems.push_back(
                    {file, line_of(value), full, "is " + node_type_name(value) + " (expected a string)"});
                continue;
            }
            *it->second = value.as_string()->get();
        }
    }

    static void walk(const toml::node& node, const std::string& path, const std::string& file, Layer& layer,
                     std::vector<Diagnostic>& problems) {
        if (const auto* table = node.as_table()) {
            const ParamSpec* leaf = find_param(path);
            if (leaf) {
                problems.push_back(
                    {file, line_of(node), path, "is a table (expected " + std::string(type_name(leaf->type)) + ")"});
                return;
            }
            static const std::vector<std::string> groups = all_groups();
            if (std::find(groups.begin(), groups.end(), path) == groups.end()) {
                const std::string hint = did_you_mean(path, groups);
                problems.push_back(
                    {file, line_of(node), path,
                     "unknown table" + (hint.empty() ? std::string(" (see `jiceng params` for the valid keys)")
                                                     : " (did you mean '" + hint + "'?)")});
                return;
            }
            for (auto&& [key, child] : *table) walk(child, path + "." + std::string(key.str()), file, layer, problems);
            return;
        }
        const ParamSpec* spec = find_param(path);
        if (!spec) {
            const std::string hint = did_you_mean(path, all_keys());
            problems.push_back({file, line_of(node), path,
                                "unknown key" + (hint.empty() ? std::string(" (see `jiceng params` for the valid keys)")
                                                              : " (did you mean '" + hint + "'?)")});
            return;
        }
        ParamValue value;
        bool ok = true;
        switch (spec->type) {
            case ParamType::Int:
                if (node.is_integer())
                    value = node.as_integer()->get();
                else
                    ok = false;
                break;
            case ParamType::Real:
                if (node.is_floating_point())
                    value = node.as_floating_point()->get();
                else if (node.is_integer())
                    value = static_cast<double>(node.as_integer()->get());
                else
                    ok = false;
                break;
            case ParamType::Bool:
                if (node.is_boolean())
                    value = node.as_boolean()->get();
                else
                    ok = false;
                break;
            case ParamType::Text:
                if (node.is_string())
                    value = node.as_string()->get();
                else if (node.is_date() && spec->unit == "date") {
                    std::ostringstream text;
                    text << *node.as_date();
                    value = text.str();
                } else
                    ok = false;
                break;
        }
        if (!ok) {
            std::string expected = std::string(type_name(spec->type));
            if (spec->has_range()) expected += " in " + spec->range_text();
            problems.push_back(
                {file, line_of(node), path, "is " + node_type_name(node) + " (expected " + expected + ")"});
            return;
        }
        if (auto wrong = spec->check(value)) {
            problems.push_back({file, line_of(node), path, *wrong});
            return;
        }
        layer.values[path] = Entry{value, file, line_of(node)};
    }

    std::vector<std::string> stack_;
};

Scenario finish(Layer layer, const std::string& file) {
    Scenario scenario;
    scenario.meta = layer.meta;
    scenario.file = file;
    scenario.sources = std::move(layer.sources);
    std::map<std::string, std::pair<std::string, int>> where;
    for (const auto& [key, entry] : layer.values) {
        find_param(key)->set(scenario.params, entry.value);
        where[key] = {entry.file, entry.line};
    }
    std::vector<Diagnostic> problems;
    for (const auto& [key, message] : check_consistency(scenario.params)) {
        auto it = where.find(key);
        if (it == where.end())
            problems.push_back({file, 0, key, message});
        else
            problems.push_back({it->second.first, it->second.second, key, message});
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    if (scenario.meta.name.empty()) scenario.meta.name = std::filesystem::path(file).stem().string();
    return scenario;
}

}  // namespace

int toml_line(const toml::node& node) {
    return static_cast<int>(node.source().begin.line);
}

std::string toml_type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a number";
        case toml::node_type::boolean:
            return "a boolean";
        case toml::node_type::date:
            return "a date";
        case toml::node_type::time:
            return "a time";
        case toml::node_type::date_time:
            return "a date-time";
        default:
            return "nothing";
    }
}

Scenario load_scenario(const std::filesystem::path& file) {
    Loader loader;
    return finish(loader.load_file(file, file.string(), "", 0), file.string());
}

Scenario parse_scenario(const std::string& text, const std::string& display_name,
                        const std::filesystem::path& base_dir) {
    Loader loader;
    return finish(loader.load_text(text, display_name, base_dir, display_name), display_name);
}

Scenario default_scenario() {
    Scenario scenario;
    scenario.meta.name = "defaults";
    scenario.meta.title_en = "Built-in defaults";
    scenario.meta.title_zh = "内置默认值";
    return scenario;
}

// params.cpp: a TOML basic string with quotes, backslashes and control characters escaped.
std::string quote_toml(std::string_view text);

std::string Scenario::resolved_toml() const {
    std::ostringstream out;
    auto q = [](const std::string& s) { return quote_toml(s); };
    out << "[scenario]\nname = " << q(meta.name) << "\ntitle_en = " << q(meta.title_en)
        << "\ntitle_zh = " << q(meta.title_zh) << "\ndescription_en = " << q(meta.description_en)
        << "\ndescription_zh = " << q(meta.description_zh) << "\nlive = [";
    for (std::size_t i = 0; i < meta.live.size(); ++i) out << (i ? ", " : "") << q(meta.live[i]);
    out << "]\n\n" << params_to_toml(params);
    return out.str();
}

std::string Scenario::sources_text() const {
    std::string out;
    for (const auto& source : sources)
        out += "# ---- " + source.path + "\n" + source.text + (source.text.ends_with('\n') ? "" : "\n");
    return out;
}

}  // namespace jiceng
