#include "proto/kiosk_lookup.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

namespace {

KioskEntry sampleEntry() {
    KioskEntry e;
    e.lookup = "0123456789abcdef0123456789abcdef";
    e.kk_lookup = e.lookup;
    e.receipt_lookup = "fedcba9876543210fedcba9876543210";
    e.status = "card_issued";
    e.care_class = 2;
    e.faskes = "Puskesmas Kota Agung";
    e.card_eta = "2026-12-10";
    e.card_number_masked = "*********7890";
    e.name_masked = "S*** A*****";
    e.as_of = "2026-12-03T00:00:00Z";
    return e;
}

}  // namespace

TEST_CASE("kiosk lookup: card numbers show their last four digits", "[kiosk_lookup]") {
    CHECK(maskCardNumber("0001234567890") == "*********7890");
    CHECK(maskCardNumber("12345") == "*2345");
    CHECK(maskCardNumber("1234") == "****");  // nothing of a short number is shown
    CHECK(maskCardNumber("") == "");
}

TEST_CASE("kiosk lookup: an entry travels as kiosk.status data and back", "[kiosk_lookup]") {
    const KioskEntry e = sampleEntry();
    const Json data = kioskEntryJson(e);
    CHECK(data["class"] == 2);
    auto back = parseKioskEntry(data);
    REQUIRE(back);
    CHECK(back->lookup == e.lookup);
    CHECK(back->kk_lookup == e.kk_lookup);
    CHECK(back->receipt_lookup == e.receipt_lookup);
    CHECK_FALSE(back->legacy);
    // Made since issue 12: kk_lookup is always there, "" when the hub knows no KK number.
    KioskEntry no_kk = e;
    no_kk.kk_lookup.clear();
    CHECK(kioskEntryJson(no_kk).at("kk_lookup") == "");
    CHECK_FALSE(parseKioskEntry(kioskEntryJson(no_kk))->legacy);
    CHECK(back->status == e.status);
    CHECK(back->care_class == 2);
    CHECK(back->faskes == e.faskes);
    CHECK(back->card_eta == e.card_eta);
    CHECK(back->card_number_masked == e.card_number_masked);
    CHECK(back->name_masked == e.name_masked);
    CHECK(back->as_of == e.as_of);

    KioskEntry no_class = e;
    no_class.care_class.reset();
    CHECK_FALSE(kioskEntryJson(no_class).contains("class"));
    CHECK_FALSE(parseKioskEntry(kioskEntryJson(no_class))->care_class);
    Json null_class = data;
    null_class["class"] = nullptr;
    CHECK_FALSE(parseKioskEntry(null_class)->care_class);
    // Fields a newer hub may add are ignored; missing texts read as "".
    Json newer = {{"lookup", e.lookup}, {"status", "paid"}, {"as_of", e.as_of}, {"x", 1}};
    REQUIRE(parseKioskEntry(newer));
    CHECK(parseKioskEntry(newer)->faskes.empty());
}

TEST_CASE("kiosk lookup: data that is not an entry is refused whole", "[kiosk_lookup]") {
    const Json good = kioskEntryJson(sampleEntry());
    auto with = [&](const char* key, Json value) {
        Json d = good;
        d[key] = std::move(value);
        return d;
    };
    auto without = [&](const char* key) {
        Json d = good;
        d.erase(key);
        return d;
    };
    CHECK_FALSE(parseKioskEntry(Json::array()));
    // Data of a hub older than issue 12 (no kk_lookup) needs its lookup; newer data keeps
    // `lookup` for older kiosks only.
    Json legacy = without("kk_lookup");
    REQUIRE(parseKioskEntry(legacy));
    CHECK(parseKioskEntry(legacy)->legacy);
    legacy.erase("lookup");
    CHECK_FALSE(parseKioskEntry(legacy));
    CHECK_FALSE(parseKioskEntry(good)->legacy);
    CHECK(parseKioskEntry(without("lookup")));
    CHECK_FALSE(parseKioskEntry(with("kk_lookup", "0123")));
    CHECK_FALSE(parseKioskEntry(with("kk_lookup", 5)));
    CHECK_FALSE(parseKioskEntry(without("status")));
    CHECK_FALSE(parseKioskEntry(without("as_of")));
    CHECK_FALSE(parseKioskEntry(with("lookup", "0123456789ABCDEF0123456789ABCDEF")));  // upper
    CHECK_FALSE(parseKioskEntry(with("lookup", "0123")));
    CHECK_FALSE(parseKioskEntry(with("lookup", "1806011505800001180601150580000x")));
    CHECK_FALSE(parseKioskEntry(with("status", 3)));
    CHECK_FALSE(parseKioskEntry(with("faskes", Json::array())));
    CHECK_FALSE(parseKioskEntry(with("class", 4)));
    CHECK_FALSE(parseKioskEntry(with("class", "3")));
    CHECK_FALSE(parseKioskEntry(with("class", 2.5)));
}
