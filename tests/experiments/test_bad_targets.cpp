// Every file in tests/data/bad-targets starts with `# expect: TEXT`; loading it
// as calibration targets for the tiny street must fail with an InputError
// whose message contains TEXT, in the form file:line: key: message.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/experiments/calibrate.hpp"

namespace fs = std::filesystem;

namespace jiceng {
namespace {

TEST(BadTargets, EveryCorpusFileIsRefusedWithFileLineKey) {
    const Scenario tiny = load_scenario(fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data/tiny.toml");
    int files = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(JICENG_SOURCE_DIR) / "tests/data/bad-targets")) {
        if (entry.path().extension() != ".toml") continue;
        ++files;
        std::ifstream in(entry.path());
        std::string first;
        std::getline(in, first);
        ASSERT_TRUE(first.starts_with("# expect: ")) << entry.path();
        const std::string expected = first.substr(10);
        SCOPED_TRACE(entry.path().filename().string());
        try {
            load_targets(entry.path(), tiny);
            ADD_FAILURE() << "loaded without error";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << "got: " << e.what();
            for (const auto& d : e.diagnostics()) EXPECT_EQ(fs::path(d.file).filename(), entry.path().filename());
        }
    }
    EXPECT_GE(files, 10);
}

TEST(BadTargets, DirectoryAndDeviceAreRefused) {
    const Scenario tiny = load_scenario(fs::path(JICENG_SOURCE_DIR) / "tests/experiments/data/tiny.toml");
    // /dev/zero would never end and a directory cannot be parsed: both are refused before reading.
    for (const char* path : {"/dev/zero", "/tmp"}) {
        try {
            load_targets(path, tiny);
            ADD_FAILURE() << path << " loaded";
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(std::string(path) + ": cannot open file: is "), std::string::npos)
                << e.what();
        }
    }
}

}  // namespace
}  // namespace jiceng
