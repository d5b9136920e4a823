#include "viz/playback.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace jiceng::viz {

std::int64_t year_of_day(std::int64_t day) {
    day = std::max<std::int64_t>(day, 0);
    auto year = static_cast<std::int64_t>(std::floor(static_cast<double>(day) / kDaysPerYear)) + 1;
    // Years start on whole days (first_day_of_year rounds), so check the next start too.
    if (first_day_of_year(year + 1) <= day) ++year;
    return year;
}

std::int64_t first_day_of_year(std::int64_t year) {
    return std::llround(static_cast<double>(std::max<std::int64_t>(year - 1, 0)) * kDaysPerYear);
}

YearCalendar::YearCalendar(const std::vector<std::string>& dates) : dates_(dates.size()) {
    if (dates.empty() || dates[0].size() < 10) return;
    const std::string month_day = dates[0].substr(4);  // "-MM-DD"
    first_calendar_year_ = std::atoi(dates[0].substr(0, 4).c_str());
    starts_.push_back(0);
    for (std::size_t k = 1; k < dates.size(); ++k)
        if (dates[k].size() >= 10 && dates[k].compare(4, std::string::npos, month_day) == 0)
            starts_.push_back(static_cast<std::int64_t>(k));
    // A start on 29 February has no anniversary in most years: count days instead.
    if (month_day == "-02-29") starts_.assign(1, 0);
}

std::int64_t YearCalendar::first_day(std::int64_t year) const {
    year = std::max<std::int64_t>(year, 1);
    if (starts_.empty()) return first_day_of_year(year);
    const auto known = static_cast<std::int64_t>(starts_.size());
    if (year <= known) return starts_[static_cast<std::size_t>(year - 1)];
    // Beyond the dates: from the last known start, or from the end of the dates.
    const std::int64_t from = starts_.back();
    return from + std::llround(static_cast<double>(year - known) * kDaysPerYear);
}

std::int64_t YearCalendar::year_of(std::int64_t day) const {
    if (starts_.empty()) return year_of_day(day);
    std::int64_t year = std::upper_bound(starts_.begin(), starts_.end(), day) - starts_.begin();
    while (first_day(year + 1) <= day) ++year;
    return std::max<std::int64_t>(year, 1);
}

std::string YearCalendar::label(std::int64_t year) const {
    if (first_calendar_year_ == 0) return "Y" + std::to_string(year);
    return std::to_string(first_calendar_year_ + year - 1);
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
