#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/experiments/compare.hpp"
#include "sim/experiments/files.hpp"
#include "sim/experiments/sweep.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

const fs::path kData = fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data";

const char* kExperiment = R"(
[experiment]
name = "sweep_test"
scenario = "tiny.toml"
replicates = 2
days = 30

[outcomes]
names = ["trust_mean", "needs_resolved", "building_groups"]
every = 10

[design]
method = "grid"

[design.parameters]
"strategies.louzu.threshold" = [2, 4, 6]
)";

Experiment experiment(const std::string& text = kExperiment) {
    return parse_experiment(text, "sweep_test.toml", kData);
}

class SweepTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("jiceng-sweep-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_;
};

TEST_F(SweepTest, ResultsDoNotDependOnJobs) {
    const Experiment e = experiment();
    SweepOptions one, three;
    one.jobs = 1;
    three.jobs = 3;
    const auto p1 = run_sweep(e, root_ / "one", one);
    EXPECT_EQ(p1.done, 6u);
    EXPECT_EQ(p1.resumed, 0u);
    run_sweep(e, root_ / "three", three);
    const SweepResults a = read_sweep(root_ / "one"), b = read_sweep(root_ / "three");
    EXPECT_EQ(a.values, b.values);
    EXPECT_EQ(a.points, 3u);
    EXPECT_EQ(a.replicates, 2);
    EXPECT_EQ(a.sample_days, (std::vector<std::int32_t>{0, 10, 20, 30}));
    EXPECT_EQ(a.outcomes, (std::vector<std::string>{"trust_mean", "needs_resolved", "building_groups"}));
    ASSERT_EQ(a.params.size(), 1u);
    EXPECT_EQ(a.params[0].values, (std::vector<double>{2, 4, 6}));
    EXPECT_EQ(a.dates.front(), "2003-01-01");
    // A higher threshold cannot form more groups.
    EXPECT_GE(a.mean(0, 3, 2), a.mean(2, 3, 2));
}

TEST_F(SweepTest, EveryRunRepeatsAlone) {
    // Run (point 1, replicate 1) is the point's scenario simulated with the
    // experiment seed and replicate 1: common random numbers across points.
    const Experiment e = experiment();
    const RunRecord r = execute_run(e, 3, {});
    ASSERT_EQ(e.point_of(3), 1u);
    ASSERT_EQ(e.replicate_of(3), 1);
    const Results alone = run_one(freeze(e.point_scenario(1)), e.seed, 1, e.days);
    std::size_t k = 0;
    for (auto day : e.sample_days)
        for (int o : e.outcomes) EXPECT_EQ(r.values[k++], summary_at(alone, o, day));
    // The scenario printed for a point round-trips through TOML to the same results.
    const Scenario reread = parse_scenario(e.point_scenario(1).resolved_toml(), "point.toml");
    const Results again =
        run_one(freeze(reread), static_cast<std::uint64_t>(reread.params.run_seed), 1, reread.params.run_days);
    EXPECT_EQ(again.district, alone.district);
}

TEST_F(SweepTest, ResumesAfterAnInterruptionWithTheSameResults) {
    const Experiment e = experiment();
    SweepOptions options;
    options.jobs = 2;
    run_sweep(e, root_ / "whole", options);
    const fs::path dir = root_ / "cut";
    {
        SweepStore store(dir, e);
        EXPECT_EQ(store.pending().size(), 6u);
        store.record(execute_run(e, 4, {}));
        store.record(execute_run(e, 1, {}));
        store.record(execute_run(e, 1, {}));  // a duplicate is ignored
        EXPECT_EQ(store.done(), 2u);
    }
    // A record torn by kill -9: half of one appended to the journal.
    const auto size_before = fs::file_size(dir / "journal.bin");
    {
        std::ofstream journal(dir / "journal.bin", std::ios::binary | std::ios::app);
        const std::string torn(100, '\x07');
        journal.write(torn.data(), static_cast<std::streamsize>(torn.size()));
    }
    std::ofstream(dir / "manifest.tsv.part-99999") << "left by a killed writer";
    {
        SweepStore store(dir, e);
        EXPECT_EQ(store.pending(), (std::vector<std::size_t>{0, 2, 3, 5}));
        EXPECT_EQ(fs::file_size(dir / "journal.bin"), size_before) << "the torn record is dropped";
        EXPECT_FALSE(fs::exists(dir / "manifest.tsv.part-99999")) << "stale temporary files are removed";
    }
    int progress_calls = 0;
    options.on_progress = [&](const SweepProgress& p) {
        ++progress_calls;
        EXPECT_EQ(p.resumed, 2u);
        EXPECT_EQ(p.total, 6u);
    };
    const auto p = run_sweep(e, dir, options);
    EXPECT_EQ(progress_calls, 4);
    EXPECT_EQ(p.done, 6u);
    EXPECT_EQ(read_sweep(dir).values, read_sweep(root_ / "whole").values);
    // Nothing left to do: the same call again just rewrites the results.
    EXPECT_EQ(run_sweep(e, dir, options).resumed, 6u);
    std::ifstream manifest(dir / "manifest.tsv");
    std::string text((std::istreambuf_iterator<char>(manifest)), {});
    EXPECT_NE(text.find("6 of 6 runs done"), std::string::npos) << text;
    EXPECT_NE(text.find("run\tpoint\treplicate\tseed\tstatus"), std::string::npos);
}

TEST_F(SweepTest, RefusesAnotherExperimentsDirectory) {
    const Experiment e = experiment();
    SweepOptions options;
    run_sweep(e, root_ / "a", options);
    std::string other = kExperiment;
    other.replace(other.find("[2, 4, 6]"), 9, "[2, 4, 7]");
    const auto journal = fs::file_size(root_ / "a/journal.bin");
    EXPECT_THROW(SweepStore(root_ / "a", experiment(other)), InputError);
    EXPECT_EQ(fs::file_size(root_ / "a/journal.bin"), journal);
    // Nor a directory that holds something else.
    fs::create_directories(root_ / "busy");
    std::ofstream(root_ / "busy/notes.txt") << "mine";
    EXPECT_THROW(SweepStore(root_ / "busy", e), InputError);
    EXPECT_FALSE(fs::exists(root_ / "busy/journal.bin"));
}

TEST_F(SweepTest, OneSweepPerDirectoryAtATime) {
    const Experiment e = experiment();
    SweepStore first(root_ / "d", e);
    EXPECT_THROW(SweepStore(root_ / "d", e), std::runtime_error);
}

TEST_F(SweepTest, KeepsRunFilesWhenAsked) {
    const Experiment e = experiment();
    SweepOptions options;
    options.keep_runs = true;
    options.jobs = 2;
    run_sweep(e, root_ / "k", options);
    EXPECT_TRUE(fs::exists(root_ / "k/runs/p000002-r001.h5"));
    EXPECT_EQ(run_file_name(e, 5), "p000002-r001.h5");
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(root_ / "k/runs")) files += entry.path().extension() == ".h5";
    EXPECT_EQ(files, 6u);
}

TEST_F(SweepTest, ReadingRefusesWhatIsNotASweep) {
    EXPECT_THROW(read_sweep(root_ / "nothing"), std::runtime_error);
    EXPECT_FALSE(is_sweep(root_));
    std::ofstream(root_ / "results.h5") << "not hdf5";
    EXPECT_THROW(read_sweep(root_), std::runtime_error);
}

TEST(PlainNumber, WholeNumbersPlainOthersExact) {
    EXPECT_EQ(plain_number(100.0), "100");
    EXPECT_EQ(plain_number(-3.0), "-3");
    EXPECT_EQ(plain_number(0.1), "0.1");
    EXPECT_EQ(std::stod(plain_number(1.0 / 3.0)), 1.0 / 3.0);
    EXPECT_EQ(plain_number(2.5e-7), "2.5e-07");
}

TEST(RunTasks, RunsEachTaskOnceAndRethrows) {
    std::vector<int> seen(50, 0);
    run_tasks(seen.size(), 4, [&](std::size_t k) { ++seen[k]; });
    EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 50);
    EXPECT_THROW(run_tasks(10, 3,
                           [](std::size_t k) {
                               if (k == 4) throw std::runtime_error("boom");
                           }),
                 std::runtime_error);
    run_tasks(0, 2, [](std::size_t) { FAIL(); });
}

}  // namespace
}  // namespace jiceng
