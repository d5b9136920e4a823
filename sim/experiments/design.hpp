// Experimental designs on the unit cube [0, 1]^k. Each is a pure function of
// its arguments (and a seed where it draws), so an experiment file always
// expands to the same points. Mapping unit coordinates to parameter values is
// the experiment's job (sim/experiments/experiment.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace jiceng {

using UnitPoint = std::vector<double>;  // one coordinate per parameter, each in [0, 1]

// The first `n` points of the (unscrambled) Sobol' sequence in `dims`
// dimensions, starting at index `skip`. Supports up to kSobolMaxDims dimensions.
inline constexpr std::size_t kSobolMaxDims = 64;
std::vector<UnitPoint> sobol_sequence(std::size_t n, std::size_t dims, std::size_t skip = 0);

// Latin hypercube: `n` points, each axis cut into n strata with exactly one
// point per stratum, placed uniformly at random within it.
std::vector<UnitPoint> latin_hypercube(std::size_t n, std::size_t dims, std::uint64_t seed);

// Morris (1991) elementary-effects design: `trajectories` trajectories of
// dims + 1 points on a grid of `levels` levels (even); consecutive points of
// a trajectory differ in exactly one coordinate, by +-delta with
// delta = levels / (2 (levels - 1)). Points are listed trajectory by trajectory.
std::vector<UnitPoint> morris_trajectories(std::size_t trajectories, std::size_t dims, int levels, std::uint64_t seed);
double morris_delta(int levels);

// Saltelli (2010) design for Sobol' indices from a 2*dims-dimensional Sobol'
// sequence: for each base sample j the block A_j, B_j, AB_j^1 .. AB_j^dims
// (A_j with coordinate i taken from B_j), so dims + 2 points per base sample,
// base sample by base sample. Needs 2 * dims <= kSobolMaxDims.
std::vector<UnitPoint> saltelli(std::size_t base_samples, std::size_t dims);

// Every combination of `levels[i]` values (indices), the first axis varying
// slowest: the grid design, as index tuples.
std::vector<std::vector<std::size_t>> grid_indices(const std::vector<std::size_t>& levels);

}  // namespace jiceng
