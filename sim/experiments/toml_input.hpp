// Shared validation for the experiment-side TOML inputs (experiment files,
// calibration targets): every problem is collected as `file:line: key:
// message`, misspelt keys get a did-you-mean. Internal to sim/experiments/:
// it includes toml++, which the library links privately.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng::input {

int line_of(const toml::node& node);
std::string type_of(const toml::node& node);

class Problems {
public:
    explicit Problems(std::string file) : file_(std::move(file)) {}
    const std::string& file() const { return file_; }
    void add(int line, const std::string& key, const std::string& message) {
        list_.push_back({file_, line, key, message});
    }
    void add(const toml::node& node, const std::string& key, const std::string& message) {
        add(line_of(node), key, message);
    }
    bool empty() const { return list_.empty(); }
    // Throws InputError with everything collected so far, if anything.
    void throw_if_any() const {
        if (!list_.empty()) throw InputError(list_);
    }

    // Reports every key of `table` not in `allowed` (with a did-you-mean).
    void unknown_keys(const toml::table& table, const std::string& prefix, const std::vector<std::string>& allowed);

    // Typed getters: nullopt (and a problem) when present with the wrong type
    // or out of range; nullopt (no problem) when absent.
    std::optional<std::string> string(const toml::table& t, const std::string& key, const std::string& full);
    std::optional<std::int64_t> integer(const toml::table& t, const std::string& key, const std::string& full,
                                        std::int64_t min, std::int64_t max);
    std::optional<double> real(const toml::table& t, const std::string& key, const std::string& full);
    const toml::table* table(const toml::table& t, const std::string& key, const std::string& full);
    const toml::array* array(const toml::table& t, const std::string& key, const std::string& full);

    // An outcome name from the outcome table, or a problem naming the closest one.
    std::optional<int> outcome(const toml::node& node, const std::string& full);
    // A parameter key from the parameter table, or a problem naming the closest one.
    const ParamSpec* param(const std::string& key, const toml::node& node, const std::string& full);

private:
    std::string file_;
    std::vector<Diagnostic> list_;
};

// Reads and parses a TOML file; a missing file or a syntax error is an InputError.
toml::table parse_file(const std::filesystem::path& file, std::string* text = nullptr);

// " (did you mean 'x'?)" for a near miss, else a few candidates that contain
// the word (" (did you mean one of a, b?)"), else "".
std::string hint(const std::string& word, const std::vector<std::string>& candidates);

std::vector<std::string> outcome_names();
std::vector<std::string> param_keys();

// Walks a table whose leaves are parameter keys written either quoted
// ("trust.learning" = ...) or as nested tables ([x.trust] learning = ...):
// calls `leaf(key, node)` for each parameter in file order; unknown keys are problems.
void walk_params(const toml::table& table, const std::string& prefix, Problems& problems,
                 const std::function<void(const std::string& key, const toml::node& node)>& leaf);

}  // namespace jiceng::input
