#include "sim/experiments/optimise.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace jiceng {

namespace {

std::vector<double> clamp01(std::vector<double> x) {
    for (auto& v : x) v = std::clamp(v, 0.0, 1.0);
    return x;
}

// x + t * (y - x), projected onto the cube.
std::vector<double> along(const std::vector<double>& x, const std::vector<double>& y, double t) {
    std::vector<double> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = x[i] + t * (y[i] - x[i]);
    return clamp01(std::move(out));
}

}  // namespace

OptimumResult nelder_mead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                          const NelderMeadOptions& o) {
    const std::size_t n = x0.size();
    if (n == 0) throw std::invalid_argument("nelder_mead: no parameters");
    OptimumResult best;
    best.x = clamp01(std::move(x0));
    best.value = std::numeric_limits<double>::infinity();
    auto evaluate = [&](const std::vector<double>& x) {
        if (best.evaluations >= o.max_evaluations) return std::numeric_limits<double>::infinity();
        ++best.evaluations;
        const double v = f(x);
        if (v < best.value) {
            best.value = v;
            best.x = x;
        }
        return v;
    };
    // Lagarias et al. (1998): reflection 1, expansion 2, contraction 1/2, shrink 1/2.
    constexpr double kReflect = 1.0, kExpand = 2.0, kContract = 0.5, kShrink = 0.5;
    double step = o.initial_step;
    for (int attempt = 0; attempt <= o.restarts && best.evaluations < o.max_evaluations; ++attempt) {
        // A simplex around the best point so far; edges point inwards at the walls.
        std::vector<std::vector<double>> simplex{best.x};
        for (std::size_t i = 0; i < n; ++i) {
            auto v = best.x;
            v[i] = v[i] + step <= 1.0 ? v[i] + step : v[i] - step;
            simplex.push_back(clamp01(std::move(v)));
        }
        std::vector<double> values;
        for (const auto& v : simplex) values.push_back(attempt == 0 || v != best.x ? evaluate(v) : best.value);
        std::vector<std::size_t> order(n + 1);
        bool converged = false;
        while (best.evaluations < o.max_evaluations) {
            std::iota(order.begin(), order.end(), 0);
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
            const std::size_t lo = order.front(), hi = order.back(), second = order[n - 1];
            double size = 0;
            for (std::size_t k = 0; k <= n; ++k)
                for (std::size_t i = 0; i < n; ++i) size = std::max(size, std::abs(simplex[k][i] - simplex[lo][i]));
            if (size < o.x_tolerance && values[hi] - values[lo] <= o.f_tolerance * (1 + std::abs(values[lo]))) {
                converged = true;
                break;
            }
            if (size < o.x_tolerance * 0.01) {  // collapsed without agreeing: restart
                break;
            }
            std::vector<double> centroid(n, 0.0);
            for (std::size_t k = 0; k <= n; ++k)
                if (k != hi)
                    for (std::size_t i = 0; i < n; ++i) centroid[i] += simplex[k][i] / static_cast<double>(n);
            const auto reflected = along(centroid, simplex[hi], -kReflect);
            const double fr = evaluate(reflected);
            if (fr < values[lo]) {
                const auto expanded = along(centroid, simplex[hi], -kExpand);
                const double fe = evaluate(expanded);
                if (fe < fr) {
                    simplex[hi] = expanded;
                    values[hi] = fe;
                } else {
                    simplex[hi] = reflected;
                    values[hi] = fr;
                }
                continue;
            }
            if (fr < values[second]) {
                simplex[hi] = reflected;
                values[hi] = fr;
                continue;
            }
            // Contract outside (towards the reflection) or inside (towards the worst point).
            const bool outside = fr < values[hi];
            const auto contracted = along(centroid, outside ? reflected : simplex[hi], kContract);
            const double fc = evaluate(contracted);
            if (fc < (outside ? fr : values[hi])) {
                simplex[hi] = contracted;
                values[hi] = fc;
                continue;
            }
            for (std::size_t k = 0; k <= n; ++k) {
                if (k == lo) continue;
                simplex[k] = along(simplex[lo], simplex[k], kShrink);
                values[k] = evaluate(simplex[k]);
            }
        }
        best.converged = converged;
        step = std::max(o.x_tolerance * 10, step * 0.25);
    }
    return best;
}

}  // namespace jiceng
