// Thin RAII and helper layer over the HDF5 C API, shared by the writer and
// the reader. Every failure throws std::runtime_error naming what failed.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace jiceng::h5 {

class Handle {
public:
    using Closer = herr_t (*)(hid_t);
    Handle() = default;
    Handle(hid_t id, Closer closer, const std::string& what);
    ~Handle() { reset(); }
    Handle(Handle&& o) noexcept : id_(o.id_), closer_(o.closer_) { o.id_ = -1; }
    Handle& operator=(Handle&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = o.id_;
            closer_ = o.closer_;
            o.id_ = -1;
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    hid_t id() const { return id_; }
    operator hid_t() const { return id_; }
    void reset();
    // Closes now and reports failure (a write error can surface at close).
    void close(const std::string& what);

private:
    hid_t id_ = -1;
    Closer closer_ = nullptr;
};

void check(herr_t status, const std::string& what);
void silence_errors();

Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
bool exists(hid_t parent, const std::string& name);

void write_attr(hid_t obj, const std::string& name, const std::string& value);
void write_attr(hid_t obj, const std::string& name, std::int64_t value);
void write_attr(hid_t obj, const std::string& name, double value);
std::string read_attr_string(hid_t obj, const std::string& name);
std::int64_t read_attr_int(hid_t obj, const std::string& name);
bool has_attr(hid_t obj, const std::string& name);

// Chunked, compressed datasets of rank 1 or 2.
Handle write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims, const double* data);
Handle write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims, const float* data);
Handle write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims, const std::int32_t* data);
Handle write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
Handle write_scalar(hid_t parent, const std::string& name, double value);
Handle write_scalar(hid_t parent, const std::string& name, std::int64_t value);
Handle write_scalar(hid_t parent, const std::string& name, const std::string& value);

std::vector<hsize_t> dims_of(hid_t dataset);
std::vector<double> read_doubles(hid_t parent, const std::string& name);
std::vector<float> read_floats(hid_t parent, const std::string& name);
std::vector<std::int32_t> read_ints(hid_t parent, const std::string& name);
std::vector<std::string> read_strings(hid_t parent, const std::string& name);
std::vector<std::string> list_members(hid_t group);

// CF time attributes on a dataset of day numbers (units "days since
// START", the proleptic Gregorian calendar), so that netCDF tools and
// xarray read day N as the date start + N days (sim/core/calendar.hpp).
void describe_days_since(hid_t dataset, const std::string& start_date);

// Marks `scale` as the dimension scale `name` and attaches it to `dataset` at `axis`.
void make_scale(hid_t scale, const std::string& name);
void attach_scale(hid_t dataset, hid_t scale, unsigned axis);

}  // namespace jiceng::h5
