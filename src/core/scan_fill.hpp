#pragma once

#include "core/household.hpp"
#include "core/scan_payload.hpp"

namespace pekon {

// Where a scan lands in the member form: a NIK (with the name, birth date and sex when the code
// carried them) or a KIS card number fills the member's fields, which the form then validates
// as if typed. Returns false (and changes nothing) when the payload has nothing for a member.
bool fillMemberFromScan(const ScanPayload& payload, MemberInput& member);

// A scanned KK number (alone, or beside a NIK in a KK/KTP code) for the household's KK field.
// Returns false when the payload holds none.
bool fillKkFromScan(const ScanPayload& payload, std::string& kk_number);

}  // namespace pekon
