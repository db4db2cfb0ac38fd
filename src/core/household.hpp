#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/enrolment.hpp"
#include "core/error.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"
#include "core/sex.hpp"

namespace pekon {

// What a person typed or a file held, before validation: all text, as entered.
struct MemberInput {
    std::string nik;
    std::string name;
    std::string birth_date;  // YYYY-MM-DD
    std::string sex;         // M/F (or L/P)
    std::string relation;    // relationCode()
    std::string segment;     // segmentCode()
    std::string care_class;  // 1..3 or I..III
};

struct HouseholdInput {
    std::string kk_number;
    std::string village_code;  // a Tanggamus pekon/kelurahan, "18.06.01.2016"
    std::string address;
    std::string rt;     // optional, 1-3 digits
    std::string rw;     // optional, 1-3 digits
    std::string phone;  // optional, an Indonesian mobile number
    std::vector<MemberInput> members;
};

// Validated, normalised records. Ids are given by the store.
struct Member {
    std::string id;
    std::string household_id;
    std::string nik;
    std::string name;
    Date birth_date;
    Sex sex = Sex::male;
    Relation relation = Relation::head;
    Segment segment = Segment::pbpu;
    int care_class = 3;
};

struct Household {
    std::string id;
    std::string kk_number;
    std::string village_code;
    std::string address;
    std::string rt;  // "001" or empty
    std::string rw;
    std::string phone;  // E.164 or empty
};

struct HouseholdValidation {
    Household household;
    std::vector<Member> members;
    FieldErrors errors;    // empty means valid
    FieldErrors warnings;  // shown, never blocking
    bool ok() const { return errors.empty(); }
};

inline constexpr size_t kMaxMembers = 30;
inline constexpr size_t kMaxNameBytes = 100;
inline constexpr size_t kMaxAddressBytes = 200;

// Validates one member as the form is filled: field names "nik", "name", "birth_date"...
// Adds to `errors`/`warnings` with `prefix` before each field name ("members[2].").
Member validateMember(const MemberInput& input, const RegionTable& regions, const Date& today,
                      const std::string& prefix, FieldErrors& errors, FieldErrors& warnings);

// Validates a whole household exactly as the UI and the importers do: every field, the
// members, one head, no NIK twice. Collects all errors rather than stopping at the first.
HouseholdValidation validateHousehold(const HouseholdInput& input, const RegionTable& regions,
                                      const Date& today);

// A person's name, cleaned (normaliseName) and checked: not empty, at most 100 bytes, valid
// UTF-8, letters and . , - ' only. Error codes name_empty, name_invalid_chars, name_too_long.
Result<std::string> checkPersonName(std::string_view name);

// Cleans a person's name: trims, folds runs of spaces. Empty when nothing is left.
std::string normaliseName(std::string_view name);

}  // namespace pekon
