// Export of results for spreadsheets and netCDF tools, rolled up to the
// building, residential area, street or district.
//
// A run file holds daily time series for the district (every outcome) and by
// street (outcomes marked by_street), and per-building snapshots of the
// indicators every output.snapshot_every days. So:
//   outcomes   (daily):     district, street
//   indicators (snapshots): building, area, street, district
// Counts (residents, members, open needs, groups) are summed; means and shares
// are averaged weighted by what they are a mean of (residents or members).
// A sweep directory holds district summaries per point and replicate.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace jiceng {

enum class ExportLevel { Building, Area, Street, District };
enum class ExportWhat { Outcomes, Indicators };

struct ExportOptions {
    ExportLevel level = ExportLevel::District;
    ExportWhat what = ExportWhat::Outcomes;
    std::vector<std::string> variables;  // empty: all available at that level
};

// A rectangular table: identifying columns (date, day, street, ...) then one
// column per variable.
struct ExportTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> text;  // identifying columns, per row
    std::vector<std::vector<double>> numbers;    // variables, per row
    std::size_t id_columns = 0;
    // netCDF layout: the dimension names and sizes the rows enumerate (row-major).
    std::vector<std::pair<std::string, std::size_t>> dims;
    std::vector<std::vector<std::string>> dim_labels;           // per dimension, a label per index
    std::vector<std::string> units, long_names, long_names_zh;  // per variable
};

// Builds the table from a run file or a sweep directory; throws InputError for
// a level or variable the input does not have, RunFileError/runtime_error for
// unreadable input.
ExportTable export_table(const std::filesystem::path& input, const ExportOptions& options);
void write_csv(const ExportTable& table, std::ostream& out);
// netCDF-4 (HDF5 with dimension scales), atomically.
void write_netcdf(const ExportTable& table, const std::filesystem::path& file);

ExportLevel parse_level(const std::string& text);  // throws InputError
ExportWhat parse_what(const std::string& text);    // throws InputError

}  // namespace jiceng
