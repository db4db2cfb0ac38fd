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
    // Optional, from the touch app's form:
    std::string occupation;           // occupationCode(), suggests a segment
    std::string existing_card;        // a BPJS/KIS card the member already has (13 digits)
    std::string phone;                // the member's own mobile number
    std::string nik_mismatch_reason;  // set when the volunteer confirms a NIK that disagrees
                                      // with the birth date or sex: the mismatch becomes a
                                      // warning and the reason is recorded in the event
    // Added in issue 15 (mothers and newborns):
    bool no_nik = false;        // a baby under one without a NIK yet: `nik` is ignored and the
                                // NIK comes later by correction
    std::string pregnancy_due;  // a pregnant woman aged 10-55: the expected month, YYYY-MM
};

// Documents the volunteer saw. For PBI members, whether the household is in DTKS (the
// social welfare register) or holds an SKTM (letter of low income).
struct DocumentsSeen {
    bool ktp = false;
    bool kk = false;
    bool birth_certificate = false;  // Akta Kelahiran
    std::string pbi_basis;           // "", "dtks", "sktm", "none"
};

// Consent under UU 27/2022 (PDP): the text shown, the citizen's agreement, the volunteer's
// attestation that it was read out and agreed.
struct ConsentRecord {
    std::string text_version;  // e.g. "pdp-2026-1"
    bool citizen_agreed = false;
    bool volunteer_attested = false;
};

struct HouseholdInput {
    std::string kk_number;
    std::string village_code;  // a Tanggamus pekon/kelurahan, "18.06.01.2016"
    std::string address;
    std::string rt;     // optional, 1-3 digits
    std::string rw;     // optional, 1-3 digits
    std::string phone;  // optional, an Indonesian mobile number
    std::vector<MemberInput> members;
    DocumentsSeen documents;  // recorded by the touch app; empty from imports
    ConsentRecord consent;
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
    std::string occupation;           // "" or occupationCode()
    std::string existing_card;        // "" or 13 digits
    std::string phone;                // "" or E.164
    std::string nik_mismatch_reason;  // "" unless a confirmed mismatch
    std::string pregnancy_due;        // "" or YYYY-MM, the expected month of delivery
    // nik is "" for a baby registered before it has a NIK (MemberInput::no_nik).
};

struct Household {
    std::string id;
    std::string kk_number;
    std::string village_code;
    std::string address;
    std::string rt;  // "001" or empty
    std::string rw;
    std::string phone;  // E.164 or empty
    DocumentsSeen documents;
    ConsentRecord consent;
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
// Who may be marked pregnant, by age in whole years on the day of registration.
inline constexpr int kPregnancyMinAge = 10;
inline constexpr int kPregnancyMaxAge = 55;
// How many months ahead of this month an expected delivery may be (this month .. +9).
inline constexpr int kPregnancyMonthsAhead = 9;

// Whole years between `birth` and `day` (0 before the first birthday).
int ageInYears(const Date& birth, const Date& day);
// The months a pregnant woman's delivery may be expected in, from `today`'s month on (YYYY-MM).
std::vector<std::string> dueMonthChoices(const Date& today);

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
