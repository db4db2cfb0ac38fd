#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "store/households.hpp"
#include "store/users.hpp"
#include "support/sample_households.hpp"
#include "support/scan_samples.hpp"
#include "ui/headless.hpp"
#include "ui/screens/first_run_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/household_screen.hpp"
#include "ui/screens/households_screen.hpp"
#include "ui/screens/login_screen.hpp"
#include "ui/screens/photo_import_screen.hpp"
#include "ui/screens/receipt_screen.hpp"
#include "ui/screens/scan_result_screen.hpp"
#include "ui/screens/scanner_screen.hpp"
#include "ui/screens/settings_screen.hpp"
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
            registerHouseholds(**store, batch, test::regions(), {"t", kNow, test::kToday}).ok());
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

        // Scanning: the overlay without a camera, then with one still opening; the settings;
        // photo import with no photo, and with one that holds no code; a scan result of every
        // kind; the message after a scan was used.
        app.shell().show(std::make_unique<ui::ScannerScreen>());
        app.frames(3);
        CHECK(dynamic_cast<const ui::ScannerScreen&>(app.shell().top()).status() ==
              app.ui().t("scanner.no_camera"));
        app.ui().devices.open_camera =
            [](const std::string&) -> Result<std::unique_ptr<ui::FrameSource>> {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            return Error{"camera_busy", "Kamera sedang dipakai.", "The camera is busy."};
        };
        app.ui().devices.list_cameras = [] {
            return std::vector<ui::CameraChoice>{{"/dev/video0", "Kamera"}};
        };
        app.shell().show(std::make_unique<ui::ScannerScreen>());
        app.frames(1);
        CHECK(dynamic_cast<const ui::ScannerScreen&>(app.shell().top()).status() ==
              app.ui().t("scanner.opening"));
        app.shell().show(std::make_unique<ui::SettingsScreen>());  // the overlay waits to close
        app.frames(3);
        app.ui().devices = {};
        app.shell().show(std::make_unique<ui::SettingsScreen>());  // no camera
        app.frames(3);
        app.tap("settings.format.qr");
        app.shell().show(std::make_unique<ui::PhotoImportScreen>(scan::kAllSymbologies));
        app.frames(3);
        const std::string photos = test::tempDir();
        std::filesystem::copy_file(test::emptyScanFrames().front(), photos + "/IMG_0001.jpg");
        app.ui().devices.photo_folders = [photos] { return std::vector<std::string>{photos}; };
        app.shell().show(std::make_unique<ui::PhotoImportScreen>(scan::kAllSymbologies));
        app.frames(3);
        app.tap("photo.0");
        CHECK(dynamic_cast<const ui::PhotoImportScreen&>(app.shell().top()).problem() ==
              app.ui().t("photo.no_code"));
        app.ui().devices = {};
        std::set<PayloadKind> kinds;
        for (const char* code :
             {"nik=1806014501870003;nama=SITI AMINAH;tgl_lahir=1987-01-05;jk=P",
              "no_kk=1806011203150007", "0001234567890",
              "pekon://receipt?v=1&id=0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9e",
              "pekon://enrol?hub=https%3A%2F%2Fhub.tanggamus.go.id&token=Q7mX2kP9vR4t",
              "pekon://session?id=0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9f",
              "pekon://user?id=0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d90", "WIFI:S:Balai;;",
              "1806019901870003"}) {
            const ScanPayload payload = app.ui().parseScan(code);
            INFO("code " << code << " kind " << payloadKindCode(payload.kind));
            kinds.insert(payload.kind);
            app.shell().show(std::make_unique<ui::ScanResultScreen>(payload));
            app.frames(3);
        }
        CHECK(kinds.size() == 8);  // every kind of payload was shown
        app.shell().show(std::make_unique<ui::HouseholdsScreen>());
        app.shell().scanned(app.ui().parseScan("1806014501870003"));
        app.frames(2);
        CHECK_FALSE(app.shell().toast().empty());
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

TEST_CASE("ui: login by name and PIN, five wrong PINs lock, ten idle minutes log out") {
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
    REQUIRE(registerHouseholds(*store, batch, test::regions(), {"t", kNow, test::kToday}).ok());
    test::Headless app(*store);
    app.shell().navigator().signIn(listUsers(*store)->front());
    app.shell().show(std::make_unique<ui::HouseholdsScreen>());
    app.frames(3);
    app.tap("households.search");
    app.typeKeys("siti");
    app.frames(2);
    CHECK(app.ui().missingKeys().empty());
}
