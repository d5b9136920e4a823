#include "sim/experiments/experiment.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "sim/core/version.hpp"
#include "sim/experiments/toml_input.hpp"

namespace jiceng {

namespace fs = std::filesystem;

std::string_view method_name(DesignMethod method) {
    switch (method) {
        case DesignMethod::Grid:
            return "grid";
        case DesignMethod::LatinHypercube:
            return "lhs";
        case DesignMethod::Morris:
            return "morris";
        case DesignMethod::Sobol:
            return "sobol";
    }
    return "?";
}

double as_number(const ParamValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* b = std::get_if<bool>(&value)) return *b ? 1.0 : 0.0;
    return std::nan("");
}

ParamValue VariedParam::at_unit(double u) const {
    u = std::clamp(u, 0.0, 1.0);
    const double x = log_scale ? std::exp(std::log(min) + u * (std::log(max) - std::log(min))) : min + u * (max - min);
    if (spec->type == ParamType::Int) return static_cast<std::int64_t>(std::llround(std::clamp(x, min, max)));
    return std::clamp(x, min, max);
}

double period_value(const Results& results, int outcome, std::int64_t first_day, std::int64_t last_day) {
    const auto& series = results.district[static_cast<std::size_t>(outcome)];
    const Outcome o = static_cast<Outcome>(outcome);
    const auto last = static_cast<std::size_t>(last_day);
    if (spec(o).kind == OutcomeKind::Stock) return series[last];
    const auto first = static_cast<std::size_t>(std::max<std::int64_t>(1, first_day));  // day 0 has no events
    if (last < first) return spec(o).kind == OutcomeKind::Flow ? 0.0 : series[last];
    double total = 0, weights = 0;
    const Outcome weight = spec(o).kind == OutcomeKind::Mean ? mean_weight(o) : Outcome::count;
    for (std::size_t d = first; d <= last; ++d) {
        const double w = weight == Outcome::count ? 1.0 : results.district[static_cast<std::size_t>(weight)][d];
        total += spec(o).kind == OutcomeKind::Flow ? series[d] : series[d] * w;
        weights += w;
    }
    if (spec(o).kind == OutcomeKind::Flow) return total;
    return weights > 0 ? total / weights : 0.0;
}

double summary_at(const Results& results, int outcome, std::int32_t day) {
    if (day == 0) return results.district[static_cast<std::size_t>(outcome)][0];
    return period_value(results, outcome, 1, day);
}

std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t hash) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t k = 0; k < size; ++k) {
        hash ^= bytes[k];
        hash *= 0x100000001b3ull;
    }
    return hash;
}

namespace {

std::string literal(const ParamValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value)) return format_real(*d);
    if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    return "\"" + std::get<std::string>(value) + "\"";
}

// A design parameter's value from TOML, of the parameter's type, or nothing.
std::optional<ParamValue> value_of(const toml::node& node, const ParamSpec& spec) {
    switch (spec.type) {
        case ParamType::Int:
            if (node.is_integer()) return ParamValue{node.as_integer()->get()};
            break;
        case ParamType::Real:
            if (node.is_floating_point()) return ParamValue{node.as_floating_point()->get()};
            if (node.is_integer()) return ParamValue{static_cast<double>(node.as_integer()->get())};
            break;
        case ParamType::Bool:
            if (node.is_boolean()) return ParamValue{node.as_boolean()->get()};
            break;
        case ParamType::Text:
            break;
    }
    return std::nullopt;
}

constexpr std::size_t kMaxRuns = 100'000'000;

class Parser {
public:
    Parser(const std::string& display, const fs::path& base_dir) : problems_(display), base_dir_(base_dir) {}

    Experiment parse(const toml::table& root, const std::string& text) {
        Experiment e;
        e.file = problems_.file();
        e.text = text;
        if (!root.get("experiment") && (root.get("scenario") || root.get("extends") || root.get("target"))) {
            problems_.add(0, "",
                          std::string("is a ") + (root.get("target") ? "calibration targets" : "scenario") +
                              " file, not an experiment file (expected [experiment], [outcomes] and [design]; see "
                              "docs/experiments.md)");
            problems_.throw_if_any();
        }
        problems_.unknown_keys(root, "", {"experiment", "outcomes", "design"});
        const toml::table* experiment = problems_.table(root, "experiment", "experiment");
        if (!experiment) {
            if (!root.get("experiment"))
                problems_.add(0, "experiment",
                              "missing table (expected [experiment] with at least scenario = \"FILE\")");
            problems_.throw_if_any();
        }
        read_experiment(*experiment, e);
        read_outcomes(root, e);
        read_design(root, e);
        problems_.throw_if_any();
        expand(e);
        problems_.throw_if_any();
        return e;
    }

private:
    void read_experiment(const toml::table& t, Experiment& e) {
        problems_.unknown_keys(t, "experiment.",
                               {"name", "title_en", "title_zh", "description_en", "description_zh", "scenario",
                                "replicates", "seed", "days"});
        const auto scenario = problems_.string(t, "scenario", "experiment.scenario");
        if (!scenario) {
            if (!t.get("scenario"))
                problems_.add(t, "experiment.scenario",
                              "missing (expected the base scenario file, relative to this file)");
            problems_.throw_if_any();
        }
        scenario_line_ = input::line_of(*t.get("scenario"));
        const fs::path scenario_path = base_dir_ / *scenario;
        e.scenario_file = scenario_path.lexically_normal().string();
        {
            std::error_code ec;
            if (!fs::is_regular_file(scenario_path, ec)) {
                problems_.add(
                    scenario_line_, "experiment.scenario",
                    "cannot open '" + e.scenario_file + "' (expected a scenario file, relative to this file)");
                problems_.throw_if_any();
            }
        }
        e.base = load_scenario(scenario_path);  // its problems name its own lines
        e.name = problems_.string(t, "name", "experiment.name").value_or(fs::path(problems_.file()).stem().string());
        e.title_en = problems_.string(t, "title_en", "experiment.title_en").value_or("");
        e.title_zh = problems_.string(t, "title_zh", "experiment.title_zh").value_or("");
        e.description_en = problems_.string(t, "description_en", "experiment.description_en").value_or("");
        e.description_zh = problems_.string(t, "description_zh", "experiment.description_zh").value_or("");
        const ParamSpec* days_spec = find_param("run.days");
        const ParamSpec* seed_spec = find_param("run.seed");
        e.replicates =
            static_cast<int>(problems_.integer(t, "replicates", "experiment.replicates", 1, 100000).value_or(1));
        e.seed = static_cast<std::uint64_t>(
            problems_.integer(t, "seed", "experiment.seed", 0, static_cast<std::int64_t>(seed_spec->max))
                .value_or(e.base.params.run_seed));
        e.days = problems_.integer(t, "days", "experiment.days", 1, static_cast<std::int64_t>(days_spec->max))
                     .value_or(e.base.params.run_days);
        e.base.params.run_seed = static_cast<std::int64_t>(e.seed);
        e.base.params.run_days = e.days;
    }

    void read_outcomes(const toml::table& root, Experiment& e) {
        const toml::table* t = problems_.table(root, "outcomes", "outcomes");
        std::vector<std::int32_t> days;
        std::optional<std::int64_t> every;
        if (t) {
            problems_.unknown_keys(*t, "outcomes.", {"names", "days", "every"});
            if (const toml::array* names = problems_.array(*t, "names", "outcomes.names")) {
                if (names->empty())
                    problems_.add(*t->get("names"), "outcomes.names", "is empty (expected at least one outcome name)");
                for (const auto& item : *names) {
                    const auto k = problems_.outcome(item, "outcomes.names");
                    if (!k) continue;
                    if (std::find(e.outcomes.begin(), e.outcomes.end(), *k) != e.outcomes.end())
                        problems_.add(item, "outcomes.names", "'" + item.as_string()->get() + "' is listed twice");
                    else
                        e.outcomes.push_back(*k);
                }
            }
            if (const toml::array* list = problems_.array(*t, "days", "outcomes.days")) {
                if (list->empty())
                    problems_.add(*t->get("days"), "outcomes.days",
                                  "is empty (expected day numbers such as [90, 365])");
                for (const auto& item : *list) {
                    if (!item.is_integer() || item.as_integer()->get() < 0 || item.as_integer()->get() > e.days) {
                        problems_.add(item, "outcomes.days",
                                      (item.is_integer() ? std::to_string(item.as_integer()->get()) + " is out of range"
                                                         : "holds " + input::type_of(item)) +
                                          " (expected day numbers in 0.." + std::to_string(e.days) +
                                          ", the experiment's days)");
                        continue;
                    }
                    days.push_back(static_cast<std::int32_t>(item.as_integer()->get()));
                }
            }
            every = problems_.integer(*t, "every", "outcomes.every", 1, 36600);
            if (every && t->get("days"))
                problems_.add(*t->get("every"), "outcomes.every",
                              "give either outcomes.days or outcomes.every, not both");
        }
        if (e.outcomes.empty())
            for (int k = 0; k < kOutcomes; ++k) e.outcomes.push_back(k);
        if (days.empty()) {
            const std::int64_t step = every.value_or(30);
            for (std::int64_t d = 0; d <= e.days; d += step) days.push_back(static_cast<std::int32_t>(d));
            if (days.back() != e.days) days.push_back(static_cast<std::int32_t>(e.days));
        }
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        e.sample_days = days;
    }

    void read_design(const toml::table& root, Experiment& e) {
        const toml::table* t = problems_.table(root, "design", "design");
        if (!t) {
            if (!root.get("design"))
                problems_.add(
                    0, "design",
                    "missing table (expected [design] with method = \"grid\", \"lhs\", \"morris\" or \"sobol\")");
            return;
        }
        design_line_ = input::line_of(*t);
        problems_.unknown_keys(*t, "design.",
                               {"method", "points", "trajectories", "levels", "base_samples", "seed", "parameters"});
        const auto method = problems_.string(*t, "method", "design.method");
        static const std::map<std::string, DesignMethod> methods = {{"grid", DesignMethod::Grid},
                                                                    {"lhs", DesignMethod::LatinHypercube},
                                                                    {"morris", DesignMethod::Morris},
                                                                    {"sobol", DesignMethod::Sobol}};
        if (!method) {
            if (!t->get("method"))
                problems_.add(*t, "design.method", "missing (expected \"grid\", \"lhs\", \"morris\" or \"sobol\")");
            return;
        }
        const auto it = methods.find(*method);
        if (it == methods.end()) {
            std::vector<std::string> names;
            for (const auto& [n, _] : methods) names.push_back(n);
            const std::string hint = did_you_mean(*method, names);
            problems_.add(*t->get("method"), "design.method",
                          "'" + *method + "' is not a design" +
                              (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                              " (expected \"grid\", \"lhs\", \"morris\" or \"sobol\")");
            return;
        }
        e.method = it->second;
        // Keys that belong to another method are mistakes worth naming.
        const std::map<std::string, DesignMethod> owner = {{"points", DesignMethod::LatinHypercube},
                                                           {"trajectories", DesignMethod::Morris},
                                                           {"levels", DesignMethod::Morris},
                                                           {"base_samples", DesignMethod::Sobol}};
        for (const auto& [key, m] : owner)
            if (m != e.method && t->get(key))
                problems_.add(
                    *t->get(key), "design." + key,
                    "applies to method \"" + std::string(method_name(m)) + "\" only, not \"" + *method + "\"");
        if (e.method == DesignMethod::Grid && t->get("seed"))
            problems_.add(*t->get("seed"), "design.seed", "a grid draws nothing, so it takes no seed");
        e.design_seed =
            static_cast<std::uint64_t>(problems_.integer(*t, "seed", "design.seed", 0, (std::int64_t{1} << 53))
                                           .value_or(static_cast<std::int64_t>(e.seed % (std::uint64_t{1} << 53))));
        auto required_count = [&](const std::string& key, std::int64_t min, std::int64_t max,
                                  const std::string& what) -> std::size_t {
            if (!t->get(key)) {
                problems_.add(*t, "design." + key, "missing (expected " + what + ")");
                return 0;
            }
            return static_cast<std::size_t>(problems_.integer(*t, key, "design." + key, min, max).value_or(0));
        };
        switch (e.method) {
            case DesignMethod::Grid:
                break;
            case DesignMethod::LatinHypercube:
                lhs_points_ = required_count("points", 1, 10'000'000, "the number of points, e.g. 50");
                break;
            case DesignMethod::Morris:
                trajectories_ = required_count("trajectories", 1, 1'000'000, "the number of trajectories, e.g. 10");
                e.morris_levels =
                    static_cast<int>(problems_.integer(*t, "levels", "design.levels", 2, 100).value_or(4));
                if (e.morris_levels % 2 != 0) {
                    problems_.add(*t->get("levels"), "design.levels", "must be even (expected 4, 6 or 8)");
                    e.morris_levels = 4;
                }
                break;
            case DesignMethod::Sobol:
                e.sobol_base_samples =
                    required_count("base_samples", 2, 10'000'000,
                                   "the number of base samples N, e.g. 64 (runs: N x (parameters + 2))");
                break;
        }
        const toml::table* params = problems_.table(*t, "parameters", "design.parameters");
        if (!params) {
            if (!t->get("parameters"))
                problems_.add(*t, "design.parameters",
                              "missing table (expected [design.parameters] naming the parameters to vary)");
            return;
        }
        params_line_ = input::line_of(*params);
        input::walk_params(*params, "design.parameters.", problems_,
                           [&](const std::string& key, const toml::node& node) { read_param(key, node, e); });
        if (params->empty())
            problems_.add(*t->get("parameters"), "design.parameters", "is empty (expected at least one parameter)");
        if (e.method == DesignMethod::Sobol && 2 * e.params.size() > kSobolMaxDims)
            problems_.add(*t->get("parameters"), "design.parameters", "a Sobol design takes at most 32 parameters");
    }

    void read_param(const std::string& key, const toml::node& node, Experiment& e) {
        const ParamSpec* spec = find_param(key);
        const std::string full = "design.parameters." + key;
        for (const auto& p : e.params)
            if (p.key == key) {
                problems_.add(node, full, "is listed twice");
                return;
            }
        if (spec->type == ParamType::Text || key == "run.seed" || key == "run.days") {
            problems_.add(node, full,
                          "cannot be varied by a design (" +
                              std::string(spec->type == ParamType::Text
                                              ? "a text parameter"
                                              : "the experiment sets it; use [experiment] seed, days or replicates") +
                              ")");
            return;
        }
        VariedParam p;
        p.key = key;
        p.spec = spec;
        p.line = input::line_of(node);
        const std::string declared = spec->has_range() ? " in " + spec->range_text() : "";
        if (e.method == DesignMethod::Grid) {
            const toml::array* values = node.as_array();
            if (!values || values->empty()) {
                problems_.add(node, full,
                              (values ? std::string("is empty") : "is " + input::type_of(node)) +
                                  " (a grid lists values: expected an array of " + std::string(type_name(spec->type)) +
                                  declared + ")");
                return;
            }
            for (const auto& item : *values) {
                const auto value = value_of(item, *spec);
                if (!value) {
                    problems_.add(item, full,
                                  "holds " + input::type_of(item) + " (expected " + std::string(type_name(spec->type)) +
                                      declared + ")");
                    continue;
                }
                if (auto wrong = spec->check(*value)) {
                    problems_.add(item, full, *wrong);
                    continue;
                }
                if (std::find(p.levels.begin(), p.levels.end(), *value) != p.levels.end()) {
                    problems_.add(item, full, literal(*value) + " is listed twice");
                    continue;
                }
                p.levels.push_back(*value);
            }
        } else {
            const toml::table* range = node.as_table();
            if (!range) {
                problems_.add(node, full,
                              "is " + input::type_of(node) + " (method \"" + std::string(method_name(e.method)) +
                                  "\" samples a range: expected { min = ..., max = ... })");
                return;
            }
            if (spec->type == ParamType::Bool) {
                problems_.add(node, full, "is a boolean, which has no range (vary it in a grid instead)");
                return;
            }
            problems_.unknown_keys(*range, full + ".", {"min", "max", "scale"});
            const auto min = problems_.real(*range, "min", full + ".min");
            const auto max = problems_.real(*range, "max", full + ".max");
            const auto scale = problems_.string(*range, "scale", full + ".scale");
            if (!range->get("min") || !range->get("max")) {
                problems_.add(node, full, "needs both min and max (expected { min = ..., max = ... }" + declared + ")");
                return;
            }
            if (!min || !max) return;
            bool ok = true;
            for (const auto& [bound, name] : {std::pair{*min, "min"}, std::pair{*max, "max"}}) {
                if (bound < spec->min || bound > spec->max) {
                    problems_.add(*range->get(name), full + "." + name,
                                  format_real(bound) + " is outside the declared range " + spec->range_text());
                    ok = false;
                }
            }
            if (ok && !(*min < *max)) {
                problems_.add(node, full, "min must be less than max");
                ok = false;
            }
            if (scale && *scale != "linear" && *scale != "log") {
                problems_.add(*range->get("scale"), full + ".scale",
                              "'" + *scale + "' is not a scale (expected \"linear\" or \"log\")");
                ok = false;
            }
            p.log_scale = scale && *scale == "log";
            if (ok && p.log_scale && *min <= 0) {
                problems_.add(*range->get("min"), full + ".min", "a log scale needs min > 0");
                ok = false;
            }
            if (ok && spec->type == ParamType::Int && std::llround(*max) - std::llround(*min) < 1) {
                problems_.add(node, full, "an integer range needs at least two integers");
                ok = false;
            }
            if (!ok) return;
            p.min = *min;
            p.max = *max;
        }
        e.params.push_back(std::move(p));
    }

    void expand(Experiment& e) {
        const std::size_t k = e.params.size();
        switch (e.method) {
            case DesignMethod::Grid: {
                std::vector<std::size_t> levels;
                std::size_t total = 1;
                for (const auto& p : e.params) {
                    levels.push_back(p.levels.size());
                    total *= p.levels.size();
                    if (total > kMaxRuns) break;
                }
                if (!check_size(total, e)) return;
                for (const auto& index : grid_indices(levels)) {
                    UnitPoint u(k);
                    std::vector<ParamValue> v(k);
                    for (std::size_t i = 0; i < k; ++i) {
                        u[i] = levels[i] > 1 ? static_cast<double>(index[i]) / static_cast<double>(levels[i] - 1) : 0.5;
                        v[i] = e.params[i].levels[index[i]];
                    }
                    e.unit.push_back(std::move(u));
                    e.values.push_back(std::move(v));
                }
                break;
            }
            case DesignMethod::LatinHypercube:
                if (!check_size(lhs_points_, e)) return;
                e.unit = latin_hypercube(lhs_points_, k, e.design_seed);
                break;
            case DesignMethod::Morris:
                if (!check_size(trajectories_ * (k + 1), e)) return;
                e.unit = morris_trajectories(trajectories_, k, e.morris_levels, e.design_seed);
                break;
            case DesignMethod::Sobol:
                if (!check_size(e.sobol_base_samples * (k + 2), e)) return;
                e.unit = saltelli(e.sobol_base_samples, k);
                break;
        }
        if (e.method != DesignMethod::Grid)
            for (const auto& u : e.unit) {
                std::vector<ParamValue> v(k);
                for (std::size_t i = 0; i < k; ++i) v[i] = e.params[i].at_unit(u[i]);
                e.values.push_back(std::move(v));
            }
        check_points(e);
    }

    bool check_size(std::size_t points, const Experiment& e) {
        if (points * static_cast<std::size_t>(e.replicates) > kMaxRuns || points > kMaxRuns) {
            problems_.add(design_line_, "design",
                          "expands to more than " + std::to_string(kMaxRuns) + " runs; split the experiment");
            return false;
        }
        return true;
    }

    // Every point must be a valid scenario: cross-parameter constraints
    // (shares that must not sum above 1, say) are checked point by point.
    void check_points(const Experiment& e) {
        std::set<std::string> reported;
        for (std::size_t p = 0; p < e.points() && reported.size() < 5; ++p) {
            const Scenario s = e.point_scenario(p);
            for (const auto& [key, message] : check_consistency(s.params)) {
                if (!reported.insert(key + message).second) continue;
                int line = params_line_;
                std::string where = "design.parameters";
                for (const auto& vp : e.params)
                    if (vp.key == key) {
                        line = vp.line;
                        where = "design.parameters." + key;
                    }
                std::string values;
                for (std::size_t i = 0; i < e.params.size(); ++i)
                    values += (i ? ", " : "") + e.params[i].key + " = " + literal(e.values[p][i]);
                problems_.add(line, where, "point " + std::to_string(p) + " (" + values + "): " + key + ": " + message);
            }
        }
    }

    input::Problems problems_;
    fs::path base_dir_;
    int scenario_line_ = 0, design_line_ = 0, params_line_ = 0;
    std::size_t lhs_points_ = 0, trajectories_ = 0;
};

}  // namespace

Scenario Experiment::point_scenario(std::size_t point) const {
    Scenario s = base;
    for (std::size_t i = 0; i < params.size(); ++i) params[i].spec->set(s.params, values[point][i]);
    s.meta.name = name + "-p" + std::to_string(point);
    return s;
}

std::string Experiment::canonical() const {
    std::string out = "jiceng-experiment 1\n";
    out += "program " + std::string(version()) + " " + std::string(git_commit()) + "\n";
    out += "name " + name + "\ntitle_en " + title_en + "\ntitle_zh " + title_zh + "\n";
    out += "seed " + std::to_string(seed) + "\ndays " + std::to_string(days) + "\nreplicates " +
           std::to_string(replicates) + "\n";
    out += "outcomes";
    for (int k : outcomes) out += " " + std::string(outcome_table()[static_cast<std::size_t>(k)].name);
    out += "\nsample_days";
    for (auto d : sample_days) out += " " + std::to_string(d);
    out += "\nmethod " + std::string(method_name(method)) + "\n";
    for (const auto& p : params)
        out +=
            "param " + p.key + " " + format_real(p.min) + " " + format_real(p.max) + (p.log_scale ? " log" : "") + "\n";
    for (std::size_t point = 0; point < points(); ++point) {
        out += "point";
        for (const auto& v : values[point]) out += " " + literal(v);
        out += "\n";
    }
    out += "base\n" + base.resolved_toml();
    return out;
}

std::uint64_t Experiment::fingerprint() const {
    const std::string text = canonical();
    return fnv1a(text.data(), text.size());
}

Experiment load_experiment(const fs::path& file) {
    std::string text;
    const toml::table root = input::parse_file(file, &text);
    return Parser(file.string(), file.parent_path()).parse(root, text);
}

Experiment parse_experiment(const std::string& text, const std::string& display_name, const fs::path& base_dir) {
    toml::table root;
    try {
        root = toml::parse(text, display_name);
    } catch (const toml::parse_error& e) {
        throw InputError({{display_name, static_cast<int>(e.source().begin.line), "",
                           "TOML syntax error: " + std::string(e.description())}});
    }
    return Parser(display_name, base_dir).parse(root, text);
}

}  // namespace jiceng
