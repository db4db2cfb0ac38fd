#include "core/date.hpp"

#include <chrono>
#include <cstdio>

#include "core/number.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

namespace chr = std::chrono;

Error dateError() {
    return Error{"date_invalid", "Tanggal tidak valid; gunakan format TTTT-BB-HH, mis. 1985-07-14.",
                 "Invalid date; use the format YYYY-MM-DD, e.g. 1985-07-14."};
}

Error timeError() {
    return Error{"time_invalid",
                 "Waktu tidak valid; gunakan format RFC 3339 UTC, mis. 2026-11-22T08:15:00Z.",
                 "Invalid time; use the RFC 3339 UTC format, e.g. 2026-11-22T08:15:00Z."};
}

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> readDigits(std::string_view text, size_t pos, size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    auto value = parseNumber<unsigned>(text.substr(pos, width));  // digits only, no sign
    if (!value) return std::nullopt;
    return static_cast<int>(*value);
}

}  // namespace

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && isLeapYear(year)) return 29;
    return kDays[month - 1];
}

bool isValidDate(int year, int month, int day) {
    return year >= 1 && year <= 9999 && day >= 1 && day <= daysInMonth(year, month);
}

std::int64_t toDays(const Date& date) {
    const chr::year_month_day ymd{chr::year{date.year},
                                  chr::month{static_cast<unsigned>(date.month)},
                                  chr::day{static_cast<unsigned>(date.day)}};
    return chr::sys_days{ymd}.time_since_epoch().count();
}

Date fromDays(std::int64_t days) {
    const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date addDays(const Date& date, std::int64_t days) {
    return fromDays(toDays(date) + days);
}

Result<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return dateError();
    const auto year = readDigits(text, 0, 4), month = readDigits(text, 5, 2),
               day = readDigits(text, 8, 2);
    if (!year || !month || !day || !isValidDate(*year, *month, *day)) return dateError();
    Date d;
    d.year = *year;
    d.month = *month;
    d.day = *day;
    return d;
}

std::string formatIsoDate(const Date& date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

Date dateOf(UnixSeconds seconds) {
    std::int64_t days = seconds / 86400;
    if (seconds % 86400 < 0) --days;
    return fromDays(days);
}

std::string formatRfc3339(UnixSeconds seconds) {
    const Date d = dateOf(seconds);
    std::int64_t rest = seconds - toDays(d) * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return buf;
}

Result<UnixSeconds> parseRfc3339(std::string_view text) {
    // Accepts "YYYY-MM-DDTHH:MM:SSZ" and an optional fraction "....SS.sssZ" (truncated).
    if (text.size() < 20 || text[10] != 'T' || text.back() != 'Z') return timeError();
    auto date = parseIsoDate(text.substr(0, 10));
    if (!date || text[13] != ':' || text[16] != ':') return timeError();
    const auto hour = readDigits(text, 11, 2), minute = readDigits(text, 14, 2),
               second = readDigits(text, 17, 2);
    if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59)
        return timeError();
    const int h = *hour, m = *minute, s = *second;
    if (text.size() > 20) {
        if (text[19] != '.' || text.size() == 21) return timeError();
        for (size_t i = 20; i + 1 < text.size(); ++i) {
            if (!isAsciiDigit(text[i])) return timeError();
        }
    }
    return toDays(*date) * 86400 + h * 3600 + m * 60 + s;
}

namespace {
// 1970-01-01 was a Thursday: Monday 1969-12-29 starts week 0.
constexpr std::int64_t kWeekSeconds = 7 * 86400;
constexpr std::int64_t kMondayShift = 3 * 86400;
}  // namespace

std::int64_t weekOf(UnixSeconds seconds) {
    const std::int64_t shifted = seconds + kMondayShift;
    return shifted >= 0 ? shifted / kWeekSeconds : -((-shifted + kWeekSeconds - 1) / kWeekSeconds);
}

UnixSeconds weekStart(std::int64_t week) { return week * kWeekSeconds - kMondayShift; }

int ageOn(const Date& birth, const Date& on) {
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
    return age;
}

}  // namespace pekon
