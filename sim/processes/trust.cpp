// Trust: beyond own outcomes (applied where they happen, in needs and
// response), residents see active members whose identity is disclosed in
// their building and drift towards their neighbours' mean trust, but only
// when it is within trust.confidence of their own (bounded confidence), so
// one bad case does not flip a building. The update is TrustProcess
// (trust.hpp); the day runs it fused with engagement and the aggregates.
#include "sim/processes/trust.hpp"

#include "sim/processes/processes.hpp"
#include "sim/processes/sweep.hpp"

namespace jiceng {

void run_trust(World& w, const DayContext& ctx, Index area, Tally&) {
    (void)sweep_area(w, area, TrustProcess(w, ctx));
}

}  // namespace jiceng
