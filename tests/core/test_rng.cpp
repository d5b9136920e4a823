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
