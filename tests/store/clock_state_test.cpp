#include "store/clock_state.hpp"

#include <catch2/catch.hpp>

#include "store/households.hpp"
#include "store/settings.hpp"
#include "support/fixtures.hpp"
#include "support/sample_households.hpp"

using namespace pekon;

TEST_CASE("clock state: the hub offset and the latest record feed the verdict") {
    const std::string path = test::tempPath("clock_state.db");
    auto opened = Store::open(path);
    REQUIRE(opened);
    Store& store = **opened;
    constexpr UnixSeconds kBuild = 1'795'400'000;
    constexpr UnixSeconds kNow = 1'798'000'000;

    CHECK_FALSE(readHubOffset(store));
    CHECK_FALSE(lastRecordTime(store));
    CHECK(deviceClock(store, kNow, kBuild).state == ClockState::ok);
    CHECK(deviceClock(store, 946684800, kBuild).state == ClockState::before_build);
    CHECK(deviceClock(store, 946684800, kBuild).best_now == kBuild);

    REQUIRE(saveHubOffset(store, -7200, kNow));
    CHECK(readHubOffset(store) == -7200);
    const ClockVerdict skewed = deviceClock(store, kNow + 7200, kBuild);
    CHECK(skewed.state == ClockState::skewed);
    CHECK(skewed.best_now == kNow);
    REQUIRE(writeSetting(store, kSettingHubOffset, "12x"));  // damaged: unknown
    CHECK_FALSE(readHubOffset(store));

    // The latest record (by sequence) is the device time it was written at.
    const RegisterOutcome added =
        registerHouseholds(store, {test::sampleHousehold(1, 1, 2)}, test::regions(),
                           {"volunteer", kNow, wibDate(kNow)});
    REQUIRE(added.ok());
    CHECK(lastRecordTime(store) == kNow);
    const ClockVerdict behind = deviceClock(store, kNow - 86400, kBuild);
    CHECK(behind.state == ClockState::behind_records);
    CHECK(behind.best_now == kNow);
}
