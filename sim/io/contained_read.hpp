// A trial read of a whole HDF5 file in a child process. HDF5 1.10.8 itself
// crashes or loops on some damaged files before it returns an error (found by
// the fuzzer: fuzz/hdf5-crashes/). Every command that reads a run or sweep
// file it was given first reads every attribute and dataset of it in a child:
// a hang or a crash there becomes an error naming the file. A loop is
// deterministic, so this contains it; a heap overrun may fault in one process
// and not in another (it depends on the memory layout), so a crash is
// contained only when the child's read faults too. Costs one extra read.
#pragma once

#include <filesystem>

namespace jiceng {

// Throws RunFileError ("FILE: damaged: ...") when the trial read crashed,
// failed inside HDF5 or did not finish in time (JICENG_TRIAL_READ_SECONDS,
// default 60 s + 1 s per 16 MiB). Returns normally for a file that read
// safely, for a file HDF5 refuses cleanly (the caller's own read reports
// it), and where no child process can be made.
void trial_read_contained(const std::filesystem::path& file);

}  // namespace jiceng
