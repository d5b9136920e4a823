// Scenarios: layered TOML files validated against the parameter table.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/params/params.hpp"

namespace jiceng {

// One problem in an input file, printed as `file:line: key: message`.
struct Diagnostic {
    std::string file;
    int line = 0;
    std::string key;
    std::string message;
    std::string str() const;
};

// Thrown with every problem found, not just the first.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

struct ScenarioMeta {
    std::string name;
    std::string title_en;
    std::string title_zh;
    std::string description_en;
    std::string description_zh;
    // Parameter keys a trainer may move while the viewer runs live.
    std::vector<std::string> live;
};

struct ScenarioSource {
    std::string path;
    std::string text;
};

// A fully resolved scenario: every parameter has a value. Frozen once loaded.
struct Scenario {
    ScenarioMeta meta;
    Params params;
    std::string file;                     // the file named by the user ("" for defaults)
    std::vector<ScenarioSource> sources;  // the extends chain, base first

    std::string resolved_toml() const;  // [scenario] + every parameter
    std::string sources_text() const;
};

// Loads FILE and its `extends` chain; throws InputError listing every problem.
Scenario load_scenario(const std::filesystem::path& file);
// Same, from text held in memory (tests, fuzzing); `extends` is resolved
// relative to `base_dir`.
Scenario parse_scenario(const std::string& text, const std::string& display_name,
                        const std::filesystem::path& base_dir = ".");
// The defaults, with no file.
Scenario default_scenario();

// The most bytes an input TOML file may have: far above any real scenario or
// experiment, low enough that a wrong path (a log, a disk image) is refused
// instead of read into memory.
inline constexpr std::uintmax_t kMaxInputFileBytes = 16u << 20;

// Reads a whole input file. Returns false with `why` set when it is missing,
// unreadable, not a regular file (a directory; a FIFO or /dev/zero would
// block or never end) or larger than kMaxInputFileBytes.
bool read_input_file(const std::filesystem::path& file, std::string& text, std::string& why);

// Closest candidate by edit distance, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace jiceng
