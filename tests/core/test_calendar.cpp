#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/core/calendar.hpp"

namespace jiceng {
namespace {

TEST(Calendar, DatesAndPeriods) {
    Calendar cal("2003-01-01");
    EXPECT_EQ(cal.iso(0), "2003-01-01");
    EXPECT_EQ(cal.iso(31), "2003-02-01");
    EXPECT_EQ(cal.iso(365), "2004-01-01");
    EXPECT_EQ(cal.iso(365 + 59), "2004-02-29");  // leap year
    EXPECT_TRUE(cal.is_month_start(31));
    EXPECT_FALSE(cal.is_month_start(30));
    EXPECT_TRUE(cal.is_year_start(365));
    EXPECT_FALSE(cal.is_year_start(31));
    // 2003-01-01 was a Wednesday; the 4th and 5th a weekend.
    EXPECT_TRUE(cal.is_working_day(0));
    EXPECT_FALSE(cal.is_working_day(3));
    EXPECT_FALSE(cal.is_working_day(4));
    EXPECT_TRUE(cal.is_working_day(5));
}

// The state at the end of day N is dated start + N days, and a day belongs
// to the calendar year of its date: for a run from 2003-01-01, day 365 is
// 2004-01-01, and 2004 (a leap year) has the 366 days 365..730.
TEST(Calendar, DayNIsDatedStartPlusNAndLeapYearsHave366Days) {
    const Calendar cal("2003-01-01");
    EXPECT_EQ(cal.iso(364), "2003-12-31");
    EXPECT_EQ(cal.year(364), 2003);
    EXPECT_EQ(cal.iso(365), "2004-01-01");
    EXPECT_EQ(cal.year(365), 2004);
    EXPECT_EQ(cal.iso(730), "2004-12-31");
    EXPECT_EQ(cal.year(730), 2004);
    EXPECT_EQ(cal.iso(731), "2005-01-01");
    EXPECT_EQ(cal.first_day_of_year(2004), 365);
    EXPECT_EQ(cal.last_day_of_year(2004), 730);
    EXPECT_EQ(cal.last_day_of_year(2004) - cal.first_day_of_year(2004) + 1, 366);
    EXPECT_EQ(Calendar::days_in_year(2004), 366);
    EXPECT_EQ(Calendar::days_in_year(2003), 365);
    EXPECT_EQ(Calendar::days_in_year(1900), 365);  // divisible by 100, not by 400
    EXPECT_EQ(Calendar::days_in_year(2000), 366);  // divisible by 400
    EXPECT_EQ(cal.first_day_of_year(2003), 0);
    EXPECT_EQ(cal.first_day_of_year(2002), -365);
    // The five years 2003-2007 end on day 1825; the default run.days 1826 reaches 2008-01-01.
    EXPECT_EQ(cal.iso(1825), "2007-12-31");
    EXPECT_EQ(cal.iso(1826), "2008-01-01");
    const std::chrono::year_month_day leap_day{std::chrono::year{2004} / std::chrono::February / 29};
    EXPECT_EQ(cal.day_of(leap_day), 365 + 59);
    for (std::int64_t d = -800; d < 4000; d += 17) EXPECT_EQ(cal.day_of(cal.date(d)), d);
}

TEST(Calendar, YearSpansSplitARunIntoCalendarYears) {
    const Calendar cal("2003-01-01");
    const auto spans = cal.year_spans(0, 1826);
    ASSERT_EQ(spans.size(), 6u);
    const int years[] = {2003, 2004, 2005, 2006, 2007, 2008};
    const std::int64_t lengths[] = {365, 366, 365, 365, 365, 1};
    std::int64_t next = 0;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        EXPECT_EQ(spans[k].year, years[k]);
        EXPECT_EQ(spans[k].first_day, next);
        EXPECT_EQ(spans[k].days(), lengths[k]) << spans[k].year;
        EXPECT_EQ(spans[k].complete, k < 5) << spans[k].year;
        next = spans[k].last_day + 1;
    }
    EXPECT_EQ(next, 1827);
    // A run that starts in October: its first year is partial.
    const Calendar october("2003-10-01");
    const auto part = october.year_spans(0, 400);  // to 2004-11-04
    ASSERT_EQ(part.size(), 2u);
    EXPECT_EQ(part[0].year, 2003);
    EXPECT_EQ(part[0].days(), 92);  // October to December
    EXPECT_FALSE(part[0].complete);
    EXPECT_EQ(part[1].first_day, 92);
    EXPECT_EQ(october.iso(92), "2004-01-01");
    EXPECT_TRUE(october.year_spans(5, 4).empty());
}

// 第 N 年 counts calendar years, so it agrees with the year of every date.
TEST(Calendar, RunYearsAreCalendarYears) {
    const Calendar cal("2003-01-01");
    EXPECT_EQ(cal.run_year(0), 1);
    EXPECT_EQ(cal.run_year(364), 1);
    EXPECT_EQ(cal.run_year(365), 2);
    EXPECT_EQ(cal.run_year(730), 2);
    EXPECT_EQ(cal.run_year(731), 3);
    EXPECT_EQ(cal.first_day_of_run_year(1), 0);
    EXPECT_EQ(cal.first_day_of_run_year(2), 365);
    EXPECT_EQ(cal.first_day_of_run_year(3), 731);
    for (std::int64_t n = 1; n < 40; ++n) {
        EXPECT_EQ(cal.run_year(cal.first_day_of_run_year(n)), n);
        EXPECT_EQ(cal.year(cal.first_day_of_run_year(n)), 2003 + n - 1);
    }
    const Calendar october("2003-10-01");
    EXPECT_EQ(october.run_year(91), 1);  // 2003-12-31
    EXPECT_EQ(october.run_year(92), 2);  // 2004-01-01
    EXPECT_EQ(october.first_day_of_run_year(2), 92);
}

TEST(Calendar, ParsesOnlyRealDates) {
    EXPECT_TRUE(Calendar::parse("2004-02-29"));
    EXPECT_FALSE(Calendar::parse("2003-02-29"));
    EXPECT_FALSE(Calendar::parse("2003-13-01"));
    EXPECT_FALSE(Calendar::parse("2003-1-01"));
    EXPECT_FALSE(Calendar::parse("2003-01-01x"));
    EXPECT_FALSE(Calendar::parse("+003-01-01"));
    EXPECT_FALSE(Calendar::parse(""));
    EXPECT_THROW(Calendar("2003/01/01"), std::invalid_argument);
}

}  // namespace
}  // namespace jiceng
