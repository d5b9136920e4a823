// Response: hours bound the attempts, staff first on working days, oldest
// needs first, skill raises success, generic visits spend a share of hours,
// overload rises with the known workload.
#include <algorithm>
#include <numeric>

#include "process_bench.hpp"

namespace jiceng::proctest {
namespace {

// Area 0 with no hours of any kind and no open needs; tests add what they study.
struct Desk {
    Bench bench;
    std::vector<Index> residents;

    explicit Desk(Scenario s = small_scenario(), std::uint64_t seed = 51) : bench(std::move(s), seed) {
        bench.refresh();
        World& w = bench.w;
        residents = occupied_residents(w, 0);
        for (Index i : residents) {
            w.residents.need[i] = 0;
            w.residents.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
        }
        w.areas.member_hours[0] = 0;
        w.areas.volunteer_hours[0] = 0;
        w.areas.staff[0] = 0;
        w.areas.studio[0] = 0;
        w.areas.skill_pool[0] = 0;
        w.policy.generic_share = 0.0;
    }
    World& w() { return bench.w; }
    // Opens a known need of `type` for residents[k], k in [from, to), aged so
    // that earlier ones are older (age = base + to − k).
    void known(std::size_t from, std::size_t to, NeedType type, std::uint16_t base = 10) {
        for (std::size_t k = from; k < to; ++k) {
            const Index i = residents[k];
            w().residents.need[i] = u8(type);
            w().residents.need_age[i] = static_cast<std::uint16_t>(base + to - k);
            w().residents.flags[i] |= flag::kNeedKnown;
        }
    }
    // What discovery hands to response: the residents of the area with a
    // known open need, in slot order (World::areas.known).
    void gather() {
        auto& list = w().areas.known[0];
        list.clear();
        for (Index i : occupied_residents(w(), 0))
            if (w().residents.need[i] != 0 && (w().residents.flags[i] & flag::kNeedKnown)) list.push_back(i);
    }
    Tally run(std::int64_t day) {
        gather();
        return bench.run(&run_response, day, 0);
    }
    std::size_t open_needs() const {
        std::size_t n = 0;
        for (Index i : residents) n += bench.w.residents.need[i] != 0;
        return n;
    }
};

Scenario certain() {
    Scenario s = small_scenario();
    s.params.response_resolve_base = 1.0;
    s.params.response_resolve_skilled = 1.0;
    return s;
}

// Attempts = min(known, ⌊hours / hours_per_need⌋); resolved ≤ attempts.
TEST(Response, HoursBoundTheAttempts) {
    for (double hours : {0.0, 2.9, 3.0, 10.0, 30.0, 600.0}) {
        Desk d;
        const double cost = d.bench.p().response_hours_per_need;
        d.known(0, 100, NeedType::Psych);
        d.w().areas.member_hours[0] = static_cast<float>(hours);
        const Tally t = d.run(kJan4);
        const double attempts = t.member_hours / cost;
        EXPECT_DOUBLE_EQ(attempts, std::min(100.0, std::floor(hours / cost + 1e-9))) << "hours " << hours;
        EXPECT_LE(t.resolved, attempts);
        EXPECT_EQ(static_cast<std::size_t>(t.resolved), 100 - d.open_needs());
        EXPECT_EQ(t.staff_hours, 0.0);
        EXPECT_LE(t.member_hours, hours + 1e-6);
    }
}

// Whatever the generic share, the helper hours spent never exceed the hours
// there are.
TEST(Response, GenericVisitsNeverSpendMoreHoursThanThereAre) {
    for (double share : {0.5, 0.9, 1.0}) {
        for (float hours : {2.0f, 4.5f, 7.0f}) {
            Desk d(certain(), 52);
            d.known(0, d.residents.size(), NeedType::Psych);
            d.w().policy.generic_share = share;
            d.w().areas.member_hours[0] = hours;
            for (std::int64_t day = 1; day <= 10; ++day) {
                const Tally t = d.run(kJan4 + 7 * day);
                EXPECT_LE(t.member_hours, hours + 1e-6);
                EXPECT_LE(t.generic_hours, t.member_hours + 1e-9);
            }
        }
    }
}

// Every attempt, generic visit or targeted, costs hours_per_need, so
// resolved ≤ attempts ≤ hours / hours_per_need. Every resident has an open
// need and every attempt succeeds, so resolutions count the attempts.
TEST(Response, GenericVisitsAreBoundByTheHoursToo) {
    const double cases[][2] = {{0.5, 2.0}, {0.9, 4.5}, {1.0, 4.5}};
    for (const auto& c : cases) {
        const double share = c[0], hours = c[1];
        Desk d(certain(), 52);
        const double cost = d.bench.p().response_hours_per_need;
        d.w().policy.generic_share = share;
        d.w().areas.member_hours[0] = static_cast<float>(hours);
        for (std::int64_t day = 1; day <= 40; ++day) {
            d.known(0, d.residents.size(), NeedType::Psych);
            const Tally t = d.run(kJan4 + 7 * day);
            EXPECT_LE(t.resolved, std::floor(hours / cost))
                << "share " << share << " day " << day << ": " << t.resolved << " attempts with " << hours
                << " hours at " << cost << " hours each";
        }
    }
}

// Staff hours are used first on working days (and the oldest needs go first),
// then members'; at weekends staff give no hours.
TEST(Response, StaffHoursFirstOnWorkingDaysOnly) {
    for (std::int64_t day : {kJan2, kJan4}) {
        Desk d(certain());
        const double cost = d.bench.p().response_hours_per_need;
        const double staff_hours = d.bench.p().response_staff_hours;
        d.w().areas.staff[0] = 2;
        d.w().areas.staff_skill[0] = 1.0f;
        d.w().areas.member_hours[0] = static_cast<float>(10 * cost);
        d.known(0, 50, NeedType::Psych);
        const float ties_before = std::accumulate(d.w().buildings.ties.begin(), d.w().buildings.ties.end(), 0.0f);
        const Tally t = d.run(day);
        const bool working = d.bench.calendar.is_working_day(day);
        const int staff_attempts = working ? static_cast<int>(2 * staff_hours / cost) : 0;
        EXPECT_DOUBLE_EQ(t.staff_hours, staff_attempts * cost) << "day " << day;
        EXPECT_DOUBLE_EQ(t.member_hours, 10 * cost);
        EXPECT_EQ(t.resolved, staff_attempts + 10);
        EXPECT_EQ(t.member_resolutions, 10) << "staff resolutions are not members'";
        EXPECT_EQ(d.w().areas.member_resolutions[0], 10u);
        EXPECT_NEAR(d.w().areas.service_hours[0], 10 * cost, 1e-4);
        // The resolved needs are the oldest ones.
        for (std::size_t k = 0; k < 50; ++k)
            EXPECT_EQ(d.w().residents.need[d.residents[k]] == 0, static_cast<int>(k) < staff_attempts + 10)
                << "k " << k;
        // Only helper resolutions build ties.
        const float ties_after = std::accumulate(d.w().buildings.ties.begin(), d.w().buildings.ties.end(), 0.0f);
        EXPECT_NEAR(ties_after - ties_before, 10 * d.bench.p().ties_gain, 1e-3);
    }
}

// Skilled helpers resolve more: the same streams, the area's skill pool with
// and without the need's type; every need resolved without skill is resolved
// with it, and the rates are resolve_base and resolve_skilled (4 standard errors).
TEST(Response, SkilledHelpersResolveMore) {
    Scenario s = small_scenario();
    s.params.response_resolve_base = 0.3;
    s.params.response_resolve_skilled = 0.9;
    Desk plain(s), skilled(s);
    const std::size_t n = plain.residents.size();
    for (Desk* d : {&plain, &skilled}) {
        d->known(0, n, NeedType::Psych);
        d->w().areas.member_hours[0] = static_cast<float>(n * d->bench.p().response_hours_per_need);
    }
    skilled.w().areas.skill_pool[0] = static_cast<std::uint8_t>(1u << u8(NeedType::Psych));
    plain.w().areas.skill_pool[0] = static_cast<std::uint8_t>(1u << u8(NeedType::Dispute));  // another skill
    const Tally tp = plain.run(kJan4);
    const Tally ts = skilled.run(kJan4);
    for (Index i : plain.residents)
        if (plain.w().residents.need[i] == 0) {
            EXPECT_EQ(skilled.w().residents.need[i], 0) << i;
        }
    EXPECT_NEAR(tp.resolved / double(n), 0.3, 4.0 * binomial_se(0.3, n));
    EXPECT_NEAR(ts.resolved / double(n), 0.9, 4.0 * binomial_se(0.9, n));
}

// Staff succeed with resolve_base × (0.6 + 0.8 × staff skill).
TEST(Response, StaffSkillRaisesStaffResolution) {
    Scenario s = small_scenario();
    s.params.response_resolve_base = 0.5;
    for (float skill : {0.0f, 1.0f}) {
        Desk d(s);
        const std::size_t n = d.residents.size();
        d.known(0, n, NeedType::Hardship);
        d.w().areas.staff[0] = 2000;
        d.w().areas.staff_skill[0] = skill;
        const Tally t = d.run(kJan2);
        ASSERT_DOUBLE_EQ(t.staff_hours, n * d.bench.p().response_hours_per_need);
        const double q = 0.5 * (0.6 + 0.8 * skill);
        EXPECT_NEAR(t.resolved / double(n), q, 4.0 * binomial_se(q, n)) << "skill " << skill;
    }
}

// A generic share spends that share of helper hours on random visits (whole
// visits, so exact here: 0.5 × 30 h = 5 visits of 3 h); the rest goes to
// known needs. Generic visits help only residents with an open need, known
// or not.
TEST(Response, GenericShareSpendsHoursOnRandomVisits) {
    for (double share : {0.0, 0.5, 1.0}) {
        Desk d(certain());
        const double cost = d.bench.p().response_hours_per_need;
        d.w().policy.generic_share = share;
        d.w().areas.member_hours[0] = static_cast<float>(10 * cost);
        d.known(0, 20, NeedType::Psych);
        const Tally t = d.run(kJan4);
        EXPECT_NEAR(t.generic_hours, share * 10 * cost, 1e-6) << "share " << share;
        EXPECT_NEAR(t.member_hours, 10 * cost, 1e-6);
    }
    // Unknown needs only: targeted service finds nothing, generic visits do.
    Desk d(certain());
    d.known(0, d.residents.size(), NeedType::Psych);
    for (Index i : d.residents) d.w().residents.flags[i] &= static_cast<std::uint8_t>(~flag::kNeedKnown);
    d.w().areas.member_hours[0] = 30.0f;
    Tally t = d.run(kJan4);
    EXPECT_EQ(t.resolved, 0);
    EXPECT_EQ(t.member_hours, 0.0);
    d.w().policy.generic_share = 1.0;
    t = d.run(kJan5);
    EXPECT_GE(t.resolved, 8);  // 10 visits; two may land on the same resident
    EXPECT_LE(t.resolved, 10);
    EXPECT_NEAR(t.generic_hours, 30.0, 1e-6);
}

// Overload = max(1, known × hours_per_need / active members / overload_hours),
// rising with the known workload.
TEST(Response, OverloadIsAtLeastOneAndRisesWithKnownNeeds) {
    float last = 0;
    for (std::size_t k : {0u, 5u, 20u, 100u, 400u, 1000u}) {
        Desk d;
        World& w = d.w();
        for (Index b = w.areas.first_building[0]; b < w.areas.first_building[0] + w.areas.buildings[0]; ++b)
            w.buildings.members_active[b] = b == w.areas.first_building[0] ? 10 : 0;
        d.known(0, std::min(k, d.residents.size()), NeedType::Elderly);
        d.run(kJan4);
        const double expected = std::max(1.0, std::min(k, d.residents.size()) * d.bench.p().response_hours_per_need /
                                                  10.0 / d.bench.p().engagement_overload_hours);
        EXPECT_GE(w.areas.overload[0], 1.0f);
        EXPECT_NEAR(w.areas.overload[0], expected, 1e-4 * expected) << k << " known needs";
        EXPECT_GE(w.areas.overload[0], last);
        last = w.areas.overload[0];
    }
    EXPECT_GT(last, 10.0f);
}

// A resolution clears the need and its knowledge, adds the age to
// resolution_days, and moves trust and satisfaction towards 1 at trust.learning.
TEST(Response, ResolutionClearsTheNeedAndRaisesTrust) {
    Desk d(certain());
    d.known(0, 5, NeedType::Hardship, 10);
    for (std::size_t k = 0; k < 5; ++k) {
        d.w().residents.trust[d.residents[k]] = 0.5f;
        d.w().residents.satisfaction[d.residents[k]] = 0.25f;
    }
    d.w().areas.member_hours[0] = 100.0f;
    const Tally t = d.run(kJan4);
    EXPECT_EQ(t.resolved, 5);
    EXPECT_EQ(t.resolution_days, 15 + 14 + 13 + 12 + 11);
    const double learning = d.bench.p().trust_learning;
    for (std::size_t k = 0; k < 5; ++k) {
        const Index i = d.residents[k];
        EXPECT_EQ(d.w().residents.need[i], 0);
        EXPECT_FALSE(d.w().residents.flags[i] & flag::kNeedKnown);
        EXPECT_NEAR(d.w().residents.trust[i], 0.5 + learning * 0.5, 1e-6);
        EXPECT_NEAR(d.w().residents.satisfaction[i], 0.25 + learning * 0.75, 1e-6);
    }
}

// A studio's hours go to needs of its speciality only, and older needs of
// other types do not stop it from reaching them.
TEST(Response, StudioServesItsSpecialityOnly) {
    Scenario s = small_scenario();
    s.params.response_resolve_base = 0.0;
    s.params.response_resolve_skilled = 1.0;
    Desk d(s);
    const double cost = d.bench.p().response_hours_per_need;
    d.w().areas.studio[0] = u8(NeedType::Dispute) + 1;
    d.w().policy.studio_hours_daily = 10 * cost;
    d.known(0, 20, NeedType::Psych, 100);  // older
    d.known(20, 40, NeedType::Dispute, 10);
    const Tally t = d.run(kJan4);
    EXPECT_EQ(t.resolved, 10);
    for (std::size_t k = 0; k < 40; ++k) {
        const bool resolved = d.w().residents.need[d.residents[k]] == 0;
        EXPECT_EQ(resolved, k >= 20 && k < 30) << "k " << k;
    }
}

// Hours lent by workplaces come last and build no ties.
TEST(Response, LentHoursComeAfterMembersAndVolunteers) {
    Desk d(certain());
    const double cost = d.bench.p().response_hours_per_need;
    d.w().areas.member_hours[0] = static_cast<float>(2 * cost);
    d.w().areas.volunteer_hours[0] = static_cast<float>(1 * cost);
    d.w().policy.lent_hours_daily = 3 * cost;
    d.known(0, 50, NeedType::Job);
    const auto ties_before = d.w().buildings.ties;
    const Tally t = d.run(kJan4);
    EXPECT_EQ(t.resolved, 6);
    EXPECT_NEAR(t.member_hours, 6 * cost, 1e-6);
    EXPECT_EQ(t.member_resolutions, 2);
    float gained = 0;
    for (Index b = 0; b < d.w().buildings.count(); ++b) gained += d.w().buildings.ties[b] - ties_before[b];
    EXPECT_NEAR(gained, 3 * d.bench.p().ties_gain, 1e-4) << "members and volunteers build ties; lent staff do not";
}

// Non-member adults served by members may apply (here always: apply_after_help
// 1, trust 1): application decided after participation.vetting_days.
TEST(Response, MemberHelpLeadsNonMembersToApply) {
    Scenario s = certain();
    s.params.participation_apply_after_help = 1.0;
    Desk d(s);
    auto& r = d.w().residents;
    const std::size_t n = 60;
    d.known(0, n, NeedType::Psych);
    std::int64_t eligible = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const Index i = d.residents[k];
        r.trust[i] = 1.0f;
        r.application_day[i] = -1;
        if (k % 4 == 0) r.member[i] = u8(MemberType::Retired);
        eligible += r.member[i] == 0 && is_adult(d.w(), i);
    }
    d.w().areas.member_hours[0] = static_cast<float>(n * d.bench.p().response_hours_per_need);
    const std::int64_t day = 10;
    const Tally t = d.run(day);
    EXPECT_EQ(t.applications, eligible);
    ASSERT_GT(eligible, 0);
    EXPECT_EQ(d.w().areas.next_decision[0], day + s.params.participation_vetting_days)
        << "participation must visit the area then";
    for (std::size_t k = 0; k < n; ++k) {
        const Index i = d.residents[k];
        const bool applies = r.member[i] == 0 && is_adult(d.w(), i);
        EXPECT_EQ(r.application_day[i], applies ? day + s.params.participation_vetting_days : -1) << "k " << k;
    }
}

}  // namespace
}  // namespace jiceng::proctest
