#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/experiments/design.hpp"

namespace jiceng {
namespace {

TEST(Sobol, MatchesPublishedFirstPoints) {
    // The unscrambled sequence as SciPy's qmc.Sobol (same Joe-Kuo numbers) gives it.
    const auto p = sobol_sequence(16, 64);
    const double expected[8][3] = {{0, 0, 0},
                                   {0.5, 0.5, 0.5},
                                   {0.75, 0.25, 0.25},
                                   {0.25, 0.75, 0.75},
                                   {0.375, 0.375, 0.625},
                                   {0.875, 0.875, 0.125},
                                   {0.625, 0.125, 0.875},
                                   {0.125, 0.625, 0.375}};
    for (int i = 0; i < 8; ++i)
        for (int d = 0; d < 3; ++d) EXPECT_EQ(p[i][d], expected[i][d]) << "point " << i << " dim " << d;
    EXPECT_EQ(p[5][10], 0.375);
    EXPECT_EQ(p[5][40], 0.375);
    EXPECT_EQ(p[5][63], 0.625);
    EXPECT_EQ(p[15][7], 0.3125);
    EXPECT_EQ(p[15][33], 0.3125);
    EXPECT_EQ(p[15][62], 0.8125);
}

TEST(Sobol, EveryDimensionStratifiesPowersOfTwo) {
    // The first 2^m points put exactly one point in each interval [k/2^m, (k+1)/2^m)
    // on every axis: a wrong direction number breaks this.
    for (std::size_t m : {4u, 7u}) {
        const std::size_t n = std::size_t{1} << m;
        const auto p = sobol_sequence(n, kSobolMaxDims);
        for (std::size_t d = 0; d < kSobolMaxDims; ++d) {
            std::set<std::size_t> cells;
            for (const auto& x : p) cells.insert(static_cast<std::size_t>(x[d] * static_cast<double>(n)));
            EXPECT_EQ(cells.size(), n) << "dimension " << d << ", 2^" << m << " points";
        }
    }
    EXPECT_THROW(sobol_sequence(1, kSobolMaxDims + 1), std::invalid_argument);
}

TEST(Sobol, SkipContinuesTheSequence) {
    const auto all = sobol_sequence(10, 5);
    const auto later = sobol_sequence(4, 5, 6);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(later[i], all[6 + i]);
}

TEST(LatinHypercube, OnePointPerStratumAndReproducible) {
    const std::size_t n = 37, dims = 4;
    const auto p = latin_hypercube(n, dims, 99);
    ASSERT_EQ(p.size(), n);
    for (std::size_t d = 0; d < dims; ++d) {
        std::set<std::size_t> strata;
        for (const auto& x : p) {
            ASSERT_GE(x[d], 0.0);
            ASSERT_LT(x[d], 1.0);
            strata.insert(static_cast<std::size_t>(x[d] * n));
        }
        EXPECT_EQ(strata.size(), n) << "dimension " << d;
    }
    EXPECT_EQ(latin_hypercube(n, dims, 99), p);
    EXPECT_NE(latin_hypercube(n, dims, 100), p);
}

TEST(Morris, TrajectoriesMoveOneCoordinateByDelta) {
    const std::size_t dims = 5, trajectories = 12;
    const int levels = 4;
    const double delta = morris_delta(levels);
    EXPECT_DOUBLE_EQ(delta, 2.0 / 3.0);
    const auto p = morris_trajectories(trajectories, dims, levels, 7);
    ASSERT_EQ(p.size(), trajectories * (dims + 1));
    for (std::size_t t = 0; t < trajectories; ++t) {
        std::set<std::size_t> moved;
        for (std::size_t s = 0; s < dims; ++s) {
            const auto& a = p[t * (dims + 1) + s];
            const auto& b = p[t * (dims + 1) + s + 1];
            std::size_t changes = 0;
            for (std::size_t i = 0; i < dims; ++i) {
                EXPECT_GE(b[i], 0.0);
                EXPECT_LE(b[i], 1.0);
                // Every coordinate sits on the grid of `levels` levels.
                EXPECT_NEAR(b[i] * (levels - 1), std::round(b[i] * (levels - 1)), 1e-12);
                if (a[i] != b[i]) {
                    ++changes;
                    moved.insert(i);
                    EXPECT_NEAR(std::abs(b[i] - a[i]), delta, 1e-12);
                }
            }
            EXPECT_EQ(changes, 1u) << "trajectory " << t << " step " << s;
        }
        EXPECT_EQ(moved.size(), dims) << "every parameter moves once per trajectory";
    }
    EXPECT_THROW(morris_trajectories(1, 2, 3, 1), std::invalid_argument);
}

TEST(Saltelli, BlocksAreABAndMixedColumns) {
    const std::size_t n = 8, dims = 3;
    const auto p = saltelli(n, dims);
    ASSERT_EQ(p.size(), n * (dims + 2));
    const auto base = sobol_sequence(n, 2 * dims, 1);
    for (std::size_t j = 0; j < n; ++j) {
        const auto& a = p[j * (dims + 2)];
        const auto& b = p[j * (dims + 2) + 1];
        for (std::size_t i = 0; i < dims; ++i) {
            EXPECT_EQ(a[i], base[j][i]);
            EXPECT_EQ(b[i], base[j][dims + i]);
        }
        for (std::size_t i = 0; i < dims; ++i) {
            const auto& ab = p[j * (dims + 2) + 2 + i];
            for (std::size_t k = 0; k < dims; ++k) EXPECT_EQ(ab[k], k == i ? b[k] : a[k]);
        }
    }
}

TEST(Grid, FirstAxisVariesSlowest) {
    const auto g = grid_indices({2, 3});
    const std::vector<std::vector<std::size_t>> expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}};
    EXPECT_EQ(g, expected);
    EXPECT_EQ(grid_indices({4, 1, 5}).size(), 20u);
}

}  // namespace
}  // namespace jiceng
