// Fuzz target: the scenario loader (TOML text -> Scenario). Every input is
// either accepted or refused with InputError; an accepted scenario's resolved
// TOML must load again (the run file records it), and its memory estimate
// must be computable.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "sim/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const jiceng::Scenario s = jiceng::parse_scenario(text, "fuzz.toml", JICENG_FUZZ_SCENARIO_DIR);
        try {
            (void)jiceng::parse_scenario(s.resolved_toml(), "resolved.toml", JICENG_FUZZ_SCENARIO_DIR);
        } catch (const jiceng::InputError& e) {
            jiceng::fuzz::finding("scenario_loader",
                                  (std::string("resolved TOML does not load again: ") + e.what()).c_str());
        }
    } catch (const jiceng::InputError&) {
        // refused cleanly
    } catch (const std::exception& e) {
        jiceng::fuzz::finding("scenario_loader", e.what());
    }
    return 0;
}
