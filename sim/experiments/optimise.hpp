// Derivative-free minimisation within a box: Nelder-Mead (Lagarias et al.
// 1998 coefficients) on the unit cube, with points projected onto the box
// and restarts around the best point while the budget lasts.
#pragma once

#include <functional>
#include <vector>

namespace jiceng {

struct OptimumResult {
    std::vector<double> x;  // best point found, each coordinate in [0, 1]
    double value = 0;
    int evaluations = 0;
    bool converged = false;  // the simplex shrank below the tolerance
};

struct NelderMeadOptions {
    int max_evaluations = 200;
    double initial_step = 0.25;  // simplex edge, in unit-cube coordinates
    double x_tolerance = 1e-4;   // stop when the simplex is smaller than this
    double f_tolerance = 1e-10;  // and its values differ by less than this
    int restarts = 2;            // fresh simplices around the best point
};

// Minimises f over [0, 1]^n from x0. f sees only points inside the cube.
OptimumResult nelder_mead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                          const NelderMeadOptions& options = {});

}  // namespace jiceng
