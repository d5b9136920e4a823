// Counter-based random streams.
//
// Every draw in jiceng is a pure function of (seed, replicate, day, process,
// entity id, draw index). That is what makes a run bit-identical whatever the
// thread count and whatever order entities are visited in: there is no
// generator state shared between entities, and none kept per thread.
//
// The block function is Philox-4x32-10 (Salmon et al., SC'11), written out
// here because Debian's Boost 1.74 has no Philox engine. `Stream` satisfies
// UniformRandomBitGenerator, so Boost.Random distributions run on top of it.
#pragma once

#include <array>
#include <boost/random/geometric_distribution.hpp>
#include <cstdint>
#include <limits>

#include "sim/core/stream_id.hpp"

namespace jiceng {

namespace detail {
inline void philox_round(std::array<std::uint32_t, 4>& ctr, std::array<std::uint32_t, 2> key) {
    constexpr std::uint64_t kM0 = 0xD2511F53u;
    constexpr std::uint64_t kM1 = 0xCD9E8D57u;
    const std::uint64_t p0 = kM0 * ctr[0];
    const std::uint64_t p1 = kM1 * ctr[2];
    ctr = {static_cast<std::uint32_t>(p1 >> 32) ^ ctr[1] ^ key[0], static_cast<std::uint32_t>(p1),
           static_cast<std::uint32_t>(p0 >> 32) ^ ctr[3] ^ key[1], static_cast<std::uint32_t>(p0)};
}

inline std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> ctr, std::array<std::uint32_t, 2> key) {
    constexpr std::uint32_t kW0 = 0x9E3779B9u;
    constexpr std::uint32_t kW1 = 0xBB67AE85u;
    for (int round = 0; round < 10; ++round) {
        philox_round(ctr, key);
        key[0] += kW0;
        key[1] += kW1;
    }
    return ctr;
}

// splitmix64 finaliser: spreads (seed, replicate) over the 64-bit key.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
}  // namespace detail

// One entity's stream for one process on one day. Cheap to construct: build
// one where it is needed, draw, and let it go.
class Stream {
public:
    using result_type = std::uint32_t;

    Stream(std::array<std::uint32_t, 2> key, std::uint32_t day, std::uint32_t process, std::uint32_t entity)
        : key_(key), ctr_{0u, entity, day, process} {}

    static constexpr result_type min() { return 0u; }
    static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

    result_type operator()() {
        if (used_ == 4) refill();
        return block_[used_++];
    }

    // Uniform on [0, 1) with 32 bits of resolution: the hot paths use this
    // directly; Boost distributions are used where a shape is needed.
    double uniform() { return static_cast<double>((*this)()) * 0x1.0p-32; }
    bool bernoulli(double p) { return uniform() < p; }

private:
    void refill() {
        block_ = detail::philox4x32_10(ctr_, key_);
        ++ctr_[0];
        used_ = 0;
    }

    std::array<std::uint32_t, 2> key_;
    std::array<std::uint32_t, 4> ctr_;
    std::array<std::uint32_t, 4> block_{};
    int used_ = 4;
};

// The keys of one run: hands out streams keyed by (day, process, entity).
class RandomStreams {
public:
    RandomStreams(std::uint64_t seed, std::uint64_t replicate) {
        const std::uint64_t k = detail::mix64(detail::mix64(seed) ^ (replicate * 0xD1B54A32D192ED03ull + 1));
        key_ = {static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k >> 32)};
        key64_ = detail::mix64(k ^ 0x5851F42D4C957F2Dull);
    }

    Stream stream(std::int64_t day, StreamId id, std::uint64_t entity) const {
        // Day -1 is synthesis; the counter word is unsigned, so shift by one.
        return Stream(key_, static_cast<std::uint32_t>(day + 1), id.value, static_cast<std::uint32_t>(entity));
    }
    Stream stream(std::int64_t day, ProcessId process, std::uint64_t entity) const {
        return stream(day, stream_of(process), entity);
    }

    // One uniform on [0, 1) for (day, process, entity), for the hottest
    // single-draw process (engagement: a draw per member per day). It is
    // SplitMix64 (Steele, Lea & Flood 2014) evaluated at a position made of
    // (day, process, entity): counter-based like a Stream, a bijective
    // 64-bit mix, about a tenth of a Philox block's work. Its positions never
    // meet a Stream's, which is a different function altogether.
    double uniform_once(std::int64_t day, ProcessId process, std::uint64_t entity) const {
        const std::uint64_t position = (static_cast<std::uint64_t>(day + 1) << 40) ^
                                       (static_cast<std::uint64_t>(process) << 32) ^ static_cast<std::uint32_t>(entity);
        const std::uint64_t z = detail::mix64(key64_ + position * 0x9E3779B97F4A7C15ull);
        return static_cast<double>(z >> 11) * 0x1.0p-53;
    }

private:
    std::array<std::uint32_t, 2> key_{};
    std::uint64_t key64_ = 0;
};

// Days of waiting before an event whose daily chance is p (failures before
// the first success). Boost's geometric law needs 0 < p < 1; p >= 1 (a
// certainty, e.g. moves.vacancy_days = 1) waits no day and draws nothing.
inline std::int64_t geometric_wait(Stream& s, double p) {
    if (p >= 1.0) return 0;
    boost::random::geometric_distribution<int, double> wait(p);
    return wait(s);
}

}  // namespace jiceng
