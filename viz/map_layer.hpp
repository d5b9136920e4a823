// What the map colours buildings by: a per-building indicator from the run's
// snapshots, whether a building has a Party group (categories), or a
// by-street outcome painted on each street's buildings.
#pragma once

#include <SFML/Graphics/Color.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/run_reader.hpp"
#include "viz/strings.hpp"

namespace jiceng::viz {

enum class LayerKind { Indicator, GroupPresent, StreetOutcome };

struct MapLayer {
    LayerKind kind = LayerKind::Indicator;
    std::string name;  // indicator or outcome name (building_groups for GroupPresent)
    bool operator==(const MapLayer&) const = default;
};

// A layer's name on the command line (--layer): the indicator's name,
// "groups_present", or "street.<outcome>".
std::string layer_id(const MapLayer& layer);

// Layers the run offers, the ones trainers ask for first.
std::vector<MapLayer> available_layers(const RunData& run);
std::string layer_title(const MapLayer& layer, const RunData& run, Lang lang);
std::string layer_units(const MapLayer& layer, const RunData& run);
bool is_categorical(const MapLayer& layer);

// Value of every building on `day` (the last snapshot on or before it, or
// the day itself for street outcomes). Returns false when there is no data.
bool layer_values(const MapLayer& layer, const RunData& run, std::int64_t day, std::vector<float>& out);
// Day the values of `layer_values` describe (the snapshot's day), or -1.
std::int64_t layer_data_day(const MapLayer& layer, const RunData& run, std::int64_t day);

// Number of categories of a categorical layer and each one's label.
inline constexpr int kGroupCategories = 3;
int group_category(float groups);
std::string category_label(int category, Lang lang);
sf::Color category_colour(int category);

// A colour scale for one layer, shared by every run shown so that equal
// colours mean equal values.
struct ColourScale {
    enum class Kind { Sequential, Diverging, Categorical } kind = Kind::Sequential;
    double lo = 0, hi = 1;  // Sequential: lo..hi; Diverging: -hi..hi
    sf::Color colour(double value) const;
};

// Sequential scale from the 1st to the 99th percentile of the layer over
// every time point of every run, so one outlier does not wash out the map.
ColourScale make_scale(const MapLayer& layer, const std::vector<const RunData*>& runs);
// Diverging scale for B - A, symmetric about zero.
ColourScale make_difference_scale(const MapLayer& layer, const RunData& a, const RunData& b);

// Whether two runs place the same buildings at the same positions, so they
// can be subtracted building by building.
bool same_layout(const RunData& a, const RunData& b);

// Whether values in these units are whole counts (persons, needs, groups...).
bool is_count_unit(const std::string& units);

// A number as people read it: shares as percentages, counts with separators.
std::string format_value(double value, const std::string& units);

}  // namespace jiceng::viz
