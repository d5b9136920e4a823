// Replicate runner and paired comparison of two scenarios with common random
// numbers: replicate r of A and of B use the same seed and replicate number,
// so their difference reflects the scenarios, not the draws.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/model/results.hpp"

namespace jiceng {

class Simulation;

// Runs one simulation to its end; `on_day` after every day, `on_done` with
// the finished simulation (to write it, say) before it is destroyed.
Results run_one(std::shared_ptr<const Model> model, std::uint64_t seed, std::uint64_t replicate, std::int64_t days,
                const std::function<void(std::int64_t)>& on_day = {},
                const std::function<void(const Simulation&)>& on_done = {});

struct Difference {
    std::string outcome;
    double a = 0, b = 0;    // means over replicates of the final value
    double diff = 0;        // mean of paired differences (B - A)
    double lo = 0, hi = 0;  // 95 % interval of the mean difference (t); NaN with one replicate
};

struct Comparison {
    int replicates = 0;
    std::int64_t days = 0;
    std::vector<Difference> outcomes;
    std::string to_json(const std::string& a_name, const std::string& b_name) const;
};

// One number per outcome for a whole run: a stock's value on the last day,
// a flow's total over all days, a mean's average over the days weighted by
// the events it averages (mean_weight).
double summary_value(const Results& results, Outcome outcome);

// Summary values of every outcome, by replicate: finals[replicate][outcome].
Comparison compare_finals(const std::vector<std::vector<double>>& finals_a,
                          const std::vector<std::vector<double>>& finals_b, std::int64_t days);

double student_t_975(int dof);

}  // namespace jiceng
