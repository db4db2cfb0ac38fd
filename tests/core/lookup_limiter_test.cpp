#include "core/lookup_limiter.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

TEST_CASE("kiosk limiter: five failures in a row cost 60 seconds") {
    LookupLimiter limiter;
    const UnixSeconds t = 1'795'000'000;
    for (int i = 0; i < 4; ++i) {
        REQUIRE(limiter.allowed(t + i));
        limiter.record(false, t + i);
    }
    CHECK(limiter.allowed(t + 4));
    limiter.record(false, t + 4);  // the fifth
    CHECK_FALSE(limiter.allowed(t + 4));
    CHECK(limiter.waitSeconds(t + 4) == 60);
    CHECK(limiter.waitSeconds(t + 34) == 30);
    CHECK_FALSE(limiter.allowed(t + 63));
    CHECK(limiter.allowed(t + 64));
    CHECK(limiter.waitSeconds(t + 64) == 0);
    // After the cool-down the count starts again: four more failures do not block.
    for (int i = 0; i < 4; ++i) limiter.record(false, t + 70 + i);
    CHECK(limiter.allowed(t + 75));
}

TEST_CASE("kiosk limiter: a found lookup resets the count") {
    LookupLimiter limiter;
    const UnixSeconds t = 1'795'000'000;
    for (int i = 0; i < 4; ++i) limiter.record(false, t);
    limiter.record(true, t);
    CHECK(limiter.failures() == 0);
    for (int i = 0; i < 4; ++i) limiter.record(false, t);
    CHECK(limiter.allowed(t));
    limiter.record(false, t);
    CHECK_FALSE(limiter.allowed(t));
}
