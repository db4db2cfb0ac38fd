#include "store/card_check.hpp"

#include <catch2/catch.hpp>

#include "proto/signature.hpp"
#include "store/outbox.hpp"
#include "store/settings.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"

using namespace pekon;

namespace {

const Date kBirth{1985, 8, 22};
constexpr const char* kNik = test::sample::kSpouseNik;
constexpr const char* kKk = test::sample::kKk;

// Makes the device a kiosk with a key of `fill` bytes and one paid entry dated `as_of`.
KioskKey setUpKiosk(Store& store, unsigned char fill, const std::string& as_of) {
    KioskKey key;
    key.bytes.fill(fill);
    sync::DeviceSecret secret;
    secret.bytes = key.bytes;
    REQUIRE(writeSetting(store, kSettingKioskKey, sync::encodeSecret(secret)));
    KioskEntry e;
    e.lookup = kkLookupKey(key, kNik, kKk).value();
    e.status = "paid";
    e.care_class = 3;
    e.name_masked = "S*** A*****";
    e.as_of = as_of;
    REQUIRE(upsertKioskEntries(store, {e}));
    return key;
}

}  // namespace

TEST_CASE("a device without a kiosk key is not a kiosk and cannot check a card", "[kiosk]") {
    auto store = Store::open(test::tempPath("not_kiosk.db"));
    REQUIRE(store);
    CHECK_FALSE(isKioskDevice(**store).value());
    auto r = checkCardStatusByKk(**store, kNik, kKk);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "kiosk_not_set_up");
    CHECK_FALSE(r.error().message_id.empty());
    // A damaged key is no key either.
    REQUIRE(writeSetting(**store, kSettingKioskKey, "not base64!"));
    CHECK_FALSE(isKioskDevice(**store).value());
    CHECK(checkCardStatusByKk(**store, kNik, kKk).error().code == "kiosk_not_set_up");
}

TEST_CASE("a kiosk finds the entry and dates it by the last completed sync", "[kiosk]") {
    auto store = Store::open(test::tempPath("card_check.db"));
    REQUIRE(store);
    setUpKiosk(**store, 9, "2026-11-20T03:00:00Z");
    CHECK(isKioskDevice(**store).value());

    auto found = checkCardStatusByKk(**store, kNik, kKk);
    REQUIRE(found);
    REQUIRE(found->has_value());
    CHECK((*found)->status == "paid");
    CHECK((*found)->as_of == "2026-11-20T03:00:00Z");  // never synced: the entry's own date

    const UnixSeconds synced = parseRfc3339("2026-11-22T09:30:00Z").value();
    REQUIRE(writeSetting(**store, kSettingLastSuccess, std::to_string(synced)));
    CHECK(checkCardStatusByKk(**store, kNik, kKk).value()->as_of == "2026-11-22T09:30:00Z");

    // A sync that completed before the entry's date does not make it look older.
    REQUIRE(writeSetting(**store, kSettingLastSuccess,
                         std::to_string(parseRfc3339("2026-11-19T00:00:00Z").value())));
    CHECK(checkCardStatusByKk(**store, kNik, kKk).value()->as_of == "2026-11-20T03:00:00Z");

    // Wrong KK number or NIK, or the NIK with its birth date: not found (and not an error).
    auto wrong = checkCardStatusByKk(**store, kNik, "1806011203150008");
    REQUIRE(wrong);
    CHECK_FALSE(wrong->has_value());
    CHECK_FALSE(checkCardStatusByKk(**store, "1806016208850003", kKk).value().has_value());
    CHECK_FALSE(checkCardStatusByReceipt(**store, kNik, kBirth).value().has_value());
}
