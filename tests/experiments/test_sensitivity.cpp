#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "sim/experiments/design.hpp"
#include "sim/experiments/sensitivity.hpp"

namespace jiceng {
namespace {

// Ishigami (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi].
// With a = 7, b = 0.1 the indices are known in closed form.
double ishigami(const UnitPoint& u) {
    const double pi = std::numbers::pi;
    const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
    return std::sin(x1) + 7.0 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

struct IshigamiTruth {
    double s1[3], st[3];
};

IshigamiTruth ishigami_truth() {
    const double pi = std::numbers::pi, a = 7.0, b = 0.1;
    const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
    const double v2 = a * a / 8;
    const double v13 = std::pow(b, 2) * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
    const double v = v1 + v2 + v13;
    return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

TEST(Sobol, RecoversIshigamiIndices) {
    const IshigamiTruth truth = ishigami_truth();
    EXPECT_NEAR(truth.s1[0], 0.3139, 1e-4);
    EXPECT_NEAR(truth.st[2], 0.2437, 1e-4);
    const std::size_t n = 4096, dims = 3;
    const auto design = saltelli(n, dims);
    std::vector<double> y;
    for (const auto& u : design) y.push_back(ishigami(u));
    const auto indices = sobol_indices(y, n, dims, 300, 11);
    for (std::size_t i = 0; i < dims; ++i) {
        SCOPED_TRACE("x" + std::to_string(i + 1));
        EXPECT_NEAR(indices[i].first, truth.s1[i], 0.03);
        EXPECT_NEAR(indices[i].total, truth.st[i], 0.03);
        // The bootstrap intervals hold the estimate and have some width.
        EXPECT_LE(indices[i].first_lo, indices[i].first);
        EXPECT_GE(indices[i].first_hi, indices[i].first);
        EXPECT_LE(indices[i].total_lo, indices[i].total);
        EXPECT_GE(indices[i].total_hi, indices[i].total);
        EXPECT_GT(indices[i].total_hi - indices[i].total_lo, 0.0);
        EXPECT_LT(indices[i].total_hi - indices[i].total_lo, 0.15);
    }
    // x3 acts only through its interaction with x1.
    EXPECT_LT(std::abs(indices[2].first), 0.03);
    EXPECT_GT(indices[2].total, 0.2);
}

TEST(Sobol, IntervalsNarrowWithMoreSamples) {
    auto width = [](std::size_t n) {
        const auto design = saltelli(n, 3);
        std::vector<double> y;
        for (const auto& u : design) y.push_back(ishigami(u));
        const auto x = sobol_indices(y, n, 3, 200, 3);
        return x[1].first_hi - x[1].first_lo;
    };
    EXPECT_GT(width(256), 1.5 * width(4096));
}

TEST(Sobol, ConstantOutputHasNoIndices) {
    const std::vector<double> y(5 * 16, 2.5);
    const auto x = sobol_indices(y, 16, 3, 10, 1);
    EXPECT_TRUE(std::isnan(x[0].first));
    EXPECT_THROW(sobol_indices(std::vector<double>(7), 2, 3, 0, 1), std::invalid_argument);
}

TEST(Morris, LinearAndQuadraticEffects) {
    // f = 2 x1 + x2^2 + 0 x3 on the unit cube: x1's elementary effect is exactly 2
    // everywhere (sigma 0); x2's depends on where it is taken (sigma > 0); x3 has none.
    const std::size_t dims = 3;
    const auto design = morris_trajectories(20, dims, 4, 5);
    std::vector<double> y;
    for (const auto& u : design) y.push_back(2 * u[0] + u[1] * u[1]);
    const auto m = morris_indices(design, y, dims, 200, 2);
    EXPECT_NEAR(m[0].mu, 2.0, 1e-12);
    EXPECT_NEAR(m[0].mu_star, 2.0, 1e-12);
    EXPECT_NEAR(m[0].sigma, 0.0, 1e-12);
    EXPECT_NEAR(m[0].mu_star_lo, 2.0, 1e-12);
    EXPECT_NEAR(m[0].mu_star_hi, 2.0, 1e-12);
    EXPECT_GT(m[1].mu_star, 0.3);
    EXPECT_GT(m[1].sigma, 0.1);
    EXPECT_EQ(m[2].mu_star, 0.0);
    EXPECT_EQ(m[2].sigma, 0.0);
}

TEST(Morris, RanksIshigamiParameters) {
    // On Ishigami x1 and x2 matter most on their own; x3 acts through x1, so its
    // effects vary in sign: mu near zero, mu* and sigma large.
    const std::size_t dims = 3;
    const auto design = morris_trajectories(200, dims, 8, 9);
    std::vector<double> y;
    for (const auto& u : design) y.push_back(ishigami(u));
    const auto m = morris_indices(design, y, dims, 100, 4);
    EXPECT_GT(m[2].mu_star, 1.0);
    EXPECT_LT(std::abs(m[2].mu), 0.5 * m[2].mu_star);
    EXPECT_GT(m[2].sigma, m[2].mu_star);
    EXPECT_LT(m[1].sigma, m[1].mu_star * 1.5);
}

}  // namespace
}  // namespace jiceng
