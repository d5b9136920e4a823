#include "sim/core/state_archive.hpp"

#include <stdexcept>

namespace jiceng {

void StateWriter::put_strings(const std::string& path, const std::vector<std::string>& values) {
    std::vector<std::uint64_t> sizes;
    std::vector<char> chars;
    for (const auto& v : values) {
        sizes.push_back(v.size());
        chars.insert(chars.end(), v.begin(), v.end());
    }
    put(path + "/sizes", sizes);
    put(path + "/chars", chars);
}

std::int64_t StateReader::get_int(const std::string& path) const {
    std::vector<std::int64_t> v;
    get(path, v);
    if (v.size() != 1) throw std::runtime_error(name() + ": " + path + " is not one number");
    return v[0];
}

std::vector<std::string> StateReader::get_strings(const std::string& path) const {
    std::vector<std::uint64_t> sizes;
    std::vector<char> chars;
    get(path + "/sizes", sizes);
    get(path + "/chars", chars);
    std::vector<std::string> out;
    std::size_t at = 0;
    for (auto n : sizes) {
        if (n > chars.size() - at) throw std::runtime_error(name() + ": " + path + " is damaged");
        out.emplace_back(chars.data() + at, n);
        at += n;
    }
    return out;
}

}  // namespace jiceng
