// Writing output files whole or not at all: built under a temporary name
// beside the target and renamed into place once complete.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace jiceng {

// Writes `text` to `path` atomically; throws std::runtime_error naming the file.
void write_text_atomic(const std::filesystem::path& path, const std::string& text);

// Calls `write(temporary_path)` and renames the result to `path`; removes the
// temporary file if `write` throws (and rethrows).
void write_atomic(const std::filesystem::path& path, const std::function<void(const std::filesystem::path&)>& write);

// A number for text tables (CSV, TSV, plans): whole numbers without a decimal
// point or exponent, others in the shortest form that reads back exactly.
std::string plain_number(double value);

}  // namespace jiceng
