#include "sim/experiments/files.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace jiceng {

namespace fs = std::filesystem;

void write_atomic(const fs::path& path, const std::function<void(const fs::path&)>& write) {
    const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        throw std::runtime_error(path.string() + ": cannot create directory " + parent.string() + ": " + ec.message());
    const fs::path temp = parent / (path.filename().string() + ".part-" + std::to_string(::getpid()));
    try {
        write(temp);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    fs::rename(temp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw std::runtime_error(path.string() + ": cannot rename finished file into place: " + ec.message());
    }
}

void write_text_atomic(const fs::path& path, const std::string& text) {
    write_atomic(path, [&](const fs::path& temp) {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error(path.string() + ": cannot write");
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            const int cause = errno;
            throw std::runtime_error(path.string() + ": cannot write" +
                                     (cause ? std::string(": ") + std::strerror(cause) : " (disk full?)"));
        }
    });
}

std::string plain_number(double value) {
    if (!std::isfinite(value)) return std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf";
    char text[40];
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        std::snprintf(text, sizeof text, "%.0f", value);
        return text;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, value);
        if (std::strtod(text, nullptr) == value) break;
    }
    return text;
}

}  // namespace jiceng
