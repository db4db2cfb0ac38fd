// A store read that fails reaches the person holding the tablet in plain words (Indonesian or
// English), instead of a zero or an empty list: Home, Households and Sync.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/users.hpp"
#include "store/households.hpp"
#include "sync/worker.hpp"
#include "support/sample_households.hpp"
#include "ui/headless.hpp"
#include "ui/screens/households_screen.hpp"
#include "ui/screens/sync_screen.hpp"

using namespace pekon;

namespace {

// Another connection takes tables away under the open store, as damage would.
void breakTables(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db,
                                "ALTER TABLE households RENAME TO households_gone;"
                                "ALTER TABLE events RENAME TO events_gone;",
                                nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("ui: a failed store read is said on Home, Households and Sync, in both languages") {
    constexpr UnixSeconds kNow = 1'795'000'000;
    const std::string path = test::tempPath("store_errors.db");
    auto store = Store::open(path);
    REQUIRE(store);
    auto user = createUser(**store, "Dewi Lestari", Role::supervisor, "428195", "", kNow);
    REQUIRE(user);
    REQUIRE(registerHouseholds(**store, {test::sampleHousehold(1, 4, 3)}, test::regions(),
                                     {"t", kNow, test::kToday})
                .ok());
    {
        // Before the damage, nothing to say.
        test::Headless app(**store);
        app.home(*user);
        app.frames(2);
        CHECK_FALSE(app.ui().find("home.problem"));
    }
    breakTables(path);

    for (Lang lang : {Lang::id, Lang::en}) {
        test::Headless app(**store, lang);
        app.home(*user);
        app.frames(2);
        CHECK(app.ui().find("home.problem"));

        app.shell().show(std::make_unique<ui::HouseholdsScreen>());
        app.frames(2);
        CHECK(app.ui().find("households.problem"));
        const auto& list = dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top());
        CHECK_FALSE(list.problem().empty());

        sync::WorkerConfig config;
        config.db_path = path;
        config.automatic = false;
        sync::SyncWorker worker(config);
        worker.start();
        app.ui().sync = &worker;
        app.shell().show(std::make_unique<ui::SyncScreen>());
        app.frames(2);
        const auto& sync = dynamic_cast<const ui::SyncScreen&>(app.shell().top());
        CHECK_FALSE(sync.problem().empty());
        // Every text came from the catalog of this language.
        CHECK(app.ui().missingKeys().empty());
        app.shell().show(std::make_unique<ui::HouseholdsScreen>());
        app.ui().sync = nullptr;
    }
}
