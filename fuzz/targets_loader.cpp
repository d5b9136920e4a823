// Fuzz target: the calibration targets loader, against the tiny test street.
// Accepted or refused with InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "sim/experiments/calibrate.hpp"

namespace {
const jiceng::Scenario& base() {
    static const jiceng::Scenario s = jiceng::load_scenario(JICENG_FUZZ_TARGETS_SCENARIO);
    return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)jiceng::parse_targets(text, "fuzz.toml", base());
    } catch (const jiceng::InputError&) {
    } catch (const std::exception& e) {
        jiceng::fuzz::finding("targets_loader", e.what());
    }
    return 0;
}
