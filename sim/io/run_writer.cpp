#include "sim/io/run_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <system_error>

#include "sim/core/version.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/simulation/simulation.hpp"

namespace jiceng {

std::string utc_now_iso() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

namespace {

void write_provenance(hid_t file, const Simulation& sim, const RunProvenance& prov) {
    const Scenario& sc = sim.model().scenario;
    h5::write_attr(file, "format", std::string("jiceng-run"));
    h5::write_attr(file, "format_version", kFormatVersion);
    h5::write_attr(file, "jiceng_version", std::string(version()));
    h5::write_attr(file, "git_commit", std::string(git_commit()));
    h5::write_attr(file, "seed", static_cast<std::int64_t>(sim.seed()));
    h5::write_attr(file, "replicate", static_cast<std::int64_t>(sim.replicate()));
    h5::write_attr(file, "threads", prov.threads);
    h5::write_attr(file, "days", sim.day());
    h5::write_attr(file, "start_date", sim.calendar().iso(0));
    h5::write_attr(file, "started_at", prov.started_at);
    h5::write_attr(file, "finished_at", prov.finished_at);
    h5::write_attr(file, "scenario_name", sc.meta.name);
    h5::write_attr(file, "scenario_title_en", sc.meta.title_en);
    h5::write_attr(file, "scenario_title_zh", sc.meta.title_zh);
    h5::write_attr(file, "scenario_description_en", sc.meta.description_en);
    h5::write_attr(file, "scenario_description_zh", sc.meta.description_zh);
    h5::write_attr(file, "scenario_file", prov.scenario_file);
    h5::write_attr(file, "scenario_toml", sc.resolved_toml());
    h5::write_attr(file, "scenario_sources", sc.sources_text());
    if (prov.resumed_day >= 0) {
        h5::write_attr(file, "resumed_from", prov.resumed_from);
        h5::write_attr(file, "resumed_day", prov.resumed_day);
    }
    if (prov.branch_day >= 0) {
        h5::write_attr(file, "branch_day", prov.branch_day);
        h5::write_attr(file, "branch_scenario_name", prov.branch_scenario_name);
        h5::write_attr(file, "branch_scenario_file", prov.branch_scenario_file);
        h5::write_attr(file, "branch_scenario_toml", prov.branch_scenario_toml);
    }
    auto group = h5::create_group(file, "parameters");
    for (const auto& spec : param_table()) {
        const std::string key(spec.key);
        const ParamValue value = spec.get(sc.params);
        h5::Handle ds;
        if (const auto* i = std::get_if<std::int64_t>(&value)) {
            h5::write_attr(file, "param." + key, *i);
            ds = h5::write_scalar(group, key, *i);
        } else if (const auto* d = std::get_if<double>(&value)) {
            h5::write_attr(file, "param." + key, *d);
            ds = h5::write_scalar(group, key, *d);
        } else if (const auto* b = std::get_if<bool>(&value)) {
            h5::write_attr(file, "param." + key, static_cast<std::int64_t>(*b));
            ds = h5::write_scalar(group, key, static_cast<std::int64_t>(*b));
        } else {
            h5::write_attr(file, "param." + key, std::get<std::string>(value));
            ds = h5::write_scalar(group, key, std::get<std::string>(value));
        }
        h5::write_attr(ds, "units", std::string(spec.unit));
        h5::write_attr(ds, "description", std::string(spec.doc_en));
        h5::write_attr(ds, "description_zh", std::string(spec.doc_zh));
        h5::write_attr(ds, "source", std::string(spec.source));
        h5::write_attr(ds, "type", std::string(type_name(spec.type)));
    }
}

void write_timeseries(hid_t file, const Simulation& sim) {
    const Results& res = sim.results();
    auto group = h5::create_group(file, "timeseries");
    const hsize_t n_days = res.days.size();
    const hsize_t n_streets = res.streets;
    // Dimension coordinates are what a reader selects by: the day as a CF
    // time (day N is start_date + N days), streets and organisation types by
    // name. `date`, `street_name` and `org_type_name` repeat them as text.
    auto day = h5::write_dataset(group, "day", {n_days}, res.days.data());
    h5::make_scale(day, "day");
    h5::describe_days_since(day, sim.calendar().iso(0));
    h5::write_attr(day, "long_name", std::string("Day (the end of day N is start_date + N days)"));
    h5::write_attr(day, "long_name_zh", std::string("日期（第N天结束时为起始日期加N天）"));
    auto street = h5::write_strings(group, "street", sim.world().streets.name);
    h5::make_scale(street, "street");
    h5::write_attr(street, "long_name", std::string("Street"));
    h5::write_attr(street, "long_name_zh", std::string("街道"));
    std::vector<std::string> dates;
    for (auto d : res.days) dates.push_back(sim.calendar().iso(d));
    auto date = h5::write_strings(group, "date", dates);
    h5::attach_scale(date, day, 0);
    h5::write_attr(date, "long_name", std::string("Calendar date"));
    h5::write_attr(date, "long_name_zh", std::string("日期"));
    std::vector<std::string> type_names;
    for (int t = 0; t < kOrgTypes; ++t) type_names.emplace_back(kOrgTypeNames[t]);
    auto org_type = h5::write_strings(group, "org_type", type_names);
    h5::make_scale(org_type, "org_type");
    h5::write_attr(org_type, "long_name", std::string("Organisation type"));
    h5::write_attr(org_type, "long_name_zh", std::string("组织类型"));
    auto type_name_ds = h5::write_strings(group, "org_type_name", type_names);
    h5::attach_scale(type_name_ds, org_type, 0);
    h5::write_attr(type_name_ds, "long_name", std::string("Organisation type"));
    auto names = h5::write_strings(group, "street_name", sim.world().streets.name);
    h5::attach_scale(names, street, 0);
    h5::write_attr(names, "long_name", std::string("Street name"));
    h5::write_attr(names, "long_name_zh", std::string("街道名称"));
    auto describe = [](hid_t ds, const OutcomeSpec& o, const char* coordinates) {
        h5::write_attr(ds, "units", std::string(o.units));
        h5::write_attr(ds, "long_name", std::string(o.long_en));
        h5::write_attr(ds, "long_name_zh", std::string(o.long_zh));
        h5::write_attr(ds, "description", std::string(o.description));
        h5::write_attr(ds, "kind", std::string(kind_name(o.kind)));
        h5::write_attr(ds, "coordinates", std::string(coordinates));
    };
    for (int k = 0; k < kOutcomes; ++k) {
        const auto& o = outcome_table()[k];
        auto ds = h5::write_dataset(group, std::string(o.name), {n_days}, res.district[k].data());
        h5::attach_scale(ds, day, 0);
        describe(ds, o, "date");
        if (o.by_org_type) {
            auto by = h5::write_dataset(group, std::string(o.name) + "_by_org_type",
                                        {n_days, static_cast<hsize_t>(kOrgTypes)}, res.org_type[k].data());
            h5::attach_scale(by, day, 0);
            h5::attach_scale(by, org_type, 1);
            describe(by, o, "date org_type_name");
        }
        if (!o.by_street) continue;
        auto by =
            h5::write_dataset(group, std::string(o.name) + "_by_street", {n_days, n_streets}, res.street[k].data());
        h5::attach_scale(by, day, 0);
        h5::attach_scale(by, street, 1);
        describe(by, o, "date street_name");
    }
}

void write_snapshots(hid_t file, const Simulation& sim) {
    const Results& res = sim.results();
    const World& w = sim.world();
    auto group = h5::create_group(file, "snapshots");
    const hsize_t n_snap = res.snapshot_days.size();
    const hsize_t nb = res.buildings;
    auto snap = h5::write_dataset(group, "snapshot", {n_snap}, res.snapshot_days.data());
    h5::make_scale(snap, "snapshot");
    h5::describe_days_since(snap, sim.calendar().iso(0));
    h5::write_attr(snap, "long_name", std::string("Date of snapshot (the end of day N is start_date + N days)"));
    h5::write_attr(snap, "long_name_zh", std::string("快照日期"));
    std::vector<std::int32_t> index(nb), street(nb), area(nb), households(nb);
    for (hsize_t b = 0; b < nb; ++b) {
        index[b] = static_cast<std::int32_t>(b);
        area[b] = static_cast<std::int32_t>(w.buildings.area[b]);
        street[b] = static_cast<std::int32_t>(w.areas.street[w.buildings.area[b]]);
        households[b] = static_cast<std::int32_t>(w.buildings.households[b]);
    }
    auto building = h5::write_dataset(group, "building", {nb}, index.data());
    h5::make_scale(building, "building");
    auto column = [&](const std::string& name, auto* data, const std::string& units, const std::string& en,
                      const std::string& zh) {
        auto ds = h5::write_dataset(group, name, {nb}, data);
        h5::attach_scale(ds, building, 0);
        h5::write_attr(ds, "units", units);
        h5::write_attr(ds, "long_name", en);
        h5::write_attr(ds, "long_name_zh", zh);
    };
    column("building_x", w.buildings.x.data(), "m", "Map x", "地图横坐标");
    column("building_y", w.buildings.y.data(), "m", "Map y", "地图纵坐标");
    column("building_street", street.data(), "1", "Street index", "街道编号");
    column("building_area", area.data(), "1", "Residential area index", "居民区编号");
    column("building_households", households.data(), "households", "Dwellings", "户数");
    std::vector<std::string> street_names(nb);
    for (hsize_t b = 0; b < nb; ++b) street_names[b] = w.streets.name[static_cast<std::size_t>(street[b])];
    auto street_name = h5::write_strings(group, "building_street_name", street_names);
    h5::attach_scale(street_name, building, 0);
    h5::write_attr(street_name, "long_name", std::string("Street name"));
    h5::write_attr(street_name, "long_name_zh", std::string("街道名称"));
    for (int k = 0; k < kIndicators; ++k) {
        const auto& spec = indicator_table()[k];
        auto ds = h5::write_dataset(group, std::string(spec.name), {n_snap, nb}, res.snapshots[k].data());
        h5::attach_scale(ds, snap, 0);
        h5::attach_scale(ds, building, 1);
        h5::write_attr(ds, "units", std::string(spec.units));
        h5::write_attr(ds, "long_name", std::string(spec.long_en));
        h5::write_attr(ds, "long_name_zh", std::string(spec.long_zh));
        h5::write_attr(ds, "coordinates", std::string("building_street_name"));
    }
}

// Live changes (viewer's live mode), if any: what changed, and from which day.
void write_changes(hid_t file, const Simulation& sim) {
    const auto& changes = sim.changes();
    if (changes.empty()) return;
    auto group = h5::create_group(file, "changes");
    std::vector<std::int32_t> days, index;
    std::vector<std::string> keys, values;
    for (std::size_t k = 0; k < changes.size(); ++k) {
        index.push_back(static_cast<std::int32_t>(k));
        days.push_back(static_cast<std::int32_t>(changes[k].day));
        keys.push_back(changes[k].key);
        values.push_back(changes[k].value);
    }
    const hsize_t n = changes.size();
    auto change = h5::write_dataset(group, "change", {n}, index.data());
    h5::make_scale(change, "change");
    auto day = h5::write_dataset(group, "day", {n}, days.data());
    h5::attach_scale(day, change, 0);
    h5::describe_days_since(day, sim.calendar().iso(0));
    h5::write_attr(day, "long_name", std::string("First day the change applies"));
    auto key = h5::write_strings(group, "key", keys);
    h5::attach_scale(key, change, 0);
    auto value = h5::write_strings(group, "value", values);
    h5::attach_scale(value, change, 0);
    h5::write_attr(value, "long_name", std::string("New value (TOML literal)"));
}

}  // namespace

void write_run(const std::filesystem::path& out, const Simulation& sim, const RunProvenance& provenance) {
    h5::silence_errors();
    const auto parent = out.parent_path().empty() ? std::filesystem::path(".") : out.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec)
        throw std::runtime_error(out.string() + ": cannot create directory " + parent.string() + ": " + ec.message());
    const auto temp = parent / (out.filename().string() + ".part-" + std::to_string(::getpid()));
    try {
        h5::Handle file(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
                        "create " + temp.string());
        write_provenance(file, sim, provenance);
        write_timeseries(file, sim);
        write_snapshots(file, sim);
        write_changes(file, sim);
        h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL), "flush " + temp.string());
        file.close("close " + temp.string());
    } catch (const std::exception& e) {
        // HDF5 reports only which call failed; errno says why (disk full, file size limit).
        const int cause = errno;
        std::filesystem::remove(temp, ec);
        const bool space = cause == ENOSPC || cause == EFBIG || cause == EDQUOT;
        throw std::runtime_error(out.string() + ": " + e.what() +
                                 (space ? std::string(" (") + std::strerror(cause) + ")" : ""));
    }
    std::filesystem::rename(temp, out, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw std::runtime_error(out.string() + ": cannot rename finished file into place");
    }
}

}  // namespace jiceng
