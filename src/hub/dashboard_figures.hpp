#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "hub/office_state.hpp"

// The dashboard's arithmetic, apart from where its counts come from (hub_ops_dashboard): the
// coverage of an area against its population and the national UHC thresholds, percentiles of
// day counts, and weeks. Pure.
namespace pekon::hub {

// The national universal-health-coverage targets the dashboard measures against.
inline constexpr double kUhcCoveredTarget = 0.98;  // of the population covered
inline constexpr double kUhcActiveTarget = 0.80;   // of the covered members active

// An area's members by office state (indexed by OfficeState).
using StateCounts = std::array<std::int64_t, std::size(kAllOfficeStates)>;

struct Coverage {
    std::int64_t registered = 0;  // every registration not rejected
    std::int64_t verified = 0;    // verified by the office, or further
    std::int64_t paid = 0;        // paid, card issued or delivered: covered by JKN
    std::int64_t card = 0;        // card issued or delivered
    std::int64_t rejected = 0;
    std::optional<std::int64_t> population;  // none: the office has not entered it
    // Shares of the population (none without a population, or with one of 0).
    std::optional<double> registered_share, verified_share, covered_share, card_share;
    // People still to cover to reach kUhcCoveredTarget of the population (0 when reached);
    // none without a population.
    std::optional<std::int64_t> gap;
    // Covered members (paid) among those the office verified (active / verified-or-further):
    // none when nobody is verified yet.
    std::optional<double> active_share;
};
Coverage coverageOf(const StateCounts& counts, std::optional<std::int64_t> population);

// Day counts (days -> how many members) and their nearest-rank percentile: the smallest day
// count that at least `fraction` of the members reached within. None when empty.
using DayHistogram = std::map<std::int64_t, std::int64_t>;
std::optional<std::int64_t> percentileDays(const DayHistogram& days, double fraction);
std::int64_t histogramTotal(const DayHistogram& days);

// Weeks: core/date's weekOf and weekStart (Monday, UTC).

}  // namespace pekon::hub
