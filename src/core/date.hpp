#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace pekon {

// A calendar date (proleptic Gregorian). Plain data; use isValidDate() before trusting one
// built by hand.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const Date&) const = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);  // 0 for a month outside 1..12
bool isValidDate(int year, int month, int day);

// Days since 1970-01-01 and back.
std::int64_t toDays(const Date& date);
Date fromDays(std::int64_t days);
Date addDays(const Date& date, std::int64_t days);

// "YYYY-MM-DD", strictly: four-digit year, two-digit month and day, a real date.
Result<Date> parseIsoDate(std::string_view text);
std::string formatIsoDate(const Date& date);

// Unix seconds (UTC) <-> RFC 3339 "2026-11-22T08:15:00Z".
using UnixSeconds = std::int64_t;
std::string formatRfc3339(UnixSeconds seconds);
Result<UnixSeconds> parseRfc3339(std::string_view text);
Date dateOf(UnixSeconds seconds);

// Kabupaten Tanggamus keeps Western Indonesian Time (WIB, UTC+7): the offset a local day or
// week is taken with (dateOf(t + kWibOffset)).
inline constexpr std::int64_t kWibOffset = 7 * 3600;

// Weeks start on Monday 00:00 UTC: the number of the week a time falls in (week 0 starts on
// Monday 1969-12-29), and that Monday's first second. For a local week, shift by the zone's
// offset first (weekOf(t + kWibOffset)) and back after.
std::int64_t weekOf(UnixSeconds seconds);
UnixSeconds weekStart(std::int64_t week);

// Whole years between birth and on (the age on that day).
int ageOn(const Date& birth, const Date& on);

}  // namespace pekon
