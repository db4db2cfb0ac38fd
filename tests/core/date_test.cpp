#include "core/date.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/check_error.hpp"

using namespace pekon;

TEST_CASE("date: leap years") {
    CHECK_FALSE(isLeapYear(1900));
    CHECK(isLeapYear(2000));
    CHECK(isLeapYear(2024));
    CHECK_FALSE(isLeapYear(2100));
    CHECK_FALSE(isLeapYear(2023));
    CHECK(isLeapYear(1996));
    CHECK(isLeapYear(2400));
}

TEST_CASE("date: days in month") {
    CHECK(daysInMonth(2024, 2) == 29);
    CHECK(daysInMonth(2023, 2) == 28);
    CHECK(daysInMonth(1900, 2) == 28);
    CHECK(daysInMonth(2000, 2) == 29);
    CHECK(daysInMonth(2026, 1) == 31);
    CHECK(daysInMonth(2026, 4) == 30);
    CHECK(daysInMonth(2026, 12) == 31);
    CHECK(daysInMonth(2026, 0) == 0);
    CHECK(daysInMonth(2026, 13) == 0);
}

TEST_CASE("date: isValidDate") {
    CHECK(isValidDate(2024, 2, 29));
    CHECK_FALSE(isValidDate(2023, 2, 29));
    CHECK_FALSE(isValidDate(2100, 2, 29));
    CHECK_FALSE(isValidDate(2026, 4, 31));
    CHECK_FALSE(isValidDate(2026, 1, 0));
    CHECK_FALSE(isValidDate(2026, 0, 1));
    CHECK_FALSE(isValidDate(0, 1, 1));
    CHECK(isValidDate(1, 1, 1));
    CHECK(isValidDate(9999, 12, 31));
    CHECK_FALSE(isValidDate(10000, 1, 1));
}

TEST_CASE("date: parseIsoDate accepts real YYYY-MM-DD dates") {
    auto r = parseIsoDate("2024-02-29");
    REQUIRE(r.ok());
    CHECK(*r == Date{2024, 2, 29});
    auto epoch = parseIsoDate("1970-01-01");
    REQUIRE(epoch.ok());
    CHECK(*epoch == Date{1970, 1, 1});
}

TEST_CASE("date: parseIsoDate is strict") {
    for (const char* text :
         {"2023-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01",
          "2026-1-05", "2026-01-5", "26-01-05", "2026/01/05", "20260105", " 2026-01-05",
          "2026-01-05 ", "2026-01-05T00:00:00Z", "2026-0a-05", "+026-01-05", "", "2026-01-0"}) {
        INFO(text);
        CHECK_ERROR_CODE(parseIsoDate(text), "date_invalid");
    }
}

TEST_CASE("date: formatIsoDate pads with zeros") {
    CHECK(formatIsoDate(Date{2026, 1, 5}) == "2026-01-05");
    CHECK(formatIsoDate(Date{985, 12, 31}) == "0985-12-31");
    auto r = parseIsoDate(formatIsoDate(Date{1999, 9, 9}));
    REQUIRE(r.ok());
    CHECK(*r == Date{1999, 9, 9});
}

TEST_CASE("date: days since the epoch") {
    CHECK(toDays(Date{1970, 1, 1}) == 0);
    CHECK(toDays(Date{1970, 1, 2}) == 1);
    CHECK(toDays(Date{1969, 12, 31}) == -1);
    CHECK(toDays(Date{2000, 1, 1}) == 10957);
    CHECK(fromDays(10957) == Date{2000, 1, 1});
    CHECK(fromDays(-1) == Date{1969, 12, 31});
    CHECK(fromDays(toDays(Date{2026, 11, 22})) == Date{2026, 11, 22});
}

TEST_CASE("date: addDays across months and years") {
    CHECK(addDays(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(addDays(Date{2024, 2, 28}, 2) == Date{2024, 3, 1});
    CHECK(addDays(Date{2023, 2, 28}, 1) == Date{2023, 3, 1});
    CHECK(addDays(Date{2025, 12, 31}, 1) == Date{2026, 1, 1});
    CHECK(addDays(Date{2026, 11, 22}, 14) == Date{2026, 12, 6});
    CHECK(addDays(Date{2026, 12, 25}, 14) == Date{2027, 1, 8});
    CHECK(addDays(Date{2024, 3, 1}, -1) == Date{2024, 2, 29});
    CHECK(addDays(Date{2026, 1, 1}, -1) == Date{2025, 12, 31});
    CHECK(addDays(Date{2024, 1, 1}, 366) == Date{2025, 1, 1});
    CHECK(addDays(Date{2026, 6, 15}, 0) == Date{2026, 6, 15});
}

TEST_CASE("date: dates order chronologically") {
    CHECK(Date{2026, 1, 31} < Date{2026, 2, 1});
    CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
    CHECK(Date{2026, 2, 2} > Date{2026, 2, 1});
    CHECK(Date{2026, 2, 1} == Date{2026, 2, 1});
}

TEST_CASE("date: RFC 3339 formatting") {
    CHECK(formatRfc3339(0) == "1970-01-01T00:00:00Z");
    CHECK(formatRfc3339(-1) == "1969-12-31T23:59:59Z");
    CHECK(formatRfc3339(951782400) == "2000-02-29T00:00:00Z");
    const UnixSeconds t = toDays(Date{2026, 11, 22}) * 86400 + 8 * 3600 + 15 * 60;
    CHECK(formatRfc3339(t) == "2026-11-22T08:15:00Z");
}

TEST_CASE("date: RFC 3339 round trip") {
    for (UnixSeconds t :
         {UnixSeconds{0}, UnixSeconds{-1}, UnixSeconds{-86401}, UnixSeconds{951868799},
          UnixSeconds{1795335300}, UnixSeconds{4102444799}}) {
        INFO(t);
        auto back = parseRfc3339(formatRfc3339(t));
        REQUIRE(back.ok());
        CHECK(*back == t);
    }
    for (const char* text :
         {"2026-11-22T08:15:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:00:00Z"}) {
        INFO(text);
        auto t = parseRfc3339(text);
        REQUIRE(t.ok());
        CHECK(formatRfc3339(*t) == text);
    }
}

TEST_CASE("date: parseRfc3339 accepts a fraction and truncates it") {
    auto a = parseRfc3339("2026-11-22T08:15:00.999Z");
    auto b = parseRfc3339("2026-11-22T08:15:00Z");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a == *b);
    auto c = parseRfc3339("2026-11-22T08:15:00.1Z");
    REQUIRE(c.ok());
    CHECK(*c == *b);
}

TEST_CASE("date: parseRfc3339 rejects other shapes") {
    for (const char* text :
         {"2026-11-22T08:15:00", "2026-11-22 08:15:00Z", "2026-11-22T08:15:00+07:00",
          "2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z", "2026-11-22T23:59:60Z",
          "2026-11-22T08:15Z", "2026-11-22T08:15:00.Z", "2026-11-22T08:15:00.1aZ",
          "2026-11-22T08:15:00ZZ", "2026-02-30T08:15:00Z", "2026-11-22t08:15:00z",
          "2026-11-22T8:15:00Z", "2026-11-22T08-15-00Z", ""}) {
        INFO(text);
        CHECK_ERROR_CODE(parseRfc3339(text), "time_invalid");
    }
}

TEST_CASE("date: dateOf is the UTC calendar day") {
    CHECK(dateOf(0) == Date{1970, 1, 1});
    CHECK(dateOf(86399) == Date{1970, 1, 1});
    CHECK(dateOf(86400) == Date{1970, 1, 2});
    CHECK(dateOf(-1) == Date{1969, 12, 31});
    CHECK(dateOf(-86400) == Date{1969, 12, 31});
    CHECK(dateOf(-86401) == Date{1969, 12, 30});
}

TEST_CASE("date: ageOn counts whole years") {
    CHECK(ageOn(Date{1985, 7, 14}, Date{2026, 11, 22}) == 41);
    CHECK(ageOn(Date{1985, 11, 22}, Date{2026, 11, 22}) == 41);  // birthday today
    CHECK(ageOn(Date{1985, 11, 23}, Date{2026, 11, 22}) == 40);  // birthday tomorrow
    CHECK(ageOn(Date{1985, 12, 1}, Date{2026, 11, 22}) == 40);
    CHECK(ageOn(Date{2026, 11, 22}, Date{2026, 11, 22}) == 0);
    CHECK(ageOn(Date{2025, 11, 23}, Date{2026, 11, 22}) == 0);
    // Born on 29 February: a year older on 1 March in common years.
    CHECK(ageOn(Date{2000, 2, 29}, Date{2001, 2, 28}) == 0);
    CHECK(ageOn(Date{2000, 2, 29}, Date{2001, 3, 1}) == 1);
    CHECK(ageOn(Date{2000, 2, 29}, Date{2004, 2, 29}) == 4);
}
