#include "sim/io/run_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/io/contained_read.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/model/results.hpp"

namespace jiceng {

namespace fs = std::filesystem;

const RunOutcome* RunData::find_outcome(std::string_view name) const {
    for (const auto& o : outcomes)
        if (o.info.name == name) return &o;
    return nullptr;
}

const RunIndicator* RunData::find_indicator(std::string_view name) const {
    for (const auto& i : indicators)
        if (i.info.name == name) return &i;
    return nullptr;
}

std::ptrdiff_t RunData::snapshot_at(std::int64_t day_number) const {
    const auto after = std::upper_bound(snapshot_days.begin(), snapshot_days.end(), day_number);
    return (after - snapshot_days.begin()) - 1;
}

std::size_t RunData::time_index(std::int64_t day_number) const {
    if (day.empty()) return 0;
    const auto at = std::lower_bound(day.begin(), day.end(), day_number);
    if (at == day.end()) return day.size() - 1;
    return static_cast<std::size_t>(at - day.begin());
}

namespace {

// Thrown inside the reader with the problem only; read_run adds the file name.
struct Problem : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::vector<hsize_t> dataset_dims(hid_t group, const std::string& name) {
    if (!h5::exists(group, name)) throw Problem("missing dataset " + name);
    h5::Handle ds(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
    return h5::dims_of(ds);
}

bool is_float_dataset(hid_t group, const std::string& name) {
    const hid_t id = H5Dopen2(group, name.c_str(), H5P_DEFAULT);  // fails for groups
    if (id < 0) return false;
    h5::Handle ds(id, H5Dclose, "open dataset " + name);
    h5::Handle type(H5Dget_type(ds), H5Tclose, "get type of " + name);
    return H5Tget_class(type) == H5T_FLOAT;
}

void expect_dims(hid_t group, const std::string& name, const std::vector<hsize_t>& expected) {
    const auto dims = dataset_dims(group, name);
    if (dims == expected) return;
    auto text = [](const std::vector<hsize_t>& d) {
        std::string s = "(";
        for (std::size_t k = 0; k < d.size(); ++k) s += (k ? ", " : "") + std::to_string(d[k]);
        return s + ")";
    };
    throw Problem("dataset " + name + " has shape " + text(dims) + ", expected " + text(expected));
}

std::string optional_attr(hid_t obj, const std::string& name) {
    return h5::has_attr(obj, name) ? h5::read_attr_string(obj, name) : std::string();
}

std::string required_string_attr(hid_t obj, const std::string& name) {
    if (!h5::has_attr(obj, name)) throw Problem("missing root attribute " + name);
    return h5::read_attr_string(obj, name);
}

std::int64_t required_int_attr(hid_t obj, const std::string& name) {
    if (!h5::has_attr(obj, name)) throw Problem("missing root attribute " + name);
    return h5::read_attr_int(obj, name);
}

VariableInfo describe(hid_t group, const std::string& name) {
    h5::Handle ds(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
    VariableInfo info;
    info.name = name;
    info.units = optional_attr(ds, "units");
    info.long_name = optional_attr(ds, "long_name");
    info.long_name_zh = optional_attr(ds, "long_name_zh");
    info.description = optional_attr(ds, "description");
    info.kind = optional_attr(ds, "kind");
    if (info.long_name.empty()) info.long_name = name;
    if (info.long_name_zh.empty()) info.long_name_zh = info.long_name;
    return info;
}

// Position of `name` in a table of names, or the table's size when absent.
template <class Table>
std::size_t rank_in(const Table& table, const std::string& name) {
    for (std::size_t k = 0; k < table.size(); ++k)
        if (table[k].name == name) return k;
    return table.size();
}

void check_format(hid_t file) {
    if (!h5::has_attr(file, "format"))
        throw Problem(
            "not a jiceng run file (the HDF5 file has no 'format' attribute; expected format = \"jiceng-run\")");
    const std::string format = h5::read_attr_string(file, "format");
    if (format != "jiceng-run")
        throw Problem("not a jiceng run file (format is \"" + format + "\", expected \"jiceng-run\")");
    if (!h5::has_attr(file, "format_version")) throw Problem("missing root attribute format_version");
    const std::int64_t version = h5::read_attr_int(file, "format_version");
    if (version != kFormatVersion)
        throw Problem("format version " + std::to_string(version) + " is not supported (this program reads version " +
                      std::to_string(kFormatVersion) + "); use a matching jiceng version");
}

void read_provenance(hid_t file, RunData& run) {
    run.scenario_name = required_string_attr(file, "scenario_name");
    run.scenario_title_en = optional_attr(file, "scenario_title_en");
    run.scenario_title_zh = optional_attr(file, "scenario_title_zh");
    run.scenario_description_en = optional_attr(file, "scenario_description_en");
    run.scenario_description_zh = optional_attr(file, "scenario_description_zh");
    run.start_date = required_string_attr(file, "start_date");
    run.jiceng_version = optional_attr(file, "jiceng_version");
    run.git_commit = optional_attr(file, "git_commit");
    run.seed = required_int_attr(file, "seed");
    run.replicate = required_int_attr(file, "replicate");
    run.days = required_int_attr(file, "days");
    if (run.days < 0) throw Problem("root attribute days is negative");
}

void read_timeseries(hid_t file, RunData& run) {
    if (!h5::exists(file, "timeseries")) throw Problem("missing group /timeseries");
    auto group = h5::open_group(file, "timeseries");
    const hsize_t n_days = static_cast<hsize_t>(run.days) + 1;
    expect_dims(group, "day", {n_days});
    run.day = h5::read_ints(group, "day");
    for (std::size_t k = 0; k < run.day.size(); ++k)
        if (run.day[k] != static_cast<std::int32_t>(k)) throw Problem("dataset day is not 0, 1, 2, ...");
    expect_dims(group, "date", {n_days});
    run.date = h5::read_strings(group, "date");
    const auto street_dims = dataset_dims(group, "street_name");
    if (street_dims.size() != 1 || street_dims[0] == 0)
        throw Problem("dataset street_name must list at least one street");
    run.street_names = h5::read_strings(group, "street_name");
    const hsize_t n_streets = run.street_names.size();

    const auto table = outcome_table();
    std::vector<std::string> names;
    for (const auto& member : h5::list_members(group)) {
        // Outcomes are the one-dimensional float datasets; companions over
        // (day, street) are read with their outcome, and other breakdowns
        // (e.g. by organisation type) are not needed here.
        if (member == "day" || !is_float_dataset(group, member) || dataset_dims(group, member).size() != 1) continue;
        names.push_back(member);
    }
    std::stable_sort(names.begin(), names.end(),
                     [&](const std::string& a, const std::string& b) { return rank_in(table, a) < rank_in(table, b); });
    if (names.empty()) throw Problem("/timeseries holds no outcome");
    for (const auto& name : names) {
        expect_dims(group, name, {n_days});
        RunOutcome outcome;
        outcome.info = describe(group, name);
        outcome.values = h5::read_doubles(group, name);
        const std::string by_street = name + "_by_street";
        if (h5::exists(group, by_street)) {
            expect_dims(group, by_street, {n_days, n_streets});
            outcome.by_street = h5::read_doubles(group, by_street);
        }
        run.outcomes.push_back(std::move(outcome));
    }
}

void read_snapshots(hid_t file, RunData& run) {
    if (!h5::exists(file, "snapshots")) throw Problem("missing group /snapshots");
    auto group = h5::open_group(file, "snapshots");
    const auto snap_dims = dataset_dims(group, "snapshot");
    if (snap_dims.size() != 1) throw Problem("dataset snapshot is not one-dimensional");
    run.snapshot_days = h5::read_ints(group, "snapshot");
    for (std::size_t k = 0; k < run.snapshot_days.size(); ++k) {
        const auto d = run.snapshot_days[k];
        if (d < 0 || d > run.days || (k > 0 && d <= run.snapshot_days[k - 1]))
            throw Problem("dataset snapshot must hold increasing day numbers within the run");
    }
    const auto building_dims = dataset_dims(group, "building");
    if (building_dims.size() != 1) throw Problem("dataset building is not one-dimensional");
    const hsize_t nb = building_dims[0];
    if (nb == 0) throw Problem("the run has no buildings");
    const hsize_t n_snap = run.snapshot_days.size();
    for (const char* column : {"building_x", "building_y", "building_street", "building_area", "building_households"})
        expect_dims(group, column, {nb});
    auto& B = run.buildings;
    B.x = h5::read_floats(group, "building_x");
    B.y = h5::read_floats(group, "building_y");
    B.street = h5::read_ints(group, "building_street");
    B.area = h5::read_ints(group, "building_area");
    B.households = h5::read_ints(group, "building_households");
    for (hsize_t b = 0; b < nb; ++b) {
        if (!std::isfinite(B.x[b]) || !std::isfinite(B.y[b]))
            throw Problem("building " + std::to_string(b) + " has no map position");
        if (B.street[b] < 0 || static_cast<std::size_t>(B.street[b]) >= run.street_names.size())
            throw Problem("building " + std::to_string(b) + " names a street that does not exist");
        if (B.area[b] < 0) throw Problem("building " + std::to_string(b) + " has a negative area index");
    }

    const auto table = indicator_table();
    std::vector<std::string> names;
    for (const auto& member : h5::list_members(group)) {
        // Indicators are the two-dimensional float datasets; the static
        // building columns and the axes are one-dimensional.
        if (!is_float_dataset(group, member) || dataset_dims(group, member).size() != 2) continue;
        names.push_back(member);
    }
    std::stable_sort(names.begin(), names.end(),
                     [&](const std::string& a, const std::string& b) { return rank_in(table, a) < rank_in(table, b); });
    for (const auto& name : names) {
        expect_dims(group, name, {n_snap, nb});
        RunIndicator indicator;
        indicator.info = describe(group, name);
        indicator.values = h5::read_floats(group, name);
        run.indicators.push_back(std::move(indicator));
    }
}

void read_changes(hid_t file, RunData& run) {
    if (!h5::exists(file, "changes")) return;
    auto group = h5::open_group(file, "changes");
    const auto dims = dataset_dims(group, "day");
    if (dims.size() != 1) throw Problem("dataset /changes/day is not one-dimensional");
    expect_dims(group, "key", dims);
    expect_dims(group, "value", dims);
    const auto days = h5::read_ints(group, "day");
    const auto keys = h5::read_strings(group, "key");
    const auto values = h5::read_strings(group, "value");
    for (std::size_t k = 0; k < days.size(); ++k) run.changes.push_back({days[k], keys[k], values[k]});
}

}  // namespace

RunData read_run_in_process(const fs::path& file) {
    h5::silence_errors();
    const std::string where = file.string() + ": ";
    std::error_code ec;
    if (!fs::exists(file, ec)) throw RunFileError(where + "no such file");
    if (!fs::is_regular_file(file, ec)) throw RunFileError(where + "not a regular file");
    const htri_t is_hdf5 = H5Fis_hdf5(file.c_str());
    if (is_hdf5 == 0) throw RunFileError(where + "not an HDF5 file, so not a jiceng run file");
    if (is_hdf5 < 0) throw RunFileError(where + "cannot be read (permission denied or not a file)");
    RunData run;
    run.path = file.string();
    try {
        const hid_t id = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
        if (id < 0) throw Problem("cannot open the HDF5 file: it is truncated or damaged");
        h5::Handle handle(id, H5Fclose, "open " + file.string());
        check_format(handle);
        read_provenance(handle, run);
        read_timeseries(handle, run);
        read_snapshots(handle, run);
        read_changes(handle, run);
    } catch (const Problem& e) {
        throw RunFileError(where + e.what());
    } catch (const std::bad_alloc&) {
        throw RunFileError(where + "a dataset is too large to read (damaged file?)");
    } catch (const std::exception& e) {
        // The HDF5 layer fails here when data blocks are missing or corrupt.
        throw RunFileError(where + "damaged or truncated (" + e.what() + ")");
    }
    return run;
}

RunData read_run(const fs::path& file) {
    trial_read_contained(file);
    return read_run_in_process(file);
}

RunSet read_run_set(const std::vector<fs::path>& files) {
    if (files.empty()) throw RunFileError("no run file given");
    RunSet set;
    for (const auto& file : files) {
        RunData run = read_run(file);
        if (!set.replicates.empty()) {
            const RunData& first = set.first();
            const std::string where = run.path + ": ";
            const std::string against =
                " than " + first.path + " (files of one run set must be replicates of one scenario)";
            if (run.scenario_name != first.scenario_name)
                throw RunFileError(where + "is scenario \"" + run.scenario_name + "\", not \"" + first.scenario_name +
                                   "\";" + " list replicates of one scenario per run set");
            if (run.day != first.day) throw RunFileError(where + "covers other days" + against);
            if (run.streets() != first.streets()) throw RunFileError(where + "has other streets" + against);
        }
        set.replicates.push_back(std::move(run));
    }
    return set;
}

}  // namespace jiceng
