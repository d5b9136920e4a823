// The viewer's clock.
#include <gtest/gtest.h>

#include "viz/playback.hpp"

#include <cstdio>
#include <string>
#include <vector>

using namespace jiceng::viz;

TEST(Playback, YearsOfTheRun) {
    EXPECT_EQ(year_of_day(0), 1);
    EXPECT_EQ(year_of_day(364), 1);
    EXPECT_EQ(year_of_day(366), 2);
    EXPECT_EQ(first_day_of_year(1), 0);
    EXPECT_EQ(first_day_of_year(2), 365);
    EXPECT_EQ(first_day_of_year(4), 1096);  // 2003-01-01 + 1096 days = 2006-01-01
    for (std::int64_t y = 1; y < 30; ++y) EXPECT_EQ(year_of_day(first_day_of_year(y)), y);
}

TEST(Playback, PlaysAtItsSpeedAndStopsAtTheEnd) {
    Playback p;
    p.set_last_day(100);
    p.set_speed_index(5);
    ASSERT_EQ(p.days_per_second(), 30);
    p.play();
    EXPECT_TRUE(p.advance(0.5));
    EXPECT_EQ(p.day(), 15);
    // Fractions of a day carry over between frames (1/32 s is exact in binary).
    for (int k = 0; k < 4; ++k) p.advance(1.0 / 32);
    EXPECT_EQ(p.day(), 18);
    p.advance(1.0 / 64);  // under half a day, plus the 0.75 carried
    EXPECT_EQ(p.day(), 19);
    p.advance(10);
    EXPECT_EQ(p.day(), 100);
    EXPECT_FALSE(p.playing());
    // Playing again from the end starts over.
    p.play();
    EXPECT_EQ(p.day(), 0);
}

TEST(Playback, StepsSeeksAndYears) {
    Playback p;
    p.set_last_day(1826);
    p.play();
    p.step(1);
    EXPECT_FALSE(p.playing());
    EXPECT_EQ(p.day(), 1);
    p.step(-30);
    EXPECT_EQ(p.day(), 0);
    p.jump_to_year(3);
    EXPECT_EQ(p.day(), 730);
    p.next_year();
    EXPECT_EQ(p.day(), 1096);
    p.seek(1100);
    p.previous_year();
    EXPECT_EQ(p.day(), 1096);
    p.previous_year();
    EXPECT_EQ(p.day(), 730);
    p.seek(99999);
    EXPECT_EQ(p.day(), 1826);
    p.jump_to_year(40);
    EXPECT_EQ(p.day(), 1826);
}

TEST(Playback, SpeedsStayInRange) {
    Playback p;
    for (int k = 0; k < 20; ++k) p.faster();
    EXPECT_TRUE(p.as_fast_as_possible());
    for (int k = 0; k < 20; ++k) p.slower();
    EXPECT_EQ(p.days_per_second(), 1);
}

TEST(Playback, FollowsALiveRun) {
    Playback p;
    p.set_following(true);
    p.set_last_day(10);
    EXPECT_EQ(p.day(), 10);
    p.set_last_day(11);
    EXPECT_EQ(p.day(), 11);
    p.seek(5);  // looking back stops following
    p.set_last_day(12);
    EXPECT_EQ(p.day(), 5);
    EXPECT_FALSE(p.following());
}

TEST(YearCalendar, YearsStartOnAnniversaries) {
    // 2003-01-01 + 730 days is 2004-12-31 (2004 is a leap year): year 3 starts on day 731.
    std::vector<std::string> dates;
    const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int year = 2003; year <= 2005; ++year)
        for (int month = 1; month <= 12; ++month) {
            const int days = month_days[month - 1] + (month == 2 && year % 4 == 0 ? 1 : 0);
            for (int d = 1; d <= days; ++d) {
                char text[32];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, d);
                dates.emplace_back(text);
            }
        }
    const YearCalendar years(dates);
    EXPECT_EQ(years.first_day(1), 0);
    EXPECT_EQ(years.first_day(2), 365);
    EXPECT_EQ(years.first_day(3), 731);
    EXPECT_EQ(years.year_of(730), 2);
    EXPECT_EQ(years.year_of(731), 3);
    EXPECT_EQ(years.label(3), "2005");
    // Past the dates it goes on at 365.2425 days a year.
    EXPECT_EQ(years.first_day(4), 731 + 365);
    EXPECT_EQ(years.year_of(731 + 365), 4);
    // Without dates: plain 365.2425-day years.
    EXPECT_EQ(YearCalendar().first_day(3), 730);
    EXPECT_EQ(YearCalendar().label(3), "Y3");
    Playback p;
    p.set_calendar(years);
    p.set_last_day(1000);
    p.jump_to_year(3);
    EXPECT_EQ(p.day(), 731);
}
