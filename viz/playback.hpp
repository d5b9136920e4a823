// The viewer's clock: which day is shown, whether it plays and how fast.
// Plain logic with no drawing, so it is tested on its own.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "sim/core/calendar.hpp"

namespace jiceng::viz {

// The years of a run, for the clock, the year ticks and the year keys: year N
// (第 N 年) is the N-th calendar year the run touches, by the one calendar
// every front end uses (sim/core/calendar.hpp), so a day has the same year
// in every file and in the exports, and ticks fall on 1 January. Without a
// start date every day is in year 1.
class YearCalendar {
public:
    YearCalendar() = default;
    // From the run's start date (YYYY-MM-DD); a string that is not a date gives the default.
    explicit YearCalendar(const std::string& start_date);
    std::int64_t first_day(std::int64_t year) const;
    std::int64_t year_of(std::int64_t day) const;
    // The calendar year of year N of the run ("2005"), or "" without a start date.
    std::string label(std::int64_t year) const;

private:
    std::optional<Calendar> calendar_;
};

class Playback {
public:
    // Days per second; the last entry (0) means as fast as possible (live mode).
    static constexpr std::array<double, 10> kSpeeds = {1, 2, 5, 10, 20, 30, 60, 120, 365, 0};

    // The days that can be shown: 0 .. last_day. Keeps the day in range and,
    // when following, moves it to the new last day.
    void set_last_day(std::int64_t last_day);
    std::int64_t last_day() const { return last_day_; }
    std::int64_t day() const { return day_; }

    bool playing() const { return playing_; }
    void play();
    void pause() { playing_ = false; }
    void toggle() { playing_ ? pause() : play(); }

    // Follow the newest day as it arrives (live mode).
    bool following() const { return following_; }
    void set_following(bool follow) { following_ = follow; }

    // Moves by `days` (negative: back) and pauses.
    void step(std::int64_t days);
    // Goes to `day` (clamped); stops following unless it is the last day.
    void seek(std::int64_t day);
    // Years by the run's calendar (without one, every day is in year 1).
    void set_calendar(YearCalendar calendar) { calendar_ = std::move(calendar); }
    const YearCalendar& calendar() const { return calendar_; }
    void jump_to_year(std::int64_t year) { seek(calendar_.first_day(year)); }
    void next_year();
    void previous_year();

    void faster();
    void slower();
    std::size_t speed_index() const { return speed_; }
    void set_speed_index(std::size_t index);
    double days_per_second() const { return kSpeeds[speed_]; }
    bool as_fast_as_possible() const { return kSpeeds[speed_] == 0; }

    // Advances by `seconds` of wall time while playing; stops at the last
    // day. Returns whether the shown day changed.
    bool advance(double seconds);

private:
    std::int64_t last_day_ = 0;
    std::int64_t day_ = 0;
    double carry_ = 0;  // fraction of a day accumulated between frames
    bool playing_ = false;
    bool following_ = false;
    std::size_t speed_ = 5;  // 30 days a second: a year in about twelve seconds
    YearCalendar calendar_;
};

}  // namespace jiceng::viz
