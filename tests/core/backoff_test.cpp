#include "core/backoff.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <set>

using namespace pekon;

TEST_CASE("backoff doubles from 1 s to a 15-minute cap", "[backoff]") {
    CHECK(backoffCeilingMs(0) == 1000);
    CHECK(backoffCeilingMs(1) == 2000);
    CHECK(backoffCeilingMs(5) == 32000);
    CHECK(backoffCeilingMs(9) == 512000);
    CHECK(backoffCeilingMs(10) == 900000);    // 1,024,000 capped
    CHECK(backoffCeilingMs(1000) == 900000);  // no overflow, however long the outage
}

TEST_CASE("backoff delays are spread over the whole range (full jitter)", "[backoff]") {
    std::mt19937_64 rng(42);
    std::set<std::int64_t> tenths;
    std::int64_t lo = 1 << 30, hi = -1;
    for (int i = 0; i < 2000; ++i) {
        const std::int64_t d = backoffDelayMs(3, rng());
        REQUIRE(d >= 0);
        REQUIRE(d <= 8000);
        lo = std::min(lo, d);
        hi = std::max(hi, d);
        tenths.insert(d / 800);
    }
    CHECK(lo < 400);             // some retry almost at once,
    CHECK(hi > 7600);            // some wait almost the whole ceiling,
    CHECK(tenths.size() >= 10);  // and every tenth of the range is used: no retry storm in step
    CHECK(backoffDelayMs(0, 0) == 0);
    CHECK(backoffDelayMs(-3, 999) == 999);  // a negative attempt counts as the first
}
