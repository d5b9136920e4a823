#include "sim/experiments/export.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/experiments/files.hpp"
#include "sim/experiments/sweep.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng {

namespace fs = std::filesystem;

ExportLevel parse_level(const std::string& text) {
    static const std::map<std::string, ExportLevel> levels = {{"building", ExportLevel::Building},
                                                              {"area", ExportLevel::Area},
                                                              {"street", ExportLevel::Street},
                                                              {"district", ExportLevel::District}};
    if (auto it = levels.find(text); it != levels.end()) return it->second;
    const std::string hint = did_you_mean(text, {"building", "area", "street", "district"});
    throw InputError({{"command line", 0, "--level",
                       "'" + text + "' is not a level" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                           " (expected building, area, street or district)"}});
}

ExportWhat parse_what(const std::string& text) {
    if (text == "outcomes") return ExportWhat::Outcomes;
    if (text == "indicators") return ExportWhat::Indicators;
    const std::string hint = did_you_mean(text, {"outcomes", "indicators"});
    throw InputError(
        {{"command line", 0, "--what",
          "'" + text + "' is not outcomes or indicators" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")}});
}

namespace {

std::string level_name(ExportLevel level) {
    switch (level) {
        case ExportLevel::Building:
            return "building";
        case ExportLevel::Area:
            return "area";
        case ExportLevel::Street:
            return "street";
        case ExportLevel::District:
            return "district";
    }
    return "?";
}

// Picks the requested variables (all when none) from what is available.
std::vector<std::size_t> choose(const std::vector<std::string>& available, const std::vector<std::string>& wanted,
                                const std::string& what, const std::string& where) {
    std::vector<std::size_t> out;
    std::vector<Diagnostic> problems;
    if (wanted.empty())
        for (std::size_t k = 0; k < available.size(); ++k) out.push_back(k);
    for (const auto& name : wanted) {
        const auto it = std::find(available.begin(), available.end(), name);
        if (it != available.end()) {
            out.push_back(static_cast<std::size_t>(it - available.begin()));
            continue;
        }
        const std::string hint = did_you_mean(name, available);
        std::string list;
        for (const auto& a : available) list += (list.empty() ? "" : ", ") + a;
        problems.push_back({"command line", 0, "--variables",
                            "'" + name + "' is not " + what + " available " + where +
                                (hint.empty() ? " (available: " + list + ")" : " (did you mean '" + hint + "'?)")});
    }
    if (!problems.empty()) throw InputError(problems);
    return out;
}

// How a building indicator rolls up: counts add up; means and shares are
// weighted by the residents (or members) they are a mean over.
enum class Rollup { Sum, PerResident, PerMember };
Rollup rollup_of(const VariableInfo& info) {
    if (info.name == "members_active_share") return Rollup::PerMember;
    if (info.units == "share" || info.units == "0-1" || info.units.find("per ") != std::string::npos)
        return Rollup::PerResident;
    return Rollup::Sum;
}

ExportTable outcomes_table(const RunData& run, const ExportOptions& o) {
    ExportTable t;
    const bool by_street = o.level == ExportLevel::Street;
    if (o.level == ExportLevel::Building || o.level == ExportLevel::Area)
        throw InputError(
            {{"command line", 0, "--level",
              "outcomes are recorded for the district and by street; for building or area levels use --what indicators "
              "(per-building snapshots)"}});
    std::vector<std::string> names;
    std::vector<const RunOutcome*> available;
    for (const auto& outcome : run.outcomes)
        if (!by_street || !outcome.by_street.empty()) {
            names.push_back(outcome.info.name);
            available.push_back(&outcome);
        }
    const auto chosen = choose(names, o.variables, "an outcome", by_street ? "by street" : "for the district");
    t.columns = {"date", "day"};
    if (by_street) t.columns.insert(t.columns.end(), {"street", "street_name"});
    t.id_columns = t.columns.size();
    for (auto k : chosen) {
        t.columns.push_back(available[k]->info.name);
        t.units.push_back(available[k]->info.units);
        t.long_names.push_back(available[k]->info.long_name);
        t.long_names_zh.push_back(available[k]->info.long_name_zh);
    }
    const std::size_t streets = by_street ? run.streets() : 1;
    t.dims.push_back({"day", run.time_points()});
    t.dim_labels.push_back(run.date);
    if (by_street) {
        t.dims.push_back({"street", streets});
        t.dim_labels.push_back(run.street_names);
    }
    for (std::size_t d = 0; d < run.time_points(); ++d)
        for (std::size_t s = 0; s < streets; ++s) {
            std::vector<std::string> id{run.date[d], std::to_string(run.day[d])};
            if (by_street) id.insert(id.end(), {std::to_string(s), run.street_names[s]});
            std::vector<double> row;
            for (auto k : chosen)
                row.push_back(by_street ? available[k]->by_street[d * streets + s] : available[k]->values[d]);
            t.text.push_back(std::move(id));
            t.numbers.push_back(std::move(row));
        }
    return t;
}

ExportTable indicators_table(const RunData& run, const ExportOptions& o) {
    ExportTable t;
    std::vector<std::string> names;
    for (const auto& i : run.indicators) names.push_back(i.info.name);
    const auto chosen = choose(names, o.variables, "an indicator", "in the building snapshots");
    const RunIndicator* residents = run.find_indicator("residents");
    const RunIndicator* members = run.find_indicator("members");
    const std::size_t nb = run.buildings.count();
    // Group of each building at the chosen level, and each group's labels.
    std::vector<std::size_t> group(nb, 0);
    std::vector<std::vector<std::string>> group_ids;
    t.columns = {"date", "day"};
    switch (o.level) {
        case ExportLevel::Building:
            t.columns.insert(t.columns.end(), {"building", "area", "street", "x_m", "y_m"});
            for (std::size_t b = 0; b < nb; ++b) {
                group[b] = b;
                group_ids.push_back({std::to_string(b), std::to_string(run.buildings.area[b]),
                                     std::to_string(run.buildings.street[b]), plain_number(run.buildings.x[b]),
                                     plain_number(run.buildings.y[b])});
            }
            break;
        case ExportLevel::Area: {
            t.columns.insert(t.columns.end(), {"area", "street"});
            std::map<std::int32_t, std::size_t> index;
            for (std::size_t b = 0; b < nb; ++b) index.emplace(run.buildings.area[b], 0);
            std::size_t k = 0;
            for (auto& [area, slot] : index) slot = k++;
            group_ids.resize(index.size());
            for (std::size_t b = 0; b < nb; ++b) {
                group[b] = index[run.buildings.area[b]];
                group_ids[group[b]] = {std::to_string(run.buildings.area[b]), std::to_string(run.buildings.street[b])};
            }
            break;
        }
        case ExportLevel::Street:
            t.columns.insert(t.columns.end(), {"street", "street_name"});
            for (std::size_t s = 0; s < run.streets(); ++s)
                group_ids.push_back({std::to_string(s), run.street_names[s]});
            for (std::size_t b = 0; b < nb; ++b) group[b] = static_cast<std::size_t>(run.buildings.street[b]);
            break;
        case ExportLevel::District:
            group_ids.push_back({});
            break;
    }
    t.id_columns = t.columns.size();
    for (auto k : chosen) {
        const auto& info = run.indicators[k].info;
        t.columns.push_back(info.name);
        t.units.push_back(info.units);
        t.long_names.push_back(info.long_name);
        t.long_names_zh.push_back(info.long_name_zh);
    }
    const std::size_t groups = group_ids.size(), snaps = run.snapshot_days.size();
    std::vector<std::string> snapshot_dates;
    for (auto d : run.snapshot_days) snapshot_dates.push_back(run.date[run.time_index(d)]);
    t.dims.push_back({"snapshot", snaps});
    t.dim_labels.push_back(snapshot_dates);
    if (o.level != ExportLevel::District) {
        t.dims.push_back({level_name(o.level), groups});
        std::vector<std::string> labels;
        for (const auto& ids : group_ids) labels.push_back(ids.front());
        t.dim_labels.push_back(labels);
    }
    for (std::size_t s = 0; s < snaps; ++s) {
        std::vector<std::vector<double>> sums(groups, std::vector<double>(chosen.size(), 0.0)),
            weights(groups, std::vector<double>(chosen.size(), 0.0));
        for (std::size_t b = 0; b < nb; ++b) {
            const std::size_t g = group[b];
            for (std::size_t c = 0; c < chosen.size(); ++c) {
                const auto& ind = run.indicators[chosen[c]];
                const double v = ind.values[s * nb + b];
                switch (rollup_of(ind.info)) {
                    case Rollup::Sum:
                        sums[g][c] += v;
                        weights[g][c] = 1;
                        break;
                    case Rollup::PerResident:
                    case Rollup::PerMember: {
                        const RunIndicator* by = rollup_of(ind.info) == Rollup::PerMember ? members : residents;
                        const double w = by ? by->values[s * nb + b] : 1.0;
                        if (std::isfinite(v) && w > 0) {
                            sums[g][c] += v * w;
                            weights[g][c] += w;
                        }
                        break;
                    }
                }
            }
        }
        for (std::size_t g = 0; g < groups; ++g) {
            std::vector<std::string> id{snapshot_dates[s], std::to_string(run.snapshot_days[s])};
            id.insert(id.end(), group_ids[g].begin(), group_ids[g].end());
            std::vector<double> row(chosen.size());
            for (std::size_t c = 0; c < chosen.size(); ++c) {
                const bool sum = rollup_of(run.indicators[chosen[c]].info) == Rollup::Sum;
                row[c] = sum ? sums[g][c] : weights[g][c] > 0 ? sums[g][c] / weights[g][c] : std::nan("");
            }
            t.text.push_back(std::move(id));
            t.numbers.push_back(std::move(row));
        }
    }
    return t;
}

ExportTable sweep_table(const SweepResults& s, const ExportOptions& o) {
    if (o.level != ExportLevel::District || o.what != ExportWhat::Outcomes)
        throw InputError({{"command line", 0, o.level != ExportLevel::District ? "--level" : "--what",
                           "a sweep directory holds district outcomes only; for other levels export a run file "
                           "(`jiceng sweep ... --keep-runs` writes them to DIR/runs/)"}});
    const auto chosen = choose(s.outcomes, o.variables, "an outcome", "in this sweep");
    ExportTable t;
    t.columns = {"point", "replicate", "day", "date"};
    for (const auto& p : s.params) t.columns.push_back(p.key);
    t.id_columns = t.columns.size();
    for (auto k : chosen) {
        t.columns.push_back(s.outcomes[k]);
        t.units.push_back(s.outcome_units[k]);
        t.long_names.push_back(s.outcome_long_en[k]);
        t.long_names_zh.push_back(s.outcome_long_zh[k]);
    }
    std::vector<std::string> points, replicates;
    for (std::size_t p = 0; p < s.points; ++p) points.push_back(std::to_string(p));
    for (std::int64_t r = 0; r < s.replicates; ++r) replicates.push_back(std::to_string(r));
    t.dims = {
        {"point", s.points}, {"replicate", static_cast<std::size_t>(s.replicates)}, {"day", s.sample_days.size()}};
    t.dim_labels = {points, replicates, s.dates};
    for (std::size_t p = 0; p < s.points; ++p)
        for (std::size_t r = 0; r < static_cast<std::size_t>(s.replicates); ++r)
            for (std::size_t d = 0; d < s.sample_days.size(); ++d) {
                std::vector<std::string> id{std::to_string(p), std::to_string(r), std::to_string(s.sample_days[d]),
                                            s.dates[d]};
                for (const auto& param : s.params) id.push_back(plain_number(param.values[p]));
                std::vector<double> row;
                for (auto k : chosen) row.push_back(s.at(p, r, d, k));
                t.text.push_back(std::move(id));
                t.numbers.push_back(std::move(row));
            }
    return t;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string r = "\"";
    for (char c : s) r += c == '"' ? std::string("\"\"") : std::string(1, c);
    return r + "\"";
}

}  // namespace

ExportTable export_table(const fs::path& input, const ExportOptions& o) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
        if (!is_sweep(input))
            throw InputError(
                {{input.string(), 0, "",
                  "is a directory but not a finished sweep (no results.h5); give a run file or a sweep directory"}});
        return sweep_table(read_sweep(input), o);
    }
    if (is_sweep(input)) return sweep_table(read_sweep(input), o);
    const RunData run = read_run(input);
    return o.what == ExportWhat::Outcomes ? outcomes_table(run, o) : indicators_table(run, o);
}

void write_csv(const ExportTable& t, std::ostream& out) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << csv_field(t.columns[c]);
    out << "\n";
    for (std::size_t r = 0; r < t.text.size(); ++r) {
        bool first = true;
        for (const auto& id : t.text[r]) {
            out << (first ? "" : ",") << csv_field(id);
            first = false;
        }
        for (double v : t.numbers[r]) out << (first ? "" : ",") << (std::isfinite(v) ? plain_number(v) : std::string());
        out << "\n";
    }
}

void write_netcdf(const ExportTable& t, const fs::path& file) {
    h5::silence_errors();
    write_atomic(file, [&](const fs::path& temp) {
        try {
            h5::Handle f(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose, "create the file");
            h5::write_attr(f, "format", std::string("jiceng-export"));
            std::vector<h5::Handle> scales;
            std::vector<hsize_t> shape;
            for (std::size_t k = 0; k < t.dims.size(); ++k) {
                const auto& [name, size] = t.dims[k];
                std::vector<std::int32_t> index(size);
                for (std::size_t i = 0; i < size; ++i) index[i] = static_cast<std::int32_t>(i);
                auto scale = h5::write_dataset(f, name, {size}, index.data());
                h5::make_scale(scale, name);
                auto labels = h5::write_strings(f, name + "_label", t.dim_labels[k]);
                h5::attach_scale(labels, scale, 0);
                scales.push_back(std::move(scale));
                shape.push_back(size);
            }
            std::string coordinates;
            for (const auto& [name, size] : t.dims) coordinates += (coordinates.empty() ? "" : " ") + name + "_label";
            const std::size_t rows = t.numbers.size();
            for (std::size_t c = 0; c < t.columns.size() - t.id_columns; ++c) {
                std::vector<double> v(rows);
                for (std::size_t r = 0; r < rows; ++r) v[r] = t.numbers[r][c];
                auto ds = h5::write_dataset(f, t.columns[t.id_columns + c], shape, v.data());
                for (std::size_t k = 0; k < scales.size(); ++k)
                    h5::attach_scale(ds, scales[k], static_cast<unsigned>(k));
                h5::write_attr(ds, "units", t.units[c]);
                h5::write_attr(ds, "long_name", t.long_names[c]);
                h5::write_attr(ds, "long_name_zh", t.long_names_zh[c]);
                h5::write_attr(ds, "coordinates", coordinates);
            }
            // HDF5 may report success from H5Fclose when the final writes fail
            // (full disk): flush first, which reports them.
            h5::check(H5Fflush(f, H5F_SCOPE_GLOBAL), "flush the file");
            f.close("close the file");
        } catch (const std::exception& e) {
            throw std::runtime_error(file.string() + ": " + e.what());
        }
    });
}

}  // namespace jiceng
