// The day's fused passes. Each runs processes defined in their own files, one
// after the other for each resident, in a single pass over the area (see
// sweep.hpp for when that equals running them one pass each).
#include "sim/processes/aggregates.hpp"
#include "sim/processes/discovery.hpp"
#include "sim/processes/engagement.hpp"
#include "sim/processes/needs.hpp"
#include "sim/processes/processes.hpp"
#include "sim/processes/sweep.hpp"
#include "sim/processes/trust.hpp"

namespace jiceng {

void run_needs_discovery(World& w, const DayContext& ctx, Index area, Tally& tally) {
    (void)sweep_area(w, area, NeedsProcess(w, ctx, area, tally), DiscoveryProcess(w, ctx, area, tally));
}

void run_engagement_trust_aggregates(World& w, const DayContext& ctx, Index area, Tally&) {
    auto [engagement, trust, aggregates] =
        sweep_area(w, area, EngagementProcess(w, ctx, area), TrustProcess(w, ctx), AggregatesProcess(w, area));
    const Stock stock = aggregates.finish();
    if (ctx.stocks) ctx.stocks[area] = stock;
}

}  // namespace jiceng
