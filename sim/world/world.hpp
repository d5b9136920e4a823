// The district: nested territory and the agents in it, stored as structures
// of arrays. Residents are laid out so that every area's residents, households
// and buildings are contiguous ranges: an area is the unit of parallel work,
// and a process that touches only its own area's rows needs no locks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jiceng {

using Index = std::uint32_t;
inline constexpr Index kNone = 0xFFFFFFFFu;

enum class AgeBand : std::uint8_t { Child = 0, Working = 1, Retired = 2 };
enum class Tenure : std::uint8_t { Owner = 0, Renter = 1, Floating = 2 };
enum class MemberType : std::uint8_t { None = 0, InWork = 1, Retired = 2, Floating = 3, Unemployed = 4 };
inline constexpr int kMemberTypes = 5;
enum class Engagement : std::uint8_t { Active = 0, Nominal = 1, Lapsed = 2 };
enum class NeedType : std::uint8_t { None = 0, Hardship, Elderly, Job, Dispute, Psych, Public };
inline constexpr int kNeedTypes = 7;
// Workplaces by type; SocialService are private schools and hospitals (民办
// 学校、民营医院); MassTeam are the unregistered 群众团队 of a street.
enum class OrgType : std::uint8_t {
    Government = 0,
    Public,
    StateFirm,
    Private,
    Foreign,
    Social,
    SocialService,
    MassTeam
};
inline constexpr int kOrgTypes = 8;
inline constexpr const char* kOrgTypeNames[kOrgTypes] = {"government", "public", "state_firm",     "private",
                                                         "foreign",    "social", "social_service", "mass_team"};
// Party organisation of a workplace (S000 threshold rule).
enum class PartyForm : std::uint8_t { None = 0, Liaison, GroupInJoint, OwnBranch };
// Where a member's organisational relation (组织关系) is kept.
enum class Relation : std::uint8_t { None = 0, Workplace, Community, Elsewhere, Inflow, Lost };

// Resident flag bits.
namespace flag {
inline constexpr std::uint8_t kLowIncome = 1;
inline constexpr std::uint8_t kElderlyAlone = 2;
inline constexpr std::uint8_t kUnemployed = 4;
inline constexpr std::uint8_t kCadre = 8;
inline constexpr std::uint8_t kVolunteer = 16;
inline constexpr std::uint8_t kInGroup = 32;    // member of a building Party group
inline constexpr std::uint8_t kNeedKnown = 64;  // the current need is known to some channel
inline constexpr std::uint8_t kMassTeam = 128;  // takes part in a 群众团队
}  // namespace flag

struct Residents {
    std::vector<Index> household;
    std::vector<Index> employer;                // workplace index or kNone
    std::vector<std::uint8_t> age_band;         // AgeBand
    std::vector<std::uint8_t> flags;            // flag::*
    std::vector<std::uint8_t> skill;            // NeedType the resident is skilled at, or None
    std::vector<std::uint8_t> member;           // MemberType
    std::vector<std::uint8_t> engagement;       // Engagement (members only)
    std::vector<std::uint8_t> relation;         // Relation (members only)
    std::vector<std::uint8_t> need;             // NeedType of the open need, or None
    std::vector<std::uint16_t> need_age;        // days the open need has waited
    std::vector<float> trust;                   // in the community Party organisation, 0..1
    std::vector<float> satisfaction;            // with services received, 0..1
    std::vector<std::int32_t> next_need_day;    // event-driven arrival of the next need
    std::vector<std::int32_t> application_day;  // day a membership application is decided, or -1
    // 1 while the slot's household is occupied (mirrors Households::occupied,
    // so that a pass over a building's residents needs no household table).
    std::vector<std::uint8_t> present;

    // Every persistent array, by name (checkpoints, memory accounting). A new
    // array must be listed here or it is not saved.
    template <class Self, class F>
    static void visit(Self& self, F&& f) {
        f("household", self.household);
        f("employer", self.employer);
        f("age_band", self.age_band);
        f("flags", self.flags);
        f("skill", self.skill);
        f("member", self.member);
        f("engagement", self.engagement);
        f("relation", self.relation);
        f("need", self.need);
        f("need_age", self.need_age);
        f("trust", self.trust);
        f("satisfaction", self.satisfaction);
        f("next_need_day", self.next_need_day);
        f("application_day", self.application_day);
        f("present", self.present);
    }
    std::size_t size() const { return household.size(); }
    void resize(std::size_t n);
    std::size_t bytes() const;
};

struct Households {
    std::vector<Index> building;
    std::vector<Index> first_resident;
    std::vector<std::uint8_t> size;
    std::vector<std::uint8_t> occupied;
    std::vector<std::uint8_t> tenure;         // Tenure
    std::vector<std::int32_t> next_move_day;  // event-driven move-out day
    // Every persistent array, by name (checkpoints, memory accounting). A new
    // array must be listed here or it is not saved.
    template <class Self, class F>
    static void visit(Self& self, F&& f) {
        f("building", self.building);
        f("first_resident", self.first_resident);
        f("size", self.size);
        f("occupied", self.occupied);
        f("tenure", self.tenure);
        f("next_move_day", self.next_move_day);
    }
    std::size_t count() const { return building.size(); }
};

struct Buildings {
    std::vector<Index> area;
    std::vector<float> x, y;  // map position, metres
    std::vector<Index> first_household, households;
    std::vector<Index> first_resident, residents;  // resident slots
    std::vector<std::uint8_t> groups;              // building Party groups (楼组党小组) here
    std::vector<float> ties;                       // neighbour mutual-help ties
    // Aggregates of the previous state, refreshed at the start of each day.
    std::vector<std::uint16_t> occupants, members_active, members_disclosed_active;
    std::vector<float> trust_mean;
    // Every persistent array, by name (checkpoints, memory accounting). A new
    // array must be listed here or it is not saved.
    template <class Self, class F>
    static void visit(Self& self, F&& f) {
        f("area", self.area);
        f("x", self.x);
        f("y", self.y);
        f("first_household", self.first_household);
        f("households", self.households);
        f("first_resident", self.first_resident);
        f("residents", self.residents);
        f("groups", self.groups);
        f("ties", self.ties);
        f("occupants", self.occupants);
        f("members_active", self.members_active);
        f("members_disclosed_active", self.members_disclosed_active);
        f("trust_mean", self.trust_mean);
    }
    std::size_t count() const { return area.size(); }
};

struct Areas {
    std::vector<Index> street;
    std::vector<Index> first_building, buildings;
    std::vector<Index> first_household, households;
    std::vector<Index> first_resident, residents;
    std::vector<std::uint16_t> staff;
    // Aggregates of the previous state, refreshed at the start of each day.
    std::vector<float> member_hours, volunteer_hours;  // available per day
    std::vector<std::uint8_t> skill_pool;              // bit n set: an active helper is skilled at NeedType n
    std::vector<std::uint8_t> member_skill_pool;       // the same, active members only (studio leaders)
    // Counted at the end of the previous day; the morning turns them into the
    // hours above with the day's rates (so a live rate change applies at once).
    std::vector<std::uint32_t> active_by_type;  // [area * kMemberTypes + MemberType]: active members
    std::vector<std::uint32_t> volunteers;      // non-member volunteers
    // Written by the response phase and read by engagement later the same day.
    std::vector<float> overload;                    // >= 1: outstanding hours per active member over the threshold
    std::vector<std::uint32_t> member_resolutions;  // needs members resolved today
    std::vector<float> service_hours;               // hours of service given yesterday (for crowding-out)
    // Residents' committee secretary and staff team.
    std::vector<float> staff_skill;
    // Volunteer studio (党员志愿者工作室): NeedType of its speciality + 1, or 0.
    std::vector<std::uint8_t> studio;
    // Earliest day a pending membership application is decided (INT32_MAX if
    // none): lets the participation phase skip areas with nothing due.
    std::vector<std::int32_t> next_decision;
    // Residents with a known open need, in slot order: gathered by discovery,
    // answered by response on the same day. Scratch, not state: rebuilt each
    // day, so it is not in visit().
    std::vector<std::vector<Index>> known;
    // Every persistent array, by name (checkpoints, memory accounting). A new
    // array must be listed here or it is not saved.
    template <class Self, class F>
    static void visit(Self& self, F&& f) {
        f("street", self.street);
        f("first_building", self.first_building);
        f("buildings", self.buildings);
        f("first_household", self.first_household);
        f("households", self.households);
        f("first_resident", self.first_resident);
        f("residents", self.residents);
        f("staff", self.staff);
        f("member_hours", self.member_hours);
        f("volunteer_hours", self.volunteer_hours);
        f("skill_pool", self.skill_pool);
        f("member_skill_pool", self.member_skill_pool);
        f("active_by_type", self.active_by_type);
        f("volunteers", self.volunteers);
        f("overload", self.overload);
        f("member_resolutions", self.member_resolutions);
        f("service_hours", self.service_hours);
        f("staff_skill", self.staff_skill);
        f("studio", self.studio);
        f("next_decision", self.next_decision);
    }
    std::size_t count() const { return street.size(); }
};

struct Streets {
    std::vector<std::string> name;
    std::vector<Index> first_area, areas;
    std::vector<float> x, y, half_width;
    std::size_t count() const { return name.size(); }
};

struct Organisations {
    std::vector<std::uint8_t> type;  // OrgType
    std::vector<Index> street;
    std::vector<std::uint32_t> staff;
    std::vector<std::uint16_t> members;  // Party members on the staff
    std::vector<std::uint8_t> alive;
    std::vector<std::uint8_t> form;        // PartyForm
    std::vector<std::uint8_t> functional;  // the Party organisation meets and works
    std::vector<std::uint8_t> registered;  // registered with the civil-affairs or business registry
    std::vector<std::uint16_t> relations;  // members whose relation has been transferred in
    std::vector<std::uint8_t> instructor;  // looked after by a Party-building instructor
    // Every persistent array, by name (checkpoints, memory accounting). A new
    // array must be listed here or it is not saved.
    template <class Self, class F>
    static void visit(Self& self, F&& f) {
        f("type", self.type);
        f("street", self.street);
        f("staff", self.staff);
        f("members", self.members);
        f("alive", self.alive);
        f("form", self.form);
        f("functional", self.functional);
        f("registered", self.registered);
        f("relations", self.relations);
        f("instructor", self.instructor);
    }
    std::size_t count() const { return type.size(); }
};

// Chances that a new resident of each kind is a Party member, fixed at
// synthesis so that arrivals keep the district's membership structure.
struct MembershipOdds {
    double retired = 0, unemployed = 0, working_local = 0, working_floating = 0;
};

// Runtime policy state set by strategies each day and read by processes. It
// is world state, not parameters: parameters never change during a run. The
// defaults mean "no strategy". It is reset and set after the staffing phase,
// so the phases before it (aggregates, moves, employment, staffing) see the
// previous day's policy.
struct Policy {
    // 楼组党建
    bool disclosure = false;                  // 亮身份: group members are visible
    double group_discovery_multiplier = 1.0;  // in-group members notice more needs
    double group_active_to_nominal = 1.0;     // dual leadership slows decay
    // service targeting: negative = use response.generic_share
    double generic_share = -1.0;
    double provision = 1.0;  // multiplier on members' and volunteers' hours
    // staff (secretary professionalisation, 政务评议)
    double staff_effort = 1.0;
    double secretary_turnover = 1.0;
    double secretary_training = 0.0;  // skill per year
    // 三会
    double public_resolve = 1.0, dispute_resolve = 1.0, dispute_escalation = 1.0;
    // studios
    double studio_hours_daily = 0.0, studio_discovery = 0.0, studio_recruit_monthly = 0.0;
    // floating-member management
    double floating_register_monthly = 0.0, floating_handover = 0.0;
    // 共驻共建
    double lent_hours_daily = 0.0, team_reach_monthly = 0.0, team_join = 1.0;
    // organisational coverage
    double responsibility = 1.0, gate = 0.0, fallback_monthly = 0.0, rating_monthly = 0.0, rating_paper_share = 0.0;
    bool liaisons = false;
    double routine_effect = 1.0, instructor_effect = 1.0, funding_effect = 1.0;  // 1 = no effect
    double platform_report = 1.0, platform_transfer = 1.0;
    double campaign_push = 0.0;  // daily chance, > 0 only while a campaign runs
    std::int64_t instructors_per_street = 0, instructor_load = 1;
    // Spending of all strategies today (yuan), recorded as `budget`.
    double budget_per_day = 0.0;
};

struct World;
// Moves a household in or out: its occupied flag and its residents' present flags.
void set_occupied(World& w, Index household, bool occupied);

struct World {
    Streets streets;
    Areas areas;
    Buildings buildings;
    Households households;
    Residents residents;
    Organisations orgs;
    // Cumulative employment draw table over live workplaces (by staff).
    std::vector<double> employer_cdf;
    MembershipOdds membership_odds;
    Policy policy;

    std::size_t occupied_residents() const;
    std::size_t bytes() const;
};

}  // namespace jiceng
