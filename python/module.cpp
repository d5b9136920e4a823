// jiceng._jiceng: the library's runs, comparisons, sweeps, readers and tables
// for Python (pybind11). The package jiceng (python/jiceng/__init__.py) turns
// what these functions return into xarray Datasets and pandas DataFrames; see
// docs/python.md. Long calls release the GIL and check for Ctrl-C between
// days; the library's exceptions become jiceng.InputError (bad input, with
// every diagnostic), jiceng.RunFileError (a bad run or results file) and
// RuntimeError, each with the library's message.
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/calendar.hpp"
#include "sim/core/version.hpp"
#include "sim/experiments/compare.hpp"
#include "sim/experiments/experiment.hpp"
#include "sim/experiments/sweep.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/model/results.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/simulation/memory_estimate.hpp"
#include "sim/simulation/simulation.hpp"
#include "sim/strategies/strategy.hpp"
#include "sim/world/world.hpp"

namespace py = pybind11;
namespace fs = std::filesystem;
using namespace jiceng;

namespace {

// Unwinds the library's loops when Python has an exception to raise
// (Ctrl-C, a failing progress callback); the Heartbeat holds it.
struct PythonRaised : std::exception {};

// Between days, with the GIL: Ctrl-C and the progress callback. A sweep calls
// it from its worker threads, where an exception cannot stay set, so the
// exception is kept and raised on the calling thread (run_without_gil).
class Heartbeat {
public:
    // `every`: report after every so many units of work (days, or runs of a sweep), and after the last.
    Heartbeat(py::object progress, std::int64_t total, std::int64_t every)
        : progress_(std::move(progress)), total_(total), every_(every) {}
    // Called without the GIL, after `done` of `total` units of work.
    void beat(std::int64_t done) {
        if (done % every_ != 0 && done != total_) return;
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) {  // the main thread only: KeyboardInterrupt
            pending_ = std::make_unique<py::error_already_set>();
            throw PythonRaised();
        }
        if (progress_.is_none()) return;
        try {
            progress_(done, total_);
        } catch (py::error_already_set& e) {
            pending_ = std::make_unique<py::error_already_set>(e);
            throw PythonRaised();
        }
    }
    // With the GIL: the work stopped for a Python exception; raise it.
    [[noreturn]] void raise_pending() {
        if (pending_) {
            py::error_already_set e = *pending_;
            pending_.reset();
            throw e;
        }
        throw std::runtime_error("interrupted");
    }

private:
    py::object progress_;
    std::int64_t total_, every_;
    std::unique_ptr<py::error_already_set> pending_;
};

// Runs `work` with the GIL released; an exception raised in Python meanwhile is raised here.
template <class Work>
void run_without_gil(Heartbeat& heartbeat, Work&& work) {
    try {
        py::gil_scoped_release release;
        work();
    } catch (const PythonRaised&) {
        heartbeat.raise_pending();
    }
}

// Threads for the call: 0 means all cores, as on the command line.
std::unique_ptr<tbb::global_control> thread_limit(int threads) {
    if (threads < 0) throw InputError({{"arguments", 0, "threads", "must be 1 or more (or None for all cores)"}});
    if (threads == 0) return nullptr;
    return std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                 static_cast<std::size_t>(threads));
}

int threads_used(int threads) {
    return threads > 0 ? threads : tbb::info::default_concurrency();
}

// A Python value as a value of the parameter's type, or what is wrong with it.
std::optional<ParamValue> to_value(const ParamSpec& spec, const py::handle& value, std::string& why) {
    const bool is_bool = py::isinstance<py::bool_>(value);
    switch (spec.type) {
        case ParamType::Int:
            if (py::isinstance<py::int_>(value) && !is_bool) return ParamValue{value.cast<std::int64_t>()};
            if (py::isinstance<py::float_>(value)) {
                const double d = value.cast<double>();
                if (d == static_cast<double>(static_cast<std::int64_t>(d)))
                    return ParamValue{static_cast<std::int64_t>(d)};
            }
            why = "expected an integer";
            break;
        case ParamType::Real:
            if ((py::isinstance<py::int_>(value) || py::isinstance<py::float_>(value)) && !is_bool)
                return ParamValue{value.cast<double>()};
            why = "expected a number";
            break;
        case ParamType::Bool:
            if (is_bool) return ParamValue{value.cast<bool>()};
            why = "expected True or False";
            break;
        case ParamType::Text:
            if (py::isinstance<py::str>(value)) return ParamValue{value.cast<std::string>()};
            why = "expected a string";
            break;
    }
    why += ", got " + std::string(py::str(value.get_type().attr("__name__"))) + " " + std::string(py::repr(value));
    return std::nullopt;
}

// The scenario file with the call's values on top, checked like a scenario
// file: every problem at once, with did-you-mean for misspelt keys.
Scenario prepare(const std::string& file, const py::dict& overrides, std::optional<std::int64_t> days,
                 std::optional<std::int64_t> seed) {
    Scenario scenario = load_scenario(file);
    std::vector<Diagnostic> problems;
    std::vector<std::string> keys;
    for (const auto& spec : param_table()) keys.emplace_back(spec.key);
    auto set = [&](const std::string& where, const std::string& key, const py::handle& value) {
        const ParamSpec* spec = find_param(key);
        if (!spec) {
            const std::string hint = did_you_mean(key, keys);
            problems.push_back({where, 0, key,
                                "unknown parameter" + (hint.empty() ? std::string(" (jiceng.parameters() lists them)")
                                                                    : " (did you mean '" + hint + "'?)")});
            return;
        }
        std::string why;
        const auto v = to_value(*spec, value, why);
        if (!v) {
            problems.push_back({where, 0, key, why});
            return;
        }
        if (auto wrong = spec->check(*v)) {
            problems.push_back({where, 0, key, *wrong});
            return;
        }
        spec->set(scenario.params, *v);
    };
    for (const auto& [key, value] : overrides) {
        if (!py::isinstance<py::str>(key)) {
            problems.push_back({"overrides", 0, std::string(py::repr(key)), "keys are parameter names (strings)"});
            continue;
        }
        set("overrides", key.cast<std::string>(), value);
    }
    if (days) set("arguments", "run.days", py::int_(*days));
    if (seed) set("arguments", "run.seed", py::int_(*seed));
    if (problems.empty())
        for (const auto& [key, message] : check_consistency(scenario.params))
            problems.push_back({"overrides", 0, key, message});
    if (!problems.empty()) throw InputError(problems);
    return scenario;
}

py::array_t<double> doubles(const std::vector<double>& v, std::vector<py::ssize_t> shape) {
    py::array_t<double> a(shape);
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

template <class T>
py::array_t<T> array_of(const std::vector<T>& v) {
    py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

py::object param_value(const ParamValue& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return py::int_(*i);
    if (const auto* d = std::get_if<double>(&value)) return py::float_(*d);
    if (const auto* b = std::get_if<bool>(&value)) return py::bool_(*b);
    return py::str(std::get<std::string>(value));
}

// Everything a run file holds, as Python objects, with the attributes the
// writer gives them (sim/io/run_writer.cpp); the package builds Datasets
// laid out as xarray reads the file.
py::dict run_contents(const Simulation& sim, const RunProvenance& prov) {
    const Results& res = sim.results();
    const Scenario& sc = sim.model().scenario;
    const Calendar& calendar = sim.calendar();
    py::dict attrs;
    attrs["format"] = "jiceng-run";
    attrs["format_version"] = kFormatVersion;
    attrs["jiceng_version"] = std::string(version());
    attrs["git_commit"] = std::string(git_commit());
    attrs["seed"] = static_cast<std::int64_t>(sim.seed());
    attrs["replicate"] = static_cast<std::int64_t>(sim.replicate());
    attrs["threads"] = prov.threads;
    attrs["days"] = sim.day();
    attrs["start_date"] = calendar.iso(0);
    attrs["started_at"] = prov.started_at;
    attrs["finished_at"] = prov.finished_at;
    attrs["scenario_name"] = sc.meta.name;
    attrs["scenario_title_en"] = sc.meta.title_en;
    attrs["scenario_title_zh"] = sc.meta.title_zh;
    attrs["scenario_description_en"] = sc.meta.description_en;
    attrs["scenario_description_zh"] = sc.meta.description_zh;
    attrs["scenario_file"] = prov.scenario_file;
    attrs["scenario_toml"] = sc.resolved_toml();
    attrs["scenario_sources"] = sc.sources_text();

    const auto n_days = static_cast<py::ssize_t>(res.days.size());
    const auto n_streets = static_cast<py::ssize_t>(res.streets);
    std::vector<std::string> dates;
    for (auto d : res.days) dates.push_back(calendar.iso(d));
    std::vector<std::string> org_types;
    for (int t = 0; t < kOrgTypes; ++t) org_types.emplace_back(kOrgTypeNames[t]);
    py::list outcomes;
    for (int k = 0; k < kOutcomes; ++k) {
        const auto& o = outcome_table()[k];
        py::dict out;
        out["name"] = std::string(o.name);
        out["attrs"] = py::dict(py::arg("units") = std::string(o.units), py::arg("long_name") = std::string(o.long_en),
                                py::arg("long_name_zh") = std::string(o.long_zh),
                                py::arg("description") = std::string(o.description),
                                py::arg("kind") = std::string(kind_name(o.kind)));
        out["values"] = doubles(res.district[k], {n_days});
        out["by_street"] =
            o.by_street ? py::object(doubles(res.street[k], {n_days, n_streets})) : py::object(py::none());
        out["by_org_type"] =
            o.by_org_type ? py::object(doubles(res.org_type[k], {n_days, kOrgTypes})) : py::object(py::none());
        outcomes.append(out);
    }
    const World& w = sim.world();
    const std::size_t nb = res.buildings;
    std::vector<float> x(w.buildings.x.begin(), w.buildings.x.begin() + static_cast<std::ptrdiff_t>(nb)),
        y(w.buildings.y.begin(), w.buildings.y.begin() + static_cast<std::ptrdiff_t>(nb));
    std::vector<std::int32_t> street(nb), area(nb), households(nb);
    std::vector<std::string> street_names(nb);
    for (std::size_t b = 0; b < nb; ++b) {
        area[b] = static_cast<std::int32_t>(w.buildings.area[b]);
        street[b] = static_cast<std::int32_t>(w.areas.street[w.buildings.area[b]]);
        households[b] = static_cast<std::int32_t>(w.buildings.households[b]);
        street_names[b] = w.streets.name[static_cast<std::size_t>(street[b])];
    }
    py::list indicators;
    const auto n_snap = static_cast<py::ssize_t>(res.snapshot_days.size());
    for (int k = 0; k < kIndicators; ++k) {
        const auto& spec = indicator_table()[k];
        py::array_t<float> values({n_snap, static_cast<py::ssize_t>(nb)});
        std::copy(res.snapshots[k].begin(), res.snapshots[k].end(), values.mutable_data());
        indicators.append(py::dict(py::arg("name") = std::string(spec.name), py::arg("values") = values,
                                   py::arg("attrs") = py::dict(py::arg("units") = std::string(spec.units),
                                                               py::arg("long_name") = std::string(spec.long_en),
                                                               py::arg("long_name_zh") = std::string(spec.long_zh))));
    }
    py::list params;
    for (const auto& spec : param_table()) {
        ParamValue value = spec.get(sc.params);
        if (const auto* b = std::get_if<bool>(&value)) value = static_cast<std::int64_t>(*b);  // as in the file
        params.append(py::dict(py::arg("key") = std::string(spec.key), py::arg("value") = param_value(value),
                               py::arg("attrs") = py::dict(py::arg("units") = std::string(spec.unit),
                                                           py::arg("description") = std::string(spec.doc_en),
                                                           py::arg("description_zh") = std::string(spec.doc_zh),
                                                           py::arg("source") = std::string(spec.source),
                                                           py::arg("type") = std::string(type_name(spec.type)))));
    }
    py::list changes;
    for (const auto& c : sim.changes()) changes.append(py::make_tuple(c.day, c.key, c.value));
    py::dict out;
    out["attrs"] = attrs;
    out["day"] = array_of(res.days);
    out["date"] = dates;
    out["street"] = w.streets.name;
    out["org_type"] = org_types;
    out["outcomes"] = outcomes;
    out["snapshot"] = array_of(res.snapshot_days);
    out["buildings"] =
        py::dict(py::arg("building_x") = array_of(x), py::arg("building_y") = array_of(y),
                 py::arg("building_street") = array_of(street), py::arg("building_area") = array_of(area),
                 py::arg("building_households") = array_of(households), py::arg("building_street_name") = street_names);
    out["indicators"] = indicators;
    out["parameters"] = params;
    out["changes"] = changes;
    return out;
}

py::dict simulate(const std::string& file, std::optional<std::int64_t> days, std::optional<std::int64_t> seed,
                  std::int64_t replicate, int threads, const py::dict& overrides, const std::string& out,
                  py::object progress) {
    if (replicate < 0) throw InputError({{"arguments", 0, "replicate", "must be 0 or more"}});
    Scenario scenario = prepare(file, overrides, days, seed);
    const std::int64_t length = scenario.params.run_days;
    check_memory(estimate_memory(scenario.params, length), 1, std::nullopt, file);
    const auto limit = thread_limit(threads);
    RunProvenance prov{file, threads_used(threads), utc_now_iso(), ""};
    const auto run_seed = static_cast<std::uint64_t>(scenario.params.run_seed);
    Heartbeat heartbeat(std::move(progress), length, 16);
    std::unique_ptr<Simulation> sim;
    run_without_gil(heartbeat, [&] {
        sim = std::make_unique<Simulation>(freeze(std::move(scenario)), run_seed, static_cast<std::uint64_t>(replicate),
                                           length);
        while (sim->day() < length) {
            sim->step();
            heartbeat.beat(sim->day());
        }
        sim->finish();
        prov.finished_at = utc_now_iso();
        if (!out.empty()) write_run(out, *sim, prov);
    });
    return run_contents(*sim, prov);
}

// compare: replicate r of A and of B share the seed and replicate number.
py::dict compare(const std::string& a_file, const std::string& b_file, int replicates, std::optional<std::int64_t> days,
                 std::optional<std::int64_t> seed, int threads, const py::dict& overrides, const py::dict& overrides_a,
                 const py::dict& overrides_b, const std::string& out_dir, py::object progress) {
    if (replicates < 1) throw InputError({{"arguments", 0, "replicates", "must be at least 1"}});
    py::dict for_a = overrides.attr("copy")(), for_b = overrides.attr("copy")();
    for_a.attr("update")(overrides_a);
    for_b.attr("update")(overrides_b);
    Scenario a = prepare(a_file, for_a, days, seed);
    Scenario b = prepare(b_file, for_b, days, seed);
    if (a.params.run_days != b.params.run_days)
        throw InputError({{b_file, 0, "run.days",
                           "differs between the two scenarios (" + std::to_string(a.params.run_days) + " and " +
                               std::to_string(b.params.run_days) + "); pass days= to compare"}});
    // The pairing needs one seed: B's replicate r runs with A's seed.
    const std::int64_t length = a.params.run_days;
    check_memory(estimate_memory(a.params, length), 1, std::nullopt, a_file);
    check_memory(estimate_memory(b.params, length), 1, std::nullopt, b_file);
    const auto run_seed = static_cast<std::uint64_t>(a.params.run_seed);
    const auto limit = thread_limit(threads);
    const std::int64_t used = threads_used(threads);
    auto model_a = freeze(std::move(a));
    auto model_b = freeze(std::move(b));
    std::vector<std::vector<double>> finals_a, finals_b;
    Heartbeat heartbeat(std::move(progress), 2 * replicates * length, 16);
    std::int64_t done = 0;
    run_without_gil(heartbeat, [&] {
        for (int r = 0; r < replicates; ++r)
            for (int which = 0; which < 2; ++which) {
                const auto& model = which == 0 ? model_a : model_b;
                const std::string started = utc_now_iso();
                auto write = [&](const Simulation& sim) {
                    if (out_dir.empty()) return;
                    const fs::path path =
                        fs::path(out_dir) / (model->scenario.meta.name + "-s" + std::to_string(run_seed) + "-r" +
                                             std::to_string(r) + ".h5");
                    write_run(path, sim, RunProvenance{which == 0 ? a_file : b_file, used, started, utc_now_iso()});
                };
                const Results res = run_one(
                    model, run_seed, static_cast<std::uint64_t>(r), length,
                    [&](std::int64_t) { heartbeat.beat(++done); }, write);
                std::vector<double> finals(kOutcomes);
                for (int k = 0; k < kOutcomes; ++k) finals[k] = summary_value(res, static_cast<Outcome>(k));
                (which == 0 ? finals_a : finals_b).push_back(finals);
            }
    });
    const Comparison cmp = compare_finals(finals_a, finals_b, length);
    const Calendar calendar(model_a->params().run_start_date);
    py::dict out;
    py::list names, a_mean, b_mean, diff, lo, hi, units, kinds;
    for (std::size_t k = 0; k < cmp.outcomes.size(); ++k) {
        const auto& d = cmp.outcomes[k];
        names.append(d.outcome);
        a_mean.append(d.a);
        b_mean.append(d.b);
        diff.append(d.diff);
        lo.append(d.lo);
        hi.append(d.hi);
        units.append(std::string(outcome_table()[k].units));
        kinds.append(std::string(kind_name(outcome_table()[k].kind)));
    }
    py::list per_a, per_b;
    for (const auto& f : finals_a) per_a.append(f);
    for (const auto& f : finals_b) per_b.append(f);
    out["outcome"] = names;
    out["a"] = a_mean;
    out["b"] = b_mean;
    out["diff"] = diff;
    out["lo"] = lo;
    out["hi"] = hi;
    out["units"] = units;
    out["kind"] = kinds;
    out["finals_a"] = per_a;
    out["finals_b"] = per_b;
    out["attrs"] = py::dict(
        py::arg("a") = model_a->scenario.meta.name, py::arg("b") = model_b->scenario.meta.name,
        py::arg("a_file") = a_file, py::arg("b_file") = b_file, py::arg("a_title_zh") = model_a->scenario.meta.title_zh,
        py::arg("b_title_zh") = model_b->scenario.meta.title_zh,
        py::arg("a_title_en") = model_a->scenario.meta.title_en,
        py::arg("b_title_en") = model_b->scenario.meta.title_en, py::arg("replicates") = replicates,
        py::arg("days") = length, py::arg("seed") = static_cast<std::int64_t>(run_seed),
        py::arg("start_date") = calendar.iso(0), py::arg("end_date") = calendar.iso(length),
        py::arg("summary") = std::string("stocks on the last day, flows summed over days 1..days, means weighted by "
                                         "their events; B - A paired by replicate (common random numbers), 95 % "
                                         "t interval of the mean difference"));
    return out;
}

// sweep: whatever is missing in `dir`, then results.h5 (as `jiceng sweep`).
std::string sweep(const std::string& experiment, const std::string& dir, int jobs, bool keep_runs,
                  py::object progress) {
    if (jobs < 0) throw InputError({{"arguments", 0, "jobs", "must be 1 or more (or None for all cores)"}});
    const Experiment e = load_experiment(experiment);
    SweepOptions options;
    options.jobs = jobs > 0 ? jobs : std::max(1, tbb::info::default_concurrency());
    options.keep_runs = keep_runs;
    MemoryEstimate largest;
    for (std::size_t q = 0; q < e.points(); ++q) {
        const MemoryEstimate m = estimate_memory(e.point_scenario(q).params, e.days);
        if (q == 0 || m.total() > largest.total()) largest = m;
    }
    check_memory(largest, std::min(options.jobs, static_cast<int>(std::max<std::size_t>(e.runs(), 1))), std::nullopt,
                 e.file);
    Heartbeat heartbeat(std::move(progress), static_cast<std::int64_t>(e.runs()), 1);
    options.on_progress = [&](const SweepProgress& p) { heartbeat.beat(static_cast<std::int64_t>(p.done)); };
    run_without_gil(heartbeat, [&] { run_sweep(e, dir, options); });
    return (fs::path(dir) / "results.h5").string();
}

// The library's checks of a file before Python opens it: RunFileError or
// runtime_error with the library's message.
void check_run(const std::string& path) {
    py::gil_scoped_release release;
    read_run(path);
}

std::string check_results(const std::string& path) {
    py::gil_scoped_release release;
    return read_sweep(path).path;
}

py::list parameter_table() {
    py::list rows;
    for (const auto& spec : param_table())
        rows.append(
            py::dict(py::arg("key") = std::string(spec.key), py::arg("type") = std::string(type_name(spec.type)),
                     py::arg("default") = param_value(spec.default_value()), py::arg("unit") = std::string(spec.unit),
                     py::arg("min") = spec.has_range() ? py::object(py::float_(spec.min)) : py::none(),
                     py::arg("max") = spec.has_range() ? py::object(py::float_(spec.max)) : py::none(),
                     py::arg("doc_en") = std::string(spec.doc_en), py::arg("doc_zh") = std::string(spec.doc_zh),
                     py::arg("source") = std::string(spec.source)));
    return rows;
}

py::list outcome_rows() {
    py::list rows;
    for (const auto& o : outcome_table())
        rows.append(py::dict(py::arg("name") = std::string(o.name), py::arg("kind") = std::string(kind_name(o.kind)),
                             py::arg("by_street") = o.by_street, py::arg("by_org_type") = o.by_org_type,
                             py::arg("units") = std::string(o.units), py::arg("long_name") = std::string(o.long_en),
                             py::arg("long_name_zh") = std::string(o.long_zh),
                             py::arg("description") = std::string(o.description)));
    return rows;
}

py::list strategy_rows() {
    py::list rows;
    for (const auto& s : strategy_registry())
        rows.append(py::dict(py::arg("name") = std::string(s.name), py::arg("title_en") = std::string(s.title_en),
                             py::arg("title_zh") = std::string(s.title_zh),
                             py::arg("summary") = std::string(s.summary)));
    return rows;
}

py::dict scenario_contents(const std::string& file, const py::dict& overrides) {
    const Scenario s = prepare(file, overrides, std::nullopt, std::nullopt);
    py::dict params;
    for (const auto& spec : param_table()) params[py::str(std::string(spec.key))] = param_value(spec.get(s.params));
    return py::dict(py::arg("name") = s.meta.name, py::arg("title_en") = s.meta.title_en,
                    py::arg("title_zh") = s.meta.title_zh, py::arg("description_en") = s.meta.description_en,
                    py::arg("description_zh") = s.meta.description_zh, py::arg("file") = s.file,
                    py::arg("params") = params, py::arg("toml") = s.resolved_toml());
}

}  // namespace

PYBIND11_MODULE(_jiceng, m) {
    m.doc() = "jiceng (基层) library bindings; use the jiceng package (docs/python.md)";
    static py::exception<InputError> input_error(m, "InputError", PyExc_ValueError);
    static py::exception<RunFileError> run_file_error(m, "RunFileError", PyExc_OSError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const InputError& e) {
            py::list diagnostics;
            for (const auto& d : e.diagnostics()) diagnostics.append(py::make_tuple(d.file, d.line, d.key, d.message));
            py::object type = input_error;
            py::object error = type(e.what());
            error.attr("diagnostics") = diagnostics;
            PyErr_SetObject(input_error.ptr(), error.ptr());
        } catch (const RunFileError& e) {
            PyErr_SetString(run_file_error.ptr(), e.what());
        }
    });
    m.def("version", [] { return std::string(version()); });
    m.def("git_commit", [] { return std::string(git_commit()); });
    m.def("simulate", &simulate, py::arg("scenario"), py::arg("days"), py::arg("seed"), py::arg("replicate"),
          py::arg("threads"), py::arg("overrides"), py::arg("out"), py::arg("progress"));
    m.def("compare", &compare, py::arg("a"), py::arg("b"), py::arg("replicates"), py::arg("days"), py::arg("seed"),
          py::arg("threads"), py::arg("overrides"), py::arg("overrides_a"), py::arg("overrides_b"), py::arg("out_dir"),
          py::arg("progress"));
    m.def("sweep", &sweep, py::arg("experiment"), py::arg("out"), py::arg("jobs"), py::arg("keep_runs"),
          py::arg("progress"));
    m.def("check_run", &check_run, py::arg("path"));
    m.def("check_results", &check_results, py::arg("path"));
    m.def("parameter_table", &parameter_table);
    m.def("outcome_table", &outcome_rows);
    m.def("strategy_table", &strategy_rows);
    m.def("scenario", &scenario_contents, py::arg("scenario"), py::arg("overrides"));
}
