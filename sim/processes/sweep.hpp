// One pass over an area's occupied residents that runs several per-resident
// processes back to back (loop fusion). The day spends most of its time
// streaming resident arrays from memory, so every pass saved is time saved.
//
// A process taking part is a small class with
//   void building(Index b);       // before building b's residents
//   void resident(Index i);       // one present resident, in slot order
//   void building_done(Index b);  // after building b's residents
// For resident i the processes run left to right. Fusing P1 and P2 gives the
// same result as a full pass of P1 followed by a full pass of P2 when P2 reads,
// of what P1 writes, only resident i's own rows, and reads building and area
// figures only in building() (before anything of that building changed).
// Every fusion used by the day obeys this, and tests/processes/test_sweep.cpp
// checks it against the processes run one after the other.
#pragma once

#include <tuple>

#include "sim/world/world.hpp"

namespace jiceng {

// The processes are taken by value and given back in a tuple, from which the
// caller reads what they gathered (e.g. the aggregates' stocks).
template <class... Process>
[[nodiscard, gnu::always_inline]] inline std::tuple<Process...> sweep_area(const World& w, Index area,
                                                                           Process... process) {
    // A building's residents are one run of slots; vacant households' slots
    // are skipped by their present flag (one predictable branch) rather than
    // by walking the household table (a hard-to-predict inner loop).
    const Index* first_resident = w.buildings.first_resident.data();
    const Index* residents = w.buildings.residents.data();
    const std::uint8_t* present = w.residents.present.data();
    const Index b_begin = w.areas.first_building[area];
    const Index b_end = b_begin + w.areas.buildings[area];
    for (Index b = b_begin; b < b_end; ++b) {
        (process.building(b), ...);
        const Index i_end = first_resident[b] + residents[b];
        for (Index i = first_resident[b]; i < i_end; ++i)
            if (present[i]) (process.resident(i), ...);
        (process.building_done(b), ...);
    }
    return {std::move(process)...};
}

}  // namespace jiceng
