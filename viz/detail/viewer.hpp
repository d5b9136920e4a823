// The viewer's state and frame, shared by viewer.cpp (data, input, modes)
// and viewer_draw.cpp (drawing). Internal to viz/: app.hpp is the entry point.
#pragma once

#include <SFML/Graphics.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "sim/io/run_reader.hpp"
#include "viz/font.hpp"
#include "viz/lever_panel.hpp"
#include "viz/live_runner.hpp"
#include "viz/map_layer.hpp"
#include "viz/map_view.hpp"
#include "viz/options.hpp"
#include "viz/playback.hpp"
#include "viz/series_panel.hpp"
#include "viz/strings.hpp"
#include "viz/timeline.hpp"
#include "viz/widgets.hpp"

namespace jiceng::viz {

// One run set on screen (A or B).
struct Source {
    RunSet runs;
    std::string label;  // "A", "B", or "" when alone
    sf::Color colour;
};

// Where everything goes, recomputed from the window size every frame.
struct Layout {
    float scale = 1;
    unsigned text = 15, small = 12, big = 22;
    sf::FloatRect header, lang_button, help_button, toolbar, layer_button, series_header, series, levers, timeline,
        status;
    std::vector<sf::FloatRect> map_panels, map_titles, map_areas, legends;
};

enum PopupPurpose { kPopupLayer = 1, kPopupChart = 100 };

class Viewer {
public:
    Viewer(const ViewerOptions& options, std::unique_ptr<UiFont> font, Lang lang, std::vector<Source> sources,
           std::unique_ptr<LiveRunner> live);

    // Opens a pop-up as if clicked (--open, for screenshots): "help",
    // "building=N" or "definition=OUTCOME". Returns false for anything else.
    bool open(const std::string& what);
    int run_window();
    int screenshot(const std::string& file, std::optional<std::int64_t> day, unsigned width, unsigned height);
    int measure_fps(double seconds);

private:
    // Data
    bool ab() const { return sources_.size() == 2; }
    const RunData& shown_run(std::size_t source) const {
        const auto& reps = sources_[source].runs.replicates;
        return reps[map_replicate_ % reps.size()];
    }
    std::int64_t last_day() const {
        std::int64_t last = 0;
        for (const auto& s : sources_) last = std::max(last, s.runs.first().last_day());
        return last;
    }
    std::int64_t axis_last_day() const {
        std::int64_t last = 0;
        for (const auto& s : sources_) last = std::max(last, std::max(s.runs.first().days, s.runs.first().last_day()));
        return last;
    }
    bool has_data() const { return !sources_.empty() && sources_[0].runs.first().buildings.count() > 0; }
    void refresh_data();
    void refresh_scales();
    std::vector<std::int64_t> change_days() const;

    // Frame
    Layout compute_layout(sf::Vector2f size) const;
    void draw(sf::RenderTarget& target, sf::Vector2f size);
    void draw_header(sf::RenderTarget& target);
    void draw_maps(sf::RenderTarget& target);
    void draw_series(sf::RenderTarget& target);
    void draw_status(sf::RenderTarget& target, sf::Vector2f size);
    void draw_overlays(sf::RenderTarget& target, sf::Vector2f size);
    void draw_tooltip(sf::RenderTarget& target, sf::Vector2f size);
    void draw_building_detail(sf::RenderTarget& target, sf::Vector2f size);
    void draw_definition(sf::RenderTarget& target, sf::Vector2f size);
    void draw_help(sf::RenderTarget& target, sf::Vector2f size);
    std::string stamp() const;

    // Input
    void on_key(const sf::Event::KeyEvent& key, sf::RenderWindow& window);
    void on_press(sf::Vector2f at);
    void on_move(sf::Vector2f at);
    void on_release(sf::Vector2f at);
    void toggle_play();
    void change_speed(bool faster);
    void set_status(std::string text, double seconds = 6);
    bool poll_live();  // whether anything new arrived
    sf::ContextSettings window_settings() const;
    void save_window_screenshot(sf::RenderWindow& window);
    bool quit_requested_ = false;
    int screenshots_saved_ = 0;

    const ViewerOptions& options_;
    std::unique_ptr<UiFont> font_;
    Lang lang_;
    std::vector<Source> sources_;
    std::unique_ptr<LiveRunner> live_;
    Playback playback_;

    std::vector<MapLayer> layers_;
    std::size_t layer_ = 0;
    std::vector<std::string> outcomes_;
    std::size_t map_replicate_ = 0;
    bool show_difference_ = true;
    bool layouts_match_ = false;

    ColourScale scale_, difference_scale_;
    // What the scales were computed for: layer, replicate, snapshots and time points.
    using ScaleKey = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>;
    std::optional<ScaleKey> scale_key_;
    std::array<MapView, 3> maps_;  // A (or the only run), B, B - A
    // What the maps' geometry was built from: the runs shown and their building count.
    using GeometryKey = std::tuple<const RunData*, const RunData*, std::size_t>;
    std::optional<GeometryKey> geometry_key_;
    std::string calendar_start_;  // start date the year calendar was built from
    SeriesPanel series_;
    LeverPanel levers_;
    Timeline timeline_;
    PopupList popup_;
    Layout layout_;
    std::vector<LiveLever> lever_values_;

    bool help_ = false;
    std::optional<std::string> definition_;  // outcome whose definition is shown
    std::optional<std::size_t> detail_;      // building whose history is shown
    std::optional<std::size_t> hover_;       // building under the mouse
    sf::Vector2f mouse_{-1, -1};
    bool scrubbing_ = false;
    std::string status_;
    std::chrono::steady_clock::time_point status_until_{};
    std::vector<float> values_, values_b_;
    std::vector<sf::Color> colours_;
};

}  // namespace jiceng::viz
