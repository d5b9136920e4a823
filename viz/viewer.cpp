// The viewer's data, layout, input and modes (window, screenshot, frame rate).
#include "viz/detail/viewer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "viz/app.hpp"
#include "viz/legend.hpp"
#include "viz/palette.hpp"

namespace jiceng::viz {

namespace fs = std::filesystem;

namespace {
// Charts shown first: the outcomes a trainer talks about.
const std::vector<std::string> kDefaultOutcomes = {"trust_mean", "needs_backlog", "members_active_share",
                                                   "buildings_with_group_share"};
}  // namespace

Viewer::Viewer(const ViewerOptions& options, std::unique_ptr<UiFont> font, Lang lang, std::vector<Source> sources,
               std::unique_ptr<LiveRunner> live)
    : options_(options), font_(std::move(font)), lang_(lang), sources_(std::move(sources)), live_(std::move(live)) {
    show_difference_ = options.difference_map;
    outcomes_ = options.outcomes.empty() ? kDefaultOutcomes : options.outcomes;
    if (live_) {
        playback_.set_following(true);
        playback_.set_speed_index(5);
    }
    refresh_data();
}

bool Viewer::open(const std::string& what) {
    if (what == "help") {
        help_ = true;
        return true;
    }
    const auto equals = what.find('=');
    if (equals == std::string::npos || !has_data()) return false;
    const std::string kind = what.substr(0, equals), value = what.substr(equals + 1);
    if (kind == "definition" && sources_[0].runs.first().find_outcome(value)) {
        definition_ = value;
        return true;
    }
    if (kind == "building") {
        char* end = nullptr;
        const unsigned long building = std::strtoul(value.c_str(), &end, 10);
        if (end == value.c_str() || *end != '\0' || building >= shown_run(0).buildings.count()) return false;
        detail_ = building;
        return true;
    }
    return false;
}

// ---------------------------------------------------------------- data

void Viewer::refresh_data() {
    if (live_) {
        RunData& view = sources_[0].runs.replicates[0];
        live_->pull(view);
        lever_values_ = live_->levers();
    }
    if (!has_data()) return;
    if (layers_.empty()) {
        layers_ = available_layers(sources_[0].runs.first());
        for (std::size_t k = 0; k < layers_.size(); ++k)
            if (layer_id(layers_[k]) == options_.layer) layer_ = k;
    }
    playback_.set_last_day(last_day());
    // Years by the first run's start date, the way every front end counts them.
    if (sources_[0].runs.first().start_date != calendar_start_) {
        calendar_start_ = sources_[0].runs.first().start_date;
        playback_.set_calendar(YearCalendar(calendar_start_));
    }
    // Geometry follows the replicates shown (layouts differ between replicates).
    const GeometryKey geometry_key{&shown_run(0), ab() ? &shown_run(1) : nullptr, shown_run(0).buildings.count()};
    if (geometry_key != geometry_key_) {
        geometry_key_ = geometry_key;
        maps_[0].set_geometry(shown_run(0).buildings, shown_run(0).street_names);
        if (ab()) {
            maps_[1].set_geometry(shown_run(1).buildings, shown_run(1).street_names);
            layouts_match_ = same_layout(shown_run(0), shown_run(1));
            maps_[2].set_geometry(shown_run(0).buildings, shown_run(0).street_names);
        }
        scale_key_ = {};
    }
    refresh_scales();
}

void Viewer::refresh_scales() {
    if (layers_.empty()) return;
    // Recompute when the layer, the replicate or (live) the data changes.
    ScaleKey key{layer_, map_replicate_, 0, 0};
    for (const auto& s : sources_) {
        std::get<2>(key) += s.runs.first().snapshot_days.size();
        std::get<3>(key) += s.runs.first().time_points();
    }
    if (key == scale_key_) return;
    scale_key_ = key;
    std::vector<const RunData*> runs;
    for (const auto& s : sources_)
        for (const auto& r : s.runs.replicates) runs.push_back(&r);
    scale_ = make_scale(layers_[layer_], runs);
    if (ab() && layouts_match_) difference_scale_ = make_difference_scale(layers_[layer_], shown_run(0), shown_run(1));
}

std::vector<std::int64_t> Viewer::change_days() const {
    std::vector<std::int64_t> days;
    for (const auto& s : sources_)
        for (const auto& change : s.runs.first().changes) days.push_back(change.day);
    return days;
}

// ---------------------------------------------------------------- layout

Layout Viewer::compute_layout(sf::Vector2f size) const {
    Layout L;
    L.scale = std::clamp(std::min(size.x / 1600.f, size.y / 900.f), 0.75f, 2.2f);
    L.text = std::max(11u, static_cast<unsigned>(std::lround(15 * L.scale)));
    L.small = std::max(10u, static_cast<unsigned>(std::lround(12.5f * L.scale)));
    L.big = std::max(15u, static_cast<unsigned>(std::lround(22 * L.scale)));
    const float pad = std::round(8 * L.scale);
    const float header_h = line_height(L.big) + line_height(L.small) + 10;
    L.header = {0, 0, size.x, header_h};
    const float button_h = line_height(L.text) + 8;
    L.help_button = {size.x - pad - 92 * L.scale, (header_h - button_h) / 2, 92 * L.scale, button_h};
    L.lang_button = {L.help_button.left - 8 - 64 * L.scale, L.help_button.top, 64 * L.scale, button_h};
    const float status_h = line_height(L.small) + 6;
    L.status = {0, size.y - status_h, size.x, status_h};
    const float timeline_h = std::round(46 * L.scale);
    L.timeline = {0, L.status.top - timeline_h, size.x, timeline_h};
    const sf::FloatRect middle(pad, header_h + pad, size.x - 2 * pad, L.timeline.top - header_h - 2 * pad);

    sf::FloatRect maps_region, right_region;
    if (ab()) {
        const float maps_h = std::round(middle.height * 0.6f);
        maps_region = {middle.left, middle.top, middle.width, maps_h};
        right_region = {middle.left, middle.top + maps_h + pad, middle.width, middle.height - maps_h - pad};
    } else {
        const float maps_w = std::round(middle.width * 0.56f);
        maps_region = {middle.left, middle.top, maps_w, middle.height};
        right_region = {middle.left + maps_w + pad, middle.top, middle.width - maps_w - pad, middle.height};
    }
    const float toolbar_h = line_height(L.text) + 8;
    L.toolbar = {maps_region.left, maps_region.top, maps_region.width, toolbar_h};
    L.layer_button = {maps_region.left, maps_region.top, 0, toolbar_h};  // width set when drawn
    const std::size_t n_maps = ab() ? (show_difference_ ? 3 : 2) : 1;
    const float map_w = (maps_region.width - pad * static_cast<float>(n_maps - 1)) / static_cast<float>(n_maps);
    const float title_h = line_height(L.text) + 6;
    const float legend_h = 2 * line_height(L.small) + 22;
    for (std::size_t k = 0; k < n_maps; ++k) {
        const sf::FloatRect panel(maps_region.left + static_cast<float>(k) * (map_w + pad),
                                  maps_region.top + toolbar_h + 4, map_w, maps_region.height - toolbar_h - 4);
        L.map_panels.push_back(panel);
        L.map_titles.push_back({panel.left, panel.top, panel.width, title_h});
        L.legends.push_back({panel.left, panel.top + panel.height - legend_h, panel.width, legend_h});
        L.map_areas.push_back(
            {panel.left + 4, panel.top + title_h + 2, panel.width - 8, panel.height - title_h - legend_h - 4});
    }
    const float series_header_h = line_height(L.text) + 6;
    if (live_) {
        const float levers_h = std::round(right_region.height * 0.38f);
        L.levers = {right_region.left, right_region.top + right_region.height - levers_h, right_region.width, levers_h};
        right_region.height -= levers_h + pad;
    }
    L.series_header = {right_region.left, right_region.top, right_region.width, series_header_h};
    L.series = {right_region.left, right_region.top + series_header_h, right_region.width,
                right_region.height - series_header_h};
    return L;
}
// ---------------------------------------------------------------- input

void Viewer::set_status(std::string text, double seconds) {
    status_ = std::move(text);
    status_until_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
}

void Viewer::toggle_play() {
    if (live_) {
        const bool pause = !live_->paused();
        live_->set_paused(pause);
        if (!pause) {
            playback_.set_following(true);
            playback_.set_last_day(last_day());
        }
        return;
    }
    playback_.toggle();
}

void Viewer::change_speed(bool faster) {
    faster ? playback_.faster() : playback_.slower();
    // Only a live simulation can run "as fast as possible"; a file plays at a set pace.
    if (!live_ && playback_.as_fast_as_possible()) playback_.slower();
    if (live_) live_->set_speed(playback_.days_per_second());
}

bool Viewer::poll_live() {
    if (!live_) return false;
    const std::size_t before = sources_[0].runs.first().time_points() + sources_[0].runs.first().changes.size();
    refresh_data();
    const auto events = live_->take_events();
    for (const auto& event : events) {
        switch (event.kind) {
            case LiveEvent::Kind::Recorded:
                set_status(tr(Str::live_recorded, lang_, {event.key, event.value, std::to_string(event.day)}));
                break;
            case LiveEvent::Kind::Refused:
                set_status(tr(Str::live_refused, lang_, {event.message}), 10);
                break;
            case LiveEvent::Kind::Finished:
                set_status(tr(Str::live_finished, lang_, {event.value}), 12);
                std::printf("jiceng-viz: wrote %s\n", event.value.c_str());
                std::fflush(stdout);
                break;
            case LiveEvent::Kind::Failed:
                set_status(tr(Str::live_failed, lang_, {event.message}), 1e6);
                std::fprintf(stderr, "jiceng-viz: the live run failed: %s\n", event.message.c_str());
                break;
        }
    }
    return !events.empty() ||
           sources_[0].runs.first().time_points() + sources_[0].runs.first().changes.size() != before;
}

void Viewer::save_window_screenshot(sf::RenderWindow& window) {
    sf::Texture texture;
    texture.create(window.getSize().x, window.getSize().y);
    texture.update(window);
    // Numbered, so that several shots of one day do not overwrite each other.
    const std::string name = "jiceng-viz-" +
                             (has_data() ? sources_[0].runs.first().scenario_name : std::string("run")) + "-day" +
                             std::to_string(playback_.day()) + "-" + std::to_string(++screenshots_saved_) + ".png";
    if (texture.copyToImage().saveToFile(name))
        set_status(tr(Str::screenshot_saved, lang_, {name}));
    else
        set_status(tr(Str::screenshot_failed, lang_, {name}));
}

void Viewer::on_key(const sf::Event::KeyEvent& key, sf::RenderWindow& window) {
    using K = sf::Keyboard;
    if (key.code == K::Escape) {
        if (popup_.is_open())
            popup_.close();
        else if (help_)
            help_ = false;
        else if (definition_)
            definition_.reset();
        else if (detail_)
            detail_.reset();
        return;
    }
    if (key.code == K::F1) {
        help_ = !help_;
        return;
    }
    const std::int64_t big_step = key.shift ? 30 : 1;
    switch (key.code) {
        case K::Space:
            toggle_play();
            break;
        case K::Right:
            playback_.step(big_step);
            break;
        case K::Left:
            playback_.step(-big_step);
            break;
        case K::Up:
        case K::Add:
        case K::Equal:
            change_speed(true);
            break;
        case K::Down:
        case K::Subtract:
        case K::Hyphen:
            change_speed(false);
            break;
        case K::Home:
            playback_.seek(0);
            break;
        case K::End:
            playback_.seek(last_day());
            if (live_) playback_.set_following(true);
            break;
        case K::PageDown:
            playback_.next_year();
            break;
        case K::PageUp:
            playback_.previous_year();
            break;
        case K::I:
            if (!layers_.empty()) layer_ = (layer_ + (key.shift ? layers_.size() - 1 : 1)) % layers_.size();
            refresh_scales();
            break;
        case K::D:
            show_difference_ = !show_difference_;
            break;
        case K::R:
            ++map_replicate_;
            refresh_data();
            break;
        case K::L:
            lang_ = lang_ == Lang::zh ? Lang::en : Lang::zh;
            break;
        case K::F12:
            save_window_screenshot(window);
            break;
        case K::Q:
            quit_requested_ = true;
            break;
        default:
            if (key.code >= K::Num1 && key.code <= K::Num9) playback_.jump_to_year(key.code - K::Num1 + 1);
            if (key.code == K::Num0) playback_.jump_to_year(10);
            break;
    }
}

void Viewer::on_press(sf::Vector2f at) {
    const Layout& L = layout_;
    if (popup_.is_open()) {
        const int purpose = popup_.purpose();
        if (const auto chosen = popup_.click(at)) {
            if (purpose == kPopupLayer) {
                layer_ = static_cast<std::size_t>(*chosen);
                refresh_scales();
            } else if (purpose >= kPopupChart) {
                const auto& outcomes = sources_[0].runs.first().outcomes;
                outcomes_[static_cast<std::size_t>(purpose - kPopupChart)] =
                    outcomes[static_cast<std::size_t>(*chosen)].info.name;
            }
        }
        return;
    }
    if (help_) {
        help_ = false;
        return;
    }
    if (definition_ || detail_) {
        definition_.reset();
        detail_.reset();
        return;
    }
    if (L.help_button.contains(at)) {
        help_ = true;
        return;
    }
    if (L.lang_button.contains(at)) {
        lang_ = lang_ == Lang::zh ? Lang::en : Lang::zh;
        return;
    }
    if (!has_data()) return;
    if (L.layer_button.contains(at)) {
        std::vector<std::string> names;
        for (const auto& layer : layers_) names.push_back(layer_title(layer, sources_[0].runs.first(), lang_));
        popup_.open(std::string(tr(Str::choose_layer, lang_)), names, static_cast<int>(layer_),
                    {L.layer_button.left, L.layer_button.top + L.layer_button.height}, kPopupLayer);
        return;
    }
    switch (timeline_.hit(at)) {
        case Timeline::Action::PlayPause:
            toggle_play();
            return;
        case Timeline::Action::Back:
            playback_.step(-1);
            return;
        case Timeline::Action::Forward:
            playback_.step(1);
            return;
        case Timeline::Action::Slower:
            change_speed(false);
            return;
        case Timeline::Action::Faster:
            change_speed(true);
            return;
        case Timeline::Action::Track:
            scrubbing_ = true;
            playback_.pause();
            playback_.seek(timeline_.day_at(at.x, axis_last_day()));
            return;
        case Timeline::Action::None:
            break;
    }
    if (live_ && levers_.press(at)) return;
    if (const auto hit = series_.hit(at)) {
        if (hit->on_title) {
            std::vector<std::string> names;
            int selected = -1;
            const auto& outcomes = sources_[0].runs.first().outcomes;
            for (std::size_t k = 0; k < outcomes.size(); ++k) {
                names.push_back(std::string(pick(lang_, outcomes[k].info.long_name_zh, outcomes[k].info.long_name)));
                if (outcomes[k].info.name == outcomes_[hit->chart]) selected = static_cast<int>(k);
            }
            const auto& rect = series_.chart_rect(hit->chart);
            popup_.open(std::string(tr(Str::choose_outcome, lang_)), names, selected,
                        {rect.left, rect.top + line_height(L.text) + 6}, kPopupChart + static_cast<int>(hit->chart));
        } else {
            definition_ = outcomes_[hit->chart];
        }
        return;
    }
    for (std::size_t k = 0; k < L.map_areas.size(); ++k)
        if (L.map_areas[k].contains(at)) {
            if (const auto b = maps_[k].building_at(at)) detail_ = b;
            return;
        }
}

void Viewer::on_move(sf::Vector2f at) {
    mouse_ = at;
    if (scrubbing_) playback_.seek(timeline_.day_at(at.x, axis_last_day()));
    if (live_) levers_.move(at);
    hover_.reset();
    for (std::size_t k = 0; k < layout_.map_areas.size(); ++k)
        if (layout_.map_areas[k].contains(at) && (k != 2 || layouts_match_)) hover_ = maps_[k].building_at(at);
    if (hover_ && !layouts_match_ && ab() && layout_.map_areas.size() > 1 && layout_.map_areas[1].contains(at))
        hover_.reset();
}

void Viewer::on_release(sf::Vector2f at) {
    scrubbing_ = false;
    if (!live_) return;
    if (const auto change = levers_.release(at)) {
        live_->request_change(change->key, change->value);
        set_status(tr(Str::live_pending, lang_, {change->key, value_text(change->value)}));
    }
}
// ---------------------------------------------------------------- modes

int Viewer::run_window() {
    sf::RenderWindow window(sf::VideoMode(options_.width, options_.height), "jiceng-viz", sf::Style::Default,
                            window_settings());
    window.setVerticalSyncEnabled(true);
    window.setFramerateLimit(60);
    if (live_) live_->start(options_.start_paused);
    auto previous = std::chrono::steady_clock::now();
    auto last_frame = previous - std::chrono::seconds(1);
    while (window.isOpen() && !quit_requested_) {
        sf::Event event;
        bool changed = false;
        while (window.pollEvent(event)) {
            changed = true;
            switch (event.type) {
                case sf::Event::Closed:
                    quit_requested_ = true;
                    break;
                case sf::Event::Resized:
                    window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                                          static_cast<float>(event.size.height))));
                    break;
                case sf::Event::KeyPressed:
                    on_key(event.key, window);
                    break;
                case sf::Event::TextEntered:
                    if (event.text.unicode == '?') help_ = !help_;
                    break;
                case sf::Event::MouseButtonPressed:
                    if (event.mouseButton.button == sf::Mouse::Left)
                        on_press({static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
                    break;
                case sf::Event::MouseButtonReleased:
                    on_release({static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
                    break;
                case sf::Event::MouseMoved:
                    on_move({static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
                    break;
                case sf::Event::MouseWheelScrolled:
                    if (popup_.is_open()) popup_.scroll(event.mouseWheelScroll.delta);
                    break;
                default:
                    break;
            }
        }
        const auto now = std::chrono::steady_clock::now();
        changed |= playback_.advance(std::chrono::duration<double>(now - previous).count());
        previous = now;
        changed |= poll_live();
        // Draw only when something changed (and a few times a second for
        // status messages), so that an idle viewer leaves the machine alone.
        if (!changed && !scrubbing_ && now - last_frame < std::chrono::milliseconds(250)) {
            sf::sleep(sf::milliseconds(8));
            continue;
        }
        last_frame = now;
        const sf::Vector2f size(static_cast<float>(window.getSize().x), static_cast<float>(window.getSize().y));
        draw(window, size);
        window.display();
    }
    if (live_) {
        set_status(std::string(tr(Str::live_saving, lang_)), 60);
        if (window.isOpen()) {
            draw(window, {static_cast<float>(window.getSize().x), static_cast<float>(window.getSize().y)});
            window.display();
        }
        try {
            // A run that reached its last day was saved then (and said so).
            const bool saved_already = live_->phase() == LiveRunner::Phase::Finished;
            const std::string written = live_->stop_and_save();
            poll_live();
            if (!written.empty() && !saved_already) std::printf("jiceng-viz: wrote %s\n", written.c_str());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "jiceng-viz: could not write the live run: %s\n", e.what());
            return kExitFailure;
        }
    }
    return kExitOk;
}

int Viewer::screenshot(const std::string& file, std::optional<std::int64_t> day, unsigned width, unsigned height) {
    sf::RenderTexture texture;
    sf::ContextSettings settings;
    settings.antialiasingLevel = 4;
    if (!texture.create(width, height, settings) && !texture.create(width, height)) {
        std::fprintf(stderr, "jiceng-viz: cannot create a %ux%u drawing surface (OpenGL)\n", width, height);
        return kExitFailure;
    }
    playback_.seek(day.value_or(last_day()));
    const sf::Vector2f size(static_cast<float>(width), static_cast<float>(height));
    draw(texture, size);
    texture.display();
    const sf::Image image = texture.getTexture().copyToImage();
    std::error_code ec;
    if (const auto parent = fs::path(file).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
    if (!image.saveToFile(file)) {
        std::fprintf(stderr, "jiceng-viz: cannot write %s\n", file.c_str());
        return kExitFailure;
    }
    // Where the maps are, for tests that compare regions of screenshots.
    for (std::size_t k = 0; k < layout_.map_areas.size(); ++k) {
        const auto& r = layout_.map_areas[k];
        std::printf("region map_%s %d %d %d %d\n", k == 0 ? "a" : (k == 1 ? "b" : "difference"),
                    static_cast<int>(r.left), static_cast<int>(r.top), static_cast<int>(r.width),
                    static_cast<int>(r.height));
    }
    std::printf("jiceng-viz: wrote %s (day %lld)\n", file.c_str(), static_cast<long long>(playback_.day()));
    return kExitOk;
}

sf::ContextSettings Viewer::window_settings() const {
    // Off by default: everything but chart lines is axis-aligned, and
    // multisampling costs a machine without a graphics card three times the frame rate.
    sf::ContextSettings settings;
    settings.antialiasingLevel = options_.antialias ? 4 : 0;
    return settings;
}

int Viewer::measure_fps(double seconds) {
    // The same window as run_window, without the frame-rate cap.
    sf::RenderWindow window(sf::VideoMode(options_.width, options_.height), "jiceng-viz (measuring)",
                            sf::Style::Default, window_settings());
    window.setVerticalSyncEnabled(false);
    window.setFramerateLimit(0);
    const auto start = std::chrono::steady_clock::now();
    std::vector<double> frame_ms;
    double building_ms = 0;  // in draw(): our code plus handing commands to OpenGL
    auto previous = start;
    // Every frame shows a new day, so the map is recoloured and the charts redrawn each time.
    const std::int64_t last = std::max<std::int64_t>(last_day(), 1);
    std::int64_t day = 0;
    while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
        sf::Event event;
        while (window.pollEvent(event)) {
        }
        playback_.seek(day);
        day = (day + 1) % (last + 1);
        mouse_ = {static_cast<float>(options_.width) * 0.3f, static_cast<float>(options_.height) * 0.5f};
        on_move(mouse_);
        const auto before = std::chrono::steady_clock::now();
        draw(window, {static_cast<float>(options_.width), static_cast<float>(options_.height)});
        building_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
        window.display();
        const auto now = std::chrono::steady_clock::now();
        frame_ms.push_back(std::chrono::duration<double, std::milli>(now - previous).count());
        previous = now;
    }
    const double total = std::chrono::duration<double>(previous - start).count();
    std::sort(frame_ms.begin(), frame_ms.end());
    const double p95 =
        frame_ms.empty() ? 0 : frame_ms[static_cast<std::size_t>(0.95 * static_cast<double>(frame_ms.size() - 1))];
    std::size_t buildings = 0;
    for (const auto& s : sources_) buildings += s.runs.first().buildings.count();
    const auto antialiasing = window.getSettings().antialiasingLevel;
    std::printf(
        "frames %zu in %.2f s: %.1f frames per second (median %.1f ms, 95th percentile %.1f ms; building a frame %.1f "
        "ms, "
        "the rest is OpenGL rasterising and presenting); %ux%u, %ux antialiasing, %zu buildings\n",
        frame_ms.size(), total, static_cast<double>(frame_ms.size()) / total,
        frame_ms.empty() ? 0 : frame_ms[frame_ms.size() / 2], p95,
        frame_ms.empty() ? 0 : building_ms / static_cast<double>(frame_ms.size()), options_.width, options_.height,
        antialiasing, buildings);
    return kExitOk;
}

}  // namespace jiceng::viz
