#include "sim/io/hdf5_util.hpp"

#include <H5DSpublic.h>

#include <algorithm>
#include <cstdio>

namespace jiceng::h5 {

Handle::Handle(hid_t id, Closer closer, const std::string& what) : id_(id), closer_(closer) {
    if (id < 0) throw std::runtime_error("HDF5: cannot " + what);
}

void Handle::reset() {
    if (id_ >= 0 && closer_) closer_(id_);
    id_ = -1;
}

void Handle::close(const std::string& what) {
    if (id_ < 0) return;
    const herr_t status = closer_(id_);
    id_ = -1;
    check(status, what);
}

void check(herr_t status, const std::string& what) {
    if (status < 0) throw std::runtime_error("HDF5: cannot " + what);
}

void silence_errors() {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

Handle create_group(hid_t parent, const std::string& name) {
    return Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
                  "create group " + name);
}

Handle open_group(hid_t parent, const std::string& name) {
    return Handle(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), H5Gclose, "open group " + name);
}

bool exists(hid_t parent, const std::string& name) {
    return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0;
}

namespace {
Handle string_type(std::size_t size) {
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "copy string type");
    check(H5Tset_size(type, size), "set string size");
    check(H5Tset_cset(type, H5T_CSET_UTF8), "set string charset");
    check(H5Tset_strpad(type, H5T_STR_NULLTERM), "set string padding");
    return type;
}

Handle scalar_space() {
    return Handle(H5Screate(H5S_SCALAR), H5Sclose, "create scalar dataspace");
}

template <class T>
void write_numeric_attr(hid_t obj, const std::string& name, hid_t type, T value) {
    auto space = scalar_space();
    Handle attr(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                "create attribute " + name);
    check(H5Awrite(attr, type, &value), "write attribute " + name);
}

template <class T>
Handle write_numeric(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims, const T* data,
                     hid_t mem_type, hid_t file_type) {
    Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose,
                 "create dataspace for " + name);
    Handle plist(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "create property list");
    hsize_t total = 1;
    for (auto d : dims) total *= d;
    if (total > 0) {
        std::vector<hsize_t> chunk(dims);
        // About 64k elements per chunk, along the last axis first.
        hsize_t budget = 65536;
        for (std::size_t k = chunk.size(); k-- > 0;) {
            chunk[k] = std::max<hsize_t>(1, std::min(chunk[k], budget));
            budget = std::max<hsize_t>(1, budget / chunk[k]);
        }
        check(H5Pset_chunk(plist, static_cast<int>(chunk.size()), chunk.data()), "set chunking for " + name);
        check(H5Pset_shuffle(plist), "set shuffle for " + name);
        check(H5Pset_deflate(plist, 4), "set compression for " + name);
    }
    Handle ds(H5Dcreate2(parent, name.c_str(), file_type, space, H5P_DEFAULT, plist, H5P_DEFAULT), H5Dclose,
              "create dataset " + name);
    if (total > 0) check(H5Dwrite(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "write dataset " + name);
    return ds;
}
}  // namespace

void write_attr(hid_t obj, const std::string& name, const std::string& value) {
    auto type = string_type(std::max<std::size_t>(1, value.size() + 1));
    auto space = scalar_space();
    Handle attr(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                "create attribute " + name);
    std::string buffer = value;
    buffer.push_back('\0');
    check(H5Awrite(attr, type, buffer.data()), "write attribute " + name);
}

void write_attr(hid_t obj, const std::string& name, std::int64_t value) {
    write_numeric_attr(obj, name, H5T_NATIVE_INT64, value);
}
void write_attr(hid_t obj, const std::string& name, double value) {
    write_numeric_attr(obj, name, H5T_NATIVE_DOUBLE, value);
}

bool has_attr(hid_t obj, const std::string& name) {
    return H5Aexists(obj, name.c_str()) > 0;
}

namespace {
// The readers below read one value into one buffer; an attribute with more
// elements (a damaged or foreign file) would overflow it.
void expect_one_value(hid_t attr, const std::string& name) {
    Handle space(H5Aget_space(attr), H5Sclose, "get dataspace of attribute " + name);
    if (H5Sget_simple_extent_npoints(space) != 1)
        throw std::runtime_error("attribute " + name + " is not a single value");
}
}  // namespace

std::string read_attr_string(hid_t obj, const std::string& name) {
    Handle attr(H5Aopen(obj, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
    expect_one_value(attr, name);
    Handle type(H5Aget_type(attr), H5Tclose, "get type of attribute " + name);
    if (H5Tget_class(type) != H5T_STRING) throw std::runtime_error("attribute " + name + " is not a string");
    if (H5Tis_variable_str(type) > 0) {
        auto mem = string_type(H5T_VARIABLE);
        char* text = nullptr;
        check(H5Aread(attr, mem, &text), "read attribute " + name);
        std::string out = text ? text : "";
        H5free_memory(text);
        return out;
    }
    const std::size_t size = H5Tget_size(type);
    // The declared size comes from the file: never allocate more than is stored.
    const hsize_t stored = H5Aget_storage_size(attr);
    if (size == 0 || size > stored)
        throw std::runtime_error("attribute " + name + " declares " + std::to_string(size) + " bytes but stores " +
                                 std::to_string(stored));
    auto mem = string_type(size);
    std::string buffer(size, '\0');
    check(H5Aread(attr, mem, buffer.data()), "read attribute " + name);
    return buffer.substr(0, buffer.find('\0'));
}

std::int64_t read_attr_int(hid_t obj, const std::string& name) {
    Handle attr(H5Aopen(obj, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
    expect_one_value(attr, name);
    Handle type(H5Aget_type(attr), H5Tclose, "get type of attribute " + name);
    if (H5Tget_class(type) != H5T_INTEGER) throw std::runtime_error("attribute " + name + " is not an integer");
    std::int64_t value = 0;
    check(H5Aread(attr, H5T_NATIVE_INT64, &value), "read attribute " + name);
    return value;
}

Handle write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims, const double* data) {
    return write_numeric(parent, name, dims, data, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE);
}
Handle write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims, const float* data) {
    return write_numeric(parent, name, dims, data, H5T_NATIVE_FLOAT, H5T_IEEE_F32LE);
}
Handle write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                     const std::int32_t* data) {
    return write_numeric(parent, name, dims, data, H5T_NATIVE_INT32, H5T_STD_I32LE);
}

Handle write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
    auto type = string_type(H5T_VARIABLE);
    const hsize_t n = values.size();
    Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, "create dataspace for " + name);
    Handle ds(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Dclose,
              "create dataset " + name);
    std::vector<const char*> pointers;
    for (const auto& v : values) pointers.push_back(v.c_str());
    if (n > 0) check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), "write dataset " + name);
    return ds;
}

Handle write_scalar(hid_t parent, const std::string& name, double value) {
    auto space = scalar_space();
    Handle ds(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Dclose,
              "create " + name);
    check(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value), "write " + name);
    return ds;
}
Handle write_scalar(hid_t parent, const std::string& name, std::int64_t value) {
    auto space = scalar_space();
    Handle ds(H5Dcreate2(parent, name.c_str(), H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Dclose,
              "create " + name);
    check(H5Dwrite(ds, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value), "write " + name);
    return ds;
}
Handle write_scalar(hid_t parent, const std::string& name, const std::string& value) {
    auto type = string_type(H5T_VARIABLE);
    auto space = scalar_space();
    Handle ds(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Dclose,
              "create " + name);
    const char* pointer = value.c_str();
    check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &pointer), "write " + name);
    return ds;
}

std::vector<hsize_t> dims_of(hid_t dataset) {
    Handle space(H5Dget_space(dataset), H5Sclose, "get dataspace");
    const int rank = H5Sget_simple_extent_ndims(space);
    if (rank < 0) throw std::runtime_error("HDF5: cannot get rank");
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    return dims;
}

namespace {
// Element count of a dataset about to be read into memory, checked against
// what the file can hold. A damaged or hostile file can declare any shape;
// jiceng writes every element, deflate-compressed (deflate expands at most
// about 1032:1), so a real dataset never needs more than 1100 bytes in memory
// per stored byte. Data kept outside the file (external files, virtual
// datasets) is refused: a run file is one self-contained file.
hsize_t checked_elements(hid_t ds, const std::string& name, std::size_t element_bytes) {
    Handle dcpl(H5Dget_create_plist(ds), H5Pclose, "get creation properties of " + name);
    if (H5Pget_external_count(dcpl) != 0 || H5Pget_layout(dcpl) == H5D_VIRTUAL)
        throw std::runtime_error("dataset " + name + " keeps its data outside the file");
    long double total = 1;
    for (auto d : dims_of(ds)) total *= static_cast<long double>(d);
    const long double stored = static_cast<long double>(H5Dget_storage_size(ds));
    if (total * static_cast<long double>(element_bytes) > stored * 1100.0L + 65536.0L) {
        char text[160];
        std::snprintf(text, sizeof text, "dataset %s declares %.0Lf elements but stores only %.0Lf bytes", name.c_str(),
                      total, stored);
        throw std::runtime_error(text);
    }
    return static_cast<hsize_t>(total);
}

template <class T>
std::vector<T> read_numeric(hid_t parent, const std::string& name, hid_t mem_type, H5T_class_t expected) {
    Handle ds(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
    Handle type(H5Dget_type(ds), H5Tclose, "get type of " + name);
    if (H5Tget_class(type) != expected) throw std::runtime_error("dataset " + name + " has an unexpected type");
    const hsize_t total = checked_elements(ds, name, sizeof(T));
    std::vector<T> out(total);
    if (total > 0) check(H5Dread(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "read dataset " + name);
    return out;
}
}  // namespace

std::vector<double> read_doubles(hid_t parent, const std::string& name) {
    return read_numeric<double>(parent, name, H5T_NATIVE_DOUBLE, H5T_FLOAT);
}
std::vector<float> read_floats(hid_t parent, const std::string& name) {
    return read_numeric<float>(parent, name, H5T_NATIVE_FLOAT, H5T_FLOAT);
}
std::vector<std::int32_t> read_ints(hid_t parent, const std::string& name) {
    return read_numeric<std::int32_t>(parent, name, H5T_NATIVE_INT32, H5T_INTEGER);
}

std::vector<std::string> read_strings(hid_t parent, const std::string& name) {
    Handle ds(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name);
    Handle type(H5Dget_type(ds), H5Tclose, "get type of " + name);
    if (H5Tget_class(type) != H5T_STRING || H5Tis_variable_str(type) <= 0)
        throw std::runtime_error("dataset " + name + " is not a string array");
    const hsize_t total = checked_elements(ds, name, sizeof(char*));
    std::vector<char*> pointers(total, nullptr);
    auto mem = string_type(H5T_VARIABLE);
    if (total > 0) check(H5Dread(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), "read dataset " + name);
    std::vector<std::string> out;
    for (char* p : pointers) {
        out.emplace_back(p ? p : "");
        H5free_memory(p);
    }
    return out;
}

std::vector<std::string> list_members(hid_t group) {
    std::vector<std::string> names;
    H5Literate(
        group, H5_INDEX_NAME, H5_ITER_INC, nullptr,
        [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
            static_cast<std::vector<std::string>*>(data)->emplace_back(name);
            return 0;
        },
        &names);
    return names;
}

void describe_days_since(hid_t dataset, const std::string& start_date) {
    write_attr(dataset, "units", "days since " + start_date);
    write_attr(dataset, "calendar", std::string("proleptic_gregorian"));
    write_attr(dataset, "standard_name", std::string("time"));
    write_attr(dataset, "axis", std::string("T"));
}

void make_scale(hid_t scale, const std::string& name) {
    check(H5DSset_scale(scale, name.c_str()), "make dimension scale " + name);
}

void attach_scale(hid_t dataset, hid_t scale, unsigned axis) {
    check(H5DSattach_scale(dataset, scale, axis), "attach dimension scale");
}

}  // namespace jiceng::h5
