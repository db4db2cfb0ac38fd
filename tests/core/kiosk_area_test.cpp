#include "core/kiosk_area.hpp"

#include <catch2/catch.hpp>

#include "support/check_error.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

TEST_CASE("kiosk area: a regency or kecamatan code, known to the region tables", "[kiosk_area]") {
    const RegionTable& regions = test::regions();
    CHECK(parseKioskArea("18.06.01", &regions).value() == "18.06.01");  // Kota Agung
    CHECK(parseKioskArea("18.06", &regions).value() == "18.06");        // Tanggamus
    for (const char* bad : {"", "18", "18.6", "18.06.1", "18-06", "18.06.01.2016", "18.06.", "1806",
                            "ab.cd", "18.06.01 ", " 18.06"}) {
        INFO(bad);
        CHECK_ERROR_CODE(parseKioskArea(bad, nullptr), "kiosk_area_invalid");
    }
    // Well formed but not a region: refused when the tables are at hand, kept without them.
    CHECK_ERROR_CODE(parseKioskArea("18.99", &regions), "kiosk_area_invalid");
    CHECK_ERROR_CODE(parseKioskArea("18.06.99", &regions), "kiosk_area_invalid");
    CHECK(parseKioskArea("18.06.99", nullptr).value() == "18.06.99");
    CHECK(parseKioskArea("18.06.99", &regions).error().message_en.find("18.06.99") !=
          std::string::npos);
}

TEST_CASE("kiosk area: an area covers its own code and the codes inside it", "[kiosk_area]") {
    CHECK(kioskAreaCovers("18.06.01", "18.06.01.2016"));
    CHECK(kioskAreaCovers("18.06", "18.06.01.2016"));
    CHECK(kioskAreaCovers("18.06", "18.06"));
    CHECK(kioskAreaCovers("18.06.01", "18.06.01"));
    CHECK_FALSE(kioskAreaCovers("18.06.01", "18.06"));  // a kecamatan's kiosk: not the regency
    CHECK_FALSE(kioskAreaCovers("18.06.01", "18.06.02.2001"));
    CHECK_FALSE(kioskAreaCovers("18.06.1", "18.06.10.2001"));
    CHECK_FALSE(kioskAreaCovers("18.0", "18.06"));
    CHECK_FALSE(kioskAreaCovers("", "18.06"));
    CHECK_FALSE(kioskAreaCovers("18.06", ""));
}

TEST_CASE("kiosk area: the regency of a NIK's place of issue", "[kiosk_area]") {
    CHECK(regencyOfNik("1806011505800001") == "18.06");
    CHECK(regencyOfNik("1871") == "18.71");
    CHECK(regencyOfNik("18x6011505800001").empty());
    CHECK(regencyOfNik("180").empty());
}
