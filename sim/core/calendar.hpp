// Day numbers and calendar dates: day 0 is the scenario's start date.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace jiceng {

class Calendar {
public:
    explicit Calendar(const std::string& start_date);  // YYYY-MM-DD, already validated

    std::chrono::year_month_day date(std::int64_t day) const {
        return std::chrono::year_month_day{start_ + std::chrono::days{day}};
    }
    std::string iso(std::int64_t day) const;
    bool is_month_start(std::int64_t day) const { return unsigned(date(day).day()) == 1; }
    bool is_year_start(std::int64_t day) const { return is_month_start(day) && unsigned(date(day).month()) == 1; }
    bool is_working_day(std::int64_t day) const {
        const std::chrono::weekday wd{start_ + std::chrono::days{day}};
        return wd != std::chrono::Saturday && wd != std::chrono::Sunday;
    }

private:
    std::chrono::sys_days start_;
};

}  // namespace jiceng
