#include "sim/experiments/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/experiments/sweep.hpp"

namespace jiceng {

namespace {

// Reproducible resampling indices (splitmix64), independent of the platform.
class Resampler {
public:
    explicit Resampler(std::uint64_t seed) : state_(seed) {}
    std::size_t below(std::size_t n) {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return static_cast<std::size_t>((z >> 11) % n);
    }

private:
    std::uint64_t state_;
};

// The 2.5 % and 97.5 % quantiles (linear interpolation).
std::pair<double, double> interval95(std::vector<double> v) {
    if (v.empty()) return {std::nan(""), std::nan("")};
    std::sort(v.begin(), v.end());
    auto q = [&](double p) {
        const double pos = p * static_cast<double>(v.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const auto hi = std::min(lo + 1, v.size() - 1);
        return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
    };
    return {q(0.025), q(0.975)};
}

}  // namespace

std::vector<MorrisIndex> morris_indices(const std::vector<UnitPoint>& unit, const std::vector<double>& y,
                                        std::size_t dims, int bootstrap, std::uint64_t seed) {
    if (unit.size() != y.size() || dims == 0 || unit.size() % (dims + 1) != 0)
        throw std::invalid_argument("morris_indices: expected trajectories of dims + 1 points");
    const std::size_t trajectories = unit.size() / (dims + 1);
    // effects[i][t]: the elementary effect of parameter i in trajectory t.
    std::vector<std::vector<double>> effects(dims, std::vector<double>(trajectories, std::nan("")));
    for (std::size_t t = 0; t < trajectories; ++t) {
        for (std::size_t step = 0; step < dims; ++step) {
            const std::size_t a = t * (dims + 1) + step, b = a + 1;
            std::size_t moved = 0;
            double largest = -1;
            for (std::size_t i = 0; i < dims; ++i) {
                const double d = std::abs(unit[b][i] - unit[a][i]);
                if (d > largest) {
                    largest = d;
                    moved = i;
                }
            }
            const double delta = unit[b][moved] - unit[a][moved];
            if (delta != 0) effects[moved][t] = (y[b] - y[a]) / delta;
        }
    }
    auto stats = [](const std::vector<double>& e, const std::vector<std::size_t>& pick) {
        double sum = 0, sum_abs = 0;
        std::size_t n = 0;
        for (auto t : pick)
            if (std::isfinite(e[t])) {
                sum += e[t];
                sum_abs += std::abs(e[t]);
                ++n;
            }
        MorrisIndex m;
        if (n == 0) return m;
        m.mu = sum / static_cast<double>(n);
        m.mu_star = sum_abs / static_cast<double>(n);
        double ss = 0;
        for (auto t : pick)
            if (std::isfinite(e[t])) ss += (e[t] - m.mu) * (e[t] - m.mu);
        m.sigma = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1)) : 0.0;
        return m;
    };
    std::vector<std::size_t> all(trajectories);
    for (std::size_t t = 0; t < trajectories; ++t) all[t] = t;
    std::vector<MorrisIndex> out;
    Resampler random(seed);
    for (std::size_t i = 0; i < dims; ++i) {
        MorrisIndex m = stats(effects[i], all);
        std::vector<double> boot;
        std::vector<std::size_t> pick(trajectories);
        for (int b = 0; b < bootstrap; ++b) {
            for (auto& p : pick) p = random.below(trajectories);
            boot.push_back(stats(effects[i], pick).mu_star);
        }
        std::tie(m.mu_star_lo, m.mu_star_hi) = bootstrap > 0 ? interval95(boot) : std::pair{m.mu_star, m.mu_star};
        out.push_back(m);
    }
    return out;
}

std::vector<SobolIndex> sobol_indices(const std::vector<double>& y, std::size_t base_samples, std::size_t dims,
                                      int bootstrap, std::uint64_t seed) {
    const std::size_t block = dims + 2;
    if (dims == 0 || y.size() != base_samples * block)
        throw std::invalid_argument("sobol_indices: expected base_samples x (dims + 2) outputs");
    auto A = [&](std::size_t j) { return y[j * block]; };
    auto B = [&](std::size_t j) { return y[j * block + 1]; };
    auto AB = [&](std::size_t j, std::size_t i) { return y[j * block + 2 + i]; };
    // Indices over a selection of base samples (all of them, or a bootstrap resample).
    auto estimate = [&](const std::vector<std::size_t>& pick, std::vector<double>& first, std::vector<double>& total) {
        const double n = static_cast<double>(pick.size());
        double mean = 0;
        for (auto j : pick) mean += (A(j) + B(j)) / (2 * n);
        double variance = 0;
        for (auto j : pick) variance += ((A(j) - mean) * (A(j) - mean) + (B(j) - mean) * (B(j) - mean)) / (2 * n);
        for (std::size_t i = 0; i < dims; ++i) {
            double s1 = 0, st = 0;
            for (auto j : pick) {
                // Saltelli et al. (2010) with f_B centred: the same expectation, but
                // without the mean's noise, which swamps small variances.
                s1 += (B(j) - mean) * (AB(j, i) - A(j));
                st += (A(j) - AB(j, i)) * (A(j) - AB(j, i));  // Jansen (1999)
            }
            first[i] = variance > 0 ? s1 / n / variance : std::nan("");
            total[i] = variance > 0 ? st / (2 * n) / variance : std::nan("");
        }
    };
    std::vector<std::size_t> all(base_samples);
    for (std::size_t j = 0; j < base_samples; ++j) all[j] = j;
    std::vector<double> first(dims), total(dims);
    estimate(all, first, total);
    std::vector<std::vector<double>> boot_first(dims), boot_total(dims);
    Resampler random(seed);
    std::vector<std::size_t> pick(base_samples);
    std::vector<double> f(dims), t(dims);
    for (int b = 0; b < bootstrap; ++b) {
        for (auto& p : pick) p = random.below(base_samples);
        estimate(pick, f, t);
        for (std::size_t i = 0; i < dims; ++i) {
            if (std::isfinite(f[i])) boot_first[i].push_back(f[i]);
            if (std::isfinite(t[i])) boot_total[i].push_back(t[i]);
        }
    }
    std::vector<SobolIndex> out(dims);
    for (std::size_t i = 0; i < dims; ++i) {
        out[i].first = first[i];
        out[i].total = total[i];
        std::tie(out[i].first_lo, out[i].first_hi) =
            bootstrap > 0 ? interval95(boot_first[i]) : std::pair{first[i], first[i]};
        std::tie(out[i].total_lo, out[i].total_hi) =
            bootstrap > 0 ? interval95(boot_total[i]) : std::pair{total[i], total[i]};
    }
    return out;
}

SensitivityTable sweep_sensitivity(const SweepResults& s, std::size_t outcome, std::size_t day, int bootstrap) {
    SensitivityTable t;
    t.outcome = s.outcomes.at(outcome);
    t.method = s.method;
    t.day = s.sample_days.at(day);
    const std::size_t k = s.params.size();
    for (const auto& p : s.params) t.params.push_back(p.key);
    std::vector<double> y(s.points);
    for (std::size_t q = 0; q < s.points; ++q) y[q] = s.mean(q, day, outcome);
    double mean = 0;
    for (double v : y) mean += v / static_cast<double>(y.size());
    for (double v : y) t.variance += (v - mean) * (v - mean) / static_cast<double>(y.size());
    if (s.method == "morris") {
        std::vector<UnitPoint> unit(s.points, UnitPoint(k));
        for (std::size_t q = 0; q < s.points; ++q)
            for (std::size_t i = 0; i < k; ++i) unit[q][i] = s.unit_at(q, i);
        t.morris = morris_indices(unit, y, k, bootstrap);
    } else if (s.method == "sobol") {
        t.sobol = sobol_indices(y, static_cast<std::size_t>(s.sobol_base_samples), k, bootstrap);
    } else {
        throw std::runtime_error(s.path + ": the design is \"" + s.method +
                                 "\"; sensitivity indices need morris or sobol");
    }
    return t;
}

}  // namespace jiceng
