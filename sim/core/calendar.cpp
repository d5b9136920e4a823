#include "sim/core/calendar.hpp"

#include <cstdio>

namespace jiceng {

Calendar::Calendar(const std::string& start_date) {
    int y = 2000, m = 1, d = 1;
    std::sscanf(start_date.c_str(), "%d-%d-%d", &y, &m, &d);
    start_ = std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
                                   std::chrono::day{static_cast<unsigned>(d)}};
}

std::string Calendar::iso(std::int64_t day) const {
    const auto ymd = date(day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buffer;
}

}  // namespace jiceng
