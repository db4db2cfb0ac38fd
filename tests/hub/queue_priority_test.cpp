#include "hub/queue_priority.hpp"

#include <catch2/catch.hpp>

using namespace pekon::hub;

TEST_CASE("queue priority: pregnant women and babies under one at the receipt",
          "[hub][mothers]") {
    CHECK(isMotherOrInfant("2027-02", "1806015708820002", "1982-08-17", "2026-11-18"));
    CHECK(isMotherOrInfant("", "", "2026-10-01", "2026-11-18"));  // no NIK yet
    CHECK(isMotherOrInfant("", "1806014106260003", "2025-11-19", "2026-11-18"));
    CHECK_FALSE(isMotherOrInfant("", "1806014106260003", "2025-11-18", "2026-11-18"));  // one
    CHECK_FALSE(isMotherOrInfant("", "1806011505800001", "1980-05-15", "2026-11-18"));
    // Dates that do not parse are not babies.
    CHECK_FALSE(isMotherOrInfant("", "1806011505800001", "", "2026-11-18"));
    CHECK_FALSE(isMotherOrInfant("", "1806011505800001", "2026-10-01", "kemarin"));
}

TEST_CASE("queue priority: an infant on a given day", "[hub][mothers]") {
    CHECK(isInfantOn("2026-11-18", "2026-11-18"));
    CHECK(isInfantOn("2025-11-19", "2026-11-18"));
    CHECK_FALSE(isInfantOn("2025-11-18", "2026-11-18"));
    CHECK_FALSE(isInfantOn("2026-11-19", "2026-11-18"));  // not born yet
    CHECK_FALSE(isInfantOn("2026-02-30", "2026-11-18"));
}
