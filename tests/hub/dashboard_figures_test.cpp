#include "hub/dashboard_figures.hpp"

#include <catch2/catch.hpp>

#include "core/date.hpp"

using namespace pekon;
using namespace pekon::hub;

namespace {

StateCounts counts(std::initializer_list<std::pair<OfficeState, std::int64_t>> list) {
    StateCounts c{};
    for (auto [s, n] : list) c[static_cast<size_t>(s)] = n;
    return c;
}

}  // namespace

TEST_CASE("dashboard figures: coverage against the population and the UHC targets",
          "[unit][dashboard]") {
    using S = OfficeState;
    const StateCounts c = counts({{S::fresh, 10}, {S::corrected, 1}, {S::needs_correction, 2},
                                  {S::verified, 20}, {S::rejected, 5}, {S::payment_pending, 7},
                                  {S::paid, 30}, {S::card_issued, 25}, {S::card_delivered, 5}});
    const Coverage with = coverageOf(c, 100);
    CHECK(with.card == 30);
    CHECK(with.paid == 60);
    CHECK(with.verified == 87);
    CHECK(with.registered == 100);
    CHECK(with.rejected == 5);
    CHECK(*with.covered_share == Approx(0.60));
    CHECK(*with.registered_share == Approx(1.0));
    CHECK(*with.gap == 38);  // 98 of 100 people, 60 covered
    CHECK(*with.active_share == Approx(60.0 / 87.0));

    const Coverage none = coverageOf(c, std::nullopt);
    CHECK_FALSE(none.covered_share);
    CHECK_FALSE(none.gap);
    CHECK(none.active_share);  // needs no population
    CHECK_FALSE(coverageOf(c, 0).covered_share);
    CHECK_FALSE(coverageOf(StateCounts{}, 10).active_share);  // nobody verified

    // The gap is the smallest whole number of people that reaches 98%: 641,036 * 0.98 =
    // 628,215.28, so 628,216 people; reached means 0.
    CHECK(*coverageOf(StateCounts{}, 641036).gap == 628216);
    CHECK(*coverageOf(counts({{S::paid, 98}}), 100).gap == 0);
    CHECK(*coverageOf(counts({{S::paid, 99}}), 100).gap == 0);
    CHECK(*coverageOf(counts({{S::paid, 97}}), 100).gap == 1);
}

TEST_CASE("dashboard figures: nearest-rank percentiles of day counts", "[unit][dashboard]") {
    CHECK_FALSE(percentileDays({}, 0.5));
    const DayHistogram one{{4, 1}};
    CHECK(*percentileDays(one, 0.5) == 4);
    CHECK(*percentileDays(one, 0.9) == 4);
    // 1,2,...,10 once each: the median is the 5th value, the 90th percentile the 9th.
    DayHistogram ten;
    for (int d = 1; d <= 10; ++d) ten[d] = 1;
    CHECK(*percentileDays(ten, 0.5) == 5);
    CHECK(*percentileDays(ten, 0.9) == 9);
    CHECK(*percentileDays(ten, 1.0) == 10);
    CHECK(*percentileDays(ten, 0.0) == 1);
    // Weighted: 0 days for 80 members, 30 days for 20.
    const DayHistogram skewed{{0, 80}, {30, 20}};
    CHECK(*percentileDays(skewed, 0.5) == 0);
    CHECK(*percentileDays(skewed, 0.8) == 0);
    CHECK(*percentileDays(skewed, 0.81) == 30);
    CHECK(histogramTotal(skewed) == 100);
}

TEST_CASE("dashboard figures: weeks start on Monday", "[unit][dashboard]") {
    const auto at = [](const char* day) { return toDays(*parseIsoDate(day)) * 86400; };
    // 2026-12-07 is a Monday; the Sunday before it is in the week before.
    CHECK(weekOf(at("2026-12-07")) == weekOf(at("2026-12-13") + 86399));
    CHECK(weekOf(at("2026-12-06") + 86399) == weekOf(at("2026-12-07")) - 1);
    CHECK(formatIsoDate(dateOf(weekStart(weekOf(at("2026-12-10"))))) == "2026-12-07");
    CHECK(formatIsoDate(dateOf(weekStart(weekOf(0)))) == "1969-12-29");
    CHECK(weekOf(-1) == weekOf(0));  // Wednesday 1969-12-31, the same week
    CHECK(weekOf(-4 * 86400) == -1);  // Sunday 1969-12-28
}
