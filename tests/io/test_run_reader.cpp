// The run reader: reads back exactly what the writer wrote, and refuses
// missing, foreign, truncated, wrong-version and inconsistent files with a
// RunFileError that names the file (never a crash).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/simulation.hpp"

namespace fs = std::filesystem;
using namespace jiceng;

namespace {

constexpr const char* kTinyScenario = R"(
[scenario]
name = "tiny"
title_en = "Tiny street"
title_zh = "小街道"
[run]
days = 45
[district]
residents_per_street = 2000
areas_per_street = 2
[output]
snapshot_every = 20
)";

class RunReaderTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("jiceng-reader-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        auto model = freeze(parse_scenario(kTinyScenario, "tiny.toml"));
        sim_ = std::make_unique<Simulation>(model, 7, 0, model->params().run_days);
        sim_->run();
        sim_->finish();
        write_run(dir_ / "tiny.h5", *sim_, RunProvenance{"tiny.toml", 1, utc_now_iso(), utc_now_iso()});
    }
    static void TearDownTestSuite() {
        sim_.reset();
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    static fs::path copy_of(const std::string& name) {
        const fs::path to = dir_ / name;
        fs::copy_file(dir_ / "tiny.h5", to, fs::copy_options::overwrite_existing);
        return to;
    }
    // The RunFileError message read_run throws for `file` ("" when it does not throw).
    static std::string error_of(const fs::path& file) {
        try {
            read_run(file);
        } catch (const RunFileError& e) {
            return e.what();
        }
        return "";
    }
    static inline fs::path dir_;
    static inline std::unique_ptr<Simulation> sim_;
};

TEST_F(RunReaderTest, ReadsBackWhatTheWriterWrote) {
    const RunData run = read_run(dir_ / "tiny.h5");
    const Results& res = sim_->results();
    EXPECT_EQ(run.scenario_name, "tiny");
    EXPECT_EQ(run.scenario_title_zh, "小街道");
    EXPECT_EQ(run.seed, 7);
    EXPECT_EQ(run.days, 45);
    ASSERT_EQ(run.time_points(), res.days.size());
    EXPECT_EQ(run.date.front(), sim_->calendar().iso(0));
    EXPECT_EQ(run.street_names, sim_->world().streets.name);
    // Outcomes come in the library's order, with their values and descriptions.
    ASSERT_GE(run.outcomes.size(), static_cast<std::size_t>(kOutcomes));
    for (int k = 0; k < kOutcomes; ++k) {
        const auto& spec = outcome_table()[k];
        const RunOutcome& outcome = run.outcomes[static_cast<std::size_t>(k)];
        EXPECT_EQ(outcome.info.name, spec.name);
        EXPECT_EQ(outcome.info.long_name_zh, spec.long_zh);
        EXPECT_EQ(outcome.values, res.district[k]) << spec.name;
        if (spec.by_street) {
            EXPECT_EQ(outcome.by_street, res.street[k]) << spec.name;
        }
    }
    EXPECT_FALSE(run.find_outcome("trust_mean")->info.description.empty());
    EXPECT_EQ(run.snapshot_days, res.snapshot_days);
    ASSERT_EQ(run.buildings.count(), res.buildings);
    EXPECT_EQ(run.buildings.x, sim_->world().buildings.x);
    ASSERT_EQ(run.indicators.size(), static_cast<std::size_t>(kIndicators));
    for (int k = 0; k < kIndicators; ++k)
        EXPECT_EQ(run.indicators[static_cast<std::size_t>(k)].values, res.snapshots[k]);
    EXPECT_TRUE(run.changes.empty());
}

TEST_F(RunReaderTest, FindsSnapshotsAndTimePointsByDay) {
    const RunData run = read_run(dir_ / "tiny.h5");
    ASSERT_EQ(run.snapshot_days, (std::vector<std::int32_t>{0, 20, 40, 45}));
    EXPECT_EQ(run.snapshot_at(0), 0);
    EXPECT_EQ(run.snapshot_at(19), 0);
    EXPECT_EQ(run.snapshot_at(20), 1);
    EXPECT_EQ(run.snapshot_at(44), 2);
    EXPECT_EQ(run.snapshot_at(45), 3);
    EXPECT_EQ(run.snapshot_at(-1), -1);
    EXPECT_EQ(run.time_index(30), 30u);
    EXPECT_EQ(run.time_index(1000), 45u);
}

TEST_F(RunReaderTest, ReadsLiveChanges) {
    auto model = freeze(parse_scenario(kTinyScenario, "tiny.toml"));
    Simulation sim(model, 7, 0, 10);
    sim.step();
    sim.set_live("strategies.louzu.enabled", ParamValue{true});
    sim.run();
    sim.finish();
    write_run(dir_ / "changed.h5", sim, RunProvenance{"tiny.toml", 1, utc_now_iso(), utc_now_iso()});
    const RunData run = read_run(dir_ / "changed.h5");
    ASSERT_EQ(run.changes.size(), 1u);
    EXPECT_EQ(run.changes[0].day, 2);
    EXPECT_EQ(run.changes[0].key, "strategies.louzu.enabled");
    EXPECT_EQ(run.changes[0].value, "true");
}

TEST_F(RunReaderTest, MissingFile) {
    EXPECT_NE(error_of(dir_ / "absent.h5").find("no such file"), std::string::npos);
}

TEST_F(RunReaderTest, TextFileIsNotARunFile) {
    std::ofstream(dir_ / "notes.h5") << "day,trust\n0,0.5\n";
    const std::string message = error_of(dir_ / "notes.h5");
    EXPECT_NE(message.find("notes.h5"), std::string::npos);
    EXPECT_NE(message.find("not an HDF5 file"), std::string::npos);
}

TEST_F(RunReaderTest, TruncatedFile) {
    const fs::path file = copy_of("truncated.h5");
    fs::resize_file(file, fs::file_size(file) / 2);
    const std::string message = error_of(file);
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;
}

TEST_F(RunReaderTest, ForeignHdf5File) {
    const fs::path file = dir_ / "foreign.h5";
    {
        h5::Handle f(H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose, "create");
        const double values[3] = {1, 2, 3};
        h5::write_dataset(f, "temperature", {3}, values);
    }
    EXPECT_NE(error_of(file).find("not a jiceng run file"), std::string::npos);
    {
        h5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
        h5::write_attr(f, "format", std::string("netcdf-climate"));
    }
    EXPECT_NE(error_of(file).find("format is \"netcdf-climate\""), std::string::npos);
}

TEST_F(RunReaderTest, WrongFormatVersion) {
    const fs::path file = copy_of("version.h5");
    {
        h5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
        h5::check(H5Adelete(f, "format_version"), "delete attribute");
        h5::write_attr(f, "format_version", std::int64_t{2});
    }
    EXPECT_NE(error_of(file).find("format version 2 is not supported"), std::string::npos);
}

TEST_F(RunReaderTest, InconsistentShapes) {
    const fs::path file = copy_of("shapes.h5");
    {
        h5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
        h5::check(H5Adelete(f, "days"), "delete attribute");
        h5::write_attr(f, "days", std::int64_t{9999});
    }
    EXPECT_NE(error_of(file).find("has shape"), std::string::npos) << error_of(file);
}

TEST_F(RunReaderTest, RunSetsHoldReplicatesOfOneScenario) {
    const RunSet set = read_run_set({dir_ / "tiny.h5", copy_of("tiny-copy.h5")});
    EXPECT_EQ(set.size(), 2u);
    Scenario other = parse_scenario(kTinyScenario, "other.toml");
    other.meta.name = "other";
    Simulation sim(freeze(other), 7, 0, 45);
    sim.run();
    sim.finish();
    write_run(dir_ / "other.h5", sim, RunProvenance{"other.toml", 1, utc_now_iso(), utc_now_iso()});
    try {
        read_run_set({dir_ / "tiny.h5", dir_ / "other.h5"});
        FAIL() << "a run set of two scenarios was accepted";
    } catch (const RunFileError& e) {
        EXPECT_NE(std::string(e.what()).find("replicates of one scenario"), std::string::npos);
    }
    EXPECT_THROW(read_run_set({}), RunFileError);
}

}  // namespace

// A damaged header can declare any shape: the reader must refuse a dataset
// that claims far more elements than the file stores, not allocate for it.
TEST(RunReaderHardening, DatasetDeclaringMoreThanItStoresIsRefused) {
    const fs::path file = fs::temp_directory_path() / ("jiceng-huge-" + std::to_string(::getpid()) + ".h5");
    {
        h5::Handle f(H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose, "create");
        const hsize_t n = 4000000001ull;  // 16 GB of int32, never written
        const hsize_t chunk = 1024;
        h5::Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, "space");
        h5::Handle plist(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "plist");
        h5::check(H5Pset_chunk(plist, 1, &chunk), "chunk");
        h5::Handle ds(H5Dcreate2(f, "day", H5T_STD_I32LE, space, H5P_DEFAULT, plist, H5P_DEFAULT), H5Dclose, "create");
    }
    h5::silence_errors();
    h5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open");
    try {
        h5::read_ints(f, "day");
        ADD_FAILURE() << "read a dataset that stores nothing";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("dataset day declares 4000000001 elements but stores only 0 bytes"),
                  std::string::npos)
            << e.what();
    }
    fs::remove(file);
}

// An attribute read as one value must hold one value: an array attribute
// would overflow the single-value buffer.
TEST_F(RunReaderTest, ArrayAttributeWhereOneValueBelongsIsRefused) {
    const fs::path file = copy_of("array_attr.h5");
    {
        h5::Handle f(H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
        h5::check(H5Adelete(f, "format_version"), "delete attribute");
        const hsize_t n = 64;
        std::vector<std::int64_t> values(n, 1);
        h5::Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, "space");
        h5::Handle attr(H5Acreate2(f, "format_version", H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                        "create attribute");
        h5::check(H5Awrite(attr, H5T_NATIVE_INT64, values.data()), "write attribute");
    }
    const std::string message = error_of(file);
    EXPECT_NE(message.find("attribute format_version is not a single value"), std::string::npos) << message;
    EXPECT_NE(message.find(file.string()), std::string::npos) << message;
}
