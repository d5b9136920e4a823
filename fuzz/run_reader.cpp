// Fuzz target: the HDF5 run reader. The bytes are written to a file (HDF5
// reads files, not memory) and opened as a run file; the reader must return
// the run or throw RunFileError naming the file, whatever the bytes.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "sim/io/run_reader.hpp"

namespace {
std::string scratch_file() {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/jiceng-fuzz-run-" + std::to_string(getpid()) + ".h5";
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string file = scratch_file();
    {
        std::FILE* f = std::fopen(file.c_str(), "wb");
        if (!f) jiceng::fuzz::finding("run_reader", "cannot write the scratch file");
        if (size > 0 && std::fwrite(data, 1, size, f) != size)
            jiceng::fuzz::finding("run_reader", "cannot write the scratch file");
        std::fclose(f);
    }
    try {
        const jiceng::RunData run = jiceng::read_run_in_process(file);
        (void)run.last_day();
    } catch (const jiceng::RunFileError& e) {
        if (std::string(e.what()).find(file) == std::string::npos)
            jiceng::fuzz::finding("run_reader", "error does not name the file");
    } catch (const std::exception& e) {
        jiceng::fuzz::finding("run_reader", e.what());
    }
    std::remove(file.c_str());
    return 0;
}
