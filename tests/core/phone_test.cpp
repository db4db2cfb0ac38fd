#include "core/phone.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/check_error.hpp"

using namespace pekon;

TEST_CASE("phone: the three Indonesian mobile forms normalise to E.164") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"081234567890", "+6281234567890"},     {"+6281234567890", "+6281234567890"},
        {"6281234567890", "+6281234567890"},    {"0812-3456-7890", "+6281234567890"},
        {"0812 3456 7890", "+6281234567890"},   {"+62 812-3456-7890", "+6281234567890"},
        {"(0812) 3456.7890", "+6281234567890"}, {"  0852 1111 2222  ", "+6285211112222"},
        {"62 812 3456 7890", "+6281234567890"},
    };
    for (const Case& c : cases) {
        INFO(c.in);
        auto r = normalizePhone(c.in);
        REQUIRE(r.ok());
        CHECK(*r == c.out);
    }
}

TEST_CASE("phone: subscriber length 9 to 12 digits after +62") {
    SECTION("shortest: 08 + 8 digits") {
        auto r = normalizePhone("0812345678");
        REQUIRE(r.ok());
        CHECK(*r == "+62812345678");
    }
    SECTION("longest: 08 + 11 digits") {
        auto r = normalizePhone("0812345678901");
        REQUIRE(r.ok());
        CHECK(*r == "+62812345678901");
    }
    SECTION("too short") {
        CHECK_ERROR_CODE(normalizePhone("081234567"), "phone_length");
        CHECK_ERROR_CODE(normalizePhone("+6281234567"), "phone_length");
        CHECK_ERROR_CODE(normalizePhone("08"), "phone_length");
    }
    SECTION("too long") {
        CHECK_ERROR_CODE(normalizePhone("08123456789012"), "phone_length");
        CHECK_ERROR_CODE(normalizePhone("+62812345678901234"), "phone_length");
    }
}

TEST_CASE("phone: wrong prefix") {
    CHECK_ERROR_CODE(normalizePhone("0211234567"), "phone_prefix");     // Jakarta landline
    CHECK_ERROR_CODE(normalizePhone("+62211234567"), "phone_prefix");   // landline in +62 form
    CHECK_ERROR_CODE(normalizePhone("+12025550123"), "phone_prefix");   // US number
    CHECK_ERROR_CODE(normalizePhone("+081234567890"), "phone_prefix");  // + before a 0
    CHECK_ERROR_CODE(normalizePhone("81234567890"), "phone_prefix");    // no 0 or 62
    CHECK_ERROR_CODE(normalizePhone("0062812345678"), "phone_prefix");  // international dialling
}

TEST_CASE("phone: invalid characters and empty") {
    CHECK_ERROR_CODE(normalizePhone("0812a4567890"), "phone_invalid_chars");
    CHECK_ERROR_CODE(normalizePhone("0812/3456/7890"), "phone_invalid_chars");
    CHECK_ERROR_CODE(normalizePhone("0812+34567890"), "phone_invalid_chars");  // + not first
    CHECK_ERROR_CODE(normalizePhone("++6281234567890"), "phone_invalid_chars");
    CHECK(normalizePhone("(+62) 812-3456-7890").value() ==
          "+6281234567890");  // + inside a leading (
    CHECK_ERROR_CODE(normalizePhone(""), "phone_empty");
    CHECK_ERROR_CODE(normalizePhone("   "), "phone_empty");
}
