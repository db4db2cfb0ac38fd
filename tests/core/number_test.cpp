#include "core/number.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace pekon;

TEST_CASE("number: whole decimal integers") {
    CHECK(parseNumber<int>("0") == 0);
    CHECK(parseNumber<int>("42") == 42);
    CHECK(parseNumber<int>("-17") == -17);
    CHECK(parseNumber<int>("007") == 7);
    CHECK(parseNumber<std::int64_t>("9223372036854775807") == INT64_MAX);
    CHECK(parseNumber<std::int64_t>("-9223372036854775808") == INT64_MIN);
    CHECK(parseNumber<std::uint64_t>("18446744073709551615") == UINT64_MAX);
}

TEST_CASE("number: hostile text is refused") {
    for (const std::string& text : std::vector<std::string>{"",
                                                            "+1",
                                                            " 1",
                                                            "1 ",
                                                            "\t1",
                                                            "1\n",
                                                            "0x10",
                                                            "0X10",
                                                            "1e3",
                                                            "1.0",
                                                            "1,000",
                                                            "1_000",
                                                            "-",
                                                            "--1",
                                                            "-+1",
                                                            "+-1",
                                                            "abc",
                                                            "12a",
                                                            "a12",
                                                            "١٢",
                                                            "\xEF\xBC\x91",
                                                            std::string("1\0", 2),
                                                            "inf",
                                                            "nan"}) {
        INFO(text);
        CHECK_FALSE(parseNumber<int>(text));
        CHECK_FALSE(parseNumber<std::int64_t>(text));
        CHECK_FALSE(parseNumber<unsigned>(text));
    }
}

TEST_CASE("number: out of range is refused, never wrapped") {
    CHECK_FALSE(parseNumber<int>("2147483648"));
    CHECK(parseNumber<int>("2147483647") == 2147483647);
    CHECK_FALSE(parseNumber<int>("-2147483649"));
    CHECK_FALSE(parseNumber<std::int64_t>("9223372036854775808"));
    CHECK_FALSE(parseNumber<std::uint64_t>("18446744073709551616"));
    CHECK_FALSE(parseNumber<unsigned>("-1"));
    CHECK_FALSE(parseNumber<unsigned>("-0"));
    CHECK_FALSE(parseNumber<std::uint8_t>("256"));
    const std::string huge(10000, '9');
    CHECK_FALSE(parseNumber<int>(huge));
    CHECK_FALSE(parseNumber<std::int64_t>(huge));
    CHECK_FALSE(parseNumber<double>(huge + "e999"));
    // Leading zeros do not overflow.
    CHECK(parseNumber<int>(std::string(1000, '0') + "5") == 5);
}

TEST_CASE("number: a range") {
    CHECK(parseNumberIn<int>("8080", 0, 65535) == 8080);
    CHECK_FALSE(parseNumberIn<int>("65536", 0, 65535));
    CHECK_FALSE(parseNumberIn<int>("-1", 0, 65535));
    CHECK(parseNumberIn<int>("0", 0, 65535) == 0);
    CHECK_FALSE(parseNumberIn<int>("", 0, 65535));
}

TEST_CASE("number: floating point") {
    CHECK(parseNumber<float>("1.5") == 1.5f);
    CHECK(parseNumber<double>("-0.25") == -0.25);
    CHECK(parseNumber<double>("2") == 2.0);
    CHECK(parseNumber<double>("1e2") == 100.0);
    for (const char* text : {"", "+1.5", " 1.5", "1.5 ", ".5", "1.", "0x1p3", "inf", "-inf", "nan",
                             "1,5", "1e", "1e999"}) {
        INFO(text);
        // "1." is read by from_chars as 1; the rest are refused.
        if (std::string(text) == "1.") continue;
        CHECK_FALSE(parseNumber<double>(text));
    }
    CHECK_FALSE(parseNumber<float>("1e39"));  // beyond float
}
