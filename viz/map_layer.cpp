#include "viz/map_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "viz/palette.hpp"

namespace jiceng::viz {

namespace {

// Indicators in the order trainers reach for them; any others follow.
constexpr const char* kPreferredIndicators[] = {"trust_mean", "needs_backlog", "members_active_share"};

// Values of the layer at every recorded time (for scales).
template <class Visit>
void for_each_time(const MapLayer& layer, const RunData& run, Visit visit) {
    if (layer.kind == LayerKind::StreetOutcome) {
        for (auto d : run.day) visit(static_cast<std::int64_t>(d));
    } else {
        for (auto d : run.snapshot_days) visit(static_cast<std::int64_t>(d));
    }
}

double percentile(std::vector<float>& values, double q) {
    if (values.empty()) return 0;
    const auto k = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    return values[k];
}

std::string with_separators(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return (n < 0 ? "-" : "") + out;
}

}  // namespace

std::string layer_id(const MapLayer& layer) {
    switch (layer.kind) {
        case LayerKind::GroupPresent:
            return "groups_present";
        case LayerKind::StreetOutcome:
            return "street." + layer.name;
        case LayerKind::Indicator:
            break;
    }
    return layer.name;
}

std::vector<MapLayer> available_layers(const RunData& run) {
    std::vector<MapLayer> layers;
    for (const char* name : kPreferredIndicators)
        if (run.find_indicator(name)) layers.push_back({LayerKind::Indicator, name});
    if (run.find_indicator("building_groups")) layers.push_back({LayerKind::GroupPresent, "building_groups"});
    for (const auto& indicator : run.indicators) {
        MapLayer layer{LayerKind::Indicator, indicator.info.name};
        if (std::find(layers.begin(), layers.end(), layer) == layers.end()) layers.push_back(layer);
    }
    for (const auto& outcome : run.outcomes)
        if (!outcome.by_street.empty()) layers.push_back({LayerKind::StreetOutcome, outcome.info.name});
    return layers;
}

std::string layer_title(const MapLayer& layer, const RunData& run, Lang lang) {
    switch (layer.kind) {
        case LayerKind::GroupPresent:
            return std::string(tr(Str::layer_groups_present, lang));
        case LayerKind::StreetOutcome: {
            const auto* outcome = run.find_outcome(layer.name);
            const std::string name =
                outcome ? std::string(pick(lang, outcome->info.long_name_zh, outcome->info.long_name)) : layer.name;
            return tr(Str::street_level, lang, {name});
        }
        case LayerKind::Indicator:
            break;
    }
    const auto* indicator = run.find_indicator(layer.name);
    return indicator ? std::string(pick(lang, indicator->info.long_name_zh, indicator->info.long_name)) : layer.name;
}

std::string layer_units(const MapLayer& layer, const RunData& run) {
    if (layer.kind == LayerKind::GroupPresent) return "";
    if (layer.kind == LayerKind::StreetOutcome) {
        const auto* outcome = run.find_outcome(layer.name);
        return outcome ? outcome->info.units : "";
    }
    const auto* indicator = run.find_indicator(layer.name);
    return indicator ? indicator->info.units : "";
}

bool is_categorical(const MapLayer& layer) {
    return layer.kind == LayerKind::GroupPresent;
}

std::int64_t layer_data_day(const MapLayer& layer, const RunData& run, std::int64_t day) {
    if (layer.kind == LayerKind::StreetOutcome) return run.day.empty() ? -1 : run.day[run.time_index(day)];
    const auto snap = run.snapshot_at(day);
    return snap < 0 ? -1 : run.snapshot_days[static_cast<std::size_t>(snap)];
}

bool layer_values(const MapLayer& layer, const RunData& run, std::int64_t day, std::vector<float>& out) {
    const std::size_t nb = run.buildings.count();
    out.assign(nb, 0.0f);
    if (layer.kind == LayerKind::StreetOutcome) {
        const auto* outcome = run.find_outcome(layer.name);
        if (!outcome || outcome->by_street.empty() || run.day.empty() || day > run.last_day()) return false;
        const std::size_t t = run.time_index(day);
        const std::size_t streets = run.streets();
        for (std::size_t b = 0; b < nb; ++b)
            out[b] =
                static_cast<float>(outcome->by_street[t * streets + static_cast<std::size_t>(run.buildings.street[b])]);
        return true;
    }
    const auto* indicator = run.find_indicator(layer.name);
    const auto snap = run.snapshot_at(day);
    if (!indicator || snap < 0) return false;
    const auto first = indicator->values.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(snap) * nb);
    if (static_cast<std::size_t>(indicator->values.end() - first) < nb) return false;  // live data still arriving
    std::copy(first, first + static_cast<std::ptrdiff_t>(nb), out.begin());
    return true;
}

int group_category(float groups) {
    return groups < 0.5f ? 0 : (groups < 1.5f ? 1 : 2);
}

std::string category_label(int category, Lang lang) {
    const Str keys[] = {Str::category_no_group, Str::category_one_group, Str::category_more_groups};
    return std::string(tr(keys[std::clamp(category, 0, 2)], lang));
}

sf::Color category_colour(int category) {
    // Okabe-Ito: a quiet sky blue for none, then orange and vermillion.
    const int colours[] = {okabe::kSkyBlue, okabe::kOrange, okabe::kVermillion};
    return okabe_ito(colours[std::clamp(category, 0, 2)]);
}

sf::Color ColourScale::colour(double value) const {
    switch (kind) {
        case Kind::Categorical:
            return category_colour(group_category(static_cast<float>(value)));
        case Kind::Diverging:
            return diverging(hi > 0 ? value / hi : 0.0);
        case Kind::Sequential:
            break;
    }
    return viridis(hi > lo ? (value - lo) / (hi - lo) : 0.5);
}

ColourScale make_scale(const MapLayer& layer, const std::vector<const RunData*>& runs) {
    ColourScale scale;
    if (is_categorical(layer)) {
        scale.kind = ColourScale::Kind::Categorical;
        return scale;
    }
    std::vector<float> all, values;
    for (const RunData* run : runs)
        for_each_time(layer, *run, [&](std::int64_t day) {
            if (layer_values(layer, *run, day, values)) all.insert(all.end(), values.begin(), values.end());
        });
    // Keep the scale cheap to compute on large districts: a regular sample is enough for percentiles.
    if (all.size() > 2'000'000) {
        std::vector<float> sample;
        const std::size_t stride = all.size() / 1'000'000;
        for (std::size_t k = 0; k < all.size(); k += stride) sample.push_back(all[k]);
        all.swap(sample);
    }
    all.erase(std::remove_if(all.begin(), all.end(), [](float v) { return !std::isfinite(v); }), all.end());
    if (all.empty()) return scale;
    scale.lo = percentile(all, 0.01);
    scale.hi = percentile(all, 0.99);
    if (scale.hi <= scale.lo) scale.hi = scale.lo + (scale.lo == 0 ? 1.0 : std::abs(scale.lo) * 0.1);
    return scale;
}

ColourScale make_difference_scale(const MapLayer& layer, const RunData& a, const RunData& b) {
    ColourScale scale;
    scale.kind = ColourScale::Kind::Diverging;
    scale.lo = 0;
    scale.hi = 0;
    std::vector<float> va, vb, all;
    for_each_time(layer, b, [&](std::int64_t day) {
        if (!layer_values(layer, a, day, va) || !layer_values(layer, b, day, vb) || va.size() != vb.size()) return;
        for (std::size_t k = 0; k < va.size(); ++k) all.push_back(std::abs(vb[k] - va[k]));
    });
    all.erase(std::remove_if(all.begin(), all.end(), [](float v) { return !std::isfinite(v); }), all.end());
    scale.hi = all.empty() ? 0.0 : percentile(all, 0.99);
    if (scale.hi <= 0)
        scale.hi = all.empty() ? 1.0 : std::max(1e-6, static_cast<double>(*std::max_element(all.begin(), all.end())));
    if (scale.hi <= 1e-6) scale.hi = 1.0;
    return scale;
}

bool same_layout(const RunData& a, const RunData& b) {
    const auto& A = a.buildings;
    const auto& B = b.buildings;
    if (A.count() != B.count()) return false;
    for (std::size_t k = 0; k < A.count(); ++k)
        if (std::abs(A.x[k] - B.x[k]) > 0.5f || std::abs(A.y[k] - B.y[k]) > 0.5f || A.street[k] != B.street[k])
            return false;
    return true;
}

bool is_count_unit(const std::string& units) {
    for (const char* count : {"persons", "households", "needs", "groups", "events", "organisations", "teams"})
        if (units == count) return true;
    return false;
}

std::string format_value(double value, const std::string& units) {
    if (!std::isfinite(value)) return "–";
    char buffer[64];
    if (units == "share") {
        std::snprintf(buffer, sizeof buffer, "%.1f%%", value * 100.0);
        return buffer;
    }
    const double magnitude = std::abs(value);
    if (magnitude >= 1e15) {
        std::snprintf(buffer, sizeof buffer, "%.3g", value);
        return buffer;
    }
    if (magnitude >= 10000 || (magnitude >= 100 && std::abs(value - std::round(value)) < 1e-9))
        return with_separators(std::llround(value));
    if (magnitude >= 100)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else if (magnitude >= 10)
        std::snprintf(buffer, sizeof buffer, "%.1f", value);
    else if (magnitude >= 1 || magnitude == 0)
        std::snprintf(buffer, sizeof buffer, "%.2f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.3f", value);
    std::string text = buffer;
    // Whole numbers (counts) without a trailing ".00".
    if (std::abs(value - std::round(value)) < 1e-9 && magnitude < 100) return std::to_string(std::llround(value));
    return text;
}

}  // namespace jiceng::viz
