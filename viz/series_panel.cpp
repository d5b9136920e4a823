#include "viz/series_panel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "viz/map_layer.hpp"
#include "viz/palette.hpp"
#include "viz/widgets.hpp"

namespace jiceng::viz {

std::vector<double> trailing_mean(const std::vector<double>& values, int window) {
    std::vector<double> out(values.size());
    double sum = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        sum += values[k];
        if (k >= static_cast<std::size_t>(window)) sum -= values[k - static_cast<std::size_t>(window)];
        out[k] = sum / static_cast<double>(std::min<std::size_t>(k + 1, static_cast<std::size_t>(window)));
    }
    return out;
}

SeriesSummary summarise(const RunSet& runs, const std::string& outcome) {
    SeriesSummary summary;
    std::size_t n = std::numeric_limits<std::size_t>::max();
    std::vector<std::vector<double>> lines;
    for (const auto& run : runs.replicates) {
        const auto* series = run.find_outcome(outcome);
        if (!series) continue;
        summary.smoothed = !series->info.is_stock();
        // Day 0 has no events by definition: leave it out of the mean.
        std::vector<double> values = series->values;
        if (summary.smoothed && values.size() > 1) values[0] = values[1];
        lines.push_back(summary.smoothed ? trailing_mean(values, kFlowWindowDays) : values);
        n = std::min(n, lines.back().size());
    }
    summary.replicates = lines.size();
    if (lines.empty()) return summary;
    summary.mean.assign(n, 0);
    summary.lo.assign(n, std::numeric_limits<double>::infinity());
    summary.hi.assign(n, -std::numeric_limits<double>::infinity());
    for (const auto& line : lines)
        for (std::size_t k = 0; k < n; ++k) {
            summary.mean[k] += line[k] / static_cast<double>(lines.size());
            summary.lo[k] = std::min(summary.lo[k], line[k]);
            summary.hi[k] = std::max(summary.hi[k], line[k]);
        }
    return summary;
}

namespace {
std::vector<double> nice_ticks_once(double lo, double hi, int count) {
    const double raw = (hi - lo) / count;
    std::vector<double> ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * power >= raw) {
            step = m * power;
            break;
        }
    // Multiples of the step (not repeated sums, which drift).
    for (auto k = static_cast<long long>(std::ceil(lo / step - 1e-9));
         static_cast<double>(k) * step <= hi + step * 1e-9; ++k)
        ticks.push_back(static_cast<double>(k) * step);
    return ticks;
}
}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int count) {
    std::vector<double> ticks;
    if (!(hi > lo) || count < 2) return ticks;
    // A narrow range can fall between round values: ask for finer steps until
    // at least two ticks land inside it.
    for (int finer = count; finer <= count * 8; finer *= 2) {
        ticks = nice_ticks_once(lo, hi, finer);
        if (ticks.size() >= 2) break;
    }
    return ticks;
}

void SeriesPanel::layout(const sf::FloatRect& rect, std::size_t charts, std::size_t columns, unsigned text_size) {
    charts_.clear();
    text_size_ = text_size;
    if (charts == 0) return;
    columns = std::max<std::size_t>(1, std::min(columns, charts));
    const std::size_t rows = (charts + columns - 1) / columns;
    const float gap = 8;
    const float w = (rect.width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float h = (rect.height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (std::size_t k = 0; k < charts; ++k)
        charts_.emplace_back(rect.left + static_cast<float>(k % columns) * (w + gap),
                             rect.top + static_cast<float>(k / columns) * (h + gap), w, h);
}

std::optional<SeriesPanel::Hit> SeriesPanel::hit(sf::Vector2f point) const {
    for (std::size_t k = 0; k < charts_.size(); ++k)
        if (charts_[k].contains(point)) return Hit{k, point.y < charts_[k].top + line_height(text_size_) + 6};
    return std::nullopt;
}

void SeriesPanel::draw(sf::RenderTarget& target, const sf::Font& font, Lang lang, unsigned text_size,
                       const std::vector<SeriesSource>& sources, const std::vector<std::string>& outcomes,
                       std::int64_t day, std::int64_t axis_last_day, const YearCalendar& years,
                       const std::vector<std::int64_t>& change_days) const {
    const unsigned small = std::max(9u, text_size * 4 / 5);
    axis_last_day = std::max<std::int64_t>(axis_last_day, 1);
    for (std::size_t k = 0; k < charts_.size() && k < outcomes.size(); ++k) {
        const sf::FloatRect& box = charts_[k];
        draw_rect(target, box, theme::kPanel, theme::kPanelBorder);
        const RunOutcome* described = nullptr;
        for (const auto& source : sources)
            if (source.runs && (described = source.runs->first().find_outcome(outcomes[k]))) break;
        std::string title = outcomes[k];
        std::string units;
        if (described) {
            title = std::string(pick(lang, described->info.long_name_zh, described->info.long_name));
            units = described->info.units;
            if (!described->info.is_stock()) title += " · " + std::string(tr(Str::rolling_mean, lang));
        }
        std::vector<SeriesSummary> summaries;
        for (const auto& source : sources)
            summaries.push_back(source.runs ? summarise(*source.runs, outcomes[k]) : SeriesSummary{});

        // Title (click to change) and the current values, coloured by run.
        const float pad = 6;
        const float title_y = box.top + 3;
        std::string values_text;
        float values_width = 0;
        std::vector<std::pair<std::string, sf::Color>> value_parts;
        for (std::size_t s = 0; s < sources.size(); ++s) {
            if (summaries[s].mean.empty() || !sources[s].runs) continue;
            const std::size_t t =
                std::min<std::size_t>(sources[s].runs->first().time_index(day), summaries[s].mean.size() - 1);
            if (day > sources[s].runs->first().last_day()) continue;
            std::string part =
                (sources[s].label.empty() ? "" : sources[s].label + " ") + format_value(summaries[s].mean[t], units);
            values_width += text_width(font, part, text_size, true) + 10;
            value_parts.emplace_back(std::move(part), sources[s].colour);
        }
        const float title_room = box.width - 2 * pad - values_width - text_width(font, " ▼", text_size);
        const std::string unit = unit_label(units, lang);
        const std::string shown_title = elide(font,
                                              title + (unit.empty()       ? ""
                                                       : lang == Lang::zh ? "（" + unit + "）"
                                                                          : " (" + unit + ")"),
                                              text_size, title_room);
        const float title_w =
            draw_text(target, font, shown_title, {box.left + pad, title_y}, text_size, theme::kText, Align::Left, true);
        draw_text(target, font, " ▼", {box.left + pad + title_w, title_y}, text_size, theme::kMutedText);
        float vx = box.left + box.width - pad;
        for (auto it = value_parts.rbegin(); it != value_parts.rend(); ++it) {
            vx -= draw_text(target, font, it->first, {vx, title_y}, text_size, it->second, Align::Right, true) + 10;
        }

        // Plot area: room for y labels on the left and year labels below.
        const float top = box.top + line_height(text_size) + 8;
        const float bottom = box.top + box.height - line_height(small) - 4;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (const auto& s : summaries)
            for (std::size_t t = 0; t < s.mean.size() && static_cast<std::int64_t>(t) <= axis_last_day; ++t) {
                lo = std::min(lo, s.lo[t]);
                hi = std::max(hi, s.hi[t]);
            }
        if (!std::isfinite(lo) || !std::isfinite(hi)) {
            lo = 0, hi = 1;
        }
        if (hi - lo < 1e-12) {
            const double half = std::max(std::abs(hi) * 0.05, 1e-3);
            lo -= half, hi += half;
        }
        const double margin = (hi - lo) * 0.08;
        lo -= margin, hi += margin;
        const auto ticks =
            nice_ticks(lo, hi, std::max(2, static_cast<int>((bottom - top) / (line_height(small) * 2.2f))));
        float label_width = 0;
        for (double v : ticks) label_width = std::max(label_width, text_width(font, format_value(v, units), small));
        const float left = box.left + pad + label_width + 6;
        const float right = box.left + box.width - pad - 4;
        if (bottom - top < 10 || right - left < 20) continue;
        auto to_x = [&](double d) {
            return left + static_cast<float>(d / static_cast<double>(axis_last_day)) * (right - left);
        };
        auto to_y = [&](double v) { return bottom - static_cast<float>((v - lo) / (hi - lo)) * (bottom - top); };
        for (double v : ticks) {
            const float y = to_y(v);
            draw_line(target, {left, y}, {right, y}, theme::kGrid);
            draw_text(target, font, format_value(v, units), {left - 4, y - line_height(small) / 2}, small,
                      theme::kMutedText, Align::Right);
        }
        // Years along the bottom, labelled with the calendar year they start in.
        const std::int64_t year_count = years.year_of(axis_last_day);
        const int label_every = std::max<int>(
            1,
            static_cast<int>(static_cast<double>(year_count) * text_width(font, "2000", small) * 1.6 / (right - left)) +
                1);
        for (std::int64_t year = 1; year <= year_count; ++year) {
            const std::int64_t d = years.first_day(year);
            if (d > axis_last_day) break;
            const float x = to_x(static_cast<double>(d));
            draw_line(target, {x, top}, {x, bottom}, theme::kGrid);
            if ((year - 1) % label_every != 0 || x + text_width(font, "2000", small) > right + 2) continue;
            draw_text(target, font, years.label(year), {x + 2, bottom + 1}, small, theme::kMutedText);
        }
        draw_line(target, {left, bottom}, {right, bottom}, theme::kPanelBorder);
        for (auto d : change_days) {
            const float x = to_x(static_cast<double>(d));
            draw_line(target, {x, top}, {x, top + 8}, okabe_ito(okabe::kReddishPurple), 2.f);
        }

        // Bands, then lines, of each run; decimated to about two points per pixel.
        for (std::size_t s = 0; s < sources.size(); ++s) {
            const auto& summary = summaries[s];
            if (summary.mean.empty()) continue;
            const std::size_t n =
                std::min<std::size_t>(summary.mean.size(), static_cast<std::size_t>(axis_last_day) + 1);
            const std::size_t stride =
                std::max<std::size_t>(1, n / static_cast<std::size_t>(std::max(2.f, 2 * (right - left))));
            std::vector<sf::Vector2f> line, upper, lower;
            for (std::size_t t = 0; t < n; t += stride) {
                const float x = to_x(static_cast<double>(t));
                line.emplace_back(x, to_y(summary.mean[t]));
                upper.emplace_back(x, to_y(summary.hi[t]));
                lower.emplace_back(x, to_y(summary.lo[t]));
            }
            if ((n - 1) % stride != 0) {
                const float x = to_x(static_cast<double>(n - 1));
                line.emplace_back(x, to_y(summary.mean[n - 1]));
                upper.emplace_back(x, to_y(summary.hi[n - 1]));
                lower.emplace_back(x, to_y(summary.lo[n - 1]));
            }
            sf::Color band = sources[s].colour;
            band.a = 60;
            if (summary.replicates > 1) draw_band(target, upper, lower, band);
            draw_polyline(target, line, sources[s].colour, 2.f);
        }
        const float cursor = to_x(static_cast<double>(std::clamp<std::int64_t>(day, 0, axis_last_day)));
        draw_dashed_line(target, {cursor, top}, {cursor, bottom}, theme::kText, 1.5f, 4.f);
    }
}

}  // namespace jiceng::viz
