// Day numbers and calendar dates, the one calendar every front end uses.
//
// Day N is dated start + N days: the state at the end of day N, and the
// events of day N, carry that date; day 0 (the initial state, no events) is
// the start date. A yearly figure belongs to the calendar year its days are
// dated in, and year N of the run (第 N 年) is the N-th calendar year the run
// touches. The calendar is the proleptic Gregorian one (2004 has 366 days).
// docs/ODD.md §2.2 states the convention.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiceng {

// The days of a span of day numbers that are dated in one calendar year.
struct YearSpan {
    int year = 0;
    std::int64_t first_day = 0, last_day = 0;  // inclusive
    bool complete = false;                     // the span holds every day of the year, 1 January to 31 December
    std::int64_t days() const { return last_day - first_day + 1; }
};

class Calendar {
public:
    // `start_date` as YYYY-MM-DD; throws std::invalid_argument when it is not a date.
    explicit Calendar(const std::string& start_date);

    // A strict YYYY-MM-DD date (years 1..9999), or nothing.
    static std::optional<std::chrono::year_month_day> parse(std::string_view iso);
    static int days_in_year(int year);

    std::chrono::year_month_day date(std::int64_t day) const {
        return std::chrono::year_month_day{start_ + std::chrono::days{day}};
    }
    std::string iso(std::int64_t day) const;
    // Calendar year of the date of `day`.
    int year(std::int64_t day) const { return int(date(day).year()); }
    // The day number dated `date` (negative before the start).
    std::int64_t day_of(std::chrono::year_month_day date) const;
    // The day numbers dated 1 January and 31 December of `year`.
    std::int64_t first_day_of_year(int year) const;
    std::int64_t last_day_of_year(int year) const { return first_day_of_year(year + 1) - 1; }
    // The calendar years that days first..last touch, in order, each with
    // the part of the span dated in it.
    std::vector<YearSpan> year_spans(std::int64_t first_day, std::int64_t last_day) const;

    // 第 N 年: year N of the run is the N-th calendar year it touches (1 on day 0).
    std::int64_t run_year(std::int64_t day) const { return year(day) - year(0) + 1; }
    // The first day of year N of the run: day 0 for N = 1, else 1 January of its calendar year.
    std::int64_t first_day_of_run_year(std::int64_t n) const;

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
