#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "sim/scenario/scenario.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

const fs::path kBad = fs::path(JICENG_SOURCE_DIR) / "tests/data/bad-scenarios";
const fs::path kScenarios = fs::path(JICENG_SOURCE_DIR) / "scenarios";

TEST(Scenario, ExtendsOverridesLaterKeys) {
    const Scenario louzu = load_scenario(kScenarios / "louzu.toml");
    EXPECT_TRUE(louzu.params.louzu_enabled);
    EXPECT_EQ(louzu.params.run_days, 1826);  // from baseline.toml
    EXPECT_EQ(louzu.meta.name, "louzu");
    ASSERT_EQ(louzu.sources.size(), 2u);  // baseline first, then louzu
    EXPECT_NE(louzu.sources[0].path.find("baseline.toml"), std::string::npos);
}

TEST(Scenario, IntegerAcceptedForRealButNotTheReverse) {
    EXPECT_DOUBLE_EQ(parse_scenario("[trust]\ninitial = 1\n", "t.toml").params.trust_initial, 1.0);
    EXPECT_THROW(parse_scenario("[district]\nstreets = 2.0\n", "t.toml"), InputError);
}

TEST(Scenario, CollectsEveryProblem) {
    try {
        parse_scenario("[district]\nstreets = 0\nstretes = 2\n[members]\nshare = \"a lot\"\n", "many.toml");
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        ASSERT_EQ(e.diagnostics().size(), 3u);
        EXPECT_EQ(e.diagnostics()[0].line, 2);
        EXPECT_EQ(e.diagnostics()[0].key, "district.streets");
    }
}

TEST(Scenario, DidYouMean) {
    EXPECT_EQ(did_you_mean("district.stretes", {"district.streets", "district.child_share"}), "district.streets");
    EXPECT_EQ(did_you_mean("completely.different", {"district.streets"}), "");
}

// Every file in tests/data/bad-scenarios starts with `# expect: TEXT`; loading
// it must fail with a message containing TEXT, in the form file:line: key: …
TEST(Scenario, BadScenarioCorpus) {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(kBad)) {
        if (entry.path().extension() != ".toml" || entry.path().filename().string().starts_with("_")) continue;
        ++files;
        std::ifstream in(entry.path());
        std::string first;
        std::getline(in, first);
        ASSERT_TRUE(first.starts_with("# expect: ")) << entry.path();
        const std::string expected = first.substr(10);
        SCOPED_TRACE(entry.path().filename().string());
        try {
            load_scenario(entry.path());
            ADD_FAILURE() << "loaded without error";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << "got: " << e.what();
            for (const auto& d : e.diagnostics()) EXPECT_FALSE(d.file.empty());
        }
    }
    EXPECT_GE(files, 10);
}

TEST(Scenario, EveryShippedScenarioLoads) {
    int count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kScenarios)) {
        if (entry.path().extension() != ".toml" || entry.path().string().find("/experiments/") != std::string::npos)
            continue;
        ++count;
        SCOPED_TRACE(entry.path().string());
        const Scenario s = load_scenario(entry.path());
        EXPECT_FALSE(s.meta.title_en.empty());
        EXPECT_FALSE(s.meta.title_zh.empty());
        EXPECT_FALSE(s.meta.description_en.empty());
        EXPECT_FALSE(s.meta.description_zh.empty());
    }
    EXPECT_GE(count, 4);
}

}  // namespace
}  // namespace jiceng

namespace jiceng {
namespace {
// The resolved TOML a run file records must load again whatever the titles
// hold: control characters are escaped (found while writing the scenario fuzz target).
TEST(Scenario, ResolvedTomlWithControlCharactersLoadsAgain) {
    const Scenario s = parse_scenario("[scenario]\nname = \"c\"\ntitle_en = \"a\\u0001b\\rc\\u007fd\\te\"\n", "c.toml");
    ASSERT_EQ(s.meta.title_en, std::string("a\x01"
                                           "b\rc\x7f"
                                           "d\te"));
    const Scenario again = parse_scenario(s.resolved_toml(), "resolved.toml");
    EXPECT_EQ(again.meta.title_en, s.meta.title_en);
}
}  // namespace
}  // namespace jiceng
