// The device's link to pekon-hub (store/outbox: readHubLink, saveHubLink), with the kiosk
// settings that come with a kiosk's enrolment.
#include <catch2/catch.hpp>

#include "store/hub_changes.hpp"
#include "store/internal/database.hpp"
#include "store/kiosk_status.hpp"
#include "store/outbox.hpp"
#include "store/settings.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

const char* kKeyA = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
const char* kKeyB = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";

std::optional<std::string> setting(Store& store, const char* key) {
    auto value = readSetting(store, key);
    REQUIRE(value);
    return *value;
}

std::int64_t kioskRows(Store& store) {
    return connection(store).queryInt("SELECT COUNT(*) FROM kiosk_status").value();
}

void addKioskRow(Store& store) {
    KioskEntry e;
    e.lookup = "0123456789abcdef0123456789abcdef";
    e.status = "paid";
    e.as_of = "2026-12-01T00:00:00Z";
    REQUIRE(upsertKioskEntries(store, {e}));
}

}  // namespace

TEST_CASE("hub link: a kiosk's area and key are kept with the link, and follow it", "[hub_link]") {
    auto opened = Store::open(test::tempPath("link.db"));
    REQUIRE(opened);
    Store& store = **opened;
    CHECK_FALSE(readHubLink(store).value());

    // An ordinary device: no kiosk settings.
    REQUIRE(saveHubLink(store, {"http://hub", "device-1", kKeyA}));
    HubLink link = readHubLink(store).value().value();
    CHECK(link.device_id == "device-1");
    CHECK(link.kiosk_area.empty());
    CHECK(link.kiosk_key.empty());
    CHECK_FALSE(setting(store, kSettingKioskKey));

    // Enrolled again as a kiosk: both settings, read back with the link.
    REQUIRE(writeSetting(store, kSettingChangesCursor, "41"));
    REQUIRE(saveHubLink(store, {"http://hub", "kiosk-1", kKeyA, "18.06.01", kKeyB}));
    CHECK(setting(store, kSettingKioskKey) == kKeyB);
    CHECK(setting(store, kSettingKioskArea) == "18.06.01");
    link = readHubLink(store).value().value();
    CHECK(link.kiosk_area == "18.06.01");
    CHECK(link.kiosk_key == kKeyB);
    // Another device id pulls its own changes from the beginning.
    CHECK(readChangesCursor(store).value().empty());

    // The same link saved again (another hub address): the cursor and the table stay.
    addKioskRow(store);
    REQUIRE(writeSetting(store, kSettingChangesCursor, "57"));
    link.hub_url = "http://hub.example";
    REQUIRE(saveHubLink(store, link));
    CHECK(readChangesCursor(store).value() == "57");
    CHECK(kioskRows(store) == 1);

    // Another district's key: the old table can no longer be found, so it goes.
    REQUIRE(saveHubLink(store, {"http://other", "kiosk-2", kKeyA, "18.06", kKeyA}));
    CHECK(kioskRows(store) == 0);
    CHECK(setting(store, kSettingKioskArea) == "18.06");

    // Enrolled as an ordinary device again: no longer a kiosk, no table.
    addKioskRow(store);
    REQUIRE(saveHubLink(store, {"http://other", "tablet-3", kKeyA}));
    CHECK_FALSE(setting(store, kSettingKioskKey));
    CHECK_FALSE(setting(store, kSettingKioskArea));
    CHECK(kioskRows(store) == 0);
}
