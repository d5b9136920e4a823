#include "sim/cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace jiceng::cli {

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

Progress::Progress(std::string label, std::int64_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
    finish();
}

void Progress::update(std::int64_t done, const std::string& note) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    const double left = fraction > 0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '=');
    if (filled < kWidth) bar += '>' + std::string(static_cast<std::size_t>(kWidth - filled - 1), ' ');
    std::fprintf(stderr, "\r%s [%s] %lld/%lld %3.0f%% %s  %.0fs left   ", label_.c_str(), bar.c_str(),
                 static_cast<long long>(done), static_cast<long long>(total_), fraction * 100.0, note.c_str(), left);
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::finish() {
    if (enabled_ && drawn_) {
        std::fprintf(stderr, "\r%*s\r", 100, "");
        std::fflush(stderr);
    }
    drawn_ = false;
}

}  // namespace jiceng::cli
