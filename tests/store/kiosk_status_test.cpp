#include "store/kiosk_status.hpp"

#include <catch2/catch.hpp>

#include "store/internal/database.hpp"
#include "support/fixtures.hpp"
#include "support/sample_household.hpp"

using namespace pekon;

namespace {

KioskKey keyOf(unsigned char fill) {
    KioskKey k;
    k.bytes.fill(fill);
    return k;
}

const Date kBirth{1985, 8, 22};
constexpr const char* kNik = test::sample::kSpouseNik;
constexpr const char* kKk = test::sample::kKk;
const char* kHousehold = "01936b2e-8f00-7abc-9def-0123456789ab";

}  // namespace

TEST_CASE("kiosk: the lookup keys depend on the district key, the NIK and the KK number, or the "
          "receipt and the birth date",
          "[kiosk_status]") {
    auto a = kkLookupKey(keyOf(1), kNik, kKk);
    REQUIRE(a);
    CHECK(a->size() == 32);
    CHECK(a->find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(kkLookupKey(keyOf(1), kNik, kKk).value() == *a);  // stable
    CHECK(kkLookupKey(keyOf(2), kNik, kKk).value() != *a);
    CHECK(kkLookupKey(keyOf(1), "1806016208850003", kKk).value() != *a);
    CHECK(kkLookupKey(keyOf(1), kNik, "1806011203150008").value() != *a);
    CHECK(a->find("1806") == std::string::npos);
    // Neither is the hash of NIK and birth date, which the NIK alone gives.
    CHECK(*a != slowKeyedHash(keyOf(1), std::string(kNik) + "|1985-08-22").value());
    CHECK(receiptLookupKey(keyOf(1), kNik, kBirth).value() ==
          slowKeyedHash(keyOf(1), std::string(kNik) + "|1985-08-22").value());
    auto r = receiptLookupKey(keyOf(1), kHousehold, kBirth);
    REQUIRE(r);
    CHECK(*r != *a);
    CHECK(receiptLookupKey(keyOf(1), kHousehold, Date{1985, 8, 23}).value() != *r);
}

TEST_CASE("kiosk: names are masked to their initials", "[kiosk_status]") {
    CHECK(maskName("Siti Aminah") == "S*** A*****");
    CHECK(maskName("Budi") == "B***");
    CHECK(maskName("  Ahmad   Rizki ") == "A**** R****");
    CHECK(maskName("Élodie Ñu") == "É***** Ñ*");  // one star per character, not per byte
    CHECK(maskName("") == "");
}

TEST_CASE("kiosk: a status is found by NIK and KK number, and the file holds no NIK",
          "[kiosk_status]") {
    const std::string path = test::tempPath("kiosk.db");
    const KioskKey key = keyOf(7);
    {
        auto store = Store::open(path);
        REQUIRE(store);
        KioskEntry e;
        e.lookup = kkLookupKey(key, kNik, kKk).value();
        e.status = "paid";
        e.care_class = 3;
        e.faskes = "Puskesmas Kota Agung";
        e.card_eta = "2026-12-06";
        e.card_number_masked = "*********7890";
        e.name_masked = maskName("Siti Aminah");
        e.as_of = "2026-11-22T08:00:00Z";
        REQUIRE(upsertKioskEntries(**store, {e}));
        auto found = findKioskEntryByKk(**store, key, kNik, kKk);
        REQUIRE(found);
        REQUIRE(found->has_value());
        CHECK((*found)->status == "paid");
        CHECK((*found)->care_class == 3);
        CHECK((*found)->name_masked == "S*** A*****");
        // The wrong KK number, another NIK, another district's key, NIK and birth date: nothing.
        CHECK_FALSE(
            findKioskEntryByKk(**store, key, kNik, "1806011203150008").value().has_value());
        CHECK_FALSE(findKioskEntryByKk(**store, key, "1806016208850003", kKk).value().has_value());
        CHECK_FALSE(findKioskEntryByKk(**store, keyOf(8), kNik, kKk).value().has_value());
        CHECK_FALSE(findKioskEntryByReceipt(**store, key, kNik, kBirth).value().has_value());
        // A newer decision replaces the row.
        e.status = "card_issued";
        REQUIRE(upsertKioskEntries(**store, {e}));
        CHECK(findKioskEntryByKk(**store, key, kNik, kKk).value()->status == "card_issued");
        REQUIRE(connection(*store.value()).exec("PRAGMA wal_checkpoint(TRUNCATE)", "t"));
    }
    const std::string bytes = test::readWholeFile(path);
    CHECK(bytes.find(kNik) == std::string::npos);
    CHECK(bytes.find("Siti") == std::string::npos);
    CHECK(bytes.find("1985-08-22") == std::string::npos);
    CHECK(bytes.find(kKk) == std::string::npos);
}
