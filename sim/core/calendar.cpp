#include "sim/core/calendar.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace jiceng {

namespace {

bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

}  // namespace

std::optional<std::chrono::year_month_day> Calendar::parse(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    const auto y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
    if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{number(y)},
                                           std::chrono::month{static_cast<unsigned>(number(m))},
                                           std::chrono::day{static_cast<unsigned>(number(d))}};
    if (!date.ok() || number(y) < 1) return std::nullopt;
    return date;
}

int Calendar::days_in_year(int year) {
    return std::chrono::year{year}.is_leap() ? 366 : 365;
}

Calendar::Calendar(const std::string& start_date) {
    const auto date = parse(start_date);
    if (!date) throw std::invalid_argument("'" + start_date + "' is not a date (expected YYYY-MM-DD)");
    start_ = std::chrono::sys_days{*date};
}

std::string Calendar::iso(std::int64_t day) const {
    const auto ymd = date(day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buffer;
}

std::int64_t Calendar::day_of(std::chrono::year_month_day date) const {
    return (std::chrono::sys_days{date} - start_).count();
}

std::int64_t Calendar::first_day_of_year(int year) const {
    return day_of(std::chrono::year{year} / std::chrono::January / 1);
}

std::vector<YearSpan> Calendar::year_spans(std::int64_t first_day, std::int64_t last_day) const {
    std::vector<YearSpan> spans;
    for (std::int64_t d = first_day; d <= last_day;) {
        YearSpan span;
        span.year = year(d);
        span.first_day = d;
        span.last_day = std::min(last_day, last_day_of_year(span.year));
        span.complete = span.first_day == first_day_of_year(span.year) && span.last_day == last_day_of_year(span.year);
        spans.push_back(span);
        d = span.last_day + 1;
    }
    return spans;
}

std::int64_t Calendar::first_day_of_run_year(std::int64_t n) const {
    if (n <= 1) return 0;
    return first_day_of_year(static_cast<int>(year(0) + n - 1));
}

}  // namespace jiceng
