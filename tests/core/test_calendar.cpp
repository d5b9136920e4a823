#include <gtest/gtest.h>

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

}  // namespace
}  // namespace jiceng
