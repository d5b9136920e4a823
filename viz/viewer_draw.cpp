// Drawing one frame of the viewer: header, maps, charts, levers, timeline,
// status line and pop-ups.
#include "viz/detail/viewer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "viz/legend.hpp"
#include "viz/palette.hpp"

namespace jiceng::viz {

// ---------------------------------------------------------------- drawing

void Viewer::draw(sf::RenderTarget& target, sf::Vector2f size) {
    layout_ = compute_layout(size);
    target.clear(theme::kBackground);
    const sf::Font& font = font_->font();
    draw_header(target);
    draw_maps(target);
    draw_series(target);
    if (live_)
        levers_.draw(target, font, lang_, layout_.text, layout_.levers, lever_values_,
                     live_->phase() == LiveRunner::Phase::Running);
    timeline_.layout(layout_.timeline, layout_.text);
    const std::int64_t recorded = last_day();
    const bool playing = live_ ? !live_->paused() && live_->phase() == LiveRunner::Phase::Running : playback_.playing();
    timeline_.draw(target, font, lang_, layout_.text, playback_, playing, axis_last_day(), recorded, change_days(),
                   mouse_);
    draw_status(target, size);
    draw_overlays(target, size);
}

void Viewer::draw_header(sf::RenderTarget& target) {
    const sf::Font& font = font_->font();
    const Layout& L = layout_;
    draw_rect(target, L.header, theme::kPanel, theme::kPanelBorder);
    const float pad = 10 * L.scale;
    float x = pad;
    x += draw_text(target, font, tr(Str::app_title, lang_), {x, 4}, L.big, theme::kText, Align::Left, true);
    if (live_) {
        const std::string badge(tr(Str::live_badge, lang_));
        const float w = text_width(font, badge, L.small, true) + 12;
        draw_rect(target,
                  {x + 10, 6 + (line_height(L.big) - line_height(L.small) - 6) / 2, w, line_height(L.small) + 4},
                  okabe_ito(okabe::kVermillion));
        draw_text(target, font, badge, {x + 16, 8 + (line_height(L.big) - line_height(L.small) - 6) / 2}, L.small,
                  sf::Color::White, Align::Left, true);
    }
    // Second line: the scenario(s), coloured by run when comparing.
    float sx = pad;
    const float sy = 4 + line_height(L.big);
    const float right_limit = L.lang_button.left - pad;
    for (const auto& source : sources_) {
        const RunData& run = source.runs.first();
        std::string text = (source.label.empty() ? "" : source.label + " ") + run.scenario_name + " · " +
                           std::string(pick(lang_, run.scenario_title_zh, run.scenario_title_en));
        if (source.runs.size() > 1) text += " ×" + std::to_string(source.runs.size());
        const float room = ab() ? (right_limit - pad) / 2 - 10 : right_limit - sx;
        sx += draw_text(target, font, elide(font, text, L.small, room), {sx, sy}, L.small,
                        ab() ? source.colour : theme::kMutedText) +
              24;
    }
    // The clock, right-aligned before the buttons.
    const std::int64_t day = playback_.day();
    std::string date;  // from whichever run reaches this day
    for (const auto& s : sources_)
        if (day >= 0 && static_cast<std::size_t>(day) < s.runs.first().date.size()) {
            date = s.runs.first().date[static_cast<std::size_t>(day)];
            break;
        }
    std::string clock =
        tr(Str::clock, lang_, {std::to_string(day), std::to_string(playback_.calendar().year_of(day)), date});
    if (!has_data()) clock = std::string(tr(Str::live_synthesising, lang_));
    draw_text(target, font, clock, {right_limit, 4}, L.big, theme::kText, Align::Right, true);
    draw_button(target, font, L.lang_button, tr(Str::language_switch, lang_), L.text, L.lang_button.contains(mouse_));
    draw_button(target, font, L.help_button, tr(Str::help_button, lang_), L.text,
                L.help_button.contains(mouse_) || help_);
}

void Viewer::draw_maps(sf::RenderTarget& target) {
    const sf::Font& font = font_->font();
    Layout& L = layout_;
    if (!has_data()) {
        for (const auto& panel : L.map_panels) {
            draw_rect(target, panel, theme::kPanel, theme::kPanelBorder);
            draw_text(target, font, tr(Str::live_synthesising, lang_),
                      {panel.left + panel.width / 2, panel.top + panel.height / 2}, L.text, theme::kMutedText,
                      Align::Center);
        }
        return;
    }
    const MapLayer& layer = layers_[layer_];
    const RunData& run_a = shown_run(0);
    const std::int64_t day = playback_.day();

    // Toolbar: layer chooser, snapshot day, replicate.
    const std::string layer_text = std::string(tr(Str::map_layer, lang_)) + layer_title(layer, run_a, lang_) + " ▼";
    const float layer_w = std::min(text_width(font, layer_text, L.text, true) + 20, L.toolbar.width * 0.6f);
    L.layer_button.width = layer_w;
    draw_rect(target, L.layer_button, L.layer_button.contains(mouse_) ? sf::Color(226, 238, 247) : theme::kPanel,
              theme::kAccent);
    draw_text(target, font, elide(font, layer_text, L.text, layer_w - 20),
              {L.layer_button.left + 10, L.layer_button.top + 3}, L.text, theme::kText, Align::Left, true);
    std::string info;
    const std::int64_t data_day = layer_data_day(layer, run_a, day);
    if (layer.kind != LayerKind::StreetOutcome)
        info = data_day >= 0 ? tr(Str::snapshot_day, lang_, {std::to_string(data_day)})
                             : std::string(tr(Str::no_snapshot, lang_));
    std::size_t most_replicates = 0;
    for (const auto& s : sources_) most_replicates = std::max(most_replicates, s.runs.size());
    if (most_replicates > 1)
        info += (info.empty() ? "" : "   ") +
                tr(Str::map_replicate, lang_,
                   {std::to_string(map_replicate_ % most_replicates + 1), std::to_string(most_replicates)});
    draw_text(target, font, elide(font, info, L.small, L.toolbar.width - layer_w - 20),
              {L.layer_button.left + layer_w + 12, L.toolbar.top + (L.toolbar.height - line_height(L.small)) / 2},
              L.small, theme::kMutedText);

    for (std::size_t k = 0; k < L.map_panels.size(); ++k) {
        const bool difference = k == 2;
        const sf::FloatRect& panel = L.map_panels[k];
        draw_rect(target, panel, theme::kPanel, theme::kPanelBorder);
        // Title strip.
        const sf::FloatRect& title = L.map_titles[k];
        std::string heading;
        sf::Color colour = theme::kText;
        if (difference) {
            heading = std::string(tr(Str::difference, lang_));
        } else {
            const RunData& run = shown_run(k);
            heading =
                (sources_[k].label.empty() ? "" : std::string(tr(k == 0 ? Str::run_a : Str::run_b, lang_)) + " · ") +
                std::string(pick(lang_, run.scenario_title_zh, run.scenario_title_en));
            if (day > run.last_day()) heading += tr(Str::run_ended, lang_, {std::to_string(run.last_day())});
            if (ab()) colour = sources_[k].colour;
        }
        if (ab() && !difference) draw_rect(target, {title.left, title.top, 5, title.height}, sources_[k].colour);
        draw_text(target, font, elide(font, heading, L.text, title.width - 16), {title.left + 10, title.top + 3},
                  L.text, colour, Align::Left, true);

        MapView& map = maps_[k];
        map.layout(L.map_areas[k]);
        const std::string units = layer_units(layer, run_a);
        if (difference && !layouts_match_) {
            float y = L.map_areas[k].top + 20;
            for (const auto& line : wrap(font, tr(Str::diff_unavailable, lang_), L.text, L.map_areas[k].width - 30)) {
                draw_text(target, font, line, {L.map_areas[k].left + 15, y}, L.text, theme::kMutedText);
                y += line_height(L.text);
            }
            continue;
        }
        // Colour every building.
        colours_.assign(map.buildings(), sf::Color(200, 200, 200));
        if (difference) {
            if (layer_values(layer, shown_run(0), day, values_) && layer_values(layer, shown_run(1), day, values_b_))
                for (std::size_t b = 0; b < colours_.size() && b < values_.size(); ++b)
                    colours_[b] = difference_scale_.colour(values_b_[b] - values_[b]);
        } else if (layer_values(layer, shown_run(k), day, values_)) {
            for (std::size_t b = 0; b < colours_.size() && b < values_.size(); ++b)
                colours_[b] = scale_.colour(values_[b]);
        }
        map.set_colours(colours_);
        map.set_highlight(layouts_match_ || k == 0 ? hover_ : std::nullopt);
        map.draw(target, font, lang_, L.small);
        // Legend.
        std::string note;
        if (difference)
            note = layer_title(layer, run_a, lang_);
        else if (ab())
            note = std::string(tr(Str::legend_same_scale, lang_)) + " · " + std::string(tr(Str::legend_clamped, lang_));
        else if (scale_.kind == ColourScale::Kind::Sequential)
            note = std::string(tr(Str::legend_clamped, lang_));
        if (difference) {
            ColourScale numeric = difference_scale_;
            draw_legend(target, font, lang_, L.small, L.legends[k], numeric,
                        layer.kind == LayerKind::GroupPresent ? "" : units, note);
        } else {
            draw_legend(target, font, lang_, L.small, L.legends[k], scale_, units, note);
        }
    }
}

void Viewer::draw_series(sf::RenderTarget& target) {
    const sf::Font& font = font_->font();
    const Layout& L = layout_;
    // Header: which colour is which run, the band, and what clicking does.
    float x = L.series_header.left + 4;
    const float y = L.series_header.top + 2;
    std::size_t most_replicates = 0;
    for (const auto& source : sources_) {
        most_replicates = std::max(most_replicates, source.runs.size());
        if (!ab()) continue;
        draw_line(target, {x, y + line_height(L.small) / 2 + 2}, {x + 22, y + line_height(L.small) / 2 + 2},
                  source.colour, 3.f);
        x += 28;
        x += draw_text(target, font, std::string(tr(source.label == "A" ? Str::run_a : Str::run_b, lang_)), {x, y},
                       L.small, source.colour, Align::Left, true) +
             16;
    }
    if (most_replicates > 1)
        x += draw_text(target, font, tr(Str::band_replicates, lang_, {std::to_string(most_replicates)}), {x, y},
                       L.small, theme::kMutedText) +
             16;
    if (!change_days().empty())
        x +=
            draw_text(target, font, tr(Str::changes_marked, lang_), {x, y}, L.small, okabe_ito(okabe::kReddishPurple)) +
            16;
    const float room = L.series_header.left + L.series_header.width - x;
    if (room > 60)
        draw_text(target, font, elide(font, tr(Str::chart_hint, lang_), L.small, room - 4),
                  {L.series_header.left + L.series_header.width - 4, y}, L.small, theme::kMutedText, Align::Right);
    const std::size_t columns = ab() ? std::min<std::size_t>(4, outcomes_.size()) : (L.series.width > 900 ? 2 : 1);
    series_.layout(L.series, outcomes_.size(), columns, L.text);
    std::vector<SeriesSource> sources;
    for (const auto& s : sources_) sources.push_back({&s.runs, s.colour, s.label});
    if (!has_data()) return;
    series_.draw(target, font, lang_, L.text, sources, outcomes_, playback_.day(), axis_last_day(),
                 playback_.calendar(), change_days());
}

std::string Viewer::stamp() const {
    std::string text;
    for (const auto& source : sources_) {
        const RunData& run = source.runs.first();
        if (!text.empty()) text += "  |  ";
        text +=
            (source.label.empty() ? "" : source.label + " ") +
            tr(Str::stamp, lang_,
               {run.scenario_name, std::to_string(std::min(playback_.day(), std::max<std::int64_t>(run.last_day(), 0))),
                std::to_string(run.seed)});
    }
    return text;
}

void Viewer::draw_status(sf::RenderTarget& target, sf::Vector2f) {
    const sf::Font& font = font_->font();
    const Layout& L = layout_;
    draw_rect(target, L.status, sf::Color(238, 238, 232));
    const std::string right = stamp();
    const float right_w = draw_text(target, font, right, {L.status.left + L.status.width - 8, L.status.top + 2},
                                    L.small, theme::kText, Align::Right, true);
    std::string left;
    if (std::chrono::steady_clock::now() < status_until_)
        left = status_;
    else if (live_) {
        switch (live_->phase()) {
            case LiveRunner::Phase::Synthesising:
                left = std::string(tr(Str::live_synthesising, lang_));
                break;
            case LiveRunner::Phase::Running:
                left = std::string(tr(live_->paused() ? Str::live_paused : Str::live_running, lang_));
                break;
            case LiveRunner::Phase::Finished:
                left = tr(Str::live_finished, lang_, {live_->out().string()});
                break;
            case LiveRunner::Phase::Failed:
                left = status_;
                break;
        }
    }
    if (!font_->has_cjk()) left = std::string(tr(Str::font_missing_cjk, lang_)) + (left.empty() ? "" : " · " + left);
    draw_text(target, font, elide(font, left, L.small, L.status.width - right_w - 30),
              {L.status.left + 8, L.status.top + 2}, L.small, theme::kMutedText);
}

void Viewer::draw_overlays(sf::RenderTarget& target, sf::Vector2f size) {
    if (hover_ && !detail_ && !help_ && !definition_ && !popup_.is_open()) draw_tooltip(target, size);
    if (detail_) draw_building_detail(target, size);
    if (definition_) draw_definition(target, size);
    popup_.draw(target, font_->font(), layout_.text, size, mouse_);
    if (help_) draw_help(target, size);
}

void Viewer::draw_tooltip(sf::RenderTarget& target, sf::Vector2f size) {
    const sf::Font& font = font_->font();
    const RunData& run = shown_run(0);
    const std::size_t b = *hover_;
    if (b >= run.buildings.count()) return;
    const MapLayer& layer = layers_[layer_];
    std::vector<std::pair<std::string, sf::Color>> lines;
    lines.emplace_back(tr(Str::hover_building, lang_,
                          {std::to_string(b), run.street_names[static_cast<std::size_t>(run.buildings.street[b])],
                           std::to_string(run.buildings.area[b]), std::to_string(run.buildings.households[b])}),
                       theme::kText);
    const std::string units = layer_units(layer, run);
    std::vector<float> values;
    std::optional<float> a_value;
    for (std::size_t s = 0; s < sources_.size(); ++s) {
        if (s == 1 && !layouts_match_) break;
        if (!layer_values(layer, shown_run(s), playback_.day(), values) || b >= values.size()) continue;
        const std::string value =
            is_categorical(layer) ? category_label(group_category(values[b]), lang_) : format_value(values[b], units);
        lines.emplace_back(
            (sources_[s].label.empty() ? "" : std::string(tr(s == 0 ? Str::run_a : Str::run_b, lang_)) + ": ") +
                layer_title(layer, run, lang_) + " = " + value,
            sources_[s].colour);
        if (s == 0)
            a_value = values[b];
        else if (a_value) {
            const double diff = values[b] - *a_value;
            lines.emplace_back(
                std::string(tr(Str::difference, lang_)) + " = " + (diff > 0 ? "+" : "") + format_value(diff, units),
                theme::kText);
        }
    }
    const unsigned size_text = layout_.small;
    float width = 0;
    for (const auto& line : lines) width = std::max(width, text_width(font, line.first, size_text));
    const float height = static_cast<float>(lines.size()) * line_height(size_text) + 10;
    sf::Vector2f at = mouse_ + sf::Vector2f{16, 16};
    at.x = std::min(at.x, size.x - width - 24);
    at.y = std::min(at.y, size.y - height - 8);
    draw_rect(target, {at.x, at.y, width + 16, height}, sf::Color(255, 255, 255, 240), theme::kPanelBorder);
    float y = at.y + 5;
    for (const auto& line : lines) {
        draw_text(target, font, line.first, {at.x + 8, y}, size_text, line.second);
        y += line_height(size_text);
    }
}

void Viewer::draw_building_detail(sf::RenderTarget& target, sf::Vector2f size) {
    const sf::Font& font = font_->font();
    const RunData& run = shown_run(0);
    const std::size_t b = *detail_;
    if (b >= run.buildings.count()) return;
    const unsigned text = layout_.text, small = layout_.small;
    const sf::FloatRect box(std::round(size.x * 0.12f), std::round(size.y * 0.1f), std::round(size.x * 0.76f),
                            std::round(size.y * 0.78f));
    draw_rect(target, {0, 0, size.x, size.y}, theme::kOverlay);
    draw_rect(target, box, theme::kPanel, theme::kAccent, 2);
    const float pad = 12;
    draw_text(target, font, tr(Str::detail_title, lang_, {std::to_string(b)}), {box.left + pad, box.top + pad},
              text + 3, theme::kText, Align::Left, true);
    draw_text(target, font,
              tr(Str::hover_building, lang_,
                 {std::to_string(b), run.street_names[static_cast<std::size_t>(run.buildings.street[b])],
                  std::to_string(run.buildings.area[b]), std::to_string(run.buildings.households[b])}),
              {box.left + pad, box.top + pad + line_height(text + 3)}, small, theme::kMutedText);
    draw_text(target, font, tr(Str::detail_hint, lang_), {box.left + box.width - pad, box.top + pad}, small,
              theme::kMutedText, Align::Right);
    // One small chart per indicator: A (and B when the layouts match).
    const std::size_t n = run.indicators.size();
    const std::size_t columns = 4;
    const std::size_t rows = (n + columns - 1) / columns;
    const float top = box.top + pad + line_height(text + 3) + line_height(small) + 10;
    const float cell_w = (box.width - 2 * pad) / static_cast<float>(columns);
    const float cell_h = (box.top + box.height - pad - top) / static_cast<float>(std::max<std::size_t>(rows, 1));
    const std::int64_t axis = std::max<std::int64_t>(axis_last_day(), 1);
    for (std::size_t k = 0; k < n; ++k) {
        const sf::FloatRect cell(box.left + pad + static_cast<float>(k % columns) * cell_w,
                                 top + static_cast<float>(k / columns) * cell_h, cell_w - 10, cell_h - 10);
        const auto& info = run.indicators[k].info;
        draw_rect(target, cell, sf::Color(250, 250, 247), theme::kPanelBorder);
        draw_text(target, font,
                  elide(font, std::string(pick(lang_, info.long_name_zh, info.long_name)), small, cell.width - 8),
                  {cell.left + 4, cell.top + 2}, small, theme::kText, Align::Left, true);
        const sf::FloatRect plot(cell.left + 6, cell.top + line_height(small) * 2 + 4, cell.width - 12,
                                 cell.height - line_height(small) * 2 - 10);
        std::vector<std::vector<sf::Vector2f>> lines;
        double lo = 1e300, hi = -1e300;
        std::vector<std::pair<std::vector<double>, const RunData*>> series;
        for (std::size_t s = 0; s < sources_.size(); ++s) {
            if (s == 1 && !layouts_match_) break;
            const RunData& r = shown_run(s);
            const auto* indicator = r.find_indicator(info.name);
            if (!indicator) continue;
            std::vector<double> v;
            const std::size_t nb = r.buildings.count();
            for (std::size_t t = 0; t < r.snapshot_days.size() && (t + 1) * nb <= indicator->values.size(); ++t)
                v.push_back(indicator->values[t * nb + b]);
            for (double x : v) lo = std::min(lo, x), hi = std::max(hi, x);
            series.emplace_back(std::move(v), &r);
        }
        if (series.empty() || lo > hi) continue;
        // The range drawn, as a label; a flat line is drawn in the middle.
        const std::string range = hi - lo < 1e-9 ? format_value(lo, info.units)
                                                 : format_value(lo, info.units) + " – " + format_value(hi, info.units);
        if (hi - lo < 1e-9) lo -= 0.5, hi += 0.5;
        float vx = cell.left + cell.width - 4;
        for (std::size_t s = series.size(); s-- > 0;) {
            const RunData& r = *series[s].second;
            const auto snap = r.snapshot_at(playback_.day());
            if (snap < 0 || static_cast<std::size_t>(snap) >= series[s].first.size()) continue;
            vx -= draw_text(target, font, format_value(series[s].first[static_cast<std::size_t>(snap)], info.units),
                            {vx, cell.top + 2 + line_height(small)}, small, sources_[s].colour, Align::Right, true) +
                  10;
        }
        draw_text(target, font, range, {cell.left + 4, cell.top + 2 + line_height(small)}, small, theme::kMutedText);
        for (std::size_t s = 0; s < series.size(); ++s) {
            std::vector<sf::Vector2f> points;
            const RunData& r = *series[s].second;
            for (std::size_t t = 0; t < series[s].first.size(); ++t)
                points.emplace_back(
                    plot.left + static_cast<float>(r.snapshot_days[t]) / static_cast<float>(axis) * plot.width,
                    plot.top + plot.height - static_cast<float>((series[s].first[t] - lo) / (hi - lo)) * plot.height);
            draw_polyline(target, points, sources_[s].colour, 2.f);
        }
        const float cx = plot.left + static_cast<float>(playback_.day()) / static_cast<float>(axis) * plot.width;
        draw_dashed_line(target, {cx, plot.top}, {cx, plot.top + plot.height}, theme::kText, 1.f, 3.f);
    }
}

void Viewer::draw_definition(sf::RenderTarget& target, sf::Vector2f size) {
    const RunOutcome* outcome = nullptr;
    for (const auto& s : sources_)
        if ((outcome = s.runs.first().find_outcome(*definition_))) break;
    if (!outcome) return;
    const auto& info = outcome->info;
    std::vector<std::string> lines;
    lines.push_back(std::string(pick(lang_ == Lang::zh ? Lang::en : Lang::zh, info.long_name_zh, info.long_name)));
    lines.push_back(tr(Str::definition_name, lang_, {info.name}));
    const std::string unit = unit_label(info.units, lang_);
    lines.push_back(tr(Str::definition_units, lang_,
                       {info.units.empty()                   ? "–"
                        : unit.empty() || unit == info.units ? info.units
                                                             : unit + "（" + info.units + "）"}));
    lines.push_back(std::string(tr(info.is_stock()       ? Str::definition_stock
                                   : info.kind == "mean" ? Str::definition_mean
                                                         : Str::definition_flow,
                                   lang_)));
    lines.emplace_back();
    if (info.description.empty()) {
        lines.push_back(std::string(tr(Str::definition_none, lang_)));
    } else {
        lines.push_back(std::string(tr(Str::definition_text, lang_)));
        lines.push_back(info.description);
    }
    draw_rect(target, {0, 0, size.x, size.y}, theme::kOverlay);
    draw_card(target, font_->font(), {0, 0, size.x, size.y}, pick(lang_, info.long_name_zh, info.long_name), lines,
              layout_.text, std::min(size.x * 0.6f, 760 * layout_.scale), tr(Str::close_hint, lang_));
}

void Viewer::draw_help(sf::RenderTarget& target, sf::Vector2f size) {
    const sf::Font& font = font_->font();
    const std::pair<Str, Str> rows[] = {
        {Str::key_space, Str::help_play},
        {Str::key_step, Str::help_step},
        {Str::key_speed, Str::help_speed},
        {Str::key_ends, Str::help_ends},
        {Str::key_years, Str::help_years},
        {Str::key_page, Str::help_page},
        {Str::key_layer, Str::help_layer},
        {Str::key_diff, Str::help_diff},
        {Str::key_replicate, Str::help_replicate},
        {Str::key_language, Str::help_language},
        {Str::key_help, Str::help_help},
        {Str::key_screenshot, Str::help_screenshot},
        {Str::key_escape, Str::help_escape},
        {Str::key_quit, Str::help_quit},
        {Str::key_mouse_map, Str::help_mouse_map},
        {Str::key_mouse_chart, Str::help_mouse_chart},
        {Str::key_mouse_timeline, Str::help_mouse_timeline},
        {Str::key_mouse_levers, Str::help_mouse_levers},
    };
    const unsigned text = layout_.text;
    float key_w = 0;
    for (const auto& row : rows) key_w = std::max(key_w, text_width(font, tr(row.first, lang_), text, true));
    float desc_w = 0;
    for (const auto& row : rows) desc_w = std::max(desc_w, text_width(font, tr(row.second, lang_), text));
    const float pad = 16;
    const float width = std::min(size.x - 40, key_w + desc_w + 3 * pad + 20);
    const float height = line_height(text + 4) + pad * 2.5f + static_cast<float>(std::size(rows)) * line_height(text);
    const sf::FloatRect box(std::round((size.x - width) / 2), std::round(std::max(10.f, (size.y - height) / 2)), width,
                            height);
    draw_rect(target, {0, 0, size.x, size.y}, theme::kOverlay);
    draw_rect(target, box, theme::kPanel, theme::kAccent, 2);
    draw_text(target, font, tr(Str::help_title, lang_), {box.left + pad, box.top + pad}, text + 4, theme::kText,
              Align::Left, true);
    float y = box.top + pad * 1.5f + line_height(text + 4);
    for (const auto& row : rows) {
        draw_text(target, font, tr(row.first, lang_), {box.left + pad, y}, text, theme::kAccent, Align::Left, true);
        draw_text(target, font, elide(font, tr(row.second, lang_), text, width - key_w - 3 * pad),
                  {box.left + 2 * pad + key_w, y}, text, theme::kText);
        y += line_height(text);
    }
}

}  // namespace jiceng::viz
