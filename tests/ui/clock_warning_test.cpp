// Home and Sync say in plain words when the device clock is wrong (issue 12), headless.
#include <catch2/catch.hpp>
#include <chrono>

#include "headless.hpp"
#include "store/clock_state.hpp"
#include "store/users.hpp"
#include "sync/worker.hpp"

using namespace pekon;
using namespace std::chrono_literals;

namespace {

constexpr UnixSeconds kNow = 1'798'000'000;  // 2026-12-23T08:53Z, the device clock

}  // namespace

TEST_CASE("ui clock: Home and Sync warn of a clock off the hub or before the build", "[clock_ui]") {
    const std::string db = test::tempPath("ui_clock.db");
    auto opened = Store::open(db);
    REQUIRE(opened);
    Store& store = **opened;
    REQUIRE(createUser(store, "Dewi Lestari", Role::supervisor, "428195", "", kNow));
    sync::WorkerConfig config;
    config.db_path = db;
    config.automatic = false;
    sync::SyncWorker worker(config);
    worker.start();
    test::Headless app(store, Lang::id, kNow);
    app.ui().sync = &worker;
    app.ui().build_time = kNow - 30 * 86400;
    const User user = listUsers(store)->front();

    // A right clock: no warning.
    app.home(user);
    app.frames(2);
    CHECK_FALSE(app.ui().find("clock.warning"));
    CHECK(app.ui().today() == Date{2026, 12, 23});

    // The last sync found the clock a day slow: Home and Sync say so; "today" is the hub's.
    REQUIRE(saveHubOffset(store, 86400, kNow));
    app.home(user);
    app.frames(2);
    CHECK(app.ui().find("clock.warning"));
    CHECK(app.ui().today() == Date{2026, 12, 24});
    app.tap("home.sync");
    REQUIRE(app.screen() == "sync");
    REQUIRE(worker.waitFor([](const sync::WorkerState& s) { return s.started; }, 10s));
    app.frames(3);
    CHECK(app.ui().find("clock.warning"));

    // Within five minutes of the hub: nothing said.
    REQUIRE(saveHubOffset(store, 200, kNow));
    app.home(user);
    app.frames(2);
    CHECK_FALSE(app.ui().find("clock.warning"));

    // Before this build's date, with no plausible offset: warned, and "today" is the build's.
    app.ui().build_time = kNow + 40 * 86400;
    app.ui().forgetClock();
    app.home(user);
    app.frames(2);
    CHECK(app.ui().find("clock.warning"));
    CHECK(app.ui().today() == wibDate(kNow + 40 * 86400));
    worker.stop();
}
