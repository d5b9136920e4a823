#include "sim/experiments/export.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/core/calendar.hpp"
#include "sim/experiments/files.hpp"
#include "sim/experiments/sweep.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/model/results.hpp"
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

ExportPeriod parse_period(const std::string& text) {
    if (text == "day") return ExportPeriod::Day;
    if (text == "year") return ExportPeriod::Year;
    const std::string hint = did_you_mean(text, {"day", "year"});
    throw InputError({{"command line", 0, "--aggregate",
                       "'" + text + "' is not a period" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                           " (expected year, or day for the values as recorded)"}});
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

// A time dimension: day numbers as a CF time, the ISO dates beside them.
ExportDim day_dim(const std::string& name, const std::vector<std::int32_t>& days, const std::vector<std::string>& dates,
                  const std::string& start_date) {
    const bool day = name == "day";
    return ExportDim{name, days, dates, start_date, day ? "Day" : "Date of snapshot", day ? "date" : name + "_date"};
}

// Streets are labelled by name.
ExportDim street_dim(const std::vector<std::string>& names) {
    return ExportDim{"street", {}, names, "", "Street", ""};
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

ExportVariable variable_of(const VariableInfo& info, const std::string& statistic) {
    return {info.name, statistic, info.units, info.kind, info.long_name, info.long_name_zh};
}

// The outcomes a run has at the chosen level (street: those with a street breakdown).
std::vector<const RunOutcome*> chosen_outcomes(const RunData& run, const ExportOptions& o) {
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
    std::vector<const RunOutcome*> out;
    for (auto k : choose(names, o.variables, "an outcome", by_street ? "by street" : "for the district"))
        out.push_back(available[k]);
    return out;
}

ExportTable outcomes_table(const RunData& run, const ExportOptions& o) {
    ExportTable t;
    const bool by_street = o.level == ExportLevel::Street;
    const auto available = chosen_outcomes(run, o);
    std::vector<std::size_t> chosen(available.size());
    for (std::size_t k = 0; k < chosen.size(); ++k) chosen[k] = k;
    t.columns = {"date", "day"};
    if (by_street) t.columns.insert(t.columns.end(), {"street", "street_name"});
    t.id_columns = t.columns.size();
    for (auto k : chosen) {
        t.columns.push_back(available[k]->info.name);
        t.variables.push_back(variable_of(available[k]->info, ""));
    }
    const std::size_t streets = by_street ? run.streets() : 1;
    t.dims.push_back(day_dim("day", run.day, run.date, run.start_date));
    if (by_street) t.dims.push_back(street_dim(run.street_names));
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

// The flow that weights a mean outcome's days (needs resolved for the days
// to resolution), when the outcome is the library's and the file has it.
const RunOutcome* weight_of(const RunData& run, const std::string& mean_outcome) {
    const auto table = outcome_table();
    for (std::size_t k = 0; k < table.size(); ++k)
        if (table[k].name == mean_outcome && table[k].kind == OutcomeKind::Mean)
            return run.find_outcome(spec(mean_weight(static_cast<Outcome>(k))).name);
    return nullptr;
}

// Outcomes by calendar year (sim/core/calendar.hpp): flows summed over the
// year's days, stocks at its last recorded day and averaged over its days,
// means averaged over the year weighted by their events (unweighted when the
// weight is unknown; empty when the year had no events).
ExportTable yearly_outcomes_table(const RunData& run, const ExportOptions& o) {
    const bool by_street = o.level == ExportLevel::Street;
    const auto chosen = chosen_outcomes(run, o);
    if (!Calendar::parse(run.start_date))
        throw RunFileError(run.path + ": root attribute start_date '" + run.start_date + "' is not a date");
    const Calendar calendar(run.start_date);
    const auto years = calendar.year_spans(run.day.front(), run.day.back());
    ExportTable t;
    t.columns = {"year", "first_date", "last_date", "days", "complete"};
    if (by_street) t.columns.insert(t.columns.end(), {"street", "street_name"});
    t.id_columns = t.columns.size();
    enum class Stat { Sum, End, Mean, WeightedMean };
    struct Column {
        const RunOutcome* outcome;
        const RunOutcome* weight;
        Stat stat;
    };
    std::vector<Column> columns;
    for (const RunOutcome* outcome : chosen) {
        const std::string& kind = outcome->info.kind;
        auto add = [&](Stat stat, const std::string& statistic, const RunOutcome* weight = nullptr) {
            t.columns.push_back(outcome->info.name + "_" + statistic);
            t.variables.push_back(variable_of(outcome->info, statistic));
            columns.push_back({outcome, weight, stat});
        };
        if (kind == "flow")
            add(Stat::Sum, "sum");
        else if (kind == "mean") {
            const RunOutcome* weight = weight_of(run, outcome->info.name);
            if (weight && by_street && weight->by_street.empty()) weight = nullptr;
            add(Stat::WeightedMean, "mean", weight);
        } else {
            add(Stat::End, "end");
            add(Stat::Mean, "mean");
        }
    }
    const std::size_t streets = by_street ? run.streets() : 1;
    ExportDim year{"year", {}, {}, "", "Calendar year", ""};
    std::vector<double> days, complete;
    for (const auto& y : years) {
        year.numbers.push_back(y.year);
        days.push_back(static_cast<double>(y.days()));
        complete.push_back(y.complete ? 1.0 : 0.0);
    }
    year.values = {{"days", days}, {"complete", complete}};
    t.dims.push_back(std::move(year));
    if (by_street) t.dims.push_back(street_dim(run.street_names));
    auto value = [&](const RunOutcome& series, std::size_t day, std::size_t street) {
        return by_street ? series.by_street[day * streets + street] : series.values[day];
    };
    for (const auto& y : years) {
        const auto first = static_cast<std::size_t>(y.first_day), last = static_cast<std::size_t>(y.last_day);
        // Day 0 is the initial state: it has a stock value but no events.
        const std::size_t first_event = std::max<std::size_t>(first, 1);
        for (std::size_t s = 0; s < streets; ++s) {
            std::vector<std::string> id{std::to_string(y.year), calendar.iso(y.first_day), calendar.iso(y.last_day),
                                        std::to_string(y.days()), y.complete ? "true" : "false"};
            if (by_street) id.insert(id.end(), {std::to_string(s), run.street_names[s]});
            std::vector<double> row;
            for (const auto& c : columns) {
                double total = 0, weights = 0;
                switch (c.stat) {
                    case Stat::Sum:
                        for (std::size_t d = first_event; d <= last; ++d) total += value(*c.outcome, d, s);
                        row.push_back(total);
                        break;
                    case Stat::End:
                        row.push_back(value(*c.outcome, last, s));
                        break;
                    case Stat::Mean:
                        for (std::size_t d = first; d <= last; ++d) total += value(*c.outcome, d, s);
                        row.push_back(total / static_cast<double>(last - first + 1));
                        break;
                    case Stat::WeightedMean:
                        for (std::size_t d = first_event; d <= last; ++d) {
                            const double w = c.weight ? value(*c.weight, d, s) : 1.0;
                            total += value(*c.outcome, d, s) * w;
                            weights += w;
                        }
                        row.push_back(weights > 0 ? total / weights : std::nan(""));
                        break;
                }
            }
            t.text.push_back(std::move(id));
            t.numbers.push_back(std::move(row));
        }
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
    // The reader checked every building's street index against the street list.
    auto street_name = [&](std::int32_t s) { return run.street_names[static_cast<std::size_t>(s)]; };
    std::vector<std::vector<std::string>> group_ids;
    t.columns = {"date", "day"};
    switch (o.level) {
        case ExportLevel::Building:
            t.columns.insert(t.columns.end(), {"building", "area", "street", "street_name", "x_m", "y_m"});
            for (std::size_t b = 0; b < nb; ++b) {
                group[b] = b;
                group_ids.push_back({std::to_string(b), std::to_string(run.buildings.area[b]),
                                     std::to_string(run.buildings.street[b]), street_name(run.buildings.street[b]),
                                     plain_number(run.buildings.x[b]), plain_number(run.buildings.y[b])});
            }
            break;
        case ExportLevel::Area: {
            t.columns.insert(t.columns.end(), {"area", "street", "street_name"});
            std::map<std::int32_t, std::size_t> index;
            for (std::size_t b = 0; b < nb; ++b) index.emplace(run.buildings.area[b], 0);
            std::size_t k = 0;
            for (auto& [area, slot] : index) slot = k++;
            group_ids.resize(index.size());
            for (std::size_t b = 0; b < nb; ++b) {
                group[b] = index[run.buildings.area[b]];
                group_ids[group[b]] = {std::to_string(run.buildings.area[b]), std::to_string(run.buildings.street[b]),
                                       street_name(run.buildings.street[b])};
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
        t.columns.push_back(run.indicators[k].info.name);
        t.variables.push_back(variable_of(run.indicators[k].info, ""));
    }
    const std::size_t groups = group_ids.size(), snaps = run.snapshot_days.size();
    std::vector<std::string> snapshot_dates;
    for (auto d : run.snapshot_days) snapshot_dates.push_back(run.date[run.time_index(d)]);
    t.dims.push_back(day_dim("snapshot", run.snapshot_days, snapshot_dates, run.start_date));
    if (o.level == ExportLevel::Street)
        t.dims.push_back(street_dim(run.street_names));
    else if (o.level != ExportLevel::District) {
        ExportDim dim{
            level_name(o.level), {}, {}, "", o.level == ExportLevel::Building ? "Building" : "Residential area", ""};
        for (const auto& ids : group_ids) dim.numbers.push_back(std::stoi(ids.front()));
        t.dims.push_back(std::move(dim));
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
    if (o.period == ExportPeriod::Year)
        throw InputError({{"command line", 0, "--aggregate",
                           "a sweep records its outcomes on sample days only (a stock's value, a flow's total since "
                           "day 1); export a run file by year (`jiceng sweep ... --keep-runs` writes them to "
                           "DIR/runs/)"}});
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
        t.variables.push_back(
            {s.outcomes[k], "", s.outcome_units[k], s.outcome_kinds[k], s.outcome_long_en[k], s.outcome_long_zh[k]});
    }
    ExportDim points{"point", {}, {}, "", "Design point", ""},
        replicates{"replicate", {}, {}, "", "Replicate number", ""};
    for (std::size_t p = 0; p < s.points; ++p) points.numbers.push_back(static_cast<std::int32_t>(p));
    for (const auto& param : s.params) points.values.emplace_back(param.key, param.values);
    for (std::int64_t r = 0; r < s.replicates; ++r) replicates.numbers.push_back(static_cast<std::int32_t>(r));
    t.dims = {points, replicates, day_dim("day", s.sample_days, s.dates, s.start_date)};
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
    if (o.what == ExportWhat::Indicators) {
        if (o.period == ExportPeriod::Year)
            throw InputError({{"command line", 0, "--aggregate",
                               "indicators are building snapshots every output.snapshot_every days; by year export "
                               "outcomes (--what outcomes, at district or street level)"}});
        return indicators_table(run, o);
    }
    return o.period == ExportPeriod::Year ? yearly_outcomes_table(run, o) : outcomes_table(run, o);
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

void write_tidy_csv(const ExportTable& t, std::ostream& out) {
    const bool statistics = std::any_of(t.variables.begin(), t.variables.end(),
                                        [](const ExportVariable& v) { return !v.statistic.empty(); });
    for (std::size_t c = 0; c < t.id_columns; ++c) out << csv_field(t.columns[c]) << ",";
    out << "variable," << (statistics ? "statistic," : "") << "value,units,kind\n";
    for (std::size_t r = 0; r < t.text.size(); ++r) {
        std::string id;
        for (const auto& field : t.text[r]) id += csv_field(field) + ",";
        for (std::size_t c = 0; c < t.variables.size(); ++c) {
            const auto& v = t.variables[c];
            const double x = t.numbers[r][c];
            out << id << csv_field(v.name) << "," << (statistics ? csv_field(v.statistic) + "," : "")
                << (std::isfinite(x) ? plain_number(x) : std::string()) << "," << csv_field(v.units) << ","
                << csv_field(v.kind) << "\n";
        }
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
            std::string coordinates;  // text labels beside integer coordinates (dates beside days)
            for (const auto& dim : t.dims) {
                const hsize_t size = dim.size();
                h5::Handle scale = dim.numbers.empty() ? h5::write_strings(f, dim.name, dim.labels)
                                                       : h5::write_dataset(f, dim.name, {size}, dim.numbers.data());
                h5::make_scale(scale, dim.name);
                if (!dim.long_name.empty()) h5::write_attr(scale, "long_name", dim.long_name);
                if (!dim.start_date.empty()) h5::describe_days_since(scale, dim.start_date);
                if (!dim.numbers.empty() && !dim.labels.empty()) {
                    const std::string label_name = dim.label_name.empty() ? dim.name + "_label" : dim.label_name;
                    auto labels = h5::write_strings(f, label_name, dim.labels);
                    h5::attach_scale(labels, scale, 0);
                    coordinates += (coordinates.empty() ? "" : " ") + label_name;
                }
                for (const auto& [name, values] : dim.values) {
                    auto ds = h5::write_dataset(f, name, {size}, values.data());
                    h5::attach_scale(ds, scale, 0);
                    coordinates += (coordinates.empty() ? "" : " ") + name;
                }
                scales.push_back(std::move(scale));
                shape.push_back(size);
            }
            const std::size_t rows = t.numbers.size();
            for (std::size_t c = 0; c < t.columns.size() - t.id_columns; ++c) {
                std::vector<double> v(rows);
                for (std::size_t r = 0; r < rows; ++r) v[r] = t.numbers[r][c];
                auto ds = h5::write_dataset(f, t.columns[t.id_columns + c], shape, v.data());
                for (std::size_t k = 0; k < scales.size(); ++k)
                    h5::attach_scale(ds, scales[k], static_cast<unsigned>(k));
                const auto& var = t.variables[c];
                h5::write_attr(ds, "units", var.units);
                h5::write_attr(ds, "long_name", var.long_name);
                h5::write_attr(ds, "long_name_zh", var.long_name_zh);
                if (!var.kind.empty()) h5::write_attr(ds, "kind", var.kind);
                if (!var.statistic.empty()) {
                    h5::write_attr(ds, "statistic", var.statistic);
                    h5::write_attr(ds, "description",
                                   std::string(var.statistic == "sum"   ? "sum over the year's days"
                                               : var.statistic == "end" ? "value on the year's last recorded day"
                                               : var.kind == "mean"     ? "mean over the year's events"
                                                                        : "mean over the year's days"));
                }
                if (!coordinates.empty()) h5::write_attr(ds, "coordinates", coordinates);
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
