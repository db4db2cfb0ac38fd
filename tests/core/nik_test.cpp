#include <catch2/catch.hpp>

#include "core/nik.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

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
