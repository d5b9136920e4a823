#include "sim/experiments/report_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace jiceng::svg {

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string number(double value) {
    if (!std::isfinite(value)) return "–";
    char text[32];
    const double a = std::abs(value);
    if (a != 0 && (a >= 1e6 || a < 1e-3))
        std::snprintf(text, sizeof text, "%.2e", value);
    else if (a >= 1000)
        std::snprintf(text, sizeof text, "%.0f", value);
    else
        std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

const std::string& colour(std::size_t k) {
    static const std::vector<std::string> palette = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                                     "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
    return palette[k % palette.size()];
}

namespace {

std::string fixed(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

// About `count` round tick values covering [lo, hi].
std::vector<double> ticks(double lo, double hi, int count) {
    if (!(hi > lo)) return {lo};
    const double raw = (hi - lo) / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    std::vector<double> out;
    for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
        out.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return out;
}

struct Frame {
    double x0, x1, y0, y1;  // data ranges
    int left = 64, right = 30, top = 12, bottom = 42, width, height;
    double px(double x) const { return left + (x - x0) / (x1 - x0) * (width - left - right); }
    double py(double y) const { return height - bottom - (y - y0) / (y1 - y0) * (height - top - bottom); }
};

}  // namespace

std::string line_chart(const std::vector<Series>& series, const Axes& axes, int width, int height) {
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const auto& s : series) {
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
            x0 = std::min(x0, s.x[i]);
            x1 = std::max(x1, s.x[i]);
            double lo = s.y[i], hi = s.y[i];
            if (!s.lo.empty() && std::isfinite(s.lo[i])) lo = std::min(lo, s.lo[i]);
            if (!s.hi.empty() && std::isfinite(s.hi[i])) hi = std::max(hi, s.hi[i]);
            if (!s.err_lo.empty() && std::isfinite(s.err_lo[i])) lo = std::min(lo, s.err_lo[i]);
            if (!s.err_hi.empty() && std::isfinite(s.err_hi[i])) hi = std::max(hi, s.err_hi[i]);
            y0 = std::min(y0, lo);
            y1 = std::max(y1, hi);
        }
    }
    if (!std::isfinite(x0)) return "<p class=\"note\">(no data)</p>";
    if (axes.y_from_zero) y0 = std::min(y0, 0.0);
    if (x1 == x0) {
        x0 -= 0.5;
        x1 += 0.5;
    }
    if (y1 == y0) {
        const double pad = y0 == 0 ? 1.0 : std::abs(y0) * 0.1;
        y0 -= pad;
        y1 += pad;
    } else {
        const double pad = (y1 - y0) * 0.05;
        if (!(axes.y_from_zero && y0 == 0)) y0 -= pad;
        y1 += pad;
    }
    Frame f{x0, x1, y0, y1};
    f.width = width;
    f.height = height;
    std::ostringstream out;
    out << "<svg class=\"chart\" viewBox=\"0 0 " << width << " " << height << "\" width=\"" << width << "\" height=\""
        << height << "\" role=\"img\">";
    // Grid and axes.
    const auto y_ticks = ticks(y0, y1, 5);
    for (double t : y_ticks) {
        out << "<line class=\"grid\" x1=\"" << f.left << "\" x2=\"" << width - f.right << "\" y1=\"" << fixed(f.py(t))
            << "\" y2=\"" << fixed(f.py(t)) << "\"/>";
        out << "<text class=\"tick\" x=\"" << f.left - 6 << "\" y=\"" << fixed(f.py(t) + 4) << "\" text-anchor=\"end\">"
            << escape(number(t)) << "</text>";
    }
    const auto x_ticks = axes.x_ticks.empty() ? ticks(x0, x1, 6) : axes.x_ticks;
    for (double t : x_ticks) {
        if (t < x0 - 1e-9 || t > x1 + 1e-9) continue;
        const std::string label = axes.x_label ? axes.x_label(t) : number(t);
        out << "<line class=\"axis\" x1=\"" << fixed(f.px(t)) << "\" x2=\"" << fixed(f.px(t)) << "\" y1=\""
            << height - f.bottom << "\" y2=\"" << height - f.bottom + 4 << "\"/>";
        out << "<text class=\"tick\" x=\"" << fixed(f.px(t)) << "\" y=\"" << height - f.bottom + 16
            << "\" text-anchor=\"middle\">" << escape(label) << "</text>";
    }
    out << "<line class=\"axis\" x1=\"" << f.left << "\" x2=\"" << width - f.right << "\" y1=\"" << height - f.bottom
        << "\" y2=\"" << height - f.bottom << "\"/>";
    out << "<line class=\"axis\" x1=\"" << f.left << "\" x2=\"" << f.left << "\" y1=\"" << f.top << "\" y2=\""
        << height - f.bottom << "\"/>";
    if (!axes.x_title.empty())
        out << "<text class=\"title\" x=\"" << (f.left + width - f.right) / 2 << "\" y=\"" << height - 6
            << "\" text-anchor=\"middle\">" << escape(axes.x_title) << "</text>";
    if (!axes.y_title.empty())
        out << "<text class=\"title\" transform=\"translate(14," << (f.top + height - f.bottom) / 2
            << ") rotate(-90)\" text-anchor=\"middle\">" << escape(axes.y_title) << "</text>";
    // Bands first, then lines and points on top.
    for (const auto& s : series) {
        if (s.lo.empty() || s.hi.empty()) continue;
        std::ostringstream path;
        bool started = false;
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            if (!std::isfinite(s.hi[i])) continue;
            path << (started ? " L" : "M") << fixed(f.px(s.x[i])) << "," << fixed(f.py(s.hi[i]));
            started = true;
        }
        for (std::size_t i = s.x.size(); i-- > 0;) {
            if (!std::isfinite(s.lo[i])) continue;
            path << " L" << fixed(f.px(s.x[i])) << "," << fixed(f.py(s.lo[i]));
        }
        if (started) out << "<path class=\"band\" d=\"" << path.str() << " Z\" fill=\"" << s.colour << "\"/>";
    }
    for (const auto& s : series) {
        if (s.points) {
            for (std::size_t i = 0; i < s.x.size(); ++i) {
                if (!std::isfinite(s.y[i])) continue;
                if (!s.err_lo.empty() && std::isfinite(s.err_lo[i]) && std::isfinite(s.err_hi[i]))
                    out << "<line stroke=\"" << s.colour << "\" class=\"err\" x1=\"" << fixed(f.px(s.x[i]))
                        << "\" x2=\"" << fixed(f.px(s.x[i])) << "\" y1=\"" << fixed(f.py(s.err_lo[i])) << "\" y2=\""
                        << fixed(f.py(s.err_hi[i])) << "\"/>";
                out << "<circle cx=\"" << fixed(f.px(s.x[i])) << "\" cy=\"" << fixed(f.py(s.y[i]))
                    << "\" r=\"3\" fill=\"" << s.colour << "\"/>";
            }
            continue;
        }
        std::ostringstream points;
        for (std::size_t i = 0; i < s.x.size(); ++i)
            if (std::isfinite(s.y[i]))
                points << (points.tellp() > 0 ? " " : "") << fixed(f.px(s.x[i])) << "," << fixed(f.py(s.y[i]));
        out << "<polyline class=\"line\" stroke=\"" << s.colour << "\" points=\"" << points.str() << "\"/>";
    }
    out << "</svg>";
    return out.str();
}

std::string bar_chart(const std::vector<Bar>& bars, const std::string& x_title, int width) {
    double lo = 0, hi = 0;
    for (const auto& b : bars)
        for (double v : {b.value, b.lo, b.hi, b.second, b.second_lo, b.second_hi})
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    if (hi == lo) hi = lo + 1;
    const double pad = (hi - lo) * 0.05;
    hi += pad;
    if (lo < 0) lo -= pad;
    // Room for the longest label (about 6.2 px a character at 11 px), within reason.
    std::size_t longest = 0;
    for (const auto& b : bars) longest = std::max(longest, b.label.size());
    const int row = 26,
              label_width = std::clamp(static_cast<int>(6.2 * static_cast<double>(longest)) + 14, 60, width / 2);
    const int height = static_cast<int>(bars.size()) * row + 44;
    Frame f{lo, hi, 0, 1};
    f.left = label_width;
    f.width = width;
    f.height = height;
    std::ostringstream out;
    out << "<svg class=\"chart\" viewBox=\"0 0 " << width << " " << height << "\" width=\"" << width << "\" height=\""
        << height << "\" role=\"img\">";
    for (double t : ticks(lo, hi, 5)) {
        out << "<line class=\"grid\" x1=\"" << fixed(f.px(t)) << "\" x2=\"" << fixed(f.px(t)) << "\" y1=\"6\" y2=\""
            << height - 36 << "\"/>";
        out << "<text class=\"tick\" x=\"" << fixed(f.px(t)) << "\" y=\"" << height - 22 << "\" text-anchor=\"middle\">"
            << escape(number(t)) << "</text>";
    }
    out << "<line class=\"axis\" x1=\"" << fixed(f.px(0)) << "\" x2=\"" << fixed(f.px(0)) << "\" y1=\"6\" y2=\""
        << height - 36 << "\"/>";
    for (std::size_t k = 0; k < bars.size(); ++k) {
        const auto& b = bars[k];
        const double y = 8 + static_cast<double>(k) * row;
        const std::size_t fits = static_cast<std::size_t>((label_width - 14) / 6.2);
        std::string label = b.label.size() > fits ? b.label.substr(0, fits - 1) + "…" : b.label;
        out << "<text class=\"tick\" x=\"" << label_width - 8 << "\" y=\"" << fixed(y + 13) << "\" text-anchor=\"end\">"
            << escape(label) << "</text>";
        auto bar = [&](double v, double top, double h, const std::string& c, double whisker_lo, double whisker_hi) {
            if (!std::isfinite(v)) return;
            const double x_a = f.px(std::min(0.0, v)), x_b = f.px(std::max(0.0, v));
            out << "<rect x=\"" << fixed(x_a) << "\" y=\"" << fixed(top) << "\" width=\""
                << fixed(std::max(0.5, x_b - x_a)) << "\" height=\"" << fixed(h) << "\" fill=\"" << c << "\"/>";
            if (std::isfinite(whisker_lo) && std::isfinite(whisker_hi)) {
                const double mid = top + h / 2;
                out << "<line class=\"whisker\" x1=\"" << fixed(f.px(whisker_lo)) << "\" x2=\""
                    << fixed(f.px(whisker_hi)) << "\" y1=\"" << fixed(mid) << "\" y2=\"" << fixed(mid) << "\"/>";
                for (double w : {whisker_lo, whisker_hi})
                    out << "<line class=\"whisker\" x1=\"" << fixed(f.px(w)) << "\" x2=\"" << fixed(f.px(w))
                        << "\" y1=\"" << fixed(mid - 4) << "\" y2=\"" << fixed(mid + 4) << "\"/>";
            }
        };
        const bool two = std::isfinite(b.second);
        bar(b.value, y + 2, two ? 11 : 18, b.colour, b.lo, b.hi);
        if (two) bar(b.second, y + 14, 8, b.second_colour, b.second_lo, b.second_hi);
    }
    if (!x_title.empty())
        out << "<text class=\"title\" x=\"" << (label_width + width - 16) / 2 << "\" y=\"" << height - 6
            << "\" text-anchor=\"middle\">" << escape(x_title) << "</text>";
    out << "</svg>";
    return out.str();
}

}  // namespace jiceng::svg
