#include "ui/screens/household_screen.hpp"

#include <catch2/catch.hpp>

#include "store/event_log.hpp"
#include "store/households.hpp"
#include "store/users.hpp"
#include "store/verify.hpp"
#include "support/sample_households.hpp"
#include "ui/headless.hpp"
#include "ui/screens/households_screen.hpp"

using namespace pekon;

TEST_CASE("ui: from the list to a household, its pipeline, and a correction by tapping") {
    auto store = Store::open(test::tempPath("detail.db"));
    REQUIRE(store.ok());
    auto user = createUser(**store, "Dewi Lestari", Role::supervisor, "428195", "", 1'795'000'000);
    REQUIRE(user.ok());
    std::vector<HouseholdInput> batch;
    for (int i = 0; i < 12; ++i) batch.push_back(test::sampleHousehold(i, i * 3, 3));
    REQUIRE(registerHouseholds(**store, batch, test::regions(), {"t", 1'795'000'000, test::kToday})
                .ok());
    // The office has verified and been paid for household 0's head: a card ETA shows.
    auto first = listHouseholds(**store, {}, 1);
    REQUIRE(first.ok());

    test::Headless app(**store, Lang::en);
    app.shell().navigator().signIn(*user);
    app.shell().show(std::make_unique<ui::HouseholdsScreen>());
    app.frames(2);

    // By village: six sample villages rotate, so two of the twelve are in Negeri Ratu.
    app.tap("households.village_filter");
    app.typeKeys("negeri");
    app.tap("households.village.18.06.01.2016");
    app.frames(2);
    CHECK(app.ui().find("households.row.1"));
    CHECK_FALSE(app.ui().find("households.row.2"));
    app.tap("households.village.clear");
    app.frames(2);
    CHECK(app.ui().find("households.row.2"));

    app.tap("households.row.0");
    REQUIRE(app.screen() == "household");
    app.tap("household.edit.1");
    REQUIRE(app.screen() == "member_edit");
    app.tap("edit.member.class.2");
    app.tap("edit.member.save");
    CHECK(app.screen() == "household");
    auto events = listEvents(**store, 0, 1000);
    REQUIRE(events.ok());
    CHECK(events->back().type == "member.corrected");
    CHECK(events->back().data.find("\"class\":2") != std::string::npos);
    CHECK(events->back().actor == user->id);
    CHECK(verifyProjections(**store).ok());
    CHECK(app.ui().missingKeys().empty());
}
