// Fuzz target: the experiment loader (experiment TOML -> Experiment, with its
// base scenario read relative to the corpus directory). Accepted or refused
// with InputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "sim/experiments/experiment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const jiceng::Experiment e = jiceng::parse_experiment(text, "fuzz.toml", JICENG_FUZZ_EXPERIMENT_DIR);
        (void)e.points();
    } catch (const jiceng::InputError&) {
    } catch (const std::exception& e) {
        jiceng::fuzz::finding("experiment_loader", e.what());
    }
    return 0;
}
