#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"

namespace pekon {

// A Kartu Keluarga number: 16 digits, region of issue PPKKCC, issue date DDMMYY, serial SSSS.
struct KkInfo {
    std::string digits;
    RegionOfIssue region;
    Date issue_date;
    std::string serial;
    std::vector<Warning> warnings;
};

// Issue years before this are not plausible (a two-digit year below it is rejected).
inline constexpr int kFirstKkYear = 1970;

// Error codes: kk_empty, kk_not_digits, kk_length, kk_province_unknown, kk_date_invalid
// (not a real date, or after `today`), kk_serial_invalid.
Result<KkInfo> parseKkNumber(std::string_view text, const RegionTable& regions, const Date& today);

// A BPJS Kesehatan / KIS card number: 13 digits, otherwise opaque. Returns the digits.
// Error codes: card_empty, card_not_digits, card_length.
Result<std::string> parseCardNumber(std::string_view text);

}  // namespace pekon
