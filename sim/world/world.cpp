#include "sim/world/world.hpp"

namespace jiceng {

namespace {
template <class T>
std::size_t bytes_of(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}
}  // namespace

void Residents::resize(std::size_t n) {
    household.resize(n);
    employer.resize(n, kNone);
    age_band.resize(n);
    flags.resize(n);
    skill.resize(n);
    member.resize(n);
    engagement.resize(n);
    relation.resize(n);
    need.resize(n);
    need_age.resize(n);
    trust.resize(n);
    satisfaction.resize(n);
    next_need_day.resize(n);
    application_day.resize(n, -1);
}

std::size_t Residents::bytes() const {
    return bytes_of(household) + bytes_of(employer) + bytes_of(age_band) + bytes_of(flags) + bytes_of(skill) +
           bytes_of(member) + bytes_of(engagement) + bytes_of(relation) + bytes_of(need) + bytes_of(need_age) + bytes_of(trust) +
           bytes_of(satisfaction) + bytes_of(next_need_day) + bytes_of(application_day);
}

std::size_t World::occupied_residents() const {
    std::size_t n = 0;
    for (std::size_t h = 0; h < households.count(); ++h)
        if (households.occupied[h]) n += households.size[h];
    return n;
}

std::size_t World::bytes() const {
    const auto& b = buildings;
    const auto& h = households;
    return residents.bytes() + bytes_of(h.building) + bytes_of(h.first_resident) + bytes_of(h.size) +
           bytes_of(h.occupied) + bytes_of(h.tenure) + bytes_of(h.next_move_day) + bytes_of(b.area) + bytes_of(b.x) +
           bytes_of(b.y) + bytes_of(b.first_household) + bytes_of(b.households) + bytes_of(b.first_resident) +
           bytes_of(b.residents) + bytes_of(b.groups) + bytes_of(b.ties) + bytes_of(b.occupants) +
           bytes_of(b.members_active) + bytes_of(b.members_disclosed_active) + bytes_of(b.trust_mean) +
           bytes_of(orgs.type) * 12 + bytes_of(employer_cdf);
}

}  // namespace jiceng
