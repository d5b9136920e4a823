#include "sim/io/checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <system_error>

#include "sim/core/version.hpp"
#include "sim/simulation/simulation.hpp"

namespace fs = std::filesystem;

namespace jiceng {

namespace {

h5::Handle link_plist() {
    h5::Handle plist(H5Pcreate(H5P_LINK_CREATE), H5Pclose, "create link property list");
    h5::check(H5Pset_create_intermediate_group(plist, 1), "set intermediate groups");
    return plist;
}

// fsync of a file or directory; without it a crash after the rename could
// leave a renamed but empty file.
void sync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) throw std::runtime_error("cannot open " + path.string() + " to sync it");
    const int status = ::fsync(fd);
    ::close(fd);
    if (status != 0) throw std::runtime_error("cannot sync " + path.string());
}

InputError bad_checkpoint(const fs::path& path, const std::string& key, const std::string& message) {
    return InputError({{path.string(), 0, key, message}});
}

}  // namespace

void CheckpointWriter::blob(const std::string& path, const void* data, std::size_t element_size, std::size_t length) {
    const hsize_t bytes = static_cast<hsize_t>(element_size * length);
    h5::Handle space(H5Screate_simple(1, &bytes, nullptr), H5Sclose, "create dataspace for " + path);
    auto links = link_plist();
    h5::Handle ds(H5Dcreate2(file_, path.c_str(), H5T_NATIVE_UINT8, space, links, H5P_DEFAULT, H5P_DEFAULT), H5Dclose,
                  "create dataset " + path);
    if (bytes > 0) h5::check(H5Dwrite(ds, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "write " + path);
    h5::write_attr(ds, "element_size", static_cast<std::int64_t>(element_size));
    h5::write_attr(ds, "length", static_cast<std::int64_t>(length));
}

bool CheckpointReader::has(const std::string& path) const {
    // H5Lexists fails on a missing intermediate group; walk the path.
    std::size_t pos = 0;
    while (true) {
        pos = path.find('/', pos + 1);
        if (!h5::exists(file_, path.substr(0, pos))) return false;
        if (pos == std::string::npos) return true;
    }
}

std::size_t CheckpointReader::length(const std::string& path, std::size_t element_size) const {
    if (!has(path)) throw std::runtime_error(name_ + ": checkpoint lacks " + path);
    h5::Handle ds(H5Dopen2(file_, path.c_str(), H5P_DEFAULT), H5Dclose, "open " + path);
    const auto size = h5::read_attr_int(ds, "element_size");
    const auto length = h5::read_attr_int(ds, "length");
    if (size != static_cast<std::int64_t>(element_size))
        throw std::runtime_error(name_ + ": " + path + " has elements of " + std::to_string(size) +
                                 " bytes, this build expects " + std::to_string(element_size));
    const auto dims = h5::dims_of(ds);
    if (length < 0 || dims.size() != 1 || dims[0] != static_cast<hsize_t>(size * length))
        throw std::runtime_error(name_ + ": " + path + " is damaged (length does not match its bytes)");
    return static_cast<std::size_t>(length);
}

void CheckpointReader::blob(const std::string& path, void* out, std::size_t element_size, std::size_t length) const {
    if (this->length(path, element_size) != length)
        throw std::runtime_error(name_ + ": " + path + " has an unexpected length");
    if (length == 0) return;
    h5::Handle ds(H5Dopen2(file_, path.c_str(), H5P_DEFAULT), H5Dclose, "open " + path);
    h5::check(H5Dread(ds, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, out), "read " + path);
}

void write_checkpoint(const fs::path& path, const Simulation& sim, const CheckpointMeta& meta) {
    h5::silence_errors();
    const auto parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        throw std::runtime_error(path.string() + ": cannot create directory " + parent.string() + ": " + ec.message());
    const auto temp = parent / (path.filename().string() + ".part-" + std::to_string(::getpid()));
    try {
        h5::Handle file(H5Fcreate(temp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
                        "create " + temp.string());
        const Scenario& sc = sim.model().scenario;
        h5::write_attr(file, "format", std::string(kCheckpointFormat));
        h5::write_attr(file, "format_version", kCheckpointFormatVersion);
        h5::write_attr(file, "jiceng_version", std::string(version()));
        h5::write_attr(file, "git_commit", std::string(git_commit()));
        h5::write_attr(file, "seed", static_cast<std::int64_t>(sim.seed()));
        h5::write_attr(file, "replicate", static_cast<std::int64_t>(sim.replicate()));
        h5::write_attr(file, "day", sim.day());
        h5::write_attr(file, "planned_days", sim.planned_days());
        h5::write_attr(file, "scenario_name", sc.meta.name);
        h5::write_attr(file, "scenario_toml", sc.resolved_toml());
        h5::write_attr(file, "scenario_file", meta.scenario_file);
        h5::write_attr(file, "out", meta.out);
        h5::write_attr(file, "checkpoint_every", meta.every);
        h5::write_attr(file, "started_at", meta.started_at);
        h5::write_attr(file, "branch_day", meta.branch_day);
        h5::write_attr(file, "branch_scenario_name", meta.branch_scenario_name);
        h5::write_attr(file, "branch_scenario_file", meta.branch_scenario_file);
        h5::write_attr(file, "branch_scenario_toml", meta.branch_scenario_toml);
        CheckpointWriter out(file);
        std::vector<std::string> paths, texts;
        for (const auto& s : sc.sources) {
            paths.push_back(s.path);
            texts.push_back(s.text);
        }
        out.put_strings("scenario/source_paths", paths);
        out.put_strings("scenario/source_texts", texts);
        out.put_strings("scenario/file", {sc.file});
        sim.save_state(out);
        h5::check(H5Fflush(file, H5F_SCOPE_GLOBAL), "flush " + temp.string());
        file.close("close " + temp.string());
        sync_path(temp, false);
    } catch (const std::exception& e) {
        fs::remove(temp, ec);
        throw std::runtime_error(path.string() + ": " + e.what());
    }
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw std::runtime_error(path.string() + ": cannot rename the finished checkpoint into place");
    }
    sync_path(parent, true);
}

CheckpointHeader read_checkpoint_header(const fs::path& path) {
    h5::silence_errors();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw bad_checkpoint(path, "checkpoint", "no such checkpoint file");
    if (H5Fis_hdf5(path.c_str()) <= 0)
        throw bad_checkpoint(path, "format", "not a jiceng checkpoint (not an HDF5 file)");
    CheckpointHeader h;
    try {
        h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open " + path.string());
        if (!h5::has_attr(file, "format") || h5::read_attr_string(file, "format") != kCheckpointFormat)
            throw bad_checkpoint(path, "format",
                                 "not a jiceng checkpoint (format is not \"" + std::string(kCheckpointFormat) + "\")");
        const auto format_version = h5::read_attr_int(file, "format_version");
        if (format_version != kCheckpointFormatVersion)
            throw bad_checkpoint(path, "format_version",
                                 "checkpoint format version " + std::to_string(format_version) +
                                     ", this jiceng reads version " + std::to_string(kCheckpointFormatVersion) +
                                     " only");
        const auto written_by = h5::read_attr_string(file, "jiceng_version");
        const auto commit = h5::read_attr_string(file, "git_commit");
        // The state layout and the model's behaviour may change between any
        // two builds, so a checkpoint only resumes under the build that wrote it.
        if (written_by != version() || commit != git_commit())
            throw bad_checkpoint(path, "git_commit",
                                 "written by jiceng " + written_by + " (" + commit + "), this is jiceng " +
                                     std::string(version()) + " (" + std::string(git_commit()) +
                                     "); resume it with the build that wrote it");
        h.seed = static_cast<std::uint64_t>(h5::read_attr_int(file, "seed"));
        h.replicate = static_cast<std::uint64_t>(h5::read_attr_int(file, "replicate"));
        h.day = h5::read_attr_int(file, "day");
        h.planned_days = h5::read_attr_int(file, "planned_days");
        h.meta.scenario_file = h5::read_attr_string(file, "scenario_file");
        h.meta.out = h5::read_attr_string(file, "out");
        h.meta.every = h5::read_attr_int(file, "checkpoint_every");
        h.meta.started_at = h5::read_attr_string(file, "started_at");
        h.meta.branch_day = h5::read_attr_int(file, "branch_day");
        h.meta.branch_scenario_name = h5::read_attr_string(file, "branch_scenario_name");
        h.meta.branch_scenario_file = h5::read_attr_string(file, "branch_scenario_file");
        h.meta.branch_scenario_toml = h5::read_attr_string(file, "branch_scenario_toml");
        const std::string toml = h5::read_attr_string(file, "scenario_toml");
        h.scenario = parse_scenario(toml, path.string() + " (scenario_toml)");
        if (h.scenario.resolved_toml() != toml)
            throw bad_checkpoint(path, "scenario_toml", "the saved scenario does not read back to the same parameters");
        CheckpointReader in(file, path.string());
        const auto paths = in.get_strings("scenario/source_paths");
        const auto texts = in.get_strings("scenario/source_texts");
        if (paths.size() != texts.size()) throw std::runtime_error("scenario sources are damaged");
        h.scenario.sources.clear();
        for (std::size_t k = 0; k < paths.size(); ++k) h.scenario.sources.push_back({paths[k], texts[k]});
        const auto file_name = in.get_strings("scenario/file");
        h.scenario.file = file_name.empty() ? "" : file_name[0];
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        throw bad_checkpoint(path, "checkpoint", std::string("unreadable checkpoint: ") + e.what());
    }
    if (h.day < 0 || h.day > h.planned_days) throw bad_checkpoint(path, "day", "day outside the run");
    return h;
}

std::unique_ptr<Simulation> restore_checkpoint(const fs::path& path, std::shared_ptr<const Model> model,
                                               std::int64_t days) {
    const CheckpointHeader header = read_checkpoint_header(path);
    try {
        h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open " + path.string());
        CheckpointReader in(file, path.string());
        return std::make_unique<Simulation>(std::move(model), header.seed, header.replicate, days, in);
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        // A damaged checkpoint is bad input, like a damaged scenario.
        throw bad_checkpoint(path, "checkpoint", std::string("cannot restore: ") + e.what());
    }
}

const std::vector<std::string>& district_keys() {
    // What synthesize() reads (sim/synthesis/synthesis.cpp; need rates draw each
    // resident's first need day), plus the seed and the calendar; tests/io/test_checkpoint.cpp fails when synthesis
    // reads a parameter missing here.
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k = {"run.seed",
                                      "run.start_date",
                                      "members.cadre_share",
                                      "members.community_relation_share",
                                      "members.floating_share",
                                      "members.initial_active_share",
                                      "members.initial_nominal_share",
                                      "members.share",
                                      "needs.hardship_rate",
                                      "needs.elderly_rate",
                                      "needs.job_rate",
                                      "needs.dispute_rate",
                                      "needs.psych_rate",
                                      "needs.public_rate",
                                      "moves.floating_rate",
                                      "moves.owner_rate",
                                      "moves.renter_rate",
                                      "participation.team_join",
                                      "participation.team_join_working",
                                      "participation.team_leave",
                                      "response.staff_per_area",
                                      "response.staff_skill",
                                      "response.staff_skill_spread",
                                      "trust.initial",
                                      "trust.initial_spread",
                                      "orgs.branch_size",
                                      "orgs.foreign_share",
                                      "orgs.government_share",
                                      "orgs.initial_formal_share",
                                      "orgs.initial_functional_share",
                                      "orgs.mass_teams_per_street",
                                      "orgs.member_rate_private",
                                      "orgs.member_rate_social",
                                      "orgs.member_rate_state",
                                      "orgs.public_share",
                                      "orgs.size_alpha",
                                      "orgs.size_min",
                                      "orgs.social_service_share",
                                      "orgs.social_service_size_factor",
                                      "orgs.social_share",
                                      "orgs.social_size_mean",
                                      "orgs.soe_share",
                                      "orgs.state_size_mean",
                                      "orgs.team_member_share",
                                      "orgs.team_size_mean",
                                      "orgs.transfer_firm",
                                      "orgs.transfer_social",
                                      "orgs.transfer_social_service",
                                      "orgs.transfer_state",
                                      "orgs.workplaces_per_1000"};
        for (const auto& spec : param_table()) {
            const std::string key(spec.key);
            if (key.starts_with("district.")) k.push_back(key);
        }
        return k;
    }();
    return keys;
}

std::vector<KeyDifference> differing_keys(const Scenario& a, const Scenario& b, bool district_only) {
    std::vector<KeyDifference> out;
    if (!district_only && a.meta.name != b.meta.name) out.push_back({"scenario.name", a.meta.name, b.meta.name});
    for (const auto& spec : param_table()) {
        const std::string key(spec.key);
        if (district_only && std::find(district_keys().begin(), district_keys().end(), key) == district_keys().end())
            continue;
        const auto x = spec.to_toml(a.params), y = spec.to_toml(b.params);
        if (x != y) out.push_back({key, x, y});
    }
    return out;
}

}  // namespace jiceng
