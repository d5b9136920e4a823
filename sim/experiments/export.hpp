// Export of results for spreadsheets, pandas/R and netCDF tools, rolled up
// to the building, residential area, street or district, daily or by
// calendar year, wide (a column per variable) or tidy (a row per value,
// with its units).
//
// A run file holds daily time series for the district (every outcome) and by
// street (outcomes marked by_street), and per-building snapshots of the
// indicators every output.snapshot_every days. So:
//   outcomes   (daily):     district, street
//   indicators (snapshots): building, area, street, district
// Counts (residents, members, open needs, groups) are summed; means and shares
// are averaged weighted by what they are a mean of (residents or members).
// By calendar year (outcomes only; sim/core/calendar.hpp dates the days): a
// flow is summed over the year's days, a stock given at the year's last
// recorded day and as the mean over its days, a mean outcome averaged over
// the year weighted by the events it averages.
// A sweep directory holds district summaries per point and replicate.
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace jiceng {

enum class ExportLevel { Building, Area, Street, District };
enum class ExportWhat { Outcomes, Indicators };
enum class ExportPeriod { Day, Year };  // as recorded, or by calendar year

struct ExportOptions {
    ExportLevel level = ExportLevel::District;
    ExportWhat what = ExportWhat::Outcomes;
    std::vector<std::string> variables;  // empty: all available at that level
    ExportPeriod period = ExportPeriod::Day;
};

// What one exported column holds.
struct ExportVariable {
    std::string name;       // the outcome or indicator it comes from
    std::string statistic;  // "" as recorded; by year "sum" (flows), "end" or "mean" (stocks), "mean" (means)
    std::string units, kind, long_name, long_name_zh;  // kind: stock, flow or mean ("" for indicators)
};

// One dimension of the netCDF layout and its coordinate: integers (day
// numbers, written as a CF time when `start_date` is set; indices) with
// optional text labels beside them, or text labels alone (street names).
struct ExportDim {
    std::string name;
    std::vector<std::int32_t> numbers;  // the coordinate when not empty
    std::vector<std::string> labels;    // the coordinate when `numbers` is empty, else `label_name` beside it
    std::string start_date;             // numbers are day numbers: "days since start_date"
    std::string long_name;
    std::string label_name;  // name of the text labels beside integers ("date" beside "day")
    // Numeric coordinates over this dimension (a sweep point's parameter values).
    std::vector<std::pair<std::string, std::vector<double>>> values;
    std::size_t size() const { return numbers.empty() ? labels.size() : numbers.size(); }
};

// A rectangular table: identifying columns (date, day, street, ...) then one
// column per variable.
struct ExportTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> text;  // identifying columns, per row
    std::vector<std::vector<double>> numbers;    // variables, per row
    std::size_t id_columns = 0;
    // netCDF layout: the dimensions the rows enumerate (row-major).
    std::vector<ExportDim> dims;
    std::vector<ExportVariable> variables;  // one per column after the identifying ones
};

// Builds the table from a run file or a sweep directory; throws InputError for
// a level or variable the input does not have, RunFileError/runtime_error for
// unreadable input.
ExportTable export_table(const std::filesystem::path& input, const ExportOptions& options);
// Wide: the identifying columns, then one column per variable.
void write_csv(const ExportTable& table, std::ostream& out);
// Tidy (long): the identifying columns, then variable[, statistic], value,
// units, kind; one row per value, for pandas and R.
void write_tidy_csv(const ExportTable& table, std::ostream& out);
// netCDF-4 (HDF5 with dimension scales), atomically.
void write_netcdf(const ExportTable& table, const std::filesystem::path& file);

ExportLevel parse_level(const std::string& text);    // throws InputError
ExportWhat parse_what(const std::string& text);      // throws InputError
ExportPeriod parse_period(const std::string& text);  // "day" or "year"; throws InputError

}  // namespace jiceng
