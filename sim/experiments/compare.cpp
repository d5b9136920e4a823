#include "sim/experiments/compare.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

#include "sim/params/params.hpp"
#include "sim/simulation/simulation.hpp"

namespace jiceng {

Results run_one(std::shared_ptr<const Model> model, std::uint64_t seed, std::uint64_t replicate, std::int64_t days,
                const std::function<void(std::int64_t)>& on_day,
                const std::function<void(const Simulation&)>& on_done) {
    Simulation sim(std::move(model), seed, replicate, days);
    sim.run(on_day);
    sim.finish();
    if (on_done) on_done(sim);
    return sim.results();
}

double summary_value(const Results& results, Outcome outcome) {
    const auto& series = results.district[static_cast<int>(outcome)];
    if (spec(outcome).kind == OutcomeKind::Stock || series.size() < 2) return series.back();
    if (spec(outcome).kind == OutcomeKind::Flow) {
        double total = 0;
        for (std::size_t d = 1; d < series.size(); ++d) total += series[d];  // day 0 has no events
        return total;
    }
    // A mean: weighted by the events it averages over.
    const auto& weight = results.district[static_cast<int>(mean_weight(outcome))];
    double sum = 0, weights = 0;
    for (std::size_t d = 1; d < series.size(); ++d) {
        sum += series[d] * weight[d];
        weights += weight[d];
    }
    return weights > 0 ? sum / weights : 0.0;
}

double student_t_975(int dof) {
    static constexpr double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                        2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                        2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (dof <= 0) return std::numeric_limits<double>::quiet_NaN();
    if (dof <= 30) return kTable[dof - 1];
    return 1.96 + 2.4 / dof;  // close to the t quantile beyond 30
}

Comparison compare_finals(const std::vector<std::vector<double>>& finals_a,
                          const std::vector<std::vector<double>>& finals_b, std::int64_t days) {
    Comparison c;
    c.replicates = static_cast<int>(finals_a.size());
    c.days = days;
    const double n = static_cast<double>(c.replicates);
    for (int k = 0; k < kOutcomes; ++k) {
        Difference d;
        d.outcome = std::string(outcome_table()[k].name);
        double sum_diff = 0;
        for (int r = 0; r < c.replicates; ++r) {
            d.a += finals_a[r][k] / n;
            d.b += finals_b[r][k] / n;
            sum_diff += finals_b[r][k] - finals_a[r][k];
        }
        d.diff = sum_diff / n;
        double ss = 0;
        for (int r = 0; r < c.replicates; ++r) {
            const double e = finals_b[r][k] - finals_a[r][k] - d.diff;
            ss += e * e;
        }
        const double half = c.replicates > 1 ? student_t_975(c.replicates - 1) * std::sqrt(ss / (n - 1) / n)
                                             : std::numeric_limits<double>::quiet_NaN();
        d.lo = d.diff - half;
        d.hi = d.diff + half;
        c.outcomes.push_back(d);
    }
    return c;
}

std::string Comparison::to_json(const std::string& a_name, const std::string& b_name) const {
    auto num = [](double x) { return std::isfinite(x) ? format_real(x) : std::string("null"); };
    auto str = [](const std::string& s) {
        std::string out = "\"";
        for (char ch : s) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        return out + "\"";
    };
    std::ostringstream out;
    out << "{\"a\": " << str(a_name) << ", \"b\": " << str(b_name) << ", \"replicates\": " << replicates
        << ", \"days\": " << days << ", \"outcomes\": {";
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
        const auto& d = outcomes[k];
        out << (k ? ", " : "") << str(d.outcome) << ": {\"a\": " << num(d.a) << ", \"b\": " << num(d.b)
            << ", \"diff\": " << num(d.diff) << ", \"lo\": " << num(d.lo) << ", \"hi\": " << num(d.hi) << "}";
    }
    out << "}}\n";
    return out.str();
}

}  // namespace jiceng
