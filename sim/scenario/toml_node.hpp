// Small helpers over toml++ nodes shared by the scenario and experiment
// loaders (both report `file:line: key: …`). Includes toml++, which the
// library links privately: include this from .cpp files of the library only.
#pragma once

#include <toml++/toml.h>

#include <string>

namespace jiceng {

int toml_line(const toml::node& node);
// "an integer", "a table", … for messages.
std::string toml_type_name(const toml::node& node);

}  // namespace jiceng
