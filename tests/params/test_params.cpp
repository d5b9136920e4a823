#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sim/model/results.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(ParamTable, EveryEntryIsComplete) {
    std::set<std::string_view> keys;
    const Params defaults;
    for (const auto& spec : param_table()) {
        SCOPED_TRACE(std::string(spec.key));
        EXPECT_TRUE(keys.insert(spec.key).second) << "duplicate key";
        EXPECT_NE(spec.key.find('.'), std::string_view::npos) << "keys live in a table";
        EXPECT_FALSE(spec.unit.empty());
        EXPECT_FALSE(spec.doc_en.empty());
        EXPECT_FALSE(spec.doc_zh.empty());
        EXPECT_FALSE(spec.source.empty()) << "every parameter names its source or says assumption";
        if (spec.has_range()) {
            EXPECT_LE(spec.min, spec.max);
        }
        EXPECT_FALSE(spec.check(spec.default_value()).has_value()) << "default outside its own range";
        EXPECT_EQ(find_param(spec.key), &spec);
    }
    EXPECT_TRUE(check_consistency(defaults).empty());
    EXPECT_EQ(find_param("no.such.key"), nullptr);
}

TEST(ParamTable, RangeChecksRejectOutOfRange) {
    const ParamSpec* share = find_param("members.share");
    ASSERT_NE(share, nullptr);
    EXPECT_FALSE(share->check(ParamValue{0.2}).has_value());
    EXPECT_TRUE(share->check(ParamValue{-0.1}).has_value());
    EXPECT_TRUE(share->check(ParamValue{0.9}).has_value());
    const ParamSpec* date = find_param("run.start_date");
    EXPECT_FALSE(date->check(ParamValue{std::string("2004-02-29")}).has_value());
    EXPECT_TRUE(date->check(ParamValue{std::string("2003-02-29")}).has_value());
    EXPECT_TRUE(date->check(ParamValue{std::string("yesterday")}).has_value());
}

TEST(ParamTable, ResolvedTomlRoundTrips) {
    Scenario original = default_scenario();
    original.params.members_share = 0.123;
    original.params.district_streets = 3;
    original.params.louzu_enabled = true;
    original.params.run_start_date = "2010-06-30";
    original.meta.live = {"strategies.louzu.cap"};
    const Scenario back = parse_scenario(original.resolved_toml(), "resolved.toml");
    for (const auto& spec : param_table()) EXPECT_EQ(spec.get(back.params), spec.get(original.params)) << spec.key;
    EXPECT_EQ(back.meta.live, original.meta.live);
}

// The committed references are generated from the tables: fail when stale.
TEST(GeneratedDocs, ParameterReferenceIsCurrent) {
    EXPECT_EQ(read_file(JICENG_SOURCE_DIR "/docs/parameters.md"), parameters_markdown())
        << "docs/parameters.md is stale: run `make docs`";
}

TEST(GeneratedDocs, OutputReferenceIsCurrent) {
    EXPECT_EQ(read_file(JICENG_SOURCE_DIR "/docs/outputs.md"), outputs_markdown())
        << "docs/outputs.md is stale: run `make docs`";
}

TEST(GeneratedDocs, EveryParameterIsInTheReference) {
    const std::string doc = read_file(JICENG_SOURCE_DIR "/docs/parameters.md");
    for (const auto& spec : param_table())
        EXPECT_NE(doc.find("`" + std::string(spec.key) + "`"), std::string::npos) << spec.key;
}

}  // namespace
}  // namespace jiceng
