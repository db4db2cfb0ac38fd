#include "core/kk_number.hpp"

#include "core/nik.hpp"
#include "core/number.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

// Shared checks for fixed-length digit numbers; `what_id`/`what_en` name the number.
Status checkDigits(const std::string& digits, size_t length, const std::string& prefix,
                   const std::string& what_id, const std::string& what_en) {
    if (digits.empty())
        return Error{prefix + "_empty", what_id + " belum diisi.", "The " + what_en + " is empty."};
    for (char c : digits) {
        if (!isAsciiDigit(c))
            return Error{prefix + "_not_digits", what_id + " hanya boleh berisi angka.",
                         "The " + what_en + " may contain digits only."};
    }
    if (digits.size() != length) {
        const std::string want = std::to_string(length), got = std::to_string(digits.size());
        return Error{prefix + "_length",
                     what_id + " harus " + want + " digit; yang diisi " + got + " digit.",
                     "The " + what_en + " has " + want + " digits; this one has " + got + "."};
    }
    return {};
}

}  // namespace

Result<KkInfo> parseKkNumber(std::string_view text, const RegionTable& regions, const Date& today) {
    KkInfo info;
    info.digits = compactNumber(text);
    if (auto s = checkDigits(info.digits, 16, "kk", "Nomor KK", "KK number"); !s) return s.error();
    auto region =
        regions.decodePrefix(std::string_view(info.digits).substr(0, 6), "kk", info.warnings);
    if (!region) return region.error();
    info.region = std::move(region.value());

    auto two = [&](size_t pos) {  // the digits are checked already
        return parseNumber<int>(std::string_view(info.digits).substr(pos, 2)).value_or(0);
    };
    const int day = two(6), month = two(8), yy = two(10);
    // The century comes from the two-digit year alone: this one up to today's year, else the
    // last. A KK is never issued in the future, nor before Kartu Keluarga numbers existed.
    const int base = today.year - today.year % 100;
    const int year = base + yy <= today.year ? base + yy : base - 100 + yy;
    if (!isValidDate(year, month, day) || year < kFirstKkYear)
        return Error{"kk_date_invalid",
                     "Tanggal terbit di nomor KK (digit 7-12, HHBBTT) bukan tanggal yang sah.",
                     "The issue date in the KK number (digits 7-12, DDMMYY) is not a valid date."};
    if (Date{year, month, day} > today)
        return Error{"kk_date_invalid", "Tanggal terbit di nomor KK ada di masa depan.",
                     "The issue date in the KK number is in the future."};
    info.issue_date = Date{year, month, day};
    info.serial = info.digits.substr(12, 4);
    if (info.serial == "0000")
        return Error{"kk_serial_invalid", "Nomor urut KK (4 digit terakhir) tidak boleh 0000.",
                     "The KK serial (last 4 digits) cannot be 0000."};
    return info;
}

Result<std::string> parseCardNumber(std::string_view text) {
    std::string digits = compactNumber(text);
    if (auto s = checkDigits(digits, 13, "card", "Nomor kartu BPJS/KIS", "BPJS/KIS card number");
        !s)
        return s.error();
    return digits;
}

}  // namespace pekon
