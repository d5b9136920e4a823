#include "viz/options.hpp"

#include <glob.h>

#include <charconv>

namespace jiceng::viz {

std::vector<std::string> expand_run_argument(const std::string& argument) {
    std::vector<std::string> files;
    std::size_t start = 0;
    while (start <= argument.size()) {
        const std::size_t comma = argument.find(',', start);
        const std::string piece =
            argument.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? argument.size() + 1 : comma + 1;
        if (piece.empty()) continue;
        if (piece.find_first_of("*?[") == std::string::npos) {
            files.push_back(piece);
            continue;
        }
        glob_t found{};
        const int status = ::glob(piece.c_str(), 0, nullptr, &found);
        if (status == 0)
            for (std::size_t k = 0; k < found.gl_pathc; ++k) files.emplace_back(found.gl_pathv[k]);
        globfree(&found);
        if (status != 0) throw UsageError("the pattern '" + piece + "' matches no file");
    }
    if (files.empty()) throw UsageError("'" + argument + "' names no run file");
    return files;
}

std::pair<unsigned, unsigned> parse_size(const std::string& text) {
    const auto x = text.find_first_of("xX");
    unsigned w = 0, h = 0;
    if (x != std::string::npos) {
        const auto [end_w, error_w] = std::from_chars(text.data(), text.data() + x, w);
        const auto [end_h, error_h] = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
        if (error_w == std::errc() && error_h == std::errc() && end_w == text.data() + x &&
            end_h == text.data() + text.size() && w >= 320 && h >= 240 && w <= 8192 && h <= 8192)
            return {w, h};
    }
    throw UsageError("--size '" + text + "' must be WIDTHxHEIGHT between 320x240 and 8192x8192, e.g. 1600x900");
}

}  // namespace jiceng::viz
