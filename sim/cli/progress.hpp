// A one-line progress bar on standard error, only when it is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace jiceng::cli {

class Progress {
public:
    Progress(std::string label, std::int64_t total, bool enabled);
    ~Progress();
    void update(std::int64_t done, const std::string& note = "");
    void finish();

private:
    std::string label_;
    std::int64_t total_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

bool stderr_is_terminal();

}  // namespace jiceng::cli
