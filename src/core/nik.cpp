#include "core/nik.hpp"

#include "core/number.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

Error nikError(std::string code, std::string id, std::string en) {
    return Error{std::move(code), std::move(id), std::move(en)};
}

int twoDigits(std::string_view s, size_t pos) {
    return parseNumber<int>(s.substr(pos, 2)).value_or(0);  // s is digits already
}

// The latest year ending in `yy` whose date (yy, month, day) is real and not after today.
std::optional<int> resolveCentury(int yy, int month, int day, const Date& today) {
    const int base = today.year - today.year % 100;
    for (int year : {base + yy, base - 100 + yy}) {
        if (isValidDate(year, month, day) && Date{year, month, day} <= today) return year;
    }
    return std::nullopt;
}

}  // namespace

std::string compactNumber(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            out.push_back(c);
    }
    return out;
}

Result<NikInfo> parseNik(std::string_view text, const RegionTable& regions, const Date& today,
                         const NikCheck& check) {
    const std::string nik = compactNumber(text);
    if (nik.empty()) return nikError("nik_empty", "NIK belum diisi.", "The NIK is empty.");
    for (char c : nik) {
        if (!isAsciiDigit(c))
            return nikError("nik_not_digits", "NIK hanya boleh berisi angka.",
                            "A NIK may contain digits only.");
    }
    if (nik.size() != 16) {
        const std::string n = std::to_string(nik.size());
        return nikError("nik_length", "NIK harus 16 digit; yang diisi " + n + " digit.",
                        "A NIK has 16 digits; this one has " + n + ".");
    }

    NikInfo info;
    info.digits = nik;
    auto region = regions.decodePrefix(std::string_view(nik).substr(0, 6), "nik", info.warnings);
    if (!region) return region.error();
    info.region = std::move(region.value());

    const int raw_day = twoDigits(nik, 6);
    const int month = twoDigits(nik, 8);
    const int yy = twoDigits(nik, 10);
    if (month < 1 || month > 12)
        return nikError("nik_month_invalid", "Bulan lahir di NIK (digit 9-10) harus 01 sampai 12.",
                        "The birth month in the NIK (digits 9-10) must be 01 to 12.");
    int day = raw_day;
    info.sex = Sex::male;
    if (raw_day >= 41 && raw_day <= 71) {
        day = raw_day - 40;
        info.sex = Sex::female;
    } else if (raw_day < 1 || raw_day > 31) {
        return nikError(
            "nik_day_invalid",
            "Tanggal lahir di NIK (digit 7-8) harus 01-31 untuk laki-laki atau 41-71 untuk "
            "perempuan.",
            "The birth day in the NIK (digits 7-8) must be 01-31 for men or 41-71 for women.");
    }

    std::optional<int> year;
    if (check.birth_date) {
        year = check.birth_date->year - check.birth_date->year % 100 + yy;
        if (!isValidDate(*year, month, day)) year.reset();
    } else {
        year = resolveCentury(yy, month, day, today);
    }
    if (!year)
        return nikError("nik_date_invalid",
                        "Tanggal lahir di NIK bukan tanggal yang ada di kalender.",
                        "The birth date in the NIK is not a real calendar date.");
    info.birth_date = Date{*year, month, day};

    info.serial = nik.substr(12, 4);
    if (info.serial == "0000")
        return nikError("nik_serial_invalid", "Nomor urut NIK (4 digit terakhir) tidak boleh 0000.",
                        "The NIK serial (last 4 digits) cannot be 0000.");

    if (check.birth_date && *check.birth_date != info.birth_date) {
        const std::string nd = formatIsoDate(info.birth_date);
        const std::string ed = formatIsoDate(*check.birth_date);
        return nikError("nik_birth_date_mismatch",
                        "Tanggal lahir " + ed + " tidak cocok dengan NIK (" + nd + ").",
                        "Birth date " + ed + " does not match the NIK (" + nd + ").");
    }
    if (check.sex && *check.sex != info.sex) {
        return nikError("nik_sex_mismatch",
                        info.sex == Sex::female
                            ? "Jenis kelamin tidak cocok: NIK ini milik perempuan (tanggal + 40)."
                            : "Jenis kelamin tidak cocok: NIK ini milik laki-laki.",
                        info.sex == Sex::female
                            ? "Sex does not match: this NIK belongs to a woman (day + 40)."
                            : "Sex does not match: this NIK belongs to a man.");
    }
    return info;
}

}  // namespace pekon
