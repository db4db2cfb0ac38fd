#include "hub/web/bar_svg.hpp"

#include <algorithm>
#include <cstdio>

#include "hub/web/html.hpp"

namespace pekon::hub::web {

namespace {

constexpr int kWidth = 640;
constexpr int kLabelWidth = 170;
constexpr int kTextWidth = 90;
constexpr int kRow = 26;
constexpr int kTop = 18;

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

}  // namespace

std::string barChartSvg(const BarChart& chart) {
    const int height = kTop + static_cast<int>(chart.bars.size()) * kRow + 6;
    const double track = kWidth - kLabelWidth - kTextWidth;
    const double scale = chart.scale > 0 ? chart.scale : 1;
    auto x = [&](double value) {
        return kLabelWidth + track * std::clamp(value / scale, 0.0, 1.0);
    };
    std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(kWidth) +
                      " " + std::to_string(height) + "\" aria-label=\"" +
                      escapeHtml(chart.title) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
    for (size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& b = chart.bars[i];
        const int y = kTop + static_cast<int>(i) * kRow;
        svg += "<text class=\"label\" x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" +
               std::to_string(y + 16) + "\" text-anchor=\"end\">" + escapeHtml(b.label) +
               "</text>";
        svg += "<rect class=\"track\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
               std::to_string(y + 4) + "\" width=\"" + number(track) + "\" height=\"16\"/>";
        svg += "<rect class=\"bar\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
               std::to_string(y + 4) + "\" width=\"" + number(x(b.value) - kLabelWidth) +
               "\" height=\"16\"/>";
        svg += "<text class=\"value\" x=\"" + number(x(b.value) + 6) + "\" y=\"" +
               std::to_string(y + 16) + "\">" + escapeHtml(b.value_text) + "</text>";
    }
    if (chart.target) {
        const std::string at = number(x(*chart.target));
        svg += "<line class=\"target\" x1=\"" + at + "\" x2=\"" + at + "\" y1=\"12\" y2=\"" +
               std::to_string(height - 4) + "\"/>";
        svg += "<text class=\"target-text\" x=\"" + at + "\" y=\"10\" text-anchor=\"middle\">" +
               escapeHtml(chart.target_text) + "</text>";
    }
    svg += "</svg>";
    return svg;
}

}  // namespace pekon::hub::web
