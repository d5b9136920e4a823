// District synthesis: streets -> areas -> buildings -> households -> residents,
// and the workplaces they work in. Every draw is keyed by (seed, replicate,
// day -1, process, entity), so synthesis is identical on any thread count.
#pragma once

#include "sim/core/rng.hpp"
#include "sim/model/model.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

World synthesize(const Model& model, const RandomStreams& rng);

// Draws new occupants for household `h` (a move-in on `day`), with the same
// rules as at synthesis. Touches only that household's rows.
void populate_household(World& world, const Params& p, Index h, const RandomStreams& rng, std::int64_t day);

// Re-draws the workplace lookup table after workplaces open or close.
void rebuild_employer_table(World& world);
Index draw_employer(const World& world, double u);
// Appends a workplace (or mass team) of `type` and draws its staff and members.
Index add_workplace(World& world, const Params& p, OrgType type, Index street, Stream& s);
// Chance a member's relation is transferred into a Party organisation of this type.
double transfer_chance(const Params& p, OrgType type);
// Draws how many of a workplace's members have their relation transferred in.
void transfer_relations(World& world, const Params& p, Index org, Stream& s, double boost);
// Draws a workplace's staff size and Party members from its type.
void draw_workplace_staff(World& world, const Params& p, Index org, Stream& s);

}  // namespace jiceng
