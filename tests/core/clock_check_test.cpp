#include "core/clock_check.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

namespace {

constexpr UnixSeconds kBuild = 1795400000;  // 2026-11-23
constexpr UnixSeconds kNow = kBuild + 30 * 86400;
constexpr UnixSeconds kY2k = 946684800;  // 2000-01-01T00:00:00Z

}  // namespace

TEST_CASE("clock check: a right clock is ok and is the best time") {
    const ClockVerdict v = checkClock({kNow, 12, kNow - 600, kNow - 3600, kBuild});
    CHECK(v.state == ClockState::ok);
    CHECK(v.best_now == kNow + 12);
    CHECK(checkClock({kNow, std::nullopt, std::nullopt, std::nullopt, kBuild}).state ==
          ClockState::ok);
    CHECK(checkClock({kNow, std::nullopt, std::nullopt, std::nullopt, kBuild}).best_now == kNow);
}

TEST_CASE("clock check: off the hub by more than 5 minutes is skewed, the hub's time is best") {
    for (std::int64_t offset : {301, -301, 7200, -7200, 86400}) {
        const ClockVerdict v =
            checkClock({kNow - offset, offset, kNow - offset - 60, std::nullopt, kBuild});
        INFO(offset);
        CHECK(v.state == ClockState::skewed);
        CHECK(v.offset == offset);
        CHECK(v.best_now == kNow);
    }
    CHECK(checkClock({kNow, 300, kNow, std::nullopt, kBuild}).state == ClockState::ok);
    CHECK(checkClock({kNow, -300, kNow, std::nullopt, kBuild}).state == ClockState::ok);
    // Reset to 2000-01-01 and a sync measured the offset there: skewed, best is the hub's.
    const ClockVerdict y2k = checkClock({kY2k + 60, kNow - kY2k, kY2k, kY2k + 30, kBuild});
    CHECK(y2k.state == ClockState::skewed);
    CHECK(y2k.best_now == kNow + 60);
    // Two hours fast, and the records were written under that clock too: still skewed.
    const ClockVerdict fast = checkClock({kNow + 7200, -7200, kNow + 7100, kNow + 7000, kBuild});
    CHECK(fast.state == ClockState::skewed);
    CHECK(fast.best_now == kNow);
}

TEST_CASE("clock check: before the build or the latest record, without a hub offset") {
    const ClockVerdict v = checkClock({kY2k, std::nullopt, std::nullopt, std::nullopt, kBuild});
    CHECK(v.state == ClockState::before_build);
    CHECK(v.best_now == kBuild);
    const ClockVerdict r = checkClock({kNow - 86400, std::nullopt, std::nullopt, kNow, kBuild});
    CHECK(r.state == ClockState::behind_records);
    CHECK(r.best_now == kNow);
    // Within the tolerance of the latest record: fine.
    CHECK(checkClock({kNow - 300, std::nullopt, std::nullopt, kNow, kBuild}).state ==
          ClockState::ok);
    // Before both: the build is said first, the latest of them is best.
    const ClockVerdict both = checkClock({kY2k, std::nullopt, std::nullopt, kNow, kBuild});
    CHECK(both.state == ClockState::before_build);
    CHECK(both.best_now == kNow);
}

TEST_CASE("clock check: an offset measured before the clock was changed is ignored") {
    // Measured right yesterday (offset 5), then the battery ran flat: the clock went back
    // since the measure, and 2000-01-01 + 5 s is before the build.
    const ClockVerdict v = checkClock({kY2k, 5, kNow - 86400, kNow - 86400, kBuild});
    CHECK(v.state == ClockState::before_build);
    CHECK(v.best_now == kNow - 86400);
    // Measured while the clock was two hours fast, the clock set right since (it went back):
    // the offset is dropped; the records written under the fast clock are still "later", so
    // the device says so and uses the latest of them until the next sync.
    const ClockVerdict fixed = checkClock({kNow, -7200, kNow + 7000, kNow + 6900, kBuild});
    CHECK(fixed.state == ClockState::behind_records);
    CHECK(fixed.best_now == kNow + 6900);
    const ClockVerdict fixed_early = checkClock({kNow, -7200, kNow + 7000, kNow - 60, kBuild});
    CHECK(fixed_early.state == ClockState::ok);
    CHECK(fixed_early.best_now == kNow);
    // Measured at 2000-01-01 (26 years behind), the clock set right since (it went forward):
    // a device clock after the build with the hub a year ahead of it is not believed.
    const ClockVerdict forward = checkClock({kNow, kNow - kY2k, kY2k, kY2k, kBuild});
    CHECK(forward.state == ClockState::ok);
    CHECK(forward.best_now == kNow);
}

TEST_CASE("clock check: the WIB date") {
    CHECK(wibDate(kY2k) == Date{2000, 1, 1});
    CHECK(wibDate(kY2k - 7 * 3600) == Date{2000, 1, 1});
    CHECK(wibDate(kY2k - 7 * 3600 - 1) == Date{1999, 12, 31});
}

TEST_CASE("event time at the hub: flags only what offline work cannot explain") {
    const UnixSeconds received = kPekonEpoch + 90 * 86400;
    auto judge = [&](UnixSeconds at, std::optional<std::int64_t> offset = std::nullopt,
                     std::optional<UnixSeconds> previous = std::nullopt) {
        return judgeEventTime({at, offset, received, previous});
    };
    // Written offline six weeks ago under a right clock: normal.
    CHECK(judge(received - 42 * 86400, 3) == EventTimeFlag::none);
    CHECK(judge(received - 42 * 86400) == EventTimeFlag::none);
    CHECK(judge(received + 300) == EventTimeFlag::none);
    CHECK(judge(kY2k, kNow - kY2k) == EventTimeFlag::before_epoch);
    CHECK(judge(kPekonEpoch - 1) == EventTimeFlag::before_epoch);
    CHECK(judge(kPekonEpoch) == EventTimeFlag::none);
    CHECK(judge(received + 7200, -7200) == EventTimeFlag::future);
    CHECK(judge(received + 301) == EventTimeFlag::future);
    CHECK(judge(received - 86400, 86400) == EventTimeFlag::skewed);
    CHECK(judge(received - 3600, -400) == EventTimeFlag::skewed);
    CHECK(judge(received - 3600, 300) == EventTimeFlag::none);
    CHECK(judge(received - 3600, std::nullopt, received - 3300) == EventTimeFlag::none);
    CHECK(judge(received - 3600, std::nullopt, received - 3299) == EventTimeFlag::went_back);
    CHECK(std::string(eventTimeFlagName(EventTimeFlag::went_back)) == "went_back");
    CHECK(std::string(eventTimeFlagName(EventTimeFlag::none)).empty());
}
