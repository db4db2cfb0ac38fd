#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/regions.hpp"
#include "hub/office_read.hpp"

// The checks the hub computes for each registered member (office_state checkCodes()), pure:
// what a member, its household, its household's other members and the other registrations of
// its NIK say, nothing read from a clock or a database. The same facts give the same findings,
// whichever order they arrived in (the read models' rebuild relies on it).
namespace pekon::hub {

// What the checks read of a member (office_members): views of texts the caller keeps for as
// long as it checks (a refresh checks hundreds of members, each seen by its household's and its
// NIK's lists: views spare it copying them).
struct CheckedMember {
    std::string_view member_id;
    std::string_view household_id;
    std::string_view device_id;
    std::string_view nik;
    std::string_view birth_date;  // YYYY-MM-DD
    std::string_view sex;         // M / F
    std::string_view relation;
    std::string_view segment;
    std::string_view existing_card;
    std::string_view nik_mismatch_reason;
};

// What the checks read of its household (office_households).
struct CheckedHousehold {
    std::string kk_number;
    std::string village_code;  // 18.06.01.2016
    std::string documents;     // JSON object as sent
    std::string received_day;  // YYYY-MM-DD of the hub's receipt: "today" for the KK's date
};

// The findings that are the household's (kk_region, kk_date), the same for each of its members.
std::vector<CheckFinding> checkHousehold(const CheckedHousehold& household,
                                         const RegionTable* regions);

struct MemberContext {
    const CheckedHousehold* household = nullptr;   // null until it arrives
    std::span<const CheckedMember> household_members;  // the household's, this one included
    std::span<const CheckedMember> same_nik;  // every registration of the NIK, this one included
    const RegionTable* regions = nullptr;  // null: the checks that need the table are skipped
    // checkHousehold(*household, regions) when the caller has it (computed once per household),
    // else null: computed here.
    const std::vector<CheckFinding>* household_findings = nullptr;
};

// The findings of one member, in the order of checkCodes(); `detail` is a JSON object and
// never holds a whole NIK, KK or card number:
//   nik_structure  the NIK is not a valid one (parseNik): {"error": code}       (needs regions)
//   nik_region     the NIK's kecamatan (digits 1-6) is not its household's:
//                  {"nik_kecamatan":"18.06.02","kecamatan":"18.06.01"}
//   nik_birth_date the NIK's DDMMYY is not the birth date: {"reason": the volunteer's
//                  nik_mismatch_reason, "" when none}
//   nik_sex        the NIK's day (+40 for women) is not the sex: {"reason": ...}
//   nik_elsewhere  the same NIK is registered in another household or by another device:
//                  {"members": [member ids], "households": n, "devices": n}
//   kk_region      the KK number is malformed or from another kecamatan than the household:
//                  {"error": code} or {"kk_kecamatan":..., "kecamatan":...}
//   kk_date        the KK's issue date is not a real date or is after the household's receipt:
//                  {"error": code}                                              (needs regions)
//   relation_age   relation and age do not fit (a child not 12 years younger than the head, a
//                  grandchild not 24, a parent not 12 years older; no head, or several):
//                  {"relation": ..., "years": head-to-member difference} or {"heads": n}
//   pbi_basis      a PBI member whose household shows no DTKS or SKTM basis:
//                  {"pbi_basis": "none" | ""}
//   prior_card     the member says it already holds a BPJS/KIS card: {}
std::vector<CheckFinding> checkMember(const CheckedMember& member, const MemberContext& context);

// What a member's office state is made of (see refreshMembers in office_read.hpp for the rule).
struct StampedCode {
    std::string code;     // a decision code, or a status code (core/status statusCode)
    std::int64_t at = 0;  // hub time: decided_at, imported_at
};
struct StateFacts {
    std::int64_t received_at = 0;
    std::int64_t corrected_at = 0;  // 0: never corrected
    std::optional<StampedCode> decision;  // the latest
    std::optional<StampedCode> status;    // the latest
};
// The state (an office_state code) and since when.
StampedCode memberState(const StateFacts& facts);

// The codes of the findings, comma separated, in the order of checkCodes() (office_members.checks).
std::string checkList(const std::vector<CheckFinding>& findings);

}  // namespace pekon::hub
