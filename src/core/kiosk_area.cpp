#include "core/kiosk_area.hpp"

#include "core/text.hpp"

namespace pekon {

namespace {

Error badArea(std::string_view text, bool well_formed) {
    const std::string given(text);
    if (!well_formed)
        return Error{"kiosk_area_invalid",
                     "Wilayah kios \"" + given +
                         "\" tidak sah: tulis kode Kemendagri kabupaten (18.06) atau kecamatan "
                         "(18.06.01).",
                     "Kiosk area \"" + given +
                         "\" is not valid: give the Kemendagri code of a regency (18.06) or a "
                         "kecamatan (18.06.01)."};
    return Error{
        "kiosk_area_invalid",
        "Wilayah kios \"" + given + "\" tidak ada di tabel kabupaten dan kecamatan.",
        "Kiosk area \"" + given + "\" is not a regency or kecamatan in the region tables."};
}

// "PP.KK" or "PP.KK.CC".
bool wellFormed(std::string_view text) {
    if (text.size() != 5 && text.size() != 8) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool dot = i % 3 == 2;
        if (dot ? text[i] != '.' : !isAllDigits(text.substr(i, 1))) return false;
    }
    return true;
}

}  // namespace

Result<std::string> parseKioskArea(std::string_view text, const RegionTable* regions) {
    if (!wellFormed(text)) return badArea(text, false);
    if (regions) {
        const bool known = text.size() == 5 ? regions->regency(text) != nullptr
                                            : regions->district(text) != nullptr;
        if (!known) return badArea(text, true);
    }
    return std::string(text);
}

bool kioskAreaCovers(std::string_view area, std::string_view code) {
    if (area.empty() || !code.starts_with(area)) return false;
    return code.size() == area.size() || code[area.size()] == '.';
}

std::string regencyOfNik(std::string_view nik) {
    if (nik.size() < 4 || !isAllDigits(nik.substr(0, 4))) return "";
    return std::string(nik.substr(0, 2)) + "." + std::string(nik.substr(2, 2));
}

}  // namespace pekon
