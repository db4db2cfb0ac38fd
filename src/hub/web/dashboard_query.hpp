#pragma once

#include <string>
#include <vector>

#include "hub/dashboard.hpp"
#include "hub/web/console.hpp"

// What the dashboard's page and its export share: the filter as query parameters and back,
// the figures read for it, area names, and the figures as rows (section, area, measure,
// value) for the export.
namespace pekon::hub::web {

// The filter the query names, or nullopt when a parameter is malformed (an unknown kecamatan,
// a date that is not YYYY-MM-DD, a stuck threshold outside 1..365 days).
std::optional<DashboardFilter> dashboardFilterOf(const Form& query, const RegionTable* regions);
// The filter as query parameters, without a leading '?'.
std::string queryOfDashboard(const DashboardFilter& filter);

// The regency the hub serves ("18.06", from the region table) and its official population.
std::string regencyCode(const PageContext& ctx);
std::optional<std::int64_t> regencyPopulation(const PageContext& ctx);

Result<Dashboard> loadDashboard(PageContext& ctx, const DashboardFilter& filter);

// A kecamatan's or a village's name, its code when the region table lacks it.
std::string areaName(const PageContext& ctx, const std::string& code);

// "641.036" (id) / "641,036" (en); "97,3%" / "97.3%".
std::string groupedNumber(const PageContext& ctx, std::int64_t n);
// Counts as a <ul class="summary"> of "<strong>n</strong> words" (the text of each key); an
// overdue count above zero is marked as an alarm.
void summaryList(Html& html, const PageContext& ctx,
                 std::initializer_list<std::pair<const char*, std::int64_t>> figures);
// A number with `digits` decimals, the decimal mark of the language ("4,5" / "4.5").
std::string decimalText(const PageContext& ctx, double value, int digits);
std::string percentText(const PageContext& ctx, double share);

// Every figure of the dashboard as rows for the export: section, area code, area name,
// measure (a stable code), value (a number as text, or "" when there is none).
struct FigureRow {
    std::string section, area_code, area_name, measure, value;
};
std::vector<FigureRow> dashboardFigures(const PageContext& ctx, const Dashboard& dashboard);

}  // namespace pekon::hub::web
