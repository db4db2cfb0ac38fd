#pragma once
// The sample household of the tests: Budi Santoso's family of three in Negeri Ratu (village
// 18.06.01.2016, kecamatan Kota Agung, Tanggamus), the household of
// tests/data/household_valid.json. A test that needs "a valid household", its KK number or one
// of its members' NIKs takes them from here rather than from a copy of its own; JSON and SQL
// texts that spell them out (what a wire format or a migration must read) stay literal.

#include "core/household.hpp"

namespace pekon::test::sample {

inline constexpr const char* kKk = "1806011203150007";  // their family card (Kartu Keluarga)
inline constexpr const char* kVillage = "18.06.01.2016";
inline constexpr const char* kAddress = "Jl. Merdeka No. 12";
inline constexpr const char* kHeadNik = "1806011505800001";    // Budi Santoso, 1980-05-15, M
inline constexpr const char* kSpouseNik = "1806016208850002";  // Siti Aminah, 1985-08-22, F
inline constexpr const char* kChildNik = "1806010101100003";   // Ahmad Rizki, 2010-01-01, M

// The members as household_valid.json gives them (care classes written three ways).
inline MemberInput head() {
    return {kHeadNik, "Budi Santoso", "1980-05-15", "M", "head", "PBPU", "III"};
}
inline MemberInput spouse() {
    return {kSpouseNik, "Siti Aminah", "1985-08-22", "F", "spouse", "PBPU", "3"};
}
inline MemberInput child() {
    return {kChildNik, "Ahmad Rizki", "2010-01-01", "M", "child", "PBI-APBN", "3"};
}

// The household as household_valid.json gives it, without its phone number.
inline HouseholdInput household() {
    HouseholdInput h;
    h.kk_number = kKk;
    h.village_code = kVillage;
    h.address = kAddress;
    h.rt = "2";
    h.rw = "1";
    h.members = {head(), spouse(), child()};
    return h;
}

}  // namespace pekon::test::sample
