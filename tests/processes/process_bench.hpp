// Shared set-up for the process unit tests: a small synthesised world, its
// frozen model, random streams and calendar, and helpers to run one process
// for one area (or every area) on a chosen day.
//
// Day numbers are for the default start date 2003-01-01, a Wednesday.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/rng.hpp"
#include "sim/model/day.hpp"
#include "sim/processes/needs.hpp"
#include "sim/processes/processes.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/synthesis/synthesis.hpp"
#include "sim/world/world.hpp"

namespace jiceng::proctest {

inline constexpr std::int64_t kJan1 = 0;   // Wednesday, first of a month, working day
inline constexpr std::int64_t kJan2 = 1;   // Thursday, working day, not a month start
inline constexpr std::int64_t kJan4 = 3;   // Saturday
inline constexpr std::int64_t kJan5 = 4;   // Sunday
inline constexpr std::int64_t kFeb1 = 31;  // Saturday, first of a month
inline constexpr std::int64_t kMar1 = 59;  // Saturday, first of a month
inline constexpr std::int64_t kApr1 = 90;  // Tuesday, first of April (inspection month)

// A small world: one street of 3000 residents in two areas.
inline Scenario small_scenario() {
    Scenario s = default_scenario();
    s.params.district_residents_per_street = 3000;
    s.params.district_areas_per_street = 2;
    return s;
}

inline std::uint8_t u8(auto e) {
    return static_cast<std::uint8_t>(e);
}

struct Bench {
    std::shared_ptr<const Model> model;
    RandomStreams rng;
    Calendar calendar;
    World w;

    explicit Bench(Scenario s = small_scenario(), std::uint64_t seed = 1, std::uint64_t replicate = 0)
        : model(freeze(std::move(s))),
          rng(seed, replicate),
          calendar(model->params().run_start_date),
          w(synthesize(*model, rng)) {}

    const Params& p() const { return model->params(); }
    const Rates& rates() const { return model->rates; }
    Index areas() const { return static_cast<Index>(w.areas.count()); }
    DayContext ctx(std::int64_t day) const {
        return DayContext{*model, model->params(), model->rates, rng, calendar, day};
    }

    Tally run_on(World& world, AreaProcess f, std::int64_t day, Index area) const {
        Tally t;
        f(world, ctx(day), area, t);
        return t;
    }
    Tally run(AreaProcess f, std::int64_t day, Index area) { return run_on(w, f, day, area); }
    Tally run_all_on(World& world, AreaProcess f, std::int64_t day) const {
        Tally total;
        for (Index a = 0; a < world.areas.count(); ++a) total.add(run_on(world, f, day, a));
        return total;
    }
    Tally run_all(AreaProcess f, std::int64_t day) { return run_all_on(w, f, day); }
    // The first `n` month starts from day `from` on.
    std::vector<std::int64_t> month_starts(std::size_t n, std::int64_t from = 0) const {
        std::vector<std::int64_t> out;
        for (std::int64_t d = from; out.size() < n; ++d)
            if (calendar.is_month_start(d)) out.push_back(d);
        return out;
    }
    void run_organisations(std::int64_t day) { jiceng::run_organisations(w, ctx(day)); }
    void refresh(std::int64_t day = kJan1) { run_all(&refresh_aggregates, day); }
    void refresh_on(World& world, std::int64_t day = kJan1) const { run_all_on(world, &refresh_aggregates, day); }
};

// Every resident of an occupied household in `area`, in index order.
inline std::vector<Index> occupied_residents(const World& w, Index area) {
    std::vector<Index> out;
    const auto& A = w.areas;
    const auto& H = w.households;
    for (Index h = A.first_household[area]; h < A.first_household[area] + A.households[area]; ++h)
        if (H.occupied[h])
            for (Index i = H.first_resident[h]; i < H.first_resident[h] + H.size[h]; ++i) out.push_back(i);
    return out;
}

inline std::vector<Index> occupied_residents(const World& w) {
    std::vector<Index> out;
    for (Index a = 0; a < w.areas.count(); ++a) {
        auto part = occupied_residents(w, a);
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

inline bool is_adult(const World& w, Index i) {
    return w.residents.age_band[i] != u8(AgeBand::Child);
}

// Binomial standard error of a proportion p over n trials.
inline double binomial_se(double p, double n) {
    return std::sqrt(std::max(p * (1.0 - p), 1e-12) / std::max(n, 1.0));
}

}  // namespace jiceng::proctest
