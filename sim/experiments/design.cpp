#include "sim/experiments/design.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace jiceng {

namespace {

// A small counter-free generator (splitmix64) so that designs are the same
// on every platform: the standard distributions are not specified bit-exactly.
class DesignRandom {
public:
    explicit DesignRandom(std::uint64_t seed) : state_(seed ^ 0x6A09E667F3BCC909ull) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::uint64_t state_;
};

struct Direction {
    int degree;
    unsigned coefficients;
    std::array<unsigned, 18> initial;
};

constexpr Direction kDirections[] = {
#include "sim/experiments/sobol_directions.inc"
};
static_assert(std::size(kDirections) + 1 == kSobolMaxDims);

constexpr int kBits = 52;  // coordinates keep 52 bits, so they convert to double exactly

// Direction numbers v[bit] (scaled by 2^kBits) of one dimension.
std::array<std::uint64_t, kBits> direction_numbers(std::size_t dim) {
    std::array<std::uint64_t, kBits> v{};
    if (dim == 0) {
        for (int k = 0; k < kBits; ++k) v[k] = std::uint64_t{1} << (kBits - 1 - k);
        return v;
    }
    const Direction& d = kDirections[dim - 1];
    const int s = d.degree;
    std::array<std::uint64_t, kBits> m{};
    for (int k = 0; k < s && k < kBits; ++k) m[k] = d.initial[k];
    for (int k = s; k < kBits; ++k) {
        std::uint64_t value = m[k - s] ^ (m[k - s] << s);
        for (int j = 1; j < s; ++j)
            if ((d.coefficients >> (s - 1 - j)) & 1u) value ^= m[k - j] << j;
        m[k] = value;
    }
    for (int k = 0; k < kBits; ++k) v[k] = m[k] << (kBits - 1 - k);
    return v;
}

}  // namespace

std::vector<UnitPoint> sobol_sequence(std::size_t n, std::size_t dims, std::size_t skip) {
    if (dims > kSobolMaxDims) throw std::invalid_argument("sobol_sequence: at most 64 dimensions");
    std::vector<std::array<std::uint64_t, kBits>> v;
    for (std::size_t d = 0; d < dims; ++d) v.push_back(direction_numbers(d));
    std::vector<UnitPoint> points;
    points.reserve(n);
    // Gray-code order would be faster; the direct form keeps index i at point i.
    for (std::size_t i = skip; i < skip + n; ++i) {
        UnitPoint p(dims);
        for (std::size_t d = 0; d < dims; ++d) {
            std::uint64_t x = 0;
            std::uint64_t gray = i ^ (i >> 1);
            for (int bit = 0; gray != 0 && bit < kBits; ++bit, gray >>= 1)
                if (gray & 1u) x ^= v[d][bit];
            p[d] = static_cast<double>(x) * 0x1.0p-52;
        }
        points.push_back(std::move(p));
    }
    return points;
}

std::vector<UnitPoint> latin_hypercube(std::size_t n, std::size_t dims, std::uint64_t seed) {
    DesignRandom random(seed);
    std::vector<UnitPoint> points(n, UnitPoint(dims));
    std::vector<std::size_t> strata(n);
    for (std::size_t d = 0; d < dims; ++d) {
        for (std::size_t i = 0; i < n; ++i) strata[i] = i;
        random.shuffle(strata);
        for (std::size_t i = 0; i < n; ++i)
            points[i][d] = (static_cast<double>(strata[i]) + random.uniform()) / static_cast<double>(n);
    }
    return points;
}

double morris_delta(int levels) {
    return levels / (2.0 * (levels - 1));
}

std::vector<UnitPoint> morris_trajectories(std::size_t trajectories, std::size_t dims, int levels, std::uint64_t seed) {
    if (levels < 2 || levels % 2 != 0)
        throw std::invalid_argument("morris_trajectories: levels must be even and at least 2");
    DesignRandom random(seed);
    const double delta = morris_delta(levels);
    const double step = 1.0 / (levels - 1);
    std::vector<UnitPoint> points;
    points.reserve(trajectories * (dims + 1));
    std::vector<std::size_t> order(dims);
    for (std::size_t t = 0; t < trajectories; ++t) {
        // A start on any level; each coordinate moves away from its nearer edge,
        // so every step stays inside the cube.
        UnitPoint x(dims);
        for (auto& coordinate : x)
            coordinate = static_cast<double>(random.below(static_cast<std::size_t>(levels))) * step;
        for (std::size_t i = 0; i < dims; ++i) order[i] = i;
        random.shuffle(order);
        points.push_back(x);
        for (std::size_t i : order) {
            x[i] = x[i] < 0.5 ? x[i] + delta : x[i] - delta;
            x[i] = std::clamp(x[i], 0.0, 1.0);  // rounding only
            points.push_back(x);
        }
    }
    return points;
}

std::vector<UnitPoint> saltelli(std::size_t base_samples, std::size_t dims) {
    if (2 * dims > kSobolMaxDims) throw std::invalid_argument("saltelli: at most 32 parameters");
    // Index 0 of the sequence is the corner (0, ..., 0): start after it.
    const auto base = sobol_sequence(base_samples, 2 * dims, 1);
    std::vector<UnitPoint> points;
    points.reserve(base_samples * (dims + 2));
    for (const auto& row : base) {
        const UnitPoint a(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(dims));
        const UnitPoint b(row.begin() + static_cast<std::ptrdiff_t>(dims), row.end());
        points.push_back(a);
        points.push_back(b);
        for (std::size_t i = 0; i < dims; ++i) {
            UnitPoint ab = a;
            ab[i] = b[i];
            points.push_back(std::move(ab));
        }
    }
    return points;
}

std::vector<std::vector<std::size_t>> grid_indices(const std::vector<std::size_t>& levels) {
    std::size_t total = 1;
    for (auto n : levels) total *= n;
    std::vector<std::vector<std::size_t>> out;
    if (levels.empty()) return out;
    out.reserve(total);
    std::vector<std::size_t> index(levels.size(), 0);
    for (std::size_t k = 0; k < total; ++k) {
        out.push_back(index);
        for (std::size_t axis = levels.size(); axis-- > 0;) {
            if (++index[axis] < levels[axis]) break;
            index[axis] = 0;
        }
    }
    return out;
}

}  // namespace jiceng
