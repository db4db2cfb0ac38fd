#include "core/nik.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/check_error.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

Result<NikInfo> nik(std::string_view text, const NikCheck& check = {}) {
    return parseNik(text, test::regions(), test::kToday, check);
}

}  // namespace

TEST_CASE("a valid Tanggamus NIK decodes region, birth date and sex") {
    auto r = parseNik("1806014107850003", test::regions(), test::kToday);
    REQUIRE(r.ok());
    CHECK(r->region.province.name == "Lampung");
    REQUIRE(r->region.regency);
    CHECK(r->region.regency->code == "18.06");
    REQUIRE(r->region.district);
    CHECK(r->region.district->name == "Kota Agung");
    CHECK(r->birth_date == Date{1985, 7, 1});
    CHECK(r->sex == Sex::female);
    CHECK(r->serial == "0003");
    CHECK(r->warnings.empty());
}

TEST_CASE("nik: a valid male NIK keeps the day as is") {
    auto r = nik("1806021407850123");
    REQUIRE(r.ok());
    CHECK(r->digits == "1806021407850123");
    CHECK(r->region.province.code == "18");
    REQUIRE(r->region.regency);
    CHECK(r->region.regency->name == "Kabupaten Tanggamus");
    REQUIRE(r->region.district);
    CHECK(r->region.district->code == "18.06.02");
    CHECK(r->region.district->name == "Talang Padang");
    CHECK(r->birth_date == Date{1985, 7, 14});
    CHECK(r->sex == Sex::male);
    CHECK(r->serial == "0123");
    CHECK(r->warnings.empty());
}

TEST_CASE("nik: a valid female NIK has day + 40") {
    auto r = nik("1806015407859999");
    REQUIRE(r.ok());
    CHECK(r->birth_date == Date{1985, 7, 14});
    CHECK(r->sex == Sex::female);
    CHECK(r->serial == "9999");
}

TEST_CASE("nik: a NIK from outside Lampung decodes against the national tables") {
    auto r = nik("3171011207900001");
    REQUIRE(r.ok());
    CHECK(r->region.province.name == "Daerah Khusus Ibukota Jakarta");
    REQUIRE(r->region.district);
    CHECK(r->region.district->name == "Gambir");
    CHECK(r->birth_date == Date{1990, 7, 12});
    CHECK(r->warnings.empty());
}

TEST_CASE("nik: 29 February in leap and common years") {
    SECTION("2000 is a leap year (divisible by 400)") {
        auto r = nik("1806012902000001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2000, 2, 29});
        CHECK(r->sex == Sex::male);
    }
    SECTION("a woman born on 29 February 2000 (day 69)") {
        auto r = nik("1806016902000001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2000, 2, 29});
        CHECK(r->sex == Sex::female);
    }
    SECTION("2004") {
        auto r = nik("1806012902040001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2004, 2, 29});
    }
    SECTION("1996: 2096 is in the future, so the previous century") {
        auto r = nik("1806012902960001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1996, 2, 29});
    }
    SECTION("2001 and 1901 are both common years") {
        CHECK_ERROR_CODE(nik("1806012902010001"), "nik_date_invalid");
    }
    SECTION("yy=00 with a 19xx birth date hint means 1900, which is not a leap year") {
        CHECK_ERROR_CODE(nik("1806012902000001", NikCheck{Date{1900, 2, 28}, {}}),
                         "nik_date_invalid");
    }
    SECTION("yy=00 with a 20xx hint is 2000-02-29") {
        auto r = nik("1806012902000001", NikCheck{Date{2000, 2, 29}, Sex::male});
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2000, 2, 29});
    }
}

TEST_CASE("nik: the day digits") {
    SECTION("00 is invalid") {
        CHECK_ERROR_CODE(nik("1806010007850001"), "nik_day_invalid");
    }
    SECTION("01 is a man born on the 1st") {
        auto r = nik("1806010107850001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1985, 7, 1});
        CHECK(r->sex == Sex::male);
    }
    SECTION("31 is a man born on the 31st") {
        auto r = nik("1806013107850001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1985, 7, 31});
        CHECK(r->sex == Sex::male);
    }
    SECTION("31 in a 30-day month is not a real date") {
        CHECK_ERROR_CODE(nik("1806013104850001"), "nik_date_invalid");
    }
    SECTION("32 is invalid") {
        CHECK_ERROR_CODE(nik("1806013207850001"), "nik_day_invalid");
    }
    SECTION("40 is invalid") {
        CHECK_ERROR_CODE(nik("1806014007850001"), "nik_day_invalid");
    }
    SECTION("41 is a woman born on the 1st") {
        auto r = nik("1806014107850001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1985, 7, 1});
        CHECK(r->sex == Sex::female);
    }
    SECTION("71 is a woman born on the 31st") {
        auto r = nik("1806017107850001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1985, 7, 31});
        CHECK(r->sex == Sex::female);
    }
    SECTION("71 in a 30-day month is not a real date") {
        CHECK_ERROR_CODE(nik("1806017106850001"), "nik_date_invalid");
    }
    SECTION("72 is invalid") {
        CHECK_ERROR_CODE(nik("1806017207850001"), "nik_day_invalid");
    }
    SECTION("99 is invalid") {
        CHECK_ERROR_CODE(nik("1806019907850001"), "nik_day_invalid");
    }
}

TEST_CASE("nik: the month digits") {
    CHECK_ERROR_CODE(nik("1806011400850001"), "nik_month_invalid");
    CHECK_ERROR_CODE(nik("1806011413850001"), "nik_month_invalid");
    CHECK_ERROR_CODE(nik("1806011499850001"), "nik_month_invalid");
    auto jan = nik("1806011401850001");
    REQUIRE(jan.ok());
    CHECK(jan->birth_date.month == 1);
    auto dec = nik("1806011412850001");
    REQUIRE(dec.ok());
    CHECK(dec->birth_date.month == 12);
}

TEST_CASE("nik: serial 0000 is invalid, 0001 is fine") {
    CHECK_ERROR_CODE(nik("1806011407850000"), "nik_serial_invalid");
    auto r = nik("1806011407850001");
    REQUIRE(r.ok());
    CHECK(r->serial == "0001");
}

TEST_CASE("nik: unknown regency and kecamatan are warnings, unknown province an error") {
    SECTION("unknown regency 18.99") {
        auto r = nik("1899011407850001");
        REQUIRE(r.ok());
        CHECK(r->region.province.code == "18");
        CHECK_FALSE(r->region.regency);
        CHECK_FALSE(r->region.district);
        REQUIRE(r->warnings.size() == 1);
        CHECK(r->warnings[0].code == "nik_regency_unknown");
        CHECK_THAT(r->warnings[0].message_en, Catch::Contains("18.99"));
        CHECK_THAT(r->warnings[0].message_id, Catch::Contains("18.99"));
        CHECK(r->warnings[0].message_id != r->warnings[0].message_en);
        CHECK(r->birth_date == Date{1985, 7, 14});
    }
    SECTION("unknown kecamatan 18.06.05 (Tanggamus has no kecamatan 05)") {
        auto r = nik("1806051407850001");
        REQUIRE(r.ok());
        REQUIRE(r->region.regency);
        CHECK(r->region.regency->code == "18.06");
        CHECK_FALSE(r->region.district);
        REQUIRE(r->warnings.size() == 1);
        CHECK(r->warnings[0].code == "nik_district_unknown");
        CHECK_THAT(r->warnings[0].message_en, Catch::Contains("18.06.05"));
        CHECK_FALSE(r->warnings[0].message_id.empty());
        CHECK(r->warnings[0].message_id != r->warnings[0].message_en);
    }
    SECTION("unknown province") {
        for (const char* text :
             {"1006011407850001", "2006011407850001", "9906011407850001", "0006011407850001"}) {
            INFO(text);
            CHECK_ERROR_CODE(nik(text), "nik_province_unknown");
        }
        auto r = nik("9906011407850001");
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.error().message_en, Catch::Contains("99"));
    }
    SECTION("the province is checked before the date") {
        CHECK_ERROR_CODE(nik("9906010013850000"), "nik_province_unknown");
    }
}

TEST_CASE("nik: the century without a birth date hint") {
    // kToday is 2026-11-22.
    SECTION("yy = today's yy, on today: this century") {
        auto r = nik("1806012211260001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2026, 11, 22});
    }
    SECTION("yy = today's yy, the day before today: this century") {
        auto r = nik("1806012111260001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2026, 11, 21});
    }
    SECTION("yy = today's yy, the day after today: the previous century") {
        auto r = nik("1806012311260001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1926, 11, 23});
    }
    SECTION("yy = today's yy, a later month: the previous century") {
        auto r = nik("1806010112260001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1926, 12, 1});
    }
    SECTION("yy = 00 is 2000") {
        auto r = nik("1806010101000001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2000, 1, 1});
    }
    SECTION("yy = 99 is 1999") {
        auto r = nik("1806013112990001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1999, 12, 31});
    }
    SECTION("yy = 27 is 1927") {
        auto r = nik("1806010101270001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1927, 1, 1});
    }
    SECTION("the century follows `today`") {
        auto r = parseNik("1806010101270001", test::regions(), Date{2030, 1, 1});
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2027, 1, 1});
    }
}

TEST_CASE("nik: a birth date hint chooses the century") {
    SECTION("yy=20 with hint 1920 -> 1920") {
        auto r = nik("1806011005200001", NikCheck{Date{1920, 5, 10}, {}});
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1920, 5, 10});
    }
    SECTION("the same NIK without a hint -> 2020") {
        auto r = nik("1806011005200001");
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{2020, 5, 10});
    }
    SECTION("yy=99 with hint 1999 -> 1999") {
        auto r = nik("1806013112990001", NikCheck{Date{1999, 12, 31}, Sex::male});
        REQUIRE(r.ok());
        CHECK(r->birth_date == Date{1999, 12, 31});
    }
    SECTION("a hint in another century than the NIK's date is a mismatch") {
        CHECK_ERROR_CODE(nik("1806011005200001", NikCheck{Date{1919, 5, 10}, {}}),
                         "nik_birth_date_mismatch");
    }
}

TEST_CASE("nik: cross-checks against the entered birth date and sex") {
    SECTION("both match") {
        auto r = nik("1806015407850001", NikCheck{Date{1985, 7, 14}, Sex::female});
        REQUIRE(r.ok());
        CHECK(r->sex == Sex::female);
    }
    SECTION("a different day is a birth date mismatch naming both dates") {
        auto r = nik("1806011407850001", NikCheck{Date{1985, 7, 15}, {}});
        CHECK_ERROR_CODE(r, "nik_birth_date_mismatch");
        CHECK_THAT(r.error().message_en,
                   Catch::Contains("1985-07-15") && Catch::Contains("1985-07-14"));
        CHECK_THAT(r.error().message_id,
                   Catch::Contains("1985-07-15") && Catch::Contains("1985-07-14"));
    }
    SECTION("a different month is a birth date mismatch") {
        CHECK_ERROR_CODE(nik("1806011407850001", NikCheck{Date{1985, 8, 14}, {}}),
                         "nik_birth_date_mismatch");
    }
    SECTION("a female NIK for a man is a sex mismatch") {
        CHECK_ERROR_CODE(nik("1806015407850001", NikCheck{Date{1985, 7, 14}, Sex::male}),
                         "nik_sex_mismatch");
    }
    SECTION("a male NIK for a woman is a sex mismatch") {
        CHECK_ERROR_CODE(nik("1806011407850001", NikCheck{{}, Sex::female}), "nik_sex_mismatch");
    }
    SECTION("the two mismatches have distinct messages per direction") {
        auto f = nik("1806015407850001", NikCheck{{}, Sex::male});
        auto m = nik("1806011407850001", NikCheck{{}, Sex::female});
        REQUIRE_FALSE(f.ok());
        REQUIRE_FALSE(m.ok());
        CHECK(f.error().code == m.error().code);
        CHECK(f.error().message_en != m.error().message_en);
        CHECK(f.error().message_id != m.error().message_id);
    }
}

TEST_CASE("nik: input shape errors") {
    SECTION("empty and blank") {
        CHECK_ERROR_CODE(nik(""), "nik_empty");
        CHECK_ERROR_CODE(nik("   "), "nik_empty");
        CHECK_ERROR_CODE(nik("\t \t"), "nik_empty");
    }
    SECTION("non-digits") {
        CHECK_ERROR_CODE(nik("18060114078500O3"), "nik_not_digits");  // letter O
        CHECK_ERROR_CODE(nik("1806-0114-0785-0003"), "nik_not_digits");
        CHECK_ERROR_CODE(nik("abc"), "nik_not_digits");
        CHECK_ERROR_CODE(nik("-806011407850003"), "nik_not_digits");
    }
    SECTION("wrong length, naming the count") {
        auto short_ = nik("180601140785000");
        CHECK_ERROR_CODE(short_, "nik_length");
        CHECK_THAT(short_.error().message_en, Catch::Contains("15"));
        CHECK_THAT(short_.error().message_id, Catch::Contains("15"));
        auto long_ = nik("18060114078500031");
        CHECK_ERROR_CODE(long_, "nik_length");
        CHECK_THAT(long_.error().message_en, Catch::Contains("17"));
        CHECK_ERROR_CODE(nik("1"), "nik_length");
    }
    SECTION("non-digits are reported before the length") {
        CHECK_ERROR_CODE(nik("12x"), "nik_not_digits");
    }
}

TEST_CASE("nik: white space around and between digit groups is ignored") {
    for (const char* text :
         {"1806 0114 0785 0003", " 1806011407850003 ", "180601 140785 0003", "\t1806011407850003\n",
          "1806\t0114\t0785\t0003", "  1806 01 14 07 85 0003  "}) {
        INFO(text);
        auto r = nik(text);
        REQUIRE(r.ok());
        CHECK(r->digits == "1806011407850003");
        CHECK(r->birth_date == Date{1985, 7, 14});
    }
}

TEST_CASE("nik: compactNumber strips all white space but keeps other characters") {
    CHECK(compactNumber("180601\n1407850003") == "1806011407850003");
    CHECK(compactNumber(" 1806 0114\t0785 0003 ") == "1806011407850003");
    CHECK(compactNumber("12-34") == "12-34");
    CHECK(compactNumber("") == "");
    CHECK(compactNumber(" \t ") == "");
}
