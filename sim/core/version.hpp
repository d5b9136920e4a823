#pragma once

#include <string_view>

namespace jiceng {
std::string_view version();
std::string_view git_commit();
}  // namespace jiceng
