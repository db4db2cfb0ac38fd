// The Sync screen, headless, with the real background worker and a real pekon-hub.
#include "ui/screens/sync_screen.hpp"

#include <catch2/catch.hpp>
#include <chrono>

#include "headless.hpp"
#include "store/event_log.hpp"
#include "store/internal/database.hpp"
#include "store/outbox.hpp"
#include "store/users.hpp"
#include "support/running_hub.hpp"
#include "sync/sync_harness.hpp"
#include "sync/worker.hpp"

using namespace pekon;
using namespace std::chrono_literals;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

std::unique_ptr<Store> volunteerStore(const std::string& path) {
    auto store = Store::open(path);
    REQUIRE(store);
    REQUIRE(createUser(**store, "Dewi Lestari", Role::supervisor, "428195", "", kNow));
    test::addHouseholds(**store, 1, 4);  // 20 events
    return std::move(store.value());
}

sync::WorkerConfig workerConfig(const std::string& db) {
    sync::WorkerConfig c;
    c.db_path = db;
    c.poll = 50ms;
    c.automatic = false;  // the test decides when
    return c;
}

// Frames until `done` (the worker runs on its own thread meanwhile).
template <typename Done>
bool framesUntil(test::Headless& app, Done done, std::chrono::seconds limit = 30s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        app.frame();
        if (done()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

}  // namespace

TEST_CASE("ui sync: scanning the office's enrolment QR links the device, Sync now sends all",
          "[sync_screen]") {
    const std::string hub_db = test::tempPath("ui_sync_hub.db");
    const std::string db = test::tempPath("ui_sync.db");
    test::RunningHub hub(hub_db);
    auto store = volunteerStore(db);
    sync::SyncWorker worker(workerConfig(db));
    worker.start();
    test::Headless app(*store);
    app.ui().sync = &worker;
    app.home(listUsers(*store)->front());

    app.tap("home.sync");
    REQUIRE(app.screen() == "sync");
    REQUIRE(framesUntil(app, [&] { return worker.state().started; }));
    app.frames(2);
    CHECK(app.ui().find("sync.enrol_scan"));
    CHECK(app.ui().find("sync.enrol_paste"));

    // Something else on the clipboard: a clear message, nothing sent anywhere.
    ImGui::SetClipboardText("https://example.com/not-an-enrolment");
    app.tap("sync.enrol_paste");
    auto* screen = dynamic_cast<const ui::SyncScreen*>(&app.shell().top());
    REQUIRE(screen);
    CHECK_FALSE(screen->problem().empty());
    CHECK_FALSE(worker.state().enrolled);

    // The office's QR code, read by the scanner (from Home: the shell's hook opens Sync).
    app.home(listUsers(*store)->front());
    app.shell().scanned(app.ui().parseScan(test::newEnrolmentUri(hub_db, hub.url())));
    app.frame();
    CHECK(app.screen() == "sync");
    REQUIRE(framesUntil(app, [&] { return worker.state().enrolled; }));
    // The first sync follows the enrolment by itself. The records written before the device
    // knew the hub's sealing key are sealed for it by the signed-in app within a second
    // (issue 16), which asks for another sync: everything reaches the hub.
    REQUIRE(framesUntil(app, [&] { return worker.state().last_success.has_value(); }));
    REQUIRE(framesUntil(app, [&] {
        const auto s = worker.state();
        return !s.running && outboxCounts(*store)->pending == 0;
    }));
    CHECK(test::hubEventCount(hub_db) == 20);
    app.frames(3);
    CHECK(app.ui().find("sync.now"));
    CHECK(app.ui().missingKeys().empty());

    // New records, then Sync now.
    test::addHouseholds(*store, 20, 2);
    app.frames(2);
    app.tap("sync.now");
    REQUIRE(framesUntil(app, [&] {
        const auto s = worker.state();
        return !s.running && s.last_summary && s.last_summary->accepted == 10;
    }));
    CHECK(outboxCounts(*store)->pending == 0);
    CHECK(test::hubEventCount(hub_db) == 30);
    worker.stop();
}

TEST_CASE("ui sync: the hub's refusal is shown with its reason, an offline hub in plain words",
          "[sync_screen]") {
    const std::string hub_db = test::tempPath("ui_sync_refused_hub.db");
    const std::string db = test::tempPath("ui_sync_refused.db");
    auto store = volunteerStore(db);
    {
        test::RunningHub hub(hub_db);
        REQUIRE(sync::enrolDevice(*store, test::newEnrolmentUri(hub_db, hub.url()), "tablet"));
        // An event the hub refuses: a member event without its member (as an older, buggy
        // version might have written; the log is immutable, so the guard is lifted here).
        test::addHouseholds(*store, 50, 1);
        REQUIRE(connection(*store).exec("DROP TRIGGER events_immutable", "t"));
        REQUIRE(connection(*store).exec(
            "UPDATE events SET data = '{\"member_id\":1}' WHERE seq = (SELECT MAX(seq) FROM "
            "events WHERE origin = 'device')",
            "t"));
        REQUIRE(sync::syncOnce(*store, kNow));
    }
    CHECK(outboxCounts(*store)->rejected == 1);
    auto refused = listEvents(*store, 0, 10, SyncState::rejected);
    REQUIRE(refused);
    REQUIRE(refused->size() == 1);
    CHECK((*refused)[0].hub_code == "invalid");
    CHECK_FALSE((*refused)[0].hub_message.empty());

    sync::SyncWorker worker(workerConfig(db));
    worker.start();
    test::Headless app(*store);
    app.ui().sync = &worker;
    app.home(listUsers(*store)->front());
    app.shell().show(std::make_unique<ui::SyncScreen>());
    REQUIRE(framesUntil(app, [&] { return worker.state().started; }));
    app.frames(3);
    // The hub is gone now: Sync now fails, and the screen says so in words.
    app.tap("sync.now");
    REQUIRE(framesUntil(app, [&] {
        const auto s = worker.state();
        return !s.running && s.last_error.has_value();
    }));
    CHECK(worker.state().last_error->code == "sync_unreachable");
    app.frames(3);
    CHECK(ui::syncErrorText(app.ui(), *worker.state().last_error) ==
          app.ui().t("sync.error.sync_unreachable"));
    CHECK(app.ui().missingKeys().empty());
    CHECK(outboxCounts(*store)->pending == 0);
    CHECK(outboxCounts(*store)->rejected == 1);
    worker.stop();
}
