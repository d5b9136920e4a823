// Shared by the fuzz targets: what counts as a finding. A loader may refuse
// input only with its documented exception; anything else escaping (another
// exception type, a crash, a sanitizer report) is a bug.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace jiceng::fuzz {

[[noreturn]] inline void finding(const char* target, const char* what) {
    std::fprintf(stderr, "%s: unexpected failure: %s\n", target, what);
    std::abort();
}

}  // namespace jiceng::fuzz
