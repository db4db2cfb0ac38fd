#pragma once

#include <string>
#include <string_view>

#include "core/regions.hpp"
#include "core/result.hpp"

// The area a citizen kiosk serves (issue 6): a Kemendagri regency ("18.06") or kecamatan
// ("18.06.01"). pekon-hub sends a kiosk the card statuses of the people of its area.
namespace pekon {

// `text` as a kiosk area: two or three dot-separated groups of two digits, and, when
// `regions` is given, a regency or kecamatan it knows. Error `kiosk_area_invalid` naming
// what was given.
Result<std::string> parseKioskArea(std::string_view text, const RegionTable* regions);

// Whether `area` covers the region `code` (a village "18.06.01.2016", a kecamatan or a
// regency): the same code, or one inside it ("18.06" covers "18.06.01.2016", "18.06.1" and
// "18.06.01" do not cover "18.06.10").
bool kioskAreaCovers(std::string_view area, std::string_view code);

// The regency of a NIK's place of issue ("1806011505800001" -> "18.06"); "" unless the NIK
// starts with four digits.
std::string regencyOfNik(std::string_view nik);

}  // namespace pekon
