// Time-series charts of chosen outcomes: one line per run (the mean over
// its replicates, with a min-max band when there are several), a cursor at
// the current day and year ticks.
#pragma once

#include <SFML/Graphics.hpp>

#include <optional>
#include <string>
#include <vector>

#include "sim/io/run_reader.hpp"
#include "viz/playback.hpp"
#include "viz/strings.hpp"

namespace jiceng::viz {

// One run set drawn in the charts.
struct SeriesSource {
    const RunSet* runs = nullptr;
    sf::Color colour;
    std::string label;  // "A", "B" or "" when alone
};

// An outcome over time summarised across replicates: mean, minimum, maximum.
struct SeriesSummary {
    std::vector<double> mean, lo, hi;  // per time point
    std::size_t replicates = 0;
    bool smoothed = false;  // flows and daily means are shown as a trailing 30-day mean
};

inline constexpr int kFlowWindowDays = 30;
std::vector<double> trailing_mean(const std::vector<double>& values, int window);
SeriesSummary summarise(const RunSet& runs, const std::string& outcome);

// Evenly spaced round tick values covering [lo, hi] (about `count` of them).
std::vector<double> nice_ticks(double lo, double hi, int count);

class SeriesPanel {
public:
    // Places `charts` charts in `rect` on a grid of `columns` columns;
    // titles are drawn at `text_size`.
    void layout(const sf::FloatRect& rect, std::size_t charts, std::size_t columns, unsigned text_size);
    void draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size,
              const std::vector<SeriesSource>& sources, const std::vector<std::string>& outcomes, std::int64_t day,
              std::int64_t axis_last_day, const YearCalendar& years,
              const std::vector<std::int64_t>& change_days) const;

    struct Hit {
        std::size_t chart;
        bool on_title;
    };
    std::optional<Hit> hit(sf::Vector2f point) const;
    const sf::FloatRect& chart_rect(std::size_t k) const { return charts_[k]; }

private:
    std::vector<sf::FloatRect> charts_;
    unsigned text_size_ = 14;
};

}  // namespace jiceng::viz
