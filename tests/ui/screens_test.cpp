#include <catch2/catch.hpp>

#include "store/users.hpp"
#include "support/sample_households.hpp"
#include "ui/headless.hpp"
#include "ui/screens/first_run_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/household_screen.hpp"
#include "ui/screens/households_screen.hpp"
#include "ui/screens/login_screen.hpp"
#include "ui/screens/receipt_screen.hpp"
#include "ui/screens/wizard_screen.hpp"

using namespace pekon;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

std::unique_ptr<Store> seededStore(int households) {
    auto store = Store::open(test::tempPath("ui.db"));
    REQUIRE(store.ok());
    REQUIRE(createUser(**store, "Dewi Lestari", Role::supervisor, "428195", "", kNow).ok());
    std::vector<HouseholdInput> batch;
    for (int i = 0; i < households; ++i)
        batch.push_back(test::sampleHousehold(i, i * 4, i % 4 + 1));
    if (!batch.empty())
        REQUIRE(
            (*store)->registerHouseholds(batch, test::regions(), {"t", kNow, test::kToday}).ok());
    return std::move(store.value());
}

}  // namespace

TEST_CASE("ui: every screen renders in both languages with no missing text") {
    auto store = seededStore(30);
    for (Lang lang : {Lang::id, Lang::en}) {
        test::Headless app(*store, lang);
        app.frames(3);
        CHECK(app.screen() == "login");
        app.shell().navigator().signIn(listUsers(*store)->front());
        for (auto make : std::vector<std::function<std::unique_ptr<ui::Screen>()>>{
                 [] { return std::make_unique<ui::FirstRunScreen>(); },
                 [] { return std::make_unique<ui::LoginScreen>(); },
                 [] { return std::make_unique<ui::HomeScreen>(); },
                 [] { return std::make_unique<ui::HouseholdsScreen>(); },
                 [] {
                     return std::make_unique<ui::ReceiptScreen>(
                         "0192f0c4-1111-7111-8111-111111111111", 3);
                 },
                 [] {
                     HouseholdDraft d;
                     d.district_code = "18.06.01";
                     d.household = test::sampleHousehold(1, 100, 3);
                     d.household.members[2].segment = "PBI-APBN";
                     return std::make_unique<ui::WizardScreen>(d);
                 }}) {
            app.shell().show(make());
            INFO("screen " << app.screen());
            app.frames(3);
        }
        // Every step of the wizard, with a household that has a PBI member.
        for (WizardStep step : kAllSteps) {
            HouseholdDraft d;
            d.step = step;
            d.district_code = "18.06.01";
            d.household = test::sampleHousehold(1, 100, 3);
            d.household.members[2].segment = "PBI-APBN";
            app.shell().show(std::make_unique<ui::WizardScreen>(d));
            INFO("step " << stepCode(step));
            app.frames(3);
            app.tap("wizard.next");
        }
        app.shell().show(std::make_unique<ui::WizardScreen>());
        app.tap("wizard.next");
        app.tap("wizard.next");
        // With the keyboard and the keypad up, too.
        app.shell().show(std::make_unique<ui::HouseholdsScreen>());
        app.tap("households.search");
        CHECK(app.ui().find("key.q"));
        app.shell().show(std::make_unique<ui::FirstRunScreen>());
        app.tap("first_run.pin");
        CHECK(app.ui().find("key.5"));
        CHECK_FALSE(app.ui().find("key.q"));
        INFO("missing: " << Catch::Detail::stringify(std::vector<std::string>(
                 app.ui().missingKeys().begin(), app.ui().missingKeys().end())));
        CHECK(app.ui().missingKeys().empty());
    }
}

TEST_CASE("ui: first run creates the supervisor by tapping, and signs them in") {
    auto store = Store::open(test::tempPath("first.db"));
    REQUIRE(store.ok());
    test::Headless app(**store);
    app.frames(2);
    REQUIRE(app.screen() == "first_run");
    app.tap("first_run.name");
    app.typeKeys("Dewi Lestari");
    app.tap("key.done");
    app.tap("first_run.pin");
    app.typeKeys("428195");
    app.tap("first_run.pin_again");
    app.typeKeys("428190");
    app.tap("key.done");
    app.tap("first_run.create");
    CHECK(app.screen() == "first_run");  // the PINs differ
    app.tap("first_run.pin_again");
    app.typeKeys("428195");
    app.tap("key.done");
    app.tap("first_run.create");
    CHECK(app.screen() == "home");
    auto users = listUsers(**store);
    REQUIRE(users.ok());
    REQUIRE(users->size() == 1);
    CHECK((*users)[0].name == "Dewi Lestari");
    CHECK((*users)[0].role == Role::supervisor);
}

TEST_CASE("ui: login by name and PIN; five wrong PINs lock; ten idle minutes log out") {
    auto store = seededStore(3);
    auto users = listUsers(*store);
    REQUIRE(users.ok());
    const std::string id = users->front().id;
    test::Headless app(*store, Lang::en);
    app.frames(2);
    REQUIRE(app.screen() == "login");
    app.tap("login.user." + id);
    app.typeKeys("428195");
    CHECK(app.screen() == "home");
    REQUIRE(app.shell().navigator().user());
    CHECK(app.shell().navigator().user()->name == "Dewi Lestari");

    app.tap("home.households");
    CHECK(app.screen() == "households");
    app.tap("nav.back");
    CHECK(app.screen() == "home");

    app.advance(kIdleLogoutSeconds);
    app.frames(2);
    CHECK(app.screen() == "login");
    CHECK_FALSE(app.shell().navigator().user());

    app.tap("login.user." + id);
    for (int i = 0; i < 5; ++i) app.typeKeys("000001");
    CHECK(app.screen() == "login");
    app.typeKeys("428195");  // the right PIN, but locked
    CHECK(app.screen() == "login");
    app.advance(kLockoutSeconds);
    app.typeKeys("428195");
    CHECK(app.screen() == "home");
}

TEST_CASE("ui: the household list pages through 10,000 households and searches") {
    auto store = seededStore(0);
    std::vector<HouseholdInput> batch;
    for (int i = 0; i < 10'000; ++i) batch.push_back(test::sampleHousehold(i, i * 2, 2));
    REQUIRE(store->registerHouseholds(batch, test::regions(), {"t", kNow, test::kToday}).ok());
    test::Headless app(*store);
    app.shell().navigator().signIn(listUsers(*store)->front());
    app.shell().show(std::make_unique<ui::HouseholdsScreen>());
    app.frames(3);
    app.tap("households.search");
    app.typeKeys("siti");
    app.frames(2);
    CHECK(app.ui().missingKeys().empty());
}
