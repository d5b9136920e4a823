#include "sim/world/world.hpp"

#include <algorithm>

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
    present.resize(n, 1);
}

std::size_t Residents::bytes() const {
    std::size_t n = 0;
    visit(*this, [&](const char*, const auto& v) { n += bytes_of(v); });
    return n;
}

void set_occupied(World& w, Index household, bool occupied) {
    auto& H = w.households;
    H.occupied[household] = occupied;
    const auto first = w.residents.present.begin() + H.first_resident[household];
    std::fill(first, first + H.size[household], static_cast<std::uint8_t>(occupied));
}

std::size_t World::occupied_residents() const {
    std::size_t n = 0;
    for (std::size_t h = 0; h < households.count(); ++h)
        if (households.occupied[h]) n += households.size[h];
    return n;
}

std::size_t World::bytes() const {
    std::size_t n = residents.bytes() + bytes_of(employer_cdf);
    const auto add = [&](const char*, const auto& v) { n += bytes_of(v); };
    Households::visit(households, add);
    Buildings::visit(buildings, add);
    Areas::visit(areas, add);
    Organisations::visit(orgs, add);
    for (const auto& k : areas.known) n += bytes_of(k);
    return n;
}

}  // namespace jiceng
