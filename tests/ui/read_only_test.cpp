// The touch app on a database that cannot be written: it starts, signs in, shows the data,
// and Home says why saving is off, with nothing there that would save.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "store/households.hpp"
#include "store/users.hpp"
#include "support/sample_households.hpp"
#include "ui/headless.hpp"
#include "ui/screens/households_screen.hpp"

using namespace pekon;

TEST_CASE("ui: a read-only database opens, signs in, shows its data and a banner on Home") {
    constexpr UnixSeconds kNow = 1'795'000'000;
    const std::string path = test::tempPath("read_only.db");
    {
        auto store = Store::open(path);
        REQUIRE(store);
        REQUIRE(createUser(**store, "Dewi Lestari", Role::supervisor, "428195", "", kNow));
        REQUIRE(registerHouseholds(**store, {test::sampleHousehold(1, 4, 3)}, test::regions(),
                                   {"t", kNow, test::kToday})
                    .ok());
    }
    REQUIRE(::chmod(path.c_str(), 0444) == 0);
    auto store = Store::open(path);
    REQUIRE(store);
    REQUIRE((*store)->readOnly());
    auto users = listUsers(**store);
    REQUIRE(users);
    REQUIRE(users->size() == 1);
    // Signing in works (the count of wrong PINs is not kept on a read-only database).
    auto user = login(**store, users->front().id, "428195", kNow);
    REQUIRE(user);

    for (Lang lang : {Lang::id, Lang::en}) {
        test::Headless app(**store, lang);
        app.frames(2);
        REQUIRE(app.screen() == "login");
        app.shell().navigator().signIn(*user);
        app.shell().show(std::make_unique<ui::HomeScreen>());
        app.frames(3);
        CHECK(app.ui().find("home.read_only"));
        CHECK(app.ui().missingKeys().empty());
        // Registering would save: the tile does nothing.
        app.tap("home.register");
        CHECK(app.screen() == "home");
        // The data is there to see.
        app.tap("home.households");
        CHECK(app.screen() == "households");
    }
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0444);
}

TEST_CASE("ui: a writable database shows no read-only banner") {
    auto store = Store::open(test::tempPath("writable.db"));
    REQUIRE(store);
    REQUIRE(createUser(**store, "Dewi Lestari", Role::supervisor, "428195", "", 1'795'000'000));
    test::Headless app(**store);
    app.frames(2);
    app.shell().navigator().signIn(listUsers(**store)->front());
    app.shell().show(std::make_unique<ui::HomeScreen>());
    app.frames(3);
    CHECK_FALSE(app.ui().find("home.read_only"));
    CHECK(app.ui().find("home.register"));
}
