// Global sensitivity analysis of a sweep: Morris elementary effects (mu*,
// sigma) and Sobol' first-order and total indices (Saltelli 2010 and Jansen
// estimators) with bootstrap intervals. The estimators take plain numbers so
// that tests can check them against functions with known indices (Ishigami).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/experiments/design.hpp"

namespace jiceng {

struct SweepResults;

struct MorrisIndex {
    double mu = 0, mu_star = 0, sigma = 0;  // in outcome units per full range of the parameter
    double mu_star_lo = 0, mu_star_hi = 0;  // bootstrap 95 % interval of mu*
};

struct SobolIndex {
    double first = 0, first_lo = 0, first_hi = 0;
    double total = 0, total_lo = 0, total_hi = 0;
};

// Morris indices from trajectories of dims + 1 points each (as
// morris_trajectories lays them out) and the output y at every point.
std::vector<MorrisIndex> morris_indices(const std::vector<UnitPoint>& unit, const std::vector<double>& y,
                                        std::size_t dims, int bootstrap = 1000, std::uint64_t seed = 1);

// Sobol' indices from outputs at a Saltelli design (as saltelli() lays it
// out: base sample by base sample, A, B, AB^1..AB^dims).
std::vector<SobolIndex> sobol_indices(const std::vector<double>& y, std::size_t base_samples, std::size_t dims,
                                      int bootstrap = 1000, std::uint64_t seed = 1);

// One outcome on one sample day of a sweep, by parameter.
struct SensitivityTable {
    std::string outcome, method;  // method: morris or sobol
    std::int32_t day = 0;
    std::vector<std::string> params;
    std::vector<MorrisIndex> morris;
    std::vector<SobolIndex> sobol;
    double variance = 0;  // of the replicate means over the design
};

// Uses the mean over replicates at each point. Throws std::runtime_error
// when the sweep's design is not morris or sobol.
SensitivityTable sweep_sensitivity(const SweepResults& sweep, std::size_t outcome, std::size_t day,
                                   int bootstrap = 1000);

}  // namespace jiceng
