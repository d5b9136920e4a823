#include "sim/io/contained_read.hpp"

#include <hdf5.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "sim/io/run_reader.hpp"

namespace fs = std::filesystem;

namespace jiceng {

namespace {

std::chrono::seconds trial_limit(const fs::path& file) {
    if (const char* env = std::getenv("JICENG_TRIAL_READ_SECONDS")) {
        char* end = nullptr;
        const long seconds = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && seconds > 0) return std::chrono::seconds(seconds);
    }
    std::error_code ec;
    const auto bytes = fs::file_size(file, ec);
    return std::chrono::seconds(60 + (ec ? 0 : static_cast<long>(bytes >> 24)));
}

// Reads one attribute or dataset whole, into the memory type of its file
// type: reading converts (a variable-length string is fetched from the file's
// heap, which is where the library crashes on a damaged one), as the real
// readers do. Takes ownership of file_type and space.
template <class Read>
void read_whole(hid_t file_type, hid_t space, double max_bytes, Read&& read) {
    const hid_t type = H5Tget_native_type(file_type, H5T_DIR_DEFAULT);
    const hssize_t points = H5Sget_simple_extent_npoints(space);
    const size_t size = type >= 0 ? H5Tget_size(type) : 0;
    if (points > 0 && size > 0 && static_cast<double>(points) * size < max_bytes) {
        std::vector<unsigned char> buffer(static_cast<std::size_t>(points) * size);
        read(type, buffer.data());
    }
    if (type >= 0) H5Tclose(type);
    H5Sclose(space);
    H5Tclose(file_type);
}

herr_t read_attribute(hid_t object, const char* name, const H5A_info_t*, void*) {
    const hid_t attr = H5Aopen(object, name, H5P_DEFAULT);
    if (attr < 0) return 0;
    read_whole(H5Aget_type(attr), H5Aget_space(attr), 1e9,
               [&](hid_t type, void* buffer) { H5Aread(attr, type, buffer); });
    H5Aclose(attr);
    return 0;
}

herr_t read_object(hid_t root, const char* name, const H5O_info_t* info, void*) {
    const hid_t object = H5Oopen(root, name, H5P_DEFAULT);
    if (object < 0) return 0;
    H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, read_attribute, nullptr);
    if (info->type == H5O_TYPE_DATASET)
        read_whole(H5Dget_type(object), H5Dget_space(object), 4e9,
                   [&](hid_t type, void* buffer) { H5Dread(object, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer); });
    H5Oclose(object);
    return 0;
}

[[noreturn]] void read_everything_and_exit(const fs::path& file) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    const hid_t id = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id >= 0) {
        H5Aiterate2(id, H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, read_attribute, nullptr);
        H5Ovisit2(id, H5_INDEX_NAME, H5_ITER_NATIVE, read_object, nullptr, H5O_INFO_BASIC);
    }
    _exit(0);  // no clean-up: the parent owns every resource
}

}  // namespace

void trial_read_contained(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || H5Fis_hdf5(file.c_str()) <= 0) return;  // the caller's checks report it
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child < 0) return;
    if (child == 0) read_everything_and_exit(file);
    const auto deadline = std::chrono::steady_clock::now() + trial_limit(file);
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(child, &status, WNOHANG);
        if (done == child) break;
        if (done < 0 && errno != EINTR) return;
        if (std::chrono::steady_clock::now() > deadline) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
            throw RunFileError(file.string() + ": damaged: reading it does not finish (the HDF5 library loops on it)");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (WIFSIGNALED(status))
        throw RunFileError(file.string() + ": damaged: the HDF5 library crashed reading it (signal " +
                           std::to_string(WTERMSIG(status)) + ")");
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        throw RunFileError(file.string() + ": damaged: reading it failed inside the HDF5 library (status " +
                           std::to_string(WEXITSTATUS(status)) + ")");
}

}  // namespace jiceng
