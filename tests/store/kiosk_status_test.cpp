#include "store/kiosk_status.hpp"

#include <catch2/catch.hpp>

#include "support/fixtures.hpp"

using namespace pekon;

namespace {

KioskKey keyOf(unsigned char fill) {
    KioskKey k;
    k.bytes.fill(fill);
    return k;
}

const Date kBirth{1985, 8, 22};
const char* kNik = "1806016208850002";

}  // namespace

TEST_CASE("kiosk: the lookup key depends on the district key, the NIK and the birth date",
          "[kiosk_status]") {
    auto a = statusLookupKey(keyOf(1), kNik, kBirth);
    REQUIRE(a);
    CHECK(a->size() == 32);
    CHECK(a->find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(statusLookupKey(keyOf(1), kNik, kBirth).value() == *a);  // stable
    CHECK(statusLookupKey(keyOf(2), kNik, kBirth).value() != *a);
    CHECK(statusLookupKey(keyOf(1), "1806016208850003", kBirth).value() != *a);
    CHECK(statusLookupKey(keyOf(1), kNik, Date{1985, 8, 23}).value() != *a);
    CHECK(a->find("1806") == std::string::npos);
}

TEST_CASE("kiosk: names are masked to their initials", "[kiosk_status]") {
    CHECK(maskName("Siti Aminah") == "S*** A*****");
    CHECK(maskName("Budi") == "B***");
    CHECK(maskName("  Ahmad   Rizki ") == "A**** R****");
    CHECK(maskName("Élodie Ñu") == "É***** Ñ*");  // one star per character, not per byte
    CHECK(maskName("") == "");
}

TEST_CASE("kiosk: a status is found by NIK and birth date, and the file holds no NIK",
          "[kiosk_status]") {
    const std::string path = test::tempPath("kiosk.db");
    const KioskKey key = keyOf(7);
    {
        auto store = Store::open(path);
        REQUIRE(store);
        KioskEntry e;
        e.lookup = statusLookupKey(key, kNik, kBirth).value();
        e.status = "paid";
        e.care_class = 3;
        e.faskes = "Puskesmas Kota Agung";
        e.card_eta = "2026-12-06";
        e.card_number_masked = "*********7890";
        e.name_masked = maskName("Siti Aminah");
        e.as_of = "2026-11-22T08:00:00Z";
        REQUIRE(upsertKioskEntries(**store, {e}));
        auto found = findKioskEntry(**store, key, kNik, kBirth);
        REQUIRE(found);
        REQUIRE(found->has_value());
        CHECK((*found)->status == "paid");
        CHECK((*found)->care_class == 3);
        CHECK((*found)->name_masked == "S*** A*****");
        // The wrong birth date, another NIK, another district's key: nothing.
        CHECK_FALSE(findKioskEntry(**store, key, kNik, Date{1985, 8, 21}).value().has_value());
        CHECK_FALSE(findKioskEntry(**store, key, "1806016208850003", kBirth).value().has_value());
        CHECK_FALSE(findKioskEntry(**store, keyOf(8), kNik, kBirth).value().has_value());
        // A newer decision replaces the row.
        e.status = "card_issued";
        REQUIRE(upsertKioskEntries(**store, {e}));
        CHECK(findKioskEntry(**store, key, kNik, kBirth).value()->status == "card_issued");
        REQUIRE(store.value()->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)", "t"));
    }
    const std::string bytes = test::readWholeFile(path);
    CHECK(bytes.find(kNik) == std::string::npos);
    CHECK(bytes.find("Siti") == std::string::npos);
    CHECK(bytes.find("1985-08-22") == std::string::npos);
}
