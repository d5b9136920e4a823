#include "sim/experiments/calibrate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <sstream>

#include "sim/core/calendar.hpp"
#include "sim/core/version.hpp"
#include "sim/experiments/compare.hpp"
#include "sim/experiments/files.hpp"
#include "sim/experiments/optimise.hpp"
#include "sim/experiments/sweep.hpp"
#include "sim/experiments/toml_input.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/model/model.hpp"

namespace jiceng {

namespace fs = std::filesystem;

double target_statistic(const Results& results, const Target& t) {
    const double value = period_value(results, t.outcome, t.first_day, t.last_day);
    if (t.denominator < 0) return value;
    const double below = period_value(results, t.denominator, t.first_day, t.last_day);
    return below != 0 ? value / below : std::numeric_limits<double>::quiet_NaN();
}

namespace {

Targets parse(const toml::table& root, const std::string& display, const std::string& text, const Scenario& scenario) {
    input::Problems problems(display);
    Targets out;
    out.file = display;
    out.text = text;
    problems.unknown_keys(root, "", {"target", "parameters"});
    const std::int64_t days = scenario.params.run_days;
    const toml::array* list = problems.array(root, "target", "target");
    if (!list && !root.get("target"))
        problems.add(0, "target",
                     "no targets (expected [[target]] tables with outcome, day or year, value and tolerance)");
    if (list) {
        int index = 0;
        for (const auto& node : *list) {
            const std::string where = "target[" + std::to_string(index++) + "]";
            const toml::table* t = node.as_table();
            if (!t) {
                problems.add(node, where, "is " + input::type_of(node) + " (expected a [[target]] table)");
                continue;
            }
            Target target;
            target.line = input::line_of(node);
            problems.unknown_keys(*t, where + ".", {"label", "outcome", "ratio", "day", "year", "value", "tolerance"});
            bool ok = true;
            const toml::node* outcome = t->get("outcome");
            const toml::node* ratio = t->get("ratio");
            if ((outcome != nullptr) == (ratio != nullptr)) {
                problems.add(node, where, "give either outcome = \"NAME\" or ratio = [\"NUMERATOR\", \"DENOMINATOR\"]");
                ok = false;
            } else if (outcome) {
                const auto k = problems.outcome(*outcome, where + ".outcome");
                if (k)
                    target.outcome = *k;
                else
                    ok = false;
            } else {
                const toml::array* pair = ratio->as_array();
                if (!pair || pair->size() != 2) {
                    problems.add(*ratio, where + ".ratio",
                                 "expected two outcome names: [\"NUMERATOR\", \"DENOMINATOR\"]");
                    ok = false;
                } else {
                    const auto a = problems.outcome(*pair->get(0), where + ".ratio");
                    const auto b = problems.outcome(*pair->get(1), where + ".ratio");
                    if (a && b) {
                        target.outcome = *a;
                        target.denominator = *b;
                    } else
                        ok = false;
                }
            }
            const toml::node* day = t->get("day");
            const toml::node* year = t->get("year");
            if ((day != nullptr) == (year != nullptr)) {
                problems.add(node, where,
                             "give either day = N (days 1..N of the run) or year = YYYY (a calendar year)");
                ok = false;
            } else if (day) {
                const auto d = problems.integer(*t, "day", where + ".day", 0, days);
                if (d) {
                    target.first_day = 1;
                    target.last_day = *d;
                    target.period = "day " + std::to_string(*d);
                } else
                    ok = false;
            } else {
                const auto y = problems.integer(*t, "year", where + ".year", 1, 9999);
                if (y) {
                    const Calendar calendar(scenario.params.run_start_date);
                    const std::int64_t first = calendar.first_day_of_year(static_cast<int>(*y));
                    const std::int64_t last = calendar.last_day_of_year(static_cast<int>(*y));
                    if (first < 0) {
                        problems.add(*year, where + ".year",
                                     std::to_string(*y) + " begins before the run starts (" +
                                         scenario.params.run_start_date + "); a year target needs the whole year");
                        ok = false;
                    } else if (last > days) {
                        problems.add(*year, where + ".year",
                                     std::to_string(*y) + " ends on day " + std::to_string(last) +
                                         ", after the run's last day " + std::to_string(days) + " (run.days)");
                        ok = false;
                    } else {
                        target.first_day = std::max<std::int64_t>(1, first);
                        target.last_day = last;
                        target.period = "year " + std::to_string(*y);
                    }
                } else
                    ok = false;
            }
            const auto value = problems.real(*t, "value", where + ".value");
            const auto tolerance = problems.real(*t, "tolerance", where + ".tolerance");
            if (!t->get("value")) problems.add(node, where + ".value", "missing (expected the observed figure)");
            if (!t->get("tolerance"))
                problems.add(node, where + ".tolerance",
                             "missing (expected how far off still fits, in the figure's units, > 0)");
            if (tolerance && !(*tolerance > 0))
                problems.add(*t->get("tolerance"), where + ".tolerance", "must be greater than 0");
            if (!value || !tolerance || !(*tolerance > 0)) ok = false;
            const auto label = problems.string(*t, "label", where + ".label");
            if (!ok) continue;
            target.value = *value;
            target.tolerance = *tolerance;
            const auto& names = outcome_table();
            target.label = label.value_or(
                target.denominator < 0 ? std::string(names[static_cast<std::size_t>(target.outcome)].name)
                                       : std::string(names[static_cast<std::size_t>(target.outcome)].name) + " / " +
                                             std::string(names[static_cast<std::size_t>(target.denominator)].name));
            out.targets.push_back(target);
        }
        if (list->empty()) problems.add(*root.get("target"), "target", "is empty (expected at least one [[target]])");
    }
    if (const toml::table* ranges = problems.table(root, "parameters", "parameters")) {
        input::walk_params(*ranges, "parameters.", problems, [&](const std::string& key, const toml::node& node) {
            const ParamSpec* spec = find_param(key);
            const std::string full = "parameters." + key;
            const toml::table* r = node.as_table();
            if (!r || !spec->has_range()) {
                problems.add(node, full,
                             spec->has_range() ? "is " + input::type_of(node) + " (expected { min = ..., max = ... })"
                                               : "is not a number parameter, so it cannot be fitted");
                return;
            }
            problems.unknown_keys(*r, full + ".", {"min", "max"});
            const auto min = problems.real(*r, "min", full + ".min");
            const auto max = problems.real(*r, "max", full + ".max");
            if (!r->get("min") || !r->get("max")) {
                problems.add(node, full, "needs both min and max");
                return;
            }
            if (!min || !max) return;
            if (*min < spec->min || *max > spec->max) {
                problems.add(node, full,
                             "[" + format_real(*min) + ", " + format_real(*max) + "] is outside the declared range " +
                                 spec->range_text());
                return;
            }
            if (!(*min < *max)) {
                problems.add(node, full, "min must be less than max");
                return;
            }
            out.ranges[key] = {ParamRange{*min, *max}, input::line_of(node)};
        });
    }
    problems.throw_if_any();
    return out;
}

}  // namespace

Targets load_targets(const fs::path& file, const Scenario& scenario) {
    std::string text;
    const toml::table root = input::parse_file(file, &text);
    return parse(root, file.string(), text, scenario);
}

Targets parse_targets(const std::string& text, const std::string& display_name, const Scenario& scenario) {
    toml::table root;
    try {
        root = toml::parse(text, display_name);
    } catch (const toml::parse_error& e) {
        throw InputError({{display_name, static_cast<int>(e.source().begin.line), "",
                           "TOML syntax error: " + std::string(e.description())}});
    }
    return parse(root, display_name, text, scenario);
}

std::vector<FittedParam> fitted_params(const std::vector<std::string>& keys, const Scenario& scenario,
                                       const Targets& targets) {
    std::vector<Diagnostic> problems;
    std::vector<FittedParam> out;
    if (keys.empty()) problems.push_back({"command line", 0, "--params", "name at least one parameter to fit"});
    for (const auto& key : keys) {
        const ParamSpec* spec = find_param(key);
        if (!spec) {
            const std::string hint = did_you_mean(key, input::param_keys());
            problems.push_back({"command line", 0, "--params",
                                "'" + key + "' is not a parameter" +
                                    (hint.empty() ? " (see `jiceng params`)" : " (did you mean '" + hint + "'?)")});
            continue;
        }
        if (!spec->has_range() || key == "run.days" || key == "run.seed") {
            problems.push_back({"command line", 0, "--params",
                                "'" + key + "' cannot be fitted (expected a real or integer model parameter)"});
            continue;
        }
        if (std::any_of(out.begin(), out.end(), [&](const FittedParam& p) { return p.key == key; })) {
            problems.push_back({"command line", 0, "--params", "'" + key + "' is listed twice"});
            continue;
        }
        FittedParam p;
        p.key = key;
        p.spec = spec;
        const auto it = targets.ranges.find(key);
        p.range = it != targets.ranges.end() ? it->second.first : ParamRange{spec->min, spec->max};
        p.initial = std::clamp(as_number(spec->get(scenario.params)), p.range.min, p.range.max);
        if (spec->type == ParamType::Int && std::llround(p.range.max) - std::llround(p.range.min) < 1)
            problems.push_back({targets.file, it != targets.ranges.end() ? it->second.second : 0, "parameters." + key,
                                "an integer parameter needs a range of at least two integers"});
        p.best = p.initial;
        out.push_back(p);
    }
    if (!problems.empty()) throw InputError(problems);
    return out;
}

namespace {

ParamValue value_at(const FittedParam& p, double unit) {
    const double x = p.range.min + std::clamp(unit, 0.0, 1.0) * (p.range.max - p.range.min);
    if (p.spec->type == ParamType::Int) return static_cast<std::int64_t>(std::llround(x));
    return x;
}

double unit_of(const FittedParam& p, double value) {
    return (value - p.range.min) / (p.range.max - p.range.min);
}

}  // namespace

CalibrationResult calibrate(const Scenario& scenario, const Targets& targets, std::vector<FittedParam> params,
                            const CalibrationOptions& options) {
    CalibrationResult result;
    result.replicates = options.replicates;
    const auto seed = static_cast<std::uint64_t>(scenario.params.run_seed);
    const std::int64_t days = scenario.params.run_days;
    const std::size_t n_targets = targets.targets.size();
    std::vector<FitRow> best_rows;
    double best_loss = std::numeric_limits<double>::infinity();
    auto objective = [&](const std::vector<double>& unit) {
        Scenario s = scenario;
        std::vector<double> values;
        for (std::size_t i = 0; i < params.size(); ++i) {
            const ParamValue v = value_at(params[i], unit[i]);
            params[i].spec->set(s.params, v);
            values.push_back(as_number(v));
        }
        double loss;
        std::vector<FitRow> rows(n_targets);
        if (!check_consistency(s.params).empty()) {
            loss = 1e12;  // outside what the model accepts: worse than any fit
        } else {
            const auto model = freeze(std::move(s));
            std::vector<std::vector<double>> stats(static_cast<std::size_t>(options.replicates),
                                                   std::vector<double>(n_targets));
            // Replicates side by side; cores left over go to each replicate's own loops.
            const int at_once = std::min(options.replicates, std::max(1, options.jobs));
            run_tasks(
                static_cast<std::size_t>(options.replicates), at_once,
                [&](std::size_t r) {
                    const Results res = run_one(model, seed, r, days);
                    for (std::size_t t = 0; t < n_targets; ++t) stats[r][t] = target_statistic(res, targets.targets[t]);
                },
                std::max(1, options.jobs / at_once));
            loss = 0;
            for (std::size_t t = 0; t < n_targets; ++t) {
                const Target& target = targets.targets[t];
                FitRow& row = rows[t];
                row.label = target.label;
                row.period = target.period;
                row.observed = target.value;
                row.tolerance = target.tolerance;
                double mean = 0, ss = 0;
                for (const auto& s_r : stats) mean += s_r[t] / options.replicates;
                for (const auto& s_r : stats) ss += (s_r[t] - mean) * (s_r[t] - mean);
                row.simulated = mean;
                row.sd = options.replicates > 1 ? std::sqrt(ss / (options.replicates - 1)) : 0.0;
                row.z = (mean - target.value) / target.tolerance;
                loss += std::isfinite(row.z) ? row.z * row.z : 1e12;
            }
        }
        result.history.push_back({values, loss});
        if (loss < best_loss) {
            best_loss = loss;
            best_rows = rows;
        }
        if (result.history.size() == 1) result.initial_loss = loss;
        if (options.on_evaluation) options.on_evaluation(static_cast<int>(result.history.size()), loss, best_loss);
        return loss;
    };
    std::vector<double> x0;
    for (const auto& p : params) x0.push_back(unit_of(p, p.initial));
    NelderMeadOptions nm;
    nm.max_evaluations = options.budget;
    const OptimumResult optimum = nelder_mead(objective, x0, nm);
    for (std::size_t i = 0; i < params.size(); ++i) params[i].best = as_number(value_at(params[i], optimum.x[i]));
    result.params = params;
    result.loss = optimum.value;
    result.evaluations = optimum.evaluations;
    result.converged = optimum.converged;
    result.fit = best_rows;
    return result;
}

namespace {

std::string quote(const std::string& s) {
    std::string r = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') r += '\\';
        if (c == '\n') {
            r += "\\n";
            continue;
        }
        r += c;
    }
    return r + "\"";
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string r = "\"";
    for (char c : s) r += c == '"' ? std::string("\"\"") : std::string(1, c);
    return r + "\"";
}

}  // namespace

void write_calibration(const fs::path& dir, const fs::path& scenario_file, const Scenario& scenario,
                       const Targets& targets, const CalibrationResult& result) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error(dir.string() + ": cannot create directory: " + ec.message());
    // The overlay extends the input scenario by a path relative to itself.
    const fs::path absolute_scenario = fs::absolute(scenario_file).lexically_normal();
    fs::path extends = absolute_scenario.lexically_relative(fs::absolute(dir).lexically_normal());
    if (extends.empty()) extends = absolute_scenario;
    Params fitted = scenario.params;
    for (const auto& p : result.params) {
        if (p.spec->type == ParamType::Int)
            p.spec->set(fitted, static_cast<std::int64_t>(std::llround(p.best)));
        else
            p.spec->set(fitted, p.best);
    }
    char loss_text[128];
    std::snprintf(loss_text, sizeof loss_text, "loss %.6g -> %.6g, %d evaluations x %d replicates", result.initial_loss,
                  result.loss, result.evaluations, result.replicates);
    std::ostringstream overlay;
    overlay << "# Fitted by `jiceng calibrate` (jiceng " << version() << ", " << git_commit() << ") against "
            << targets.file << "\n# " << loss_text << "; the fit table is fit.csv.\n"
            << "extends = " << quote(extends.generic_string())
            << "\n\n[scenario]\nname = " << quote(scenario.meta.name + "-calibrated") << "\ntitle_en = "
            << quote((scenario.meta.title_en.empty() ? scenario.meta.name : scenario.meta.title_en) + " (calibrated)")
            << "\ntitle_zh = "
            << quote((scenario.meta.title_zh.empty() ? scenario.meta.name : scenario.meta.title_zh) + "（校准）")
            << "\n";
    std::map<std::string, std::vector<const FittedParam*>> by_table;
    for (const auto& p : result.params) by_table[p.key.substr(0, p.key.rfind('.'))].push_back(&p);
    for (const auto& [table, members] : by_table) {
        overlay << "\n[" << table << "]\n";
        for (const auto* p : members)
            overlay << p->key.substr(p->key.rfind('.') + 1) << " = " << p->spec->to_toml(fitted) << "\n";
    }
    write_text_atomic(dir / "fit.toml", overlay.str());

    std::ostringstream csv;
    csv << "target,period,observed,tolerance,simulated,sd,z\n";
    for (const auto& row : result.fit)
        csv << csv_field(row.label) << "," << csv_field(row.period) << "," << plain_number(row.observed) << ","
            << plain_number(row.tolerance) << "," << plain_number(row.simulated) << "," << plain_number(row.sd) << ","
            << plain_number(row.z) << "\n";
    write_text_atomic(dir / "fit.csv", csv.str());

    std::ostringstream all;
    all << "# jiceng calibration record (read by `jiceng report`)\nformat = \"jiceng-calibration\"\nformat_version = "
           "1\n"
        << "jiceng_version = " << quote(std::string(version())) << "\ngit_commit = " << quote(std::string(git_commit()))
        << "\n"
        << "scenario_file = " << quote(scenario_file.string()) << "\nscenario_name = " << quote(scenario.meta.name)
        << "\n"
        << "targets_file = " << quote(targets.file) << "\noverlay = \"fit.toml\"\n"
        << "loss = " << format_real(result.loss) << "\ninitial_loss = " << format_real(result.initial_loss) << "\n"
        << "evaluations = " << result.evaluations << "\nreplicates = " << result.replicates << "\n"
        << "converged = " << (result.converged ? "true" : "false") << "\n"
        << "loss_history = [";
    for (std::size_t k = 0; k < result.history.size(); ++k)
        all << (k ? ", " : "")
            << (std::isfinite(result.history[k].loss) ? format_real(result.history[k].loss) : "1e300");
    all << "]\n";
    for (const auto& p : result.params)
        all << "\n[[param]]\nkey = " << quote(p.key) << "\nmin = " << format_real(p.range.min)
            << "\nmax = " << format_real(p.range.max) << "\ninitial = " << format_real(p.initial)
            << "\nbest = " << format_real(p.best) << "\n";
    auto number = [](double x) { return std::isfinite(x) ? format_real(x) : std::string("nan"); };
    for (const auto& row : result.fit)
        all << "\n[[fit]]\nlabel = " << quote(row.label) << "\nperiod = " << quote(row.period)
            << "\nobserved = " << number(row.observed) << "\ntolerance = " << number(row.tolerance)
            << "\nsimulated = " << number(row.simulated) << "\nsd = " << number(row.sd) << "\nz = " << number(row.z)
            << "\n";
    write_text_atomic(dir / "calibration.toml", all.str());
}

bool is_calibration(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "calibration.toml", ec);
}

CalibrationSummary read_calibration(const fs::path& dir) {
    const fs::path file = dir / "calibration.toml";
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        throw InputError({{file.string(), static_cast<int>(e.source().begin.line), "",
                           "not a calibration record: " + std::string(e.description())}});
    }
    if (root["format"].value_or(std::string()) != "jiceng-calibration")
        throw InputError({{file.string(), 0, "format", "not a jiceng calibration record"}});
    CalibrationSummary c;
    c.dir = dir.string();
    c.scenario_file = root["scenario_file"].value_or(std::string());
    c.scenario_name = root["scenario_name"].value_or(std::string());
    c.targets_file = root["targets_file"].value_or(std::string());
    c.overlay = (dir / root["overlay"].value_or(std::string("fit.toml"))).string();
    c.loss = root["loss"].value_or(0.0);
    c.initial_loss = root["initial_loss"].value_or(0.0);
    c.evaluations = static_cast<int>(root["evaluations"].value_or(std::int64_t{0}));
    c.replicates = static_cast<int>(root["replicates"].value_or(std::int64_t{0}));
    if (const auto* history = root["loss_history"].as_array())
        for (const auto& v : *history) c.loss_history.push_back(v.value_or(0.0));
    if (const auto* params = root["param"].as_array())
        for (const auto& node : *params)
            if (const auto* t = node.as_table())
                c.params.push_back(
                    {(*t)["key"].value_or(std::string()), {(*t)["initial"].value_or(0.0), (*t)["best"].value_or(0.0)}});
    if (const auto* fit = root["fit"].as_array())
        for (const auto& node : *fit)
            if (const auto* t = node.as_table()) {
                FitRow row;
                row.label = (*t)["label"].value_or(std::string());
                row.period = (*t)["period"].value_or(std::string());
                row.observed = (*t)["observed"].value_or(0.0);
                row.tolerance = (*t)["tolerance"].value_or(1.0);
                row.simulated = (*t)["simulated"].value_or(0.0);
                row.sd = (*t)["sd"].value_or(0.0);
                row.z = (*t)["z"].value_or(0.0);
                c.fit.push_back(row);
            }
    return c;
}

}  // namespace jiceng
