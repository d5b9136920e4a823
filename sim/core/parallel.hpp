// The model's one parallel loop: body(i) for every i in [begin, end), any
// order, any thread. Results never depend on the order (each i writes only its
// own rows; sums are reduced afterwards in index order).
//
// Normally oneTBB. Built with JICENG_PARALLEL_STD (the tsan preset only), it
// runs on plain std::threads in static chunks instead: ThreadSanitizer cannot
// see the hand-offs inside Debian's oneTBB, which is not built for it, and
// would report TBB's own code; thread creation and join it does see, so the
// model's code is checked for races for real. The thread count follows the
// same tbb::global_control limit either way.
#pragma once

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace jiceng {

template <class Index, class Body>
void parallel_for(Index begin, Index end, const Body& body) {
#ifdef JICENG_PARALLEL_STD
    if (end <= begin) return;
    const auto n = static_cast<std::size_t>(end - begin);
    const std::size_t threads = std::min<std::size_t>(
        n, std::max<std::size_t>(1, tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism)));
    const std::size_t chunk = (n + threads - 1) / threads;
    auto run = [&](std::size_t t) {
        const std::size_t lo = t * chunk, hi = std::min(n, lo + chunk);
        for (std::size_t k = lo; k < hi; ++k) body(static_cast<Index>(begin + static_cast<Index>(k)));
    };
    std::vector<std::thread> workers;
    for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(run, t);
    run(0);
    for (auto& w : workers) w.join();
#else
    tbb::parallel_for(begin, end, body);
#endif
}

}  // namespace jiceng
