#include "core/kk_number.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/check_error.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

Result<KkInfo> kk(std::string_view text) {
    return parseKkNumber(text, test::regions(), test::kToday);
}

}  // namespace

TEST_CASE("kk: a valid Kartu Keluarga number decodes region, issue date and serial") {
    auto r = kk("1806011503200042");
    REQUIRE(r.ok());
    CHECK(r->digits == "1806011503200042");
    CHECK(r->region.province.name == "Lampung");
    REQUIRE(r->region.regency);
    CHECK(r->region.regency->code == "18.06");
    REQUIRE(r->region.district);
    CHECK(r->region.district->name == "Kota Agung");
    CHECK(r->issue_date == Date{2020, 3, 15});
    CHECK(r->serial == "0042");
    CHECK(r->warnings.empty());
}

TEST_CASE("kk: spaces between digit groups are ignored") {
    auto r = kk(" 1806 0115 0320 0042 ");
    REQUIRE(r.ok());
    CHECK(r->digits == "1806011503200042");
}

TEST_CASE("kk: the issue date century") {
    SECTION("issued today") {
        auto r = kk("1806012211260001");
        REQUIRE(r.ok());
        CHECK(r->issue_date == Date{2026, 11, 22});
    }
    SECTION("yy=99 is 1999") {
        auto r = kk("1806013112990001");
        REQUIRE(r.ok());
        CHECK(r->issue_date == Date{1999, 12, 31});
    }
    SECTION("29 February 2024") {
        auto r = kk("1806012902240001");
        REQUIRE(r.ok());
        CHECK(r->issue_date == Date{2024, 2, 29});
    }
}

TEST_CASE("kk: an issue date that is not a real date") {
    CHECK_ERROR_CODE(kk("1806013102200001"), "kk_date_invalid");  // 31 February
    CHECK_ERROR_CODE(kk("1806010003200001"), "kk_date_invalid");  // day 00
    CHECK_ERROR_CODE(kk("1806011513200001"), "kk_date_invalid");  // month 13
    CHECK_ERROR_CODE(kk("1806011500200001"), "kk_date_invalid");  // month 00
    CHECK_ERROR_CODE(kk("1806012902230001"), "kk_date_invalid");  // 2023 and 1923 are common years
    // A KK carries an issue date, not a birth date: no "+40" for women.
    CHECK_ERROR_CODE(kk("1806015503200001"), "kk_date_invalid");
}

// A future DDMMYY is not re-read as 19YY: 01-12-26 (after 2026-11-22) is refused.
TEST_CASE("kk: an issue date after today is rejected") {
    SECTION("2026-12-01, later this year") {
        auto r = kk("1806010112260001");
        CHECK_ERROR_CODE(r, "kk_date_invalid");
    }
    SECTION("2026-11-23, tomorrow") {
        auto r = kk("1806012311260001");
        CHECK_ERROR_CODE(r, "kk_date_invalid");
    }
}

TEST_CASE("kk: a two-digit year before 1970 is not a plausible issue year") {
    CHECK_ERROR_CODE(kk("1806010101690001"), "kk_date_invalid");  // 1969
    auto r = kk("1806010101700001");                              // 1970
    REQUIRE(r.ok());
    CHECK(r->issue_date == Date{1970, 1, 1});
}

TEST_CASE("kk: serial 0000 is invalid") {
    CHECK_ERROR_CODE(kk("1806011503200000"), "kk_serial_invalid");
}

TEST_CASE("kk: shape errors") {
    CHECK_ERROR_CODE(kk(""), "kk_empty");
    CHECK_ERROR_CODE(kk("  "), "kk_empty");
    CHECK_ERROR_CODE(kk("18060115032000A2"), "kk_not_digits");
    CHECK_ERROR_CODE(kk("1806-0115-0320-0042"), "kk_not_digits");
    auto short_ = kk("180601150320004");
    CHECK_ERROR_CODE(short_, "kk_length");
    CHECK_THAT(short_.error().message_en, Catch::Contains("16") && Catch::Contains("15"));
    CHECK_ERROR_CODE(kk("18060115032000421"), "kk_length");
}

TEST_CASE("kk: region of issue") {
    SECTION("unknown province is an error with the kk_ prefix") {
        CHECK_ERROR_CODE(kk("9906011503200001"), "kk_province_unknown");
    }
    SECTION("unknown regency is a warning") {
        auto r = kk("1899011503200001");
        REQUIRE(r.ok());
        CHECK_FALSE(r->region.regency);
        REQUIRE(r->warnings.size() == 1);
        CHECK(r->warnings[0].code == "kk_regency_unknown");
        CHECK(r->warnings[0].message_id != r->warnings[0].message_en);
    }
    SECTION("unknown kecamatan is a warning") {
        auto r = kk("1806991503200001");
        REQUIRE(r.ok());
        REQUIRE(r->region.regency);
        CHECK_FALSE(r->region.district);
        REQUIRE(r->warnings.size() == 1);
        CHECK(r->warnings[0].code == "kk_district_unknown");
        CHECK_THAT(r->warnings[0].message_en, Catch::Contains("18.06.99"));
    }
}

TEST_CASE("card: a 13-digit BPJS/KIS card number") {
    auto r = parseCardNumber("0001234567890");
    REQUIRE(r.ok());
    CHECK(*r == "0001234567890");
    auto spaced = parseCardNumber(" 0001 2345 67890 ");
    REQUIRE(spaced.ok());
    CHECK(*spaced == "0001234567890");
}

TEST_CASE("card: wrong length, letters, empty") {
    auto twelve = parseCardNumber("000123456789");
    CHECK_ERROR_CODE(twelve, "card_length");
    CHECK_THAT(twelve.error().message_en, Catch::Contains("13") && Catch::Contains("12"));
    auto fourteen = parseCardNumber("00012345678901");
    CHECK_ERROR_CODE(fourteen, "card_length");
    CHECK_THAT(fourteen.error().message_id, Catch::Contains("14"));
    CHECK_ERROR_CODE(parseCardNumber("000123456789A"), "card_not_digits");
    CHECK_ERROR_CODE(parseCardNumber("KIS0123456789"), "card_not_digits");
    CHECK_ERROR_CODE(parseCardNumber(""), "card_empty");
    CHECK_ERROR_CODE(parseCardNumber(" \t"), "card_empty");
}
