// End-of-day aggregates (see aggregates.cpp). A sweep process (sweep.hpp).
#pragma once

#include <array>

#include "sim/model/day.hpp"
#include "sim/world/world.hpp"

namespace jiceng {

class AggregatesProcess {
public:
    AggregatesProcess(World& w, Index area);
    void building(Index) {
        occupants_ = active_ = disclosed_ = 0;
        trust_ = 0;
    }
    void resident(Index i) {
        const float trust = trust_of_[i];
        const std::uint8_t flags = flags_[i], member = member_[i], engagement = engagement_[i], skill = skill_[i];
        ++occupants_;
        trust_ += trust;
        const bool volunteer = flags & flag::kVolunteer;
        const bool active_member = member && engagement == static_cast<std::uint8_t>(Engagement::Active);
        if (active_member) {
            ++active_;
            disclosed_ += disclosure_ && (flags & flag::kInGroup);
            ++active_by_type_[member];
            if (skill) member_skills_ |= static_cast<std::uint8_t>(1u << skill);
        } else if (volunteer && !member) {
            ++volunteers_;
        }
        if ((active_member || volunteer) && skill) skills_ |= static_cast<std::uint8_t>(1u << skill);
        // The record's stocks.
        stock_.satisfaction += satisfaction_[i];
        stock_.trust_low += trust < 0.3f;
        stock_.unemployed += (flags & flag::kUnemployed) != 0;
        if (need_[i]) {
            ++stock_.backlog;
            stock_.backlog_known += (flags & flag::kNeedKnown) != 0;
        }
        stock_.team_participants += (flags & flag::kMassTeam) != 0;
        if (!member) {
            stock_.volunteers_nonmember += volunteer;
            return;
        }
        ++stock_.members;
        stock_.volunteers_member += volunteer;
        if (member == static_cast<std::uint8_t>(MemberType::Floating)) {
            ++stock_.floating;
            stock_.floating_registered += relation_[i] == static_cast<std::uint8_t>(Relation::Inflow);
        }
        ++engagement_count_[engagement];
        if (member == static_cast<std::uint8_t>(MemberType::InWork)) {
            ++stock_.inwork;
            stock_.inwork_active += engagement == static_cast<std::uint8_t>(Engagement::Active);
        }
    }
    void building_done(Index b);
    // Writes the area's figures; returns its stocks.
    Stock finish();

private:
    World& w_;
    Index area_;
    const float* trust_of_;
    const float* satisfaction_;
    const std::uint8_t *flags_, *member_, *engagement_, *skill_, *need_, *relation_;
    bool disclosure_;
    std::uint32_t occupants_ = 0, active_ = 0, disclosed_ = 0;
    double trust_ = 0;
    std::array<std::uint32_t, kMemberTypes> active_by_type_{};
    std::array<std::int64_t, 3> engagement_count_{};
    std::uint32_t volunteers_ = 0;
    std::uint8_t skills_ = 0, member_skills_ = 0;
    Stock stock_;
};

// The aggregates of one area's current state, without moving it; returns
// the area's stocks.
Stock count_area_aggregates(World& w, Index area);

// The morning: yesterday's counts become today's helper hours at today's
// rates, and mutual-help ties decay.
void open_day(World& w, const DayContext& ctx, Index area, Tally& tally);

}  // namespace jiceng
