#include "hub/dashboard_figures.hpp"

#include <cmath>

namespace pekon::hub {

namespace {

std::int64_t countOf(const StateCounts& counts, OfficeState state) {
    return counts[static_cast<size_t>(state)];
}

}  // namespace

Coverage coverageOf(const StateCounts& counts, std::optional<std::int64_t> population) {
    using S = OfficeState;
    Coverage c;
    c.card = countOf(counts, S::card_issued) + countOf(counts, S::card_delivered);
    c.paid = c.card + countOf(counts, S::paid);
    c.verified = c.paid + countOf(counts, S::verified) + countOf(counts, S::payment_pending);
    c.rejected = countOf(counts, S::rejected);
    c.registered = c.verified + countOf(counts, S::fresh) + countOf(counts, S::corrected) +
                   countOf(counts, S::needs_correction);
    if (c.verified > 0) c.active_share = static_cast<double>(c.paid) / c.verified;
    c.population = population;
    if (!population || *population <= 0) return c;
    const double people = static_cast<double>(*population);
    c.registered_share = c.registered / people;
    c.verified_share = c.verified / people;
    c.covered_share = c.paid / people;
    c.card_share = c.card / people;
    // The smallest whole number of people that reaches the target.
    const auto needed = static_cast<std::int64_t>(std::ceil(kUhcCoveredTarget * people - 1e-9));
    c.gap = needed > c.paid ? needed - c.paid : 0;
    return c;
}

std::int64_t histogramTotal(const DayHistogram& days) {
    std::int64_t total = 0;
    for (const auto& [day, n] : days) total += n;
    return total;
}

std::optional<std::int64_t> percentileDays(const DayHistogram& days, double fraction) {
    const std::int64_t total = histogramTotal(days);
    if (total <= 0) return std::nullopt;
    // Nearest rank: the rank-th smallest value, rank = ceil(fraction * total), at least 1.
    auto rank = static_cast<std::int64_t>(std::ceil(fraction * static_cast<double>(total) - 1e-9));
    if (rank < 1) rank = 1;
    std::int64_t seen = 0;
    for (const auto& [day, n] : days) {
        seen += n;
        if (seen >= rank) return day;
    }
    return days.rbegin()->first;
}

}  // namespace pekon::hub
