// The viewer's clock.
#include <gtest/gtest.h>

#include "viz/playback.hpp"

#include <string>

#include "sim/core/calendar.hpp"

using namespace jiceng::viz;

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
    p.set_calendar(YearCalendar("2003-01-01"));
    p.set_last_day(1826);
    p.play();
    p.step(1);
    EXPECT_FALSE(p.playing());
    EXPECT_EQ(p.day(), 1);
    p.step(-30);
    EXPECT_EQ(p.day(), 0);
    p.jump_to_year(3);  // 2005-01-01 (2004 has 366 days)
    EXPECT_EQ(p.day(), 731);
    p.next_year();
    EXPECT_EQ(p.day(), 1096);
    p.seek(1100);
    p.previous_year();
    EXPECT_EQ(p.day(), 1096);
    p.previous_year();
    EXPECT_EQ(p.day(), 731);
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

// Year N is the N-th calendar year of the run, as in the exports and the
// library's calendar: it does not depend on how many dates a file holds
// (a 400-day file and a 1,000-day file agree on day 730).
TEST(YearCalendar, YearsAreCalendarYearsWhateverTheFileLength) {
    const YearCalendar years("2003-01-01");
    EXPECT_EQ(years.first_day(1), 0);
    EXPECT_EQ(years.first_day(2), 365);
    EXPECT_EQ(years.first_day(3), 731);  // 2003-01-01 + 730 days is 2004-12-31
    EXPECT_EQ(years.year_of(364), 1);
    EXPECT_EQ(years.year_of(365), 2);
    EXPECT_EQ(years.year_of(730), 2);
    EXPECT_EQ(years.year_of(731), 3);
    EXPECT_EQ(years.label(3), "2005");
    const jiceng::Calendar calendar("2003-01-01");
    for (std::int64_t day = 0; day < 5000; day += 7) {
        EXPECT_EQ(years.year_of(day), calendar.year(day) - 2002) << day;
        EXPECT_EQ(years.label(years.year_of(day)), std::to_string(calendar.year(day))) << day;
    }
    // A run from October: year 1 is October to December, year 2 starts on 1 January.
    const YearCalendar october("2003-10-01");
    EXPECT_EQ(october.first_day(2), 92);
    EXPECT_EQ(october.year_of(91), 1);
    EXPECT_EQ(october.year_of(92), 2);
    EXPECT_EQ(october.label(2), "2004");
    // Without a start date every day is in year 1, and later years are past the end.
    EXPECT_EQ(YearCalendar().year_of(900), 1);
    EXPECT_EQ(YearCalendar().label(1), "");
    EXPECT_EQ(YearCalendar("not a date").year_of(900), 1);
    Playback p;
    p.set_calendar(years);
    p.set_last_day(1000);
    p.jump_to_year(3);
    EXPECT_EQ(p.day(), 731);
    p.set_calendar(YearCalendar());
    p.jump_to_year(3);
    EXPECT_EQ(p.day(), 1000);
}
