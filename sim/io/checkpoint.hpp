// Checkpoints: the whole state of a run in one HDF5 file ("jiceng-checkpoint",
// docs/output-format.md), written atomically, from which a run resumes (same
// scenario) or branches (another scenario over the same district).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "sim/core/state_archive.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng {

class Simulation;
struct Model;

inline constexpr std::int64_t kCheckpointFormatVersion = 1;
inline constexpr std::string_view kCheckpointFormat = "jiceng-checkpoint";

// What the run command carries across a checkpoint besides the state.
struct CheckpointMeta {
    std::string scenario_file;  // as named on the command line
    std::string out;            // the run's output file
    std::int64_t every = 0;     // checkpoint interval in days (0: none)
    std::string started_at;     // of the first segment (ISO 8601 UTC)
    // Branching: the day the run switched scenario (-1: never) and the
    // scenario it ran before.
    std::int64_t branch_day = -1;
    std::string branch_scenario_name, branch_scenario_file, branch_scenario_toml;
};

// The checkpoint's header, read without restoring anything.
struct CheckpointHeader {
    CheckpointMeta meta;
    std::uint64_t seed = 0, replicate = 0;
    std::int64_t day = 0, planned_days = 0;
    Scenario scenario;  // as the run had it at the checkpoint (sources included)
};

// The HDF5 store of a run's state (sim/core/state_archive.hpp): one dataset
// of bytes per array, with its element size and length as attributes.
class CheckpointWriter final : public StateWriter {
public:
    explicit CheckpointWriter(hid_t file) : file_(file) {}
    void blob(const std::string& path, const void* data, std::size_t element_size, std::size_t length) override;

private:
    hid_t file_;
};

class CheckpointReader final : public StateReader {
public:
    explicit CheckpointReader(hid_t file, std::string name) : file_(file), name_(std::move(name)) {}
    bool has(const std::string& path) const override;
    std::size_t length(const std::string& path, std::size_t element_size) const override;
    void blob(const std::string& path, void* out, std::size_t element_size, std::size_t length) const override;
    const std::string& name() const override { return name_; }

private:
    hid_t file_;
    std::string name_;
};

// Writes `sim` to `path`: a temporary file beside it, fsync, rename, fsync of
// the directory, so `path` is always either the previous or the new
// checkpoint, whole.
void write_checkpoint(const std::filesystem::path& path, const Simulation& sim, const CheckpointMeta& meta);

// Reads and checks the header. Throws InputError (exit 2) for a file that is
// missing, not a checkpoint, or from another format version or build.
CheckpointHeader read_checkpoint_header(const std::filesystem::path& path);

// Restores the run under `model`: the checkpoint's own scenario (resume) or
// another over the same district (branch); steps on to day `days`.
std::unique_ptr<Simulation> restore_checkpoint(const std::filesystem::path& path, std::shared_ptr<const Model> model,
                                               std::int64_t days);

// Parameters that define the synthesised district (with run.seed): a branch
// must agree on all of them.
const std::vector<std::string>& district_keys();
// Keys whose values differ between `a` and `b` (TOML literals): every
// parameter and the scenario name, or only district_keys().
struct KeyDifference {
    std::string key, a, b;
};
std::vector<KeyDifference> differing_keys(const Scenario& a, const Scenario& b, bool district_only);

}  // namespace jiceng
