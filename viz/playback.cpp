#include "viz/playback.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jiceng::viz {

YearCalendar::YearCalendar(const std::string& start_date) {
    if (Calendar::parse(start_date)) calendar_.emplace(start_date);
}

std::int64_t YearCalendar::first_day(std::int64_t year) const {
    if (year <= 1) return 0;
    // Without dates there is no year 2: a day past any run, which seeking clamps.
    if (!calendar_) return std::numeric_limits<std::int32_t>::max();
    return calendar_->first_day_of_run_year(year);
}

std::int64_t YearCalendar::year_of(std::int64_t day) const {
    if (!calendar_) return 1;
    return calendar_->run_year(std::max<std::int64_t>(day, 0));
}

std::string YearCalendar::label(std::int64_t year) const {
    if (!calendar_) return "";
    return std::to_string(calendar_->year(0) + year - 1);
}

void Playback::set_last_day(std::int64_t last_day) {
    last_day_ = std::max<std::int64_t>(last_day, 0);
    if (following_) day_ = last_day_;
    day_ = std::clamp<std::int64_t>(day_, 0, last_day_);
}

void Playback::play() {
    // Playing from the end starts again from the beginning, as a trainer expects.
    if (day_ >= last_day_ && !following_) day_ = 0;
    carry_ = 0;
    playing_ = true;
}

void Playback::step(std::int64_t days) {
    pause();
    seek(day_ + days);
}

void Playback::seek(std::int64_t day) {
    day_ = std::clamp<std::int64_t>(day, 0, last_day_);
    carry_ = 0;
    following_ = following_ && day_ == last_day_;
}

void Playback::next_year() {
    seek(calendar_.first_day(calendar_.year_of(day_) + 1));
}

void Playback::previous_year() {
    const std::int64_t year = calendar_.year_of(day_);
    // From the middle of a year go to its start; from its start, to the year before.
    seek(day_ > calendar_.first_day(year) ? calendar_.first_day(year) : calendar_.first_day(year - 1));
}

void Playback::faster() {
    speed_ = std::min(speed_ + 1, kSpeeds.size() - 1);
}
void Playback::slower() {
    speed_ = speed_ > 0 ? speed_ - 1 : 0;
}
void Playback::set_speed_index(std::size_t index) {
    speed_ = std::min(index, kSpeeds.size() - 1);
}

bool Playback::advance(double seconds) {
    if (!playing_ || following_) return false;
    const std::int64_t before = day_;
    if (as_fast_as_possible()) {
        day_ = last_day_;
    } else {
        carry_ += std::max(seconds, 0.0) * days_per_second();
        const auto whole = static_cast<std::int64_t>(std::floor(carry_));
        carry_ -= static_cast<double>(whole);
        day_ = std::min(day_ + whole, last_day_);
    }
    if (day_ >= last_day_) {
        playing_ = false;
        carry_ = 0;
    }
    return day_ != before;
}

}  // namespace jiceng::viz
