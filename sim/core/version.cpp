#include "sim/core/version.hpp"

#include "jiceng_git_commit.hpp"  // generated at build time (cmake/GitCommit.cmake)

namespace jiceng {
std::string_view version() {
    return JICENG_VERSION_STRING;
}
std::string_view git_commit() {
    return JICENG_GIT_COMMIT;
}
}  // namespace jiceng
