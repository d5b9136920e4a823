#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "sim/experiments/export.hpp"
#include "sim/experiments/files.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/simulation/simulation.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

class ExportTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("jiceng-export-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        Scenario s = load_scenario(fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data/tiny.toml");
        s.params.district_streets = 2;
        Simulation sim(freeze(s), 9, 0, 40);
        sim.run();
        sim.finish();
        write_run(dir_ / "run.h5", sim, RunProvenance{"tiny.toml", 1, "", ""});
        run_ = new RunData(read_run(dir_ / "run.h5"));
    }
    static void TearDownTestSuite() {
        delete run_;
        fs::remove_all(dir_);
    }
    static ExportTable table(ExportLevel level, ExportWhat what, std::vector<std::string> variables = {}) {
        return export_table(dir_ / "run.h5", ExportOptions{level, what, std::move(variables)});
    }
    static std::size_t column(const ExportTable& t, const std::string& name) {
        return static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), name) - t.columns.begin()) -
               t.id_columns;
    }
    static inline fs::path dir_;
    static inline RunData* run_ = nullptr;
};

TEST_F(ExportTest, DistrictOutcomesAreTheTimeSeries) {
    const auto t = table(ExportLevel::District, ExportWhat::Outcomes);
    ASSERT_EQ(t.numbers.size(), 41u);
    EXPECT_EQ(t.columns[0], "date");
    EXPECT_EQ(t.columns[1], "day");
    EXPECT_EQ(t.text[40][0], run_->date[40]);
    const auto k = column(t, "trust_mean");
    for (std::size_t d = 0; d <= 40; ++d) EXPECT_EQ(t.numbers[d][k], run_->find_outcome("trust_mean")->values[d]);
}

TEST_F(ExportTest, StreetOutcomesAddUpToTheDistrict) {
    const auto t = table(ExportLevel::Street, ExportWhat::Outcomes, {"residents", "needs_resolved"});
    ASSERT_EQ(t.numbers.size(), 41u * 2);
    EXPECT_EQ(t.columns,
              (std::vector<std::string>{"date", "day", "street", "street_name", "residents", "needs_resolved"}));
    for (std::size_t d = 0; d <= 40; ++d) {
        EXPECT_DOUBLE_EQ(t.numbers[2 * d][0] + t.numbers[2 * d + 1][0], run_->find_outcome("residents")->values[d]);
        EXPECT_DOUBLE_EQ(t.numbers[2 * d][1] + t.numbers[2 * d + 1][1],
                         run_->find_outcome("needs_resolved")->values[d]);
    }
    // Outcomes without a street breakdown are named as such.
    try {
        table(ExportLevel::Street, ExportWhat::Outcomes, {"households"});
        FAIL() << "households has no street breakdown";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("by street"), std::string::npos) << e.what();
    }
}

TEST_F(ExportTest, IndicatorsRollUpBySumOrWeightedMean) {
    const auto building = table(ExportLevel::Building, ExportWhat::Indicators);
    const auto area = table(ExportLevel::Area, ExportWhat::Indicators);
    const auto street = table(ExportLevel::Street, ExportWhat::Indicators);
    const auto district = table(ExportLevel::District, ExportWhat::Indicators);
    const std::size_t snaps = run_->snapshot_days.size(), nb = run_->buildings.count();
    ASSERT_EQ(snaps, 3u);  // days 0, 20, 40
    EXPECT_EQ(building.numbers.size(), snaps * nb);
    EXPECT_EQ(area.numbers.size(), snaps * 6);
    EXPECT_EQ(street.numbers.size(), snaps * 2);
    EXPECT_EQ(district.numbers.size(), snaps);
    const auto residents = column(district, "residents"), trust = column(district, "trust_mean"),
               active = column(district, "members_active_share");
    for (std::size_t s = 0; s < snaps; ++s) {
        double people = 0, trust_weighted = 0, members = 0, active_weighted = 0;
        for (std::size_t b = 0; b < nb; ++b) {
            const double r = run_->find_indicator("residents")->values[s * nb + b];
            const double m = run_->find_indicator("members")->values[s * nb + b];
            people += r;
            trust_weighted += r * run_->find_indicator("trust_mean")->values[s * nb + b];
            members += m;
            if (m > 0) active_weighted += m * run_->find_indicator("members_active_share")->values[s * nb + b];
        }
        EXPECT_DOUBLE_EQ(district.numbers[s][residents], people);
        EXPECT_NEAR(district.numbers[s][trust], trust_weighted / people, 1e-9);
        EXPECT_NEAR(district.numbers[s][active], active_weighted / members, 1e-9);
        double by_area = 0, by_street = 0;
        for (std::size_t a = 0; a < 6; ++a) by_area += area.numbers[s * 6 + a][residents];
        for (std::size_t k = 0; k < 2; ++k) by_street += street.numbers[s * 2 + k][residents];
        EXPECT_DOUBLE_EQ(by_area, people);
        EXPECT_DOUBLE_EQ(by_street, people);
    }
}

TEST_F(ExportTest, RefusesWhatTheFileDoesNotHold) {
    EXPECT_THROW(table(ExportLevel::Building, ExportWhat::Outcomes), InputError);
    EXPECT_THROW(table(ExportLevel::District, ExportWhat::Outcomes, {"trust_men"}), InputError);
    EXPECT_THROW(parse_level("buildings"), InputError);
    EXPECT_THROW(parse_what("outcome"), InputError);
    EXPECT_EQ(parse_level("area"), ExportLevel::Area);
    EXPECT_THROW(export_table(dir_ / "missing.h5", ExportOptions{}), RunFileError);
}

TEST_F(ExportTest, WritesCsvAndNetcdf) {
    const auto t = table(ExportLevel::Street, ExportWhat::Indicators, {"residents", "trust_mean"});
    std::ostringstream csv;
    write_csv(t, csv);
    const std::string text = csv.str();
    EXPECT_EQ(text.substr(0, text.find('\n')), "date,day,street,street_name,residents,trust_mean");
    EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), t.numbers.size() + 1);
    write_netcdf(t, dir_ / "street.nc");
    h5::Handle f(H5Fopen((dir_ / "street.nc").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open");
    const auto residents = h5::read_doubles(f, "residents");
    ASSERT_EQ(residents.size(), t.numbers.size());
    for (std::size_t r = 0; r < residents.size(); ++r) EXPECT_EQ(residents[r], t.numbers[r][0]);
    // Streets are labelled by name; snapshots are day numbers with their dates beside them.
    EXPECT_EQ(h5::read_strings(f, "street"), run_->street_names);
    EXPECT_EQ(h5::read_ints(f, "snapshot"), run_->snapshot_days);
    EXPECT_EQ(h5::read_strings(f, "snapshot_date").front(), "2003-01-01");
    h5::Handle snapshot(H5Dopen2(f, "snapshot", H5P_DEFAULT), H5Dclose, "open snapshot");
    EXPECT_EQ(h5::read_attr_string(snapshot, "units"), "days since 2003-01-01");
    EXPECT_EQ(h5::read_attr_string(snapshot, "calendar"), "proleptic_gregorian");
}

TEST_F(ExportTest, BuildingsAndAreasCarryTheirStreetName) {
    for (const auto level : {ExportLevel::Building, ExportLevel::Area}) {
        const auto t = table(level, ExportWhat::Indicators, {"residents"});
        const auto street =
            static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), "street") - t.columns.begin());
        ASSERT_LT(street + 1, t.id_columns);
        ASSERT_EQ(t.columns[street + 1], "street_name");
        for (const auto& row : t.text)
            EXPECT_EQ(row[street + 1], run_->street_names.at(static_cast<std::size_t>(std::stoi(row[street]))));
    }
}

// By calendar year: an 800-day run from 2003-01-01 covers 2003 (days 0..364),
// 2004 (a leap year: days 365..730) and part of 2005 (days 731..800).
class YearlyExportTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("jiceng-export-years-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        Scenario s = load_scenario(fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data/tiny.toml");
        s.params.district_streets = 2;
        s.params.district_residents_per_street = 1500;
        s.params.output_snapshot_every = 400;
        Simulation sim(freeze(s), 11, 0, 800);
        sim.run();
        sim.finish();
        write_run(dir_ / "run.h5", sim, RunProvenance{"tiny.toml", 1, "", ""});
        run_ = new RunData(read_run(dir_ / "run.h5"));
    }
    static void TearDownTestSuite() {
        delete run_;
        fs::remove_all(dir_);
    }
    static ExportTable yearly(ExportLevel level, std::vector<std::string> variables) {
        ExportOptions o{level, ExportWhat::Outcomes, std::move(variables)};
        o.period = ExportPeriod::Year;
        return export_table(dir_ / "run.h5", o);
    }
    static std::size_t column(const ExportTable& t, const std::string& name) {
        const auto at = std::find(t.columns.begin(), t.columns.end(), name);
        EXPECT_NE(at, t.columns.end()) << name;
        return static_cast<std::size_t>(at - t.columns.begin()) - t.id_columns;
    }
    static double sum(const std::vector<double>& v, std::size_t first, std::size_t last) {
        double total = 0;
        for (std::size_t d = first; d <= last; ++d) total += v[d];
        return total;
    }
    static inline fs::path dir_;
    static inline RunData* run_ = nullptr;
};

TEST_F(YearlyExportTest, YearsAreCalendarYearsWithTheLeapDay) {
    const auto t = yearly(ExportLevel::District, {"residents"});
    ASSERT_EQ(t.numbers.size(), 3u);
    EXPECT_EQ(t.columns[0], "year");
    const std::vector<std::vector<std::string>> ids = {{"2003", "2003-01-01", "2003-12-31", "365", "true"},
                                                       {"2004", "2004-01-01", "2004-12-31", "366", "true"},
                                                       {"2005", "2005-01-01", "2005-03-11", "70", "false"}};
    for (std::size_t y = 0; y < 3; ++y)
        EXPECT_EQ(std::vector<std::string>(t.text[y].begin(), t.text[y].begin() + 5), ids[y]) << y;
    ASSERT_EQ(t.dims.size(), 1u);
    EXPECT_EQ(t.dims[0].numbers, (std::vector<std::int32_t>{2003, 2004, 2005}));
}

TEST_F(YearlyExportTest, FlowsSumStocksEndAndAverageMeansWeighByTheirEvents) {
    const auto t = yearly(ExportLevel::District, {"needs_resolved", "needs_backlog", "resolution_days_mean"});
    EXPECT_EQ(t.columns,
              (std::vector<std::string>{"year", "first_date", "last_date", "days", "complete", "needs_resolved_sum",
                                        "needs_backlog_end", "needs_backlog_mean", "resolution_days_mean_mean"}));
    const auto& resolved = run_->find_outcome("needs_resolved")->values;
    const auto& backlog = run_->find_outcome("needs_backlog")->values;
    const auto& days_to_resolve = run_->find_outcome("resolution_days_mean")->values;
    const std::size_t spans[3][2] = {{0, 364}, {365, 730}, {731, 800}};
    double flows = 0;
    for (std::size_t y = 0; y < 3; ++y) {
        const auto [first, last] = spans[y];
        const std::size_t first_event = std::max<std::size_t>(first, 1);  // day 0 has no events
        EXPECT_EQ(t.numbers[y][column(t, "needs_resolved_sum")], sum(resolved, first_event, last));
        EXPECT_EQ(t.numbers[y][column(t, "needs_backlog_end")], backlog[last]);
        EXPECT_DOUBLE_EQ(t.numbers[y][column(t, "needs_backlog_mean")],
                         sum(backlog, first, last) / static_cast<double>(last - first + 1));
        double weighted = 0, weights = 0;
        for (std::size_t d = first_event; d <= last; ++d) {
            weighted += days_to_resolve[d] * resolved[d];
            weights += resolved[d];
        }
        ASSERT_GT(weights, 0);
        EXPECT_DOUBLE_EQ(t.numbers[y][column(t, "resolution_days_mean_mean")], weighted / weights);
        flows += t.numbers[y][column(t, "needs_resolved_sum")];
    }
    // The years together are the whole run, as compare summarises it.
    EXPECT_EQ(flows, sum(resolved, 1, 800));
    EXPECT_GT(flows, 0);
    const auto& kinds = t.variables;
    EXPECT_EQ(kinds[0].statistic, "sum");
    EXPECT_EQ(kinds[1].statistic, "end");
    EXPECT_EQ(kinds[2].statistic, "mean");
    EXPECT_EQ(kinds[3].units, "day");
}

TEST_F(YearlyExportTest, StreetYearsAddUpToTheDistrict) {
    const auto street = yearly(ExportLevel::Street, {"needs_resolved", "residents"});
    const auto district = yearly(ExportLevel::District, {"needs_resolved", "residents"});
    ASSERT_EQ(street.numbers.size(), 3u * 2);
    EXPECT_EQ(street.text[1][5], "1");
    EXPECT_EQ(street.text[1][6], run_->street_names[1]);
    for (std::size_t y = 0; y < 3; ++y)
        for (const char* name : {"needs_resolved_sum", "residents_end"})
            EXPECT_DOUBLE_EQ(
                street.numbers[2 * y][column(street, name)] + street.numbers[2 * y + 1][column(street, name)],
                district.numbers[y][column(district, name)])
                << name << " " << y;
    EXPECT_EQ(street.dims[1].labels, run_->street_names);
}

TEST_F(YearlyExportTest, TidyCsvHasOneRowPerValueWithItsUnits) {
    const auto t = yearly(ExportLevel::District, {"needs_resolved", "needs_backlog", "member_hours"});
    std::ostringstream csv;
    write_tidy_csv(t, csv);
    std::istringstream lines(csv.str());
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "year,first_date,last_date,days,complete,variable,statistic,value,units,kind");
    std::vector<std::string> rows;
    while (std::getline(lines, line)) rows.push_back(line);
    ASSERT_EQ(rows.size(), 3u * 4);  // three years, four values each
    EXPECT_EQ(rows[0], "2003,2003-01-01,2003-12-31,365,true,needs_resolved,sum," + plain_number(t.numbers[0][0]) +
                           ",needs,flow");
    EXPECT_EQ(rows[3].substr(rows[3].rfind(',', rows[3].rfind(',') - 1)), ",hour,flow");
    // Daily values, tidy: date and day, then one row per outcome.
    const auto daily = export_table(
        dir_ / "run.h5", ExportOptions{ExportLevel::Street, ExportWhat::Outcomes, {"residents", "trust_mean"}});
    std::ostringstream long_form;
    write_tidy_csv(daily, long_form);
    const std::string text = long_form.str();
    EXPECT_EQ(text.substr(0, text.find('\n')), "date,day,street,street_name,variable,value,units,kind");
    EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), 801u * 2 * 2 + 1);
    EXPECT_NE(text.find("\n2004-02-29,424,1," + run_->street_names[1] + ",trust_mean,"), std::string::npos);
}

TEST_F(YearlyExportTest, RefusesYearsWhereThereAreNone) {
    ExportOptions o{ExportLevel::Building, ExportWhat::Indicators, {}};
    o.period = ExportPeriod::Year;
    EXPECT_THROW(export_table(dir_ / "run.h5", o), InputError);
    try {
        parse_period("yaer");
        FAIL() << "yaer is not a period";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'year'?"), std::string::npos) << e.what();
    }
    EXPECT_EQ(parse_period("year"), ExportPeriod::Year);
    EXPECT_EQ(parse_period("day"), ExportPeriod::Day);
}

}  // namespace
}  // namespace jiceng
