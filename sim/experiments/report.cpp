#include "sim/experiments/report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "sim/core/calendar.hpp"
#include "sim/core/version.hpp"
#include "sim/experiments/calibrate.hpp"
#include "sim/experiments/compare.hpp"
#include "sim/experiments/experiment.hpp"
#include "sim/experiments/report_svg.hpp"
#include "sim/experiments/sensitivity.hpp"
#include "sim/experiments/sweep.hpp"
#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_reader.hpp"
#include "sim/io/run_writer.hpp"
#include "sim/model/results.hpp"
#include "sim/params/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace jiceng {

namespace fs = std::filesystem;
using svg::escape;

namespace {

// ---- inputs ----

// Replicates of one scenario, read from run files.
struct RunGroup {
    std::vector<RunData> runs;
    Params params;  // from the first file's resolved scenario
    bool params_known = false;
    const RunData& first() const { return runs.front(); }
};

struct Inputs {
    std::vector<RunGroup> groups;
    std::vector<SweepResults> sweeps;
    std::vector<CalibrationSummary> calibrations;
    std::vector<std::string> listed;  // every input, for provenance
};

// The resolved scenario a run file records (the reader does not keep it).
std::string scenario_toml_of(const fs::path& file) {
    h5::silence_errors();
    const hid_t id = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id < 0) return {};
    h5::Handle handle(id, H5Fclose, "open " + file.string());
    return h5::has_attr(handle, "scenario_toml") ? h5::read_attr_string(handle, "scenario_toml") : std::string();
}

std::optional<Params> params_of(const std::string& toml_text, const std::string& where) {
    if (toml_text.empty()) return std::nullopt;
    try {
        return parse_scenario(toml_text, where).params;
    } catch (const InputError&) {
        return std::nullopt;  // written by another version: leave the parameters out
    }
}

Inputs read_inputs(const std::vector<fs::path>& paths) {
    Inputs in;
    std::vector<RunData> runs;
    std::vector<Diagnostic> problems;
    auto add_run = [&](const fs::path& file) { runs.push_back(read_run(file)); };
    for (const auto& path : paths) {
        std::error_code ec;
        try {
            if (fs::is_directory(path, ec)) {
                if (is_sweep(path)) {
                    in.sweeps.push_back(read_sweep(path));
                    in.listed.push_back(path.string() + " (sweep)");
                } else if (is_calibration(path)) {
                    in.calibrations.push_back(read_calibration(path));
                    in.listed.push_back(path.string() + " (calibration)");
                } else {
                    std::vector<fs::path> files;
                    for (const auto& entry : fs::directory_iterator(path, ec))
                        if (entry.path().extension() == ".h5") files.push_back(entry.path());
                    std::sort(files.begin(), files.end());
                    if (files.empty()) {
                        if (fs::exists(path / "journal.bin", ec))
                            problems.push_back({path.string(), 0, "",
                                                "is an unfinished sweep (no results.h5): run the same `jiceng sweep` "
                                                "command again to complete it"});
                        else
                            problems.push_back(
                                {path.string(), 0, "", "holds no run files, results.h5 or calibration.toml"});
                        continue;
                    }
                    for (const auto& f : files) add_run(f);
                    in.listed.push_back(path.string() + " (" + std::to_string(files.size()) + " run files)");
                }
            } else if (fs::exists(path, ec)) {
                if (is_sweep(path)) {
                    in.sweeps.push_back(read_sweep(path));
                    in.listed.push_back(path.string() + " (sweep)");
                } else {
                    add_run(path);
                    in.listed.push_back(path.string() + " (run)");
                }
            } else {
                problems.push_back({path.string(), 0, "", "no such file or directory"});
            }
        } catch (const InputError& e) {
            for (const auto& d : e.diagnostics()) problems.push_back(d);
        } catch (const std::exception& e) {
            // Reader errors already begin with the file they are about (perhaps one inside `path`).
            std::string message = e.what();
            std::string file = path.string();
            if (const auto colon = message.find(": ");
                colon != std::string::npos && fs::exists(message.substr(0, colon), ec)) {
                file = message.substr(0, colon);
                message.erase(0, colon + 2);
            }
            problems.push_back({file, 0, "", message});
        }
    }
    if (!problems.empty()) throw InputError(problems);
    // Replicates of one scenario (same name and length) form one group, in order of appearance.
    for (auto& run : runs) {
        auto it = std::find_if(in.groups.begin(), in.groups.end(), [&](const RunGroup& g) {
            return g.first().scenario_name == run.scenario_name && g.first().day == run.day &&
                   g.first().streets() == run.streets();
        });
        if (it == in.groups.end()) {
            RunGroup g;
            if (auto p = params_of(scenario_toml_of(run.path), run.path)) {
                g.params = *p;
                g.params_known = true;
            }
            in.groups.push_back(std::move(g));
            it = in.groups.end() - 1;
        }
        it->runs.push_back(std::move(run));
    }
    return in;
}

// ---- text helpers ----

// Both languages; CSS shows the one chosen.
std::string bi(const std::string& zh, const std::string& en) {
    return "<span class=\"zh\">" + zh + "</span><span class=\"en\">" + en + "</span>";
}
std::string bi_text(const std::string& zh, const std::string& en) {
    return bi(escape(zh.empty() ? en : zh), escape(en.empty() ? zh : en));
}

std::string group_label(const RunGroup& g) {
    return g.first().scenario_name;
}

std::vector<std::string> headline_outcomes() {
    return {"trust_mean",         "satisfaction_mean", "members_active_share", "needs_backlog",
            "needs_resolved",     "building_groups",   "volunteers_nonmember", "mutual_help_ties_per_resident",
            "functional_coverage"};
}

const OutcomeSpec* outcome_spec(const std::string& name) {
    for (const auto& o : outcome_table())
        if (o.name == name) return &o;
    return nullptr;
}

std::string outcome_title(const std::string& name) {
    const OutcomeSpec* o = outcome_spec(name);
    if (!o) return escape(name);
    return bi(escape(std::string(o->long_zh)), escape(std::string(o->long_en))) + " <code>" + escape(name) + "</code>";
}

// Time axes: ticks on the first day of quarters (or of years, for long runs),
// labelled with the calendar month, by the calendar every front end uses.
void date_axis(svg::Axes& axes, const RunData& run) {
    if (!Calendar::parse(run.start_date) || run.time_points() == 0) return;
    const Calendar calendar(run.start_date);
    const std::int64_t last = run.last_day();
    axes.x_label = [calendar, last](double day) {
        return calendar.iso(std::llround(std::clamp(day, 0.0, static_cast<double>(last)))).substr(0, 7);
    };
    std::vector<double> quarters, years;
    for (std::int64_t d = 0; d <= last; ++d) {
        if (!calendar.is_month_start(d)) continue;
        const unsigned month = unsigned(calendar.date(d).month());
        if (month == 1) years.push_back(static_cast<double>(d));
        if (month % 3 == 1) quarters.push_back(static_cast<double>(d));
    }
    if (quarters.size() <= 8)
        axes.x_ticks = quarters;
    else {
        const std::size_t step = (years.size() + 7) / 8;
        for (std::size_t k = 0; k < years.size(); k += step) axes.x_ticks.push_back(years[k]);
    }
    if (axes.x_ticks.size() < 2) axes.x_ticks.clear();  // a short run: plain day numbers read better
    if (axes.x_ticks.empty()) axes.x_label = nullptr;
}

std::string legend(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out = "<p class=\"legend\">";
    for (const auto& [colour, label] : entries)
        out += "<span><i style=\"background:" + colour + "\"></i>" + label + "</span>";
    return out + "</p>";
}

// ---- sections ----

std::string css() {
    return R"(
:root{--ink:#1d2430;--muted:#5b6576;--line:#d6dbe3;--bg:#fbfcfd;--accent:#b3282d}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--ink);background:var(--bg);line-height:1.5}
header{background:#fff;border-bottom:3px solid var(--accent);padding:18px 32px 12px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:var(--muted);font-size:13px}
main{max-width:1100px;margin:0 auto;padding:8px 32px 48px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 20px;margin:18px 0}
h2{font-size:19px;margin:4px 0 10px;border-left:4px solid var(--accent);padding-left:8px}
h3{font-size:15px;margin:16px 0 4px}
table{border-collapse:collapse;font-size:13px;margin:6px 0 10px}
th,td{border-bottom:1px solid var(--line);padding:3px 10px 3px 0;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:12px;color:var(--muted)}
.note{color:var(--muted);font-size:12.5px}
.charts{display:flex;flex-wrap:wrap;gap:6px 24px}
.charts figure{margin:0}
svg.chart{background:#fff;max-width:100%;height:auto}
svg .grid{stroke:#eceff3}
svg .axis{stroke:#7a8494}
svg .tick{font-size:11px;fill:#4a5361}
svg .title{font-size:12px;fill:#2b3340}
svg .line{fill:none;stroke-width:1.8}
svg .band{opacity:.18}
svg .err{stroke-width:1.2;opacity:.7}
svg .whisker{stroke:#222;stroke-width:1.2}
.legend{font-size:12.5px;margin:2px 0 8px}
.legend span{margin-right:16px;white-space:nowrap}
.legend i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px;border-radius:2px}
.langs{position:absolute;top:18px;right:32px;font-size:13px}
.langs label{border:1px solid var(--line);padding:3px 10px;cursor:pointer;background:#fff}
input.lang{position:absolute;opacity:0;pointer-events:none}
#lang-zh:checked~main .en,#lang-zh:checked~header .en{display:none}
#lang-en:checked~main .zh,#lang-en:checked~header .zh{display:none}
#lang-zh:checked~header label[for=lang-zh],#lang-en:checked~header label[for=lang-en]{background:var(--accent);color:#fff;border-color:var(--accent)}
.good{color:#1b7a35}.bad{color:var(--accent)}.sig{font-weight:700}
)";
}

std::string section_inputs(const Inputs& in) {
    std::ostringstream out;
    out << "<section><h2>" << bi("概览", "Overview") << "</h2><p>"
        << bi("本报告汇总了以下模拟结果。每个情景的多次重复使用相同的随机种子序列（公共随机数），因此情景之间的差异来自"
              "策略与参数，而非随机抽样。",
              "This report summarises the simulations below. Replicates of every scenario use the same random-number "
              "keys "
              "(common random numbers), so differences between scenarios come from strategies and parameters, not from "
              "the draws.")
        << "</p><ul>";
    for (const auto& g : in.groups)
        out << "<li>" << bi("情景", "Scenario") << " <b>" << escape(group_label(g)) << "</b> — " << g.runs.size() << " "
            << bi("次重复", "replicate(s)") << ", " << g.first().days << " " << bi("天", "days") << "</li>";
    for (const auto& s : in.sweeps)
        out << "<li>" << bi("参数扫描", "Sweep") << " <b>" << escape(s.name) << "</b> — " << escape(s.method) << ", "
            << s.points << " " << bi("个设计点", "points") << " × " << s.replicates << " " << bi("次重复", "replicates")
            << "</li>";
    for (const auto& c : in.calibrations)
        out << "<li>" << bi("校准", "Calibration") << " <b>" << escape(c.scenario_name) << "</b> — " << c.params.size()
            << " " << bi("个参数", "parameter(s)") << ", " << c.fit.size() << " " << bi("个目标", "target(s)")
            << "</li>";
    out << "</ul></section>";
    return out.str();
}

std::string section_scenarios(const Inputs& in) {
    if (in.groups.empty() && in.sweeps.empty()) return {};
    std::ostringstream out;
    out << "<section><h2>" << bi("情景说明", "Scenarios") << "</h2>";
    for (const auto& g : in.groups) {
        const RunData& r = g.first();
        out << "<h3>"
            << bi_text(r.scenario_title_zh.empty() ? r.scenario_name : r.scenario_title_zh,
                       r.scenario_title_en.empty() ? r.scenario_name : r.scenario_title_en)
            << " <code>" << escape(r.scenario_name) << "</code></h3>";
        out << "<p>" << bi_text(r.scenario_description_zh, r.scenario_description_en) << "</p>";
        out << "<p class=\"note\">" << bi("起始日期", "Start") << " " << escape(r.start_date) << " · " << r.days << " "
            << bi("天", "days") << " · " << g.runs.size() << " " << bi("次重复", "replicate(s)") << " · " << r.streets()
            << " " << bi("个街道", "street(s)") << "</p>";
    }
    for (const auto& s : in.sweeps) {
        out << "<h3>" << bi_text(s.title_zh.empty() ? s.name : s.title_zh, s.title_en.empty() ? s.name : s.title_en)
            << " <code>" << escape(s.name) << "</code></h3><p>" << bi_text(s.description_zh, s.description_en)
            << "</p>";
        out << "<p class=\"note\">" << bi("基础情景", "Base scenario") << " <code>" << escape(s.scenario_name)
            << "</code> · " << bi("设计", "design") << " " << escape(s.method) << " · " << s.days << " "
            << bi("天", "days") << "</p>";
    }
    out << "</section>";
    return out.str();
}

std::string param_value_text(const Params& p, const ParamSpec& spec) {
    const ParamValue v = spec.get(p);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", std::get<double>(v));
    return text;
}

std::string section_parameters(const Inputs& in) {
    // Columns: every run group, every sweep's base (varied parameters shown as
    // ranges), every calibration's fitted scenario.
    struct Column {
        std::string label;
        Params params;
        std::map<std::string, std::string> overrides;  // key -> text shown instead
    };
    std::vector<Column> columns;
    for (const auto& g : in.groups)
        if (g.params_known) columns.push_back({group_label(g), g.params, {}});
    for (const auto& s : in.sweeps)
        if (auto p = params_of(s.scenario_toml, s.path)) {
            Column c{s.name + " (sweep)", *p, {}};
            for (const auto& vp : s.params) c.overrides[vp.key] = svg::number(vp.min) + " … " + svg::number(vp.max);
            columns.push_back(c);
        }
    for (const auto& c : in.calibrations) {
        try {
            columns.push_back({c.scenario_name + " (fitted)", load_scenario(c.overlay).params, {}});
        } catch (const std::exception&) {
            // The overlay's base has moved: its fitted values are in the calibration section.
        }
    }
    std::ostringstream out;
    out << "<section><h2>" << bi("参数差异", "Parameters that differ") << "</h2>";
    if (columns.size() < 2) {
        out << "<p class=\"note\">"
            << bi("只有一个情景，没有可比较的参数。", "Only one scenario: no parameters to compare.")
            << "</p></section>";
        return out.str();
    }
    out << "<table><tr><th>" << bi("参数", "Parameter") << "</th><th>" << bi("说明", "Meaning") << "</th>";
    for (const auto& c : columns) out << "<th class=\"num\">" << escape(c.label) << "</th>";
    out << "</tr>";
    int rows = 0;
    for (const auto& spec : param_table()) {
        const std::string key(spec.key);
        if (key == "run.seed") continue;
        std::set<std::string> seen;
        std::vector<std::string> cells;
        for (const auto& c : columns) {
            const auto it = c.overrides.find(key);
            cells.push_back(it != c.overrides.end() ? it->second : param_value_text(c.params, spec));
            seen.insert(cells.back());
        }
        if (seen.size() < 2) continue;
        ++rows;
        out << "<tr><td><code>" << escape(key) << "</code></td><td>"
            << bi_text(std::string(spec.doc_zh), std::string(spec.doc_en)) << "</td>";
        for (const auto& cell : cells) out << "<td class=\"num\">" << escape(cell) << "</td>";
        out << "</tr>";
    }
    out << "</table>";
    if (rows == 0) out << "<p class=\"note\">" << bi("所有参数相同。", "All parameters are the same.") << "</p>";
    out << "</section>";
    return out.str();
}

// Mean and min-max band over replicates; flows as 30-day trailing averages.
struct Trajectory {
    std::vector<double> x, mean, lo, hi;
};

Trajectory trajectory(const RunGroup& g, const std::string& outcome, bool& is_flow) {
    Trajectory t;
    const RunOutcome* first = g.first().find_outcome(outcome);
    if (!first) return t;
    is_flow = first->info.kind == "flow" || first->info.kind == "mean";
    const std::size_t n = g.first().time_points();
    const std::size_t stride = std::max<std::size_t>(1, n / 400);  // about 400 points per line
    std::vector<std::vector<double>> smoothed;
    for (const auto& run : g.runs) {
        const RunOutcome* o = run.find_outcome(outcome);
        if (!o) continue;
        std::vector<double> v = o->values;
        if (is_flow) {
            std::vector<double> avg(n, std::nan(""));
            double window = 0;
            for (std::size_t d = 1; d < n; ++d) {
                window += o->values[d];
                if (d > 30) window -= o->values[d - 30];
                avg[d] = window / static_cast<double>(std::min<std::size_t>(d, 30));
            }
            v = avg;
        }
        smoothed.push_back(std::move(v));
    }
    for (std::size_t d = is_flow ? 1 : 0; d < n; d += stride) {
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        for (const auto& v : smoothed) {
            sum += v[d];
            lo = std::min(lo, v[d]);
            hi = std::max(hi, v[d]);
        }
        t.x.push_back(g.first().day[d]);
        t.mean.push_back(sum / static_cast<double>(smoothed.size()));
        t.lo.push_back(lo);
        t.hi.push_back(hi);
    }
    return t;
}

std::string section_trajectories(const Inputs& in, const std::vector<std::string>& outcomes) {
    if (in.groups.empty()) return {};
    std::ostringstream out;
    out << "<section><h2>" << bi("结果轨迹", "Outcome trajectories") << "</h2><p class=\"note\">"
        << bi("线为各次重复的平均值，阴影为重复之间的范围（最小至最大）。流量指标（每日事件数）显示为30天滑动平均。",
              "Lines are means over replicates; shading is the range over replicates (min to max). Flows (events per "
              "day) are shown as 30-day trailing averages.")
        << "</p>";
    std::vector<std::pair<std::string, std::string>> entries;
    for (std::size_t k = 0; k < in.groups.size(); ++k) {
        const RunData& r = in.groups[k].first();
        entries.push_back(
            {svg::colour(k), bi_text(r.scenario_title_zh.empty() ? r.scenario_name : r.scenario_title_zh,
                                     r.scenario_title_en.empty() ? r.scenario_name : r.scenario_title_en)});
    }
    out << legend(entries) << "<div class=\"charts\">";
    for (const auto& name : outcomes) {
        std::vector<svg::Series> series;
        bool is_flow = false;
        std::string units;
        for (std::size_t k = 0; k < in.groups.size(); ++k) {
            const Trajectory t = trajectory(in.groups[k], name, is_flow);
            if (t.x.empty()) continue;
            units = in.groups[k].first().find_outcome(name)->info.units;
            series.push_back({svg::colour(k), t.x, t.mean, t.lo, t.hi, false, {}, {}});
        }
        if (series.empty()) continue;
        svg::Axes axes;
        date_axis(axes, in.groups.front().first());
        axes.y_title = units + (is_flow ? " / day (30-day avg)" : "");
        out << "<figure><h3>" << outcome_title(name) << "</h3>" << svg::line_chart(series, axes, 480, 230)
            << "</figure>";
    }
    out << "</div></section>";
    return out.str();
}

std::vector<std::vector<double>> finals_of(const RunGroup& g) {
    std::vector<std::vector<double>> finals;
    for (const auto& run : g.runs) {
        Results res;
        res.days = run.day;
        res.district.resize(kOutcomes);
        for (int k = 0; k < kOutcomes; ++k) {
            const RunOutcome* o = run.find_outcome(outcome_table()[static_cast<std::size_t>(k)].name);
            res.district[static_cast<std::size_t>(k)] =
                o ? o->values : std::vector<double>(run.time_points(), std::nan(""));
        }
        std::vector<double> f(kOutcomes);
        for (int k = 0; k < kOutcomes; ++k)
            f[static_cast<std::size_t>(k)] = summary_value(res, static_cast<Outcome>(k));
        finals.push_back(std::move(f));
    }
    return finals;
}

std::string section_differences(const Inputs& in, const std::vector<std::string>& outcomes) {
    if (in.groups.size() < 2) return {};
    std::ostringstream out;
    out << "<section><h2>" << bi("情景对比（B − A）", "A/B differences (B − A)") << "</h2><p class=\"note\">"
        << bi("A为第一个情景。按重复配对计算差值（公共随机数），区间为配对差均值的95%"
              "置信区间（t分布）。存量取最后一天的值，流量取全期合计，均值取全期平均。条形图为相对于A的百分比差异。",
              "A is the first scenario. Differences are paired by replicate (common random numbers); intervals are 95% "
              "t intervals of the mean "
              "paired difference. Stocks are taken on the last day, flows summed over all days, means averaged over "
              "the days. The bars show the "
              "difference as a percentage of A.")
        << "</p>";
    const RunGroup& a = in.groups.front();
    const auto finals_a = finals_of(a);
    for (std::size_t k = 1; k < in.groups.size(); ++k) {
        const RunGroup& b = in.groups[k];
        out << "<h3>A = <code>" << escape(group_label(a)) << "</code>, B = <code>" << escape(group_label(b))
            << "</code></h3>";
        if (b.runs.size() != a.runs.size() || b.first().day != a.first().day) {
            out << "<p class=\"note\">"
                << bi("重复次数或天数不同，无法配对比较。",
                      "Different replicate counts or lengths: no paired comparison.")
                << "</p>";
            continue;
        }
        bool paired = true;
        for (std::size_t r = 0; r < a.runs.size(); ++r)
            paired = paired && a.runs[r].seed == b.runs[r].seed && a.runs[r].replicate == b.runs[r].replicate;
        const Comparison cmp = compare_finals(finals_a, finals_of(b), a.first().days);
        if (!paired)
            out << "<p class=\"note bad\">"
                << bi("注意：两组重复的随机种子不同，未使用公共随机数。",
                      "Note: the replicates do not share seeds, so they are not common random numbers.")
                << "</p>";
        out << "<table><tr><th>" << bi("指标", "Outcome")
            << "</th><th class=\"num\">A</th><th class=\"num\">B</th><th class=\"num\">B − A</th><th class=\"num\">"
            << bi("95%区间", "95% interval") << "</th></tr>";
        std::vector<svg::Bar> bars;
        for (const auto& name : outcomes) {
            const auto it = std::find_if(cmp.outcomes.begin(), cmp.outcomes.end(),
                                         [&](const Difference& d) { return d.outcome == name; });
            if (it == cmp.outcomes.end()) continue;
            const Difference& d = *it;
            const bool significant = std::isfinite(d.lo) && (d.lo > 0 || d.hi < 0);
            out << "<tr><td>" << outcome_title(name) << "</td><td class=\"num\">" << svg::number(d.a)
                << "</td><td class=\"num\">" << svg::number(d.b) << "</td><td class=\"num"
                << (significant ? " sig" : "") << "\">" << svg::number(d.diff) << "</td><td class=\"num\">"
                << (std::isfinite(d.lo) ? "[" + svg::number(d.lo) + ", " + svg::number(d.hi) + "]" : std::string("–"))
                << "</td></tr>";
            if (d.a != 0 && std::isfinite(d.a)) {
                const double scale = 100.0 / std::abs(d.a);
                bars.push_back({name, d.diff * scale, d.lo * scale, d.hi * scale, svg::colour(k), NAN, NAN, NAN, ""});
            }
        }
        out << "</table>";
        if (!bars.empty()) out << svg::bar_chart(bars, "% of A");
    }
    out << "</section>";
    return out.str();
}

std::string section_sweep(const SweepResults& s, const std::vector<std::string>& wanted, int bootstrap) {
    std::ostringstream out;
    out << "<section><h2>" << bi("参数扫描：", "Sweep: ") << escape(s.name) << "</h2>";
    out << "<p class=\"note\">" << bi("设计", "Design") << " <b>" << escape(s.method) << "</b>, " << s.points << " "
        << bi("个设计点", "points") << " × " << s.replicates << " " << bi("次重复", "replicates") << "; "
        << bi("每个点使用相同的随机种子（公共随机数）。点为各重复平均值，竖线为重复之间的范围。取值日：",
              "every point uses the same seeds (common random numbers). Dots are replicate means, bars the range over "
              "replicates. Values on day ")
        << s.sample_days.back() << " (" << escape(s.dates.back()) << "). "
        << bi("存量为当日值，流量为第1天至当日合计。",
              "Stocks are the day's value, flows totals over days 1 to that day.")
        << "</p>";
    std::vector<std::size_t> outcomes;
    for (const auto& name : wanted)
        if (const int k = s.outcome_index(name); k >= 0) outcomes.push_back(static_cast<std::size_t>(k));
    if (outcomes.empty())
        for (std::size_t k = 0; k < std::min<std::size_t>(4, s.outcomes.size()); ++k) outcomes.push_back(k);
    outcomes.resize(std::min<std::size_t>(outcomes.size(), 6));
    const std::size_t day = s.sample_days.size() - 1;
    const std::size_t params = std::min<std::size_t>(s.params.size(), 6);
    // At most about eight response charts: the first outcomes for every parameter.
    const std::size_t response_outcomes =
        std::clamp<std::size_t>(8 / std::max<std::size_t>(params, 1), 1, outcomes.size());
    out << "<h3>" << bi("响应曲线", "Response curves") << "</h3><div class=\"charts\">";
    for (std::size_t n = 0; n < response_outcomes; ++n) {
        const std::size_t k = outcomes[n];
        for (std::size_t i = 0; i < params; ++i) {
            const auto& p = s.params[i];
            svg::Series series;
            series.colour = svg::colour(i);
            series.points = true;
            std::vector<std::size_t> order(s.points);
            for (std::size_t q = 0; q < s.points; ++q) order[q] = q;
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return p.values[a] < p.values[b]; });
            for (auto q : order) {
                double lo = INFINITY, hi = -INFINITY;
                for (std::size_t r = 0; r < static_cast<std::size_t>(s.replicates); ++r) {
                    lo = std::min(lo, s.at(q, r, day, k));
                    hi = std::max(hi, s.at(q, r, day, k));
                }
                series.x.push_back(p.values[q]);
                series.y.push_back(s.mean(q, day, k));
                series.err_lo.push_back(lo);
                series.err_hi.push_back(hi);
            }
            std::vector<svg::Series> all{series};
            // A one-parameter grid reads best as a line through the means.
            if (s.params.size() == 1) {
                svg::Series line = series;
                line.points = false;
                line.err_lo.clear();
                line.err_hi.clear();
                all.push_back(line);
            }
            svg::Axes axes;
            axes.x_title = p.key;
            axes.y_title = s.outcome_units[k];
            out << "<figure><h3>" << outcome_title(s.outcomes[k]) << "</h3>" << svg::line_chart(all, axes, 480, 230)
                << "</figure>";
        }
    }
    out << "</div>";
    if (s.method == "morris" || s.method == "sobol") {
        const bool morris = s.method == "morris";
        out << "<h3>" << bi("敏感性分析", "Sensitivity") << "</h3><p class=\"note\">"
            << (morris
                    ? bi("Morris法：粗条为μ*"
                         "（效应绝对值的平均，参数从最小变到最大时结果的变化），细条为σ（交互或非线性）；横线为μ*的95% "
                         "bootstrap区间。",
                         "Morris: the thick bar is μ* (mean absolute elementary effect: change in the outcome across "
                         "the parameter's full range), "
                         "the thin bar σ (interactions or non-linearity); whiskers are 95% bootstrap intervals of μ*.")
                    : bi("Sobol法：粗条为一阶指数S1（单独解释的方差比例），细条为总效应指数ST（含交互）；横线为95% "
                         "bootstrap区间。",
                         "Sobol': the thick bar is the first-order index S1 (share of variance explained alone), the "
                         "thin bar the total index ST "
                         "(including interactions); whiskers are 95% bootstrap intervals."))
            << "</p>" << legend({{svg::colour(0), morris ? "μ*" : "S1"}, {svg::colour(3), morris ? "σ" : "ST"}})
            << "<div class=\"charts\">";
        for (auto k : outcomes) {
            const SensitivityTable t = sweep_sensitivity(s, k, day, bootstrap);
            std::vector<svg::Bar> bars;
            for (std::size_t i = 0; i < t.params.size(); ++i) {
                if (morris) {
                    const auto& m = t.morris[i];
                    bars.push_back({t.params[i], m.mu_star, m.mu_star_lo, m.mu_star_hi, svg::colour(0), m.sigma, NAN,
                                    NAN, svg::colour(3)});
                } else {
                    const auto& x = t.sobol[i];
                    bars.push_back({t.params[i], x.first, x.first_lo, x.first_hi, svg::colour(0), x.total, x.total_lo,
                                    x.total_hi, svg::colour(3)});
                }
            }
            out << "<figure><h3>" << outcome_title(t.outcome) << "</h3>"
                << svg::bar_chart(bars, morris ? s.outcome_units[k] + " per full range" : "share of variance", 480)
                << "</figure>";
        }
        out << "</div>";
    }
    out << "</section>";
    return out.str();
}

std::string section_calibration(const CalibrationSummary& c) {
    std::ostringstream out;
    out << "<section><h2>" << bi("校准：", "Calibration: ") << escape(c.scenario_name) << "</h2><p class=\"note\">"
        << bi("损失为各目标（模拟值−观测值）/容差的平方和；每次评估运行",
              "The loss is the sum over targets of ((simulated − observed) / tolerance)²; each evaluation ran ")
        << c.replicates << bi("次重复（公共随机数）。共", " replicates (common random numbers); ") << c.evaluations
        << bi("次评估，损失 ", " evaluations, loss ") << svg::number(c.initial_loss) << " → " << svg::number(c.loss)
        << ". " << bi("拟合结果见", "The fitted scenario is") << " <code>" << escape(c.overlay) << "</code>.</p>";
    out << "<table><tr><th>" << bi("参数", "Parameter") << "</th><th class=\"num\">" << bi("初始值", "Initial")
        << "</th><th class=\"num\">" << bi("拟合值", "Fitted") << "</th></tr>";
    for (const auto& [key, values] : c.params)
        out << "<tr><td><code>" << escape(key) << "</code></td><td class=\"num\">" << svg::number(values.first)
            << "</td><td class=\"num\"><b>" << svg::number(values.second) << "</b></td></tr>";
    out << "</table><table><tr><th>" << bi("目标", "Target") << "</th><th>" << bi("时期", "Period")
        << "</th><th class=\"num\">" << bi("观测值", "Observed") << "</th><th class=\"num\">" << bi("容差", "Tolerance")
        << "</th><th class=\"num\">" << bi("模拟值", "Simulated") << "</th><th class=\"num\">z</th></tr>";
    std::vector<svg::Bar> bars;
    for (const auto& row : c.fit) {
        const bool fits = std::abs(row.z) <= 1;
        out << "<tr><td>" << escape(row.label) << "</td><td>" << escape(row.period) << "</td><td class=\"num\">"
            << svg::number(row.observed) << "</td><td class=\"num\">" << svg::number(row.tolerance)
            << "</td><td class=\"num\">" << svg::number(row.simulated) << "</td><td class=\"num "
            << (fits ? "good" : "bad") << "\">" << svg::number(row.z) << "</td></tr>";
        bars.push_back(
            {row.label + " (" + row.period + ")", row.z, NAN, NAN, fits ? "#2ca02c" : "#d62728", NAN, NAN, NAN, ""});
    }
    out << "</table><div class=\"charts\"><figure><h3>"
        << bi("标准化残差 z =（模拟−观测）/容差", "Standardised residuals z = (simulated − observed) / tolerance")
        << "</h3>" << svg::bar_chart(bars, "z", 480) << "</figure>";
    if (!c.loss_history.empty()) {
        svg::Series best{svg::colour(0), {}, {}, {}, {}, false, {}, {}};
        double so_far = INFINITY;
        for (std::size_t k = 0; k < c.loss_history.size(); ++k) {
            so_far = std::min(so_far, c.loss_history[k]);
            best.x.push_back(static_cast<double>(k + 1));
            best.y.push_back(std::log10(std::max(so_far, 1e-12)));
        }
        svg::Axes axes;
        axes.x_title = "evaluation";
        axes.y_title = "log10 best loss";
        out << "<figure><h3>" << bi("优化过程", "Search") << "</h3>" << svg::line_chart({best}, axes, 480, 230)
            << "</figure>";
    }
    out << "</div></section>";
    return out.str();
}

std::string section_provenance(const Inputs& in) {
    std::ostringstream out;
    out << "<section><h2>" << bi("来源与可重复性", "Provenance") << "</h2><p class=\"note\">"
        << bi("每次模拟的结果只取决于情景、随机种子和重复编号；用下列文件和命令可以完全重现。",
              "Each simulation's results depend only on its scenario, seed and replicate number; the files below "
              "reproduce them exactly.")
        << "</p><table><tr><th>" << bi("输入", "Input") << "</th><th>" << bi("版本", "Version") << "</th><th>"
        << bi("种子 / 重复", "Seed / replicates") << "</th></tr>";
    for (const auto& g : in.groups) {
        std::string replicates;
        for (const auto& r : g.runs) replicates += (replicates.empty() ? "" : ", ") + std::to_string(r.replicate);
        out << "<tr><td><code>" << escape(g.first().path) << "</code>"
            << (g.runs.size() > 1 ? " (+" + std::to_string(g.runs.size() - 1) + ")" : "") << "</td><td>"
            << escape(g.first().jiceng_version) << " <code>" << escape(g.first().git_commit) << "</code></td><td>"
            << g.first().seed << " / " << escape(replicates) << "</td></tr>";
    }
    for (const auto& s : in.sweeps)
        out << "<tr><td><code>" << escape(s.path) << "</code></td><td>" << escape(s.jiceng_version) << " <code>"
            << escape(s.git_commit) << "</code></td><td>" << s.seed << " / 0–" << s.replicates - 1 << "</td></tr>";
    for (const auto& c : in.calibrations)
        out << "<tr><td><code>" << escape(c.dir) << "</code> (" << escape(c.targets_file) << ")</td><td></td><td>"
            << c.replicates << " " << bi("次重复", "replicates") << "</td></tr>";
    out << "</table><p class=\"note\">" << bi("报告由", "Report made by") << " jiceng "
        << escape(std::string(version())) << " <code>" << escape(std::string(git_commit())) << "</code>, "
        << escape(utc_now_iso()) << ".</p></section>";
    return out.str();
}

}  // namespace

std::string build_report(const std::vector<fs::path>& paths, const ReportOptions& options) {
    if (paths.empty()) throw InputError({{"command line", 0, "inputs", "give at least one run file or directory"}});
    std::vector<Diagnostic> problems;
    for (const auto& name : options.outcomes)
        if (!outcome_spec(name)) {
            std::vector<std::string> names;
            for (const auto& o : outcome_table()) names.emplace_back(o.name);
            const std::string hint = did_you_mean(name, names);
            problems.push_back(
                {"command line", 0, "--outcomes",
                 "'" + name + "' is not an outcome" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")});
        }
    if (!problems.empty()) throw InputError(problems);
    const Inputs in = read_inputs(paths);
    const std::vector<std::string> outcomes = options.outcomes.empty() ? headline_outcomes() : options.outcomes;
    std::string title = options.title;
    // One input: its own title; several: a general one.
    std::string heading;
    if (title.empty()) {
        const std::size_t inputs = in.groups.size() + in.sweeps.size() + in.calibrations.size();
        if (inputs == 1 && !in.groups.empty()) {
            const RunData& r = in.groups.front().first();
            heading = bi_text(r.scenario_title_zh.empty() ? r.scenario_name : r.scenario_title_zh,
                              r.scenario_title_en.empty() ? r.scenario_name : r.scenario_title_en);
            title = r.scenario_title_zh.empty() ? r.scenario_name : r.scenario_title_zh;
        } else if (inputs == 1 && !in.sweeps.empty()) {
            const SweepResults& s = in.sweeps.front();
            heading = bi_text(s.title_zh.empty() ? s.name : s.title_zh, s.title_en.empty() ? s.name : s.title_en);
            title = s.title_zh.empty() ? s.name : s.title_zh;
        } else {
            heading = bi("基层党建模拟报告", "jiceng simulation report");
            title = "基层党建模拟报告 jiceng report";
        }
    } else {
        heading = escape(title);
    }
    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
            "content=\"width=device-width\">"
         << "<title>" << escape(title) << " — jiceng</title><style>" << css() << "</style></head><body>"
         << "<input class=\"lang\" type=\"radio\" name=\"lang\" id=\"lang-zh\" checked><input class=\"lang\" "
            "type=\"radio\" name=\"lang\" id=\"lang-en\">"
         << "<header><h1>" << heading << "</h1><p>" << bi("基层党建模拟报告", "jiceng simulation report") << " · "
         << escape(utc_now_iso().substr(0, 10))
         << "</p><nav class=\"langs\"><label for=\"lang-zh\">中文</label> <label "
            "for=\"lang-en\">English</label></nav></header><main>"
         << section_inputs(in) << section_scenarios(in) << section_parameters(in) << section_trajectories(in, outcomes)
         << section_differences(in, outcomes);
    for (const auto& s : in.sweeps) html << section_sweep(s, options.outcomes, options.bootstrap);
    for (const auto& c : in.calibrations) html << section_calibration(c);
    html << section_provenance(in) << "</main></body></html>\n";
    return html.str();
}

}  // namespace jiceng
