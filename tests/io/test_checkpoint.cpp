#include <gtest/gtest.h>

#include <tbb/global_control.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>

#include "sim/io/checkpoint.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"
#include "sim/synthesis/synthesis.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

fs::path temp_dir() {
    const fs::path dir = fs::temp_directory_path() / ("jiceng-ckpt-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

Scenario small_scenario(bool all_strategies) {
    Scenario s = default_scenario();
    s.meta.name = all_strategies ? "all" : "base";
    s.params.district_streets = 2;
    s.params.district_residents_per_street = 2500;
    s.params.district_areas_per_street = 3;
    s.params.output_snapshot_every = 10;
    if (all_strategies) {
        for (const auto& info : strategy_registry()) s.params.*(info.enabled) = true;
        s.params.coverage_campaign_day = 20;
        s.params.louzu_phase2_day = 200;
    }
    return s;
}

// Every persistent array of the world as bytes, by name.
std::vector<std::pair<std::string, std::string>> world_arrays(const World& w) {
    std::vector<std::pair<std::string, std::string>> out;
    auto add = [&](const char* name, const auto& v) {
        out.emplace_back(name, std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0])));
    };
    Areas::visit(w.areas, add);
    Buildings::visit(w.buildings, add);
    Households::visit(w.households, add);
    Residents::visit(w.residents, add);
    Organisations::visit(w.orgs, add);
    add("employer_cdf", w.employer_cdf);
    add("streets.first_area", w.streets.first_area);
    add("streets.x", w.streets.x);
    out.emplace_back("policy", std::string(reinterpret_cast<const char*>(&w.policy), sizeof(Policy)));
    return out;
}

void expect_same_results(const Results& a, const Results& b) {
    EXPECT_EQ(a.days, b.days);
    EXPECT_EQ(a.snapshot_days, b.snapshot_days);
    EXPECT_EQ(a.district, b.district);
    EXPECT_EQ(a.street, b.street);
    EXPECT_EQ(a.org_type, b.org_type);
    EXPECT_EQ(a.snapshots, b.snapshots);
}

// Runs `days` uninterrupted, and again stopped at `stop`, checkpointed and
// restored into a fresh Simulation (on other thread counts); both must agree.
void check_round_trip(bool all_strategies, std::int64_t stop, std::int64_t days, int threads_before,
                      int threads_after) {
    auto model = freeze(small_scenario(all_strategies));
    Simulation whole(model, 11, 3, days);
    whole.run();
    const fs::path path = temp_dir() / ("rt-" + model->scenario.meta.name + ".ckpt");
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads_before);
        Simulation first(model, 11, 3, days);
        while (first.day() < stop) first.step();
        write_checkpoint(path, first, CheckpointMeta{});
    }
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads_after);
    auto resumed = restore_checkpoint(path, model, days);
    ASSERT_EQ(resumed->day(), stop);
    EXPECT_EQ(resumed->results().days.size(), static_cast<std::size_t>(stop + 1));
    resumed->run();
    EXPECT_EQ(resumed->day(), days);
    expect_same_results(whole.results(), resumed->results());
    EXPECT_TRUE(world_arrays(whole.world()) == world_arrays(resumed->world()));
    for (const auto& entry : fs::directory_iterator(path.parent_path()))
        EXPECT_EQ(entry.path().string().find(".part-"), std::string::npos) << "temporary file left behind";
}

TEST(Checkpoint, ResumedRunMatchesUninterruptedBaseline) {
    check_round_trip(false, 37, 90, 2, 2);
}

// Past the studios' pilots, a louzu meeting day, a campaign and a yearly
// commendation, so each strategy's saved state matters.
TEST(Checkpoint, ResumedRunMatchesUninterruptedAllStrategies) {
    check_round_trip(true, 183, 400, 2, 2);
}

TEST(Checkpoint, ResumedRunMatchesAcrossThreadCounts) {
    check_round_trip(true, 50, 120, 1, 2);
    check_round_trip(true, 50, 120, 2, 1);
}

// The world saved is the world restored, array for array, and a branch keeps
// the trajectory up to the branch day, then diverges when a strategy starts.
TEST(Checkpoint, BranchSharesHistoryAndThenDiverges) {
    auto base = freeze(small_scenario(false));
    Scenario louzu = small_scenario(false);
    louzu.meta.name = "louzu";
    louzu.params.louzu_enabled = true;
    auto branch_model = freeze(std::move(louzu));
    const fs::path path = temp_dir() / "burnin.ckpt";
    Simulation burnin(base, 5, 0, 40);
    burnin.run();
    write_checkpoint(path, burnin, CheckpointMeta{});
    auto same = restore_checkpoint(path, base, 100);
    EXPECT_TRUE(world_arrays(same->world()) == world_arrays(burnin.world()));
    auto branch = restore_checkpoint(path, branch_model, 100);
    same->run();
    branch->run();
    const auto groups = static_cast<int>(Outcome::building_groups);
    const auto& a = same->results().district;
    const auto& b = branch->results().district;
    for (int k = 0; k < kOutcomes; ++k)
        for (std::size_t d = 0; d <= 40; ++d) EXPECT_EQ(a[k][d], b[k][d]) << outcome_table()[k].name << " day " << d;
    EXPECT_EQ(a[groups].back(), 0.0);
    EXPECT_GT(b[groups].back(), 0.0);
    // The unbranched continuation is the uninterrupted run.
    Simulation whole(base, 5, 0, 100);
    whole.run();
    EXPECT_EQ(whole.results().district, a);
}

void set_attr(const fs::path& path, const std::string& name, const std::string& value) {
    h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
    h5::check(H5Adelete(file, name.c_str()), "delete attribute");
    h5::write_attr(file, name, value);
}

std::optional<InputError> header_error(const fs::path& path) {
    try {
        read_checkpoint_header(path);
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

TEST(Checkpoint, RefusesOtherBuildsFormatsAndFiles) {
    auto model = freeze(small_scenario(false));
    Simulation sim(model, 1, 0, 10);
    sim.run();
    const fs::path dir = temp_dir();
    const fs::path good = dir / "good.ckpt";
    write_checkpoint(good, sim, CheckpointMeta{});
    EXPECT_FALSE(header_error(good).has_value());

    fs::copy_file(good, dir / "commit.ckpt", fs::copy_options::overwrite_existing);
    set_attr(dir / "commit.ckpt", "git_commit", "0123456");
    auto e = header_error(dir / "commit.ckpt");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->diagnostics().at(0).key, "git_commit");
    EXPECT_NE(std::string(e->what()).find("0123456"), std::string::npos);

    fs::copy_file(good, dir / "version.ckpt", fs::copy_options::overwrite_existing);
    {
        h5::Handle file(H5Fopen((dir / "version.ckpt").c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
        h5::check(H5Adelete(file, "format_version"), "delete attribute");
        h5::write_attr(file, "format_version", std::int64_t{99});
    }
    e = header_error(dir / "version.ckpt");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->diagnostics().at(0).key, "format_version");

    write_run(dir / "run.h5", sim, RunProvenance{"x.toml", 1, "a", "b"});
    e = header_error(dir / "run.h5");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->diagnostics().at(0).key, "format");

    {
        std::FILE* f = std::fopen((dir / "text.ckpt").c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fputs("not a checkpoint\n", f);
        std::fclose(f);
    }
    e = header_error(dir / "text.ckpt");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->diagnostics().at(0).key, "format");

    e = header_error(dir / "missing.ckpt");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->diagnostics().at(0).file, (dir / "missing.ckpt").string());
}

// An array whose element type changed (e.g. float to double) is refused,
// not reinterpreted.
TEST(Checkpoint, ElementSizeIsChecked) {
    auto model = freeze(small_scenario(false));
    Simulation sim(model, 1, 0, 5);
    sim.run();
    const fs::path path = temp_dir() / "size.ckpt";
    write_checkpoint(path, sim, CheckpointMeta{});
    {
        h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
        h5::Handle ds(H5Dopen2(file, "world/residents/trust", H5P_DEFAULT), H5Dclose, "open dataset");
        h5::check(H5Adelete(ds, "element_size"), "delete attribute");
        h5::write_attr(ds, "element_size", std::int64_t{8});
    }
    try {
        restore_checkpoint(path, model, 10);
        FAIL() << "a checkpoint with a wrong element size was restored";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("world/residents/trust"), std::string::npos) << e.what();
    }
}

// district_keys() must list every parameter synthesis reads: changing any
// other parameter leaves the synthesised world unchanged.
TEST(Checkpoint, DistrictKeysCoverSynthesis) {
    Scenario base = small_scenario(false);
    base.params.district_streets = 1;
    base.params.district_residents_per_street = 600;
    base.params.district_areas_per_street = 2;
    const RandomStreams rng(3, 0);
    const auto reference = world_arrays(synthesize(*freeze(base), rng));
    const auto& keys = district_keys();
    int checked = 0;
    std::vector<std::string> missing;
    for (const auto& spec : param_table()) {
        const std::string key(spec.key);
        Scenario s = base;
        const ParamValue v = spec.get(s.params);
        ParamValue changed;
        if (const auto* i = std::get_if<std::int64_t>(&v))
            changed = *i + 1 <= static_cast<std::int64_t>(spec.max) ? *i + 1 : *i - 1;
        else if (const auto* d = std::get_if<double>(&v))
            changed = *d < spec.max ? *d + (spec.max - *d) / 2 : *d - (*d - spec.min) / 2;
        else if (const auto* b = std::get_if<bool>(&v))
            changed = !*b;
        else
            continue;
        if (spec.check(changed)) continue;
        spec.set(s.params, changed);
        if (!check_consistency(s.params).empty()) continue;
        const bool differs = world_arrays(synthesize(*freeze(s), rng)) != reference;
        const bool listed = std::find(keys.begin(), keys.end(), key) != keys.end();
        if (differs && !listed) missing.push_back(key);
        if (key == "district.residents_per_street") {
            EXPECT_TRUE(differs) << "the comparison cannot see a changed district";
        }
        ++checked;
    }
    EXPECT_GT(checked, 100);
    EXPECT_TRUE(missing.empty()) << "synthesis reads parameters missing from district_keys(): "
                                 << ::testing::PrintToString(missing);
}

TEST(Checkpoint, DifferingKeysNameTheDistrictOnly) {
    Scenario a = small_scenario(false), b = small_scenario(false);
    b.meta.name = "other";
    b.params.louzu_enabled = true;
    EXPECT_TRUE(differing_keys(a, b, true).empty());
    EXPECT_EQ(differing_keys(a, b, false).size(), 2u);
    b.params.district_renter_share = 0.5;
    b.params.run_seed = 9;
    const auto d = differing_keys(a, b, true);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].key, "run.seed");
    EXPECT_EQ(d[1].key, "district.renter_share");
    EXPECT_EQ(d[1].b, "0.5");
}

}  // namespace
}  // namespace jiceng
