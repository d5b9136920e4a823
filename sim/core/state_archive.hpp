// Named, typed arrays: the interface through which a run's whole state is
// saved and restored. The simulation writes its state through it without
// knowing the file format; sim/io/checkpoint.* stores it in HDF5.
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace jiceng {

// Every array is a typed blob: its bytes, element size and length, checked on
// load, so the saved state follows the stores' visit() lists automatically.
class StateWriter {
public:
    virtual ~StateWriter() = default;
    virtual void blob(const std::string& path, const void* data, std::size_t element_size, std::size_t length) = 0;

    template <class T>
    void put(const std::string& path, const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        blob(path, v.data(), sizeof(T), v.size());
    }
    void put_int(const std::string& path, std::int64_t value) { put(path, std::vector<std::int64_t>{value}); }
    void put_strings(const std::string& path, const std::vector<std::string>& values);
};

class StateReader {
public:
    virtual ~StateReader() = default;
    virtual bool has(const std::string& path) const = 0;
    // Elements stored at `path`; throws if the element size differs.
    virtual std::size_t length(const std::string& path, std::size_t element_size) const = 0;
    // Reads exactly `length` elements into `out`; throws on any mismatch.
    virtual void blob(const std::string& path, void* out, std::size_t element_size, std::size_t length) const = 0;
    // What the state is read from, for messages.
    virtual const std::string& name() const = 0;

    template <class T>
    void get(const std::string& path, std::vector<T>& v) const {
        static_assert(std::is_trivially_copyable_v<T>);
        v.resize(length(path, sizeof(T)));
        blob(path, v.data(), sizeof(T), v.size());
    }
    std::int64_t get_int(const std::string& path) const;
    std::vector<std::string> get_strings(const std::string& path) const;
};

}  // namespace jiceng
