#include <gtest/gtest.h>

#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <set>

#include "sim/core/rng.hpp"

namespace jiceng {
namespace {

// Known-answer vectors for Philox-4x32-10 from the Random123 distribution (kat_vectors).
TEST(Philox, MatchesRandom123KnownAnswers) {
    EXPECT_EQ(detail::philox4x32_10({0, 0, 0, 0}, {0, 0}),
              (std::array<std::uint32_t, 4>{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}));
    EXPECT_EQ(detail::philox4x32_10({0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}, {0xffffffffu, 0xffffffffu}),
              (std::array<std::uint32_t, 4>{0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu}));
    EXPECT_EQ(detail::philox4x32_10({0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u}, {0xa4093822u, 0x299f31d0u}),
              (std::array<std::uint32_t, 4>{0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u}));
}

TEST(Streams, SameKeyGivesSameDraws) {
    RandomStreams a(42, 3), b(42, 3);
    Stream x = a.stream(10, ProcessId::Needs, 12345);
    Stream y = b.stream(10, ProcessId::Needs, 12345);
    for (int k = 0; k < 100; ++k) ASSERT_EQ(x(), y());
}

TEST(Streams, EachKeyComponentChangesTheDraws) {
    RandomStreams base(42, 3);
    const auto first = [](Stream s) { return std::array<std::uint32_t, 3>{s(), s(), s()}; };
    const auto ref = first(base.stream(10, ProcessId::Needs, 7));
    EXPECT_NE(ref, first(RandomStreams(43, 3).stream(10, ProcessId::Needs, 7)));
    EXPECT_NE(ref, first(RandomStreams(42, 4).stream(10, ProcessId::Needs, 7)));
    EXPECT_NE(ref, first(base.stream(11, ProcessId::Needs, 7)));
    EXPECT_NE(ref, first(base.stream(10, ProcessId::Trust, 7)));
    EXPECT_NE(ref, first(base.stream(10, ProcessId::Needs, 8)));
    EXPECT_NE(ref, first(base.stream(-1, ProcessId::Needs, 7)));
}

TEST(Streams, UniformIsUniform) {
    RandomStreams rng(1, 0);
    constexpr int kDraws = 200000;
    std::array<int, 10> bins{};
    double sum = 0;
    for (int k = 0; k < kDraws; ++k) {
        Stream s = rng.stream(k / 1000, ProcessId::Moves, static_cast<std::uint64_t>(k));
        const double u = s.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
        ++bins[static_cast<int>(u * 10)];
    }
    EXPECT_NEAR(sum / kDraws, 0.5, 0.005);
    // Chi-square with 9 degrees of freedom: 99.9 % quantile is 27.9.
    double chi2 = 0;
    for (int b : bins) chi2 += std::pow(b - kDraws / 10.0, 2) / (kDraws / 10.0);
    EXPECT_LT(chi2, 27.9);
}

// The single-draw generator: deterministic, sensitive to every key part,
// uniform, and without correlation between neighbouring entities or days
// (how the engagement phase walks it).
TEST(UniformOnce, DeterministicAndKeyed) {
    RandomStreams a(42, 3), b(42, 3);
    const double ref = a.uniform_once(10, ProcessId::Engagement, 7);
    EXPECT_EQ(ref, b.uniform_once(10, ProcessId::Engagement, 7));
    EXPECT_NE(ref, RandomStreams(43, 3).uniform_once(10, ProcessId::Engagement, 7));
    EXPECT_NE(ref, RandomStreams(42, 4).uniform_once(10, ProcessId::Engagement, 7));
    EXPECT_NE(ref, a.uniform_once(11, ProcessId::Engagement, 7));
    EXPECT_NE(ref, a.uniform_once(10, ProcessId::Trust, 7));
    EXPECT_NE(ref, a.uniform_once(10, ProcessId::Engagement, 8));
}

TEST(UniformOnce, UniformAndUncorrelated) {
    RandomStreams rng(5, 0);
    constexpr int kEntities = 2000, kDays = 200, kDraws = kEntities * kDays;
    std::array<int, 20> bins{};
    double sum = 0, lag_entity = 0, lag_day = 0;
    for (int day = 0; day < kDays; ++day) {
        double previous = 0.5;
        for (int i = 0; i < kEntities; ++i) {
            const double u = rng.uniform_once(day, ProcessId::Engagement, static_cast<std::uint64_t>(i));
            ASSERT_GE(u, 0.0);
            ASSERT_LT(u, 1.0);
            sum += u;
            ++bins[static_cast<int>(u * 20)];
            lag_entity += (u - 0.5) * (previous - 0.5);
            lag_day +=
                (u - 0.5) * (rng.uniform_once(day + 1, ProcessId::Engagement, static_cast<std::uint64_t>(i)) - 0.5);
            previous = u;
        }
    }
    EXPECT_NEAR(sum / kDraws, 0.5, 0.002);
    // Chi-square with 19 degrees of freedom: 99.9 % quantile is 43.8.
    double chi2 = 0;
    for (int b : bins) chi2 += std::pow(b - kDraws / 20.0, 2) / (kDraws / 20.0);
    EXPECT_LT(chi2, 43.8);
    // Lag-1 correlations (variance 1/12): |r| < 0.01 is about 6 standard errors at n = 400k.
    EXPECT_LT(std::fabs(lag_entity / kDraws * 12.0), 0.01);
    EXPECT_LT(std::fabs(lag_day / kDraws * 12.0), 0.01);
}

TEST(Streams, WorkWithBoostDistributions) {
    RandomStreams rng(7, 0);
    Stream s = rng.stream(0, ProcessId::Needs, 1);
    boost::random::poisson_distribution<int, double> poisson(3.5);
    double sum = 0;
    constexpr int kDraws = 50000;
    for (int k = 0; k < kDraws; ++k) sum += poisson(s);
    EXPECT_NEAR(sum / kDraws, 3.5, 0.05);
    boost::random::uniform_int_distribution<int> die(1, 6);
    std::set<int> faces;
    for (int k = 0; k < 1000; ++k) faces.insert(die(s));
    EXPECT_EQ(faces.size(), 6u);
}

}  // namespace
}  // namespace jiceng
