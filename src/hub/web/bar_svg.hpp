#pragma once

#include <optional>
#include <string>
#include <vector>

// A horizontal bar chart drawn on the server as inline SVG (no script, nothing fetched): one
// bar per item, its length the value's share of `scale`, the value's text at its end, and an
// optional target line (the UHC threshold). Labels and texts are escaped.
namespace pekon::hub::web {

struct Bar {
    std::string label;
    double value = 0;        // in the chart's unit
    std::string value_text;  // what is written at the bar's end
};

struct BarChart {
    std::string title;  // the SVG's accessible name
    std::vector<Bar> bars;
    double scale = 1;                  // the value a full-length bar stands for (> 0)
    std::optional<double> target;      // where the target line is drawn, in the same unit
    std::string target_text;
};

std::string barChartSvg(const BarChart& chart);

}  // namespace pekon::hub::web
