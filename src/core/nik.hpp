#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"
#include "core/sex.hpp"

namespace pekon {

// A decoded NIK (Nomor Induk Kependudukan), 16 digits PPKKCCDDMMYYSSSS:
// region of issue, birth date (day + 40 for women) and a serial.
struct NikInfo {
    std::string digits;
    RegionOfIssue region;
    Date birth_date;
    Sex sex = Sex::male;
    std::string serial;
    std::vector<Warning> warnings;  // unknown regency / kecamatan
};

// What the user entered beside the NIK, to cross-check against it.
struct NikCheck {
    std::optional<Date> birth_date;  // also decides the century of the NIK's two-digit year
    std::optional<Sex> sex;
};

// Validates and decodes a NIK. White space around and between digit groups is ignored.
// Without a birth date the century is the latest one that does not put the birth in the
// future of `today`. Error codes: nik_empty, nik_not_digits, nik_length,
// nik_province_unknown, nik_month_invalid, nik_day_invalid, nik_date_invalid,
// nik_serial_invalid, nik_birth_date_mismatch, nik_sex_mismatch.
Result<NikInfo> parseNik(std::string_view text, const RegionTable& regions, const Date& today,
                         const NikCheck& check = {});

// Strips white space; returns the digits-and-other characters left (for NIK, KK, card).
std::string compactNumber(std::string_view text);

}  // namespace pekon
