#pragma once
// Households and their members on this device: the intents that write them (register.cpp,
// correct.cpp) and the queries that read them (households.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/household.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"
#include "core/status.hpp"
#include "core/status_reason.hpp"
#include "store/store.hpp"

namespace pekon {

struct RegisteredHousehold {
    std::string household_id;
    std::vector<std::string> member_ids;
};

struct RegisterOutcome {
    std::vector<RegisteredHousehold> households;  // empty unless ok()
    FieldErrors errors;
    FieldErrors warnings;
    bool ok() const { return errors.empty(); }
};

struct HouseholdSummary {
    Household household;
    std::string head_name;
    int member_count = 0;
    UnixSeconds registered_at = 0;
    MemberStatus least_status = MemberStatus::queued;  // the member furthest behind
    int needs_correction = 0;  // members the office asked the volunteer to correct
};

struct MemberRecord {
    Member member;
    MemberStatus status = MemberStatus::queued;
    std::vector<StatusStep> history;  // oldest first
    std::string card_number;
    std::string faskes;        // assigned by the office (pulled from the hub)
    std::string duplicate_of;  // another household the hub found with this NIK
    // The office's last decision sending the member back (core/status_reason): its code
    // (needs_correction, rejected or ""), reason code and note, kept until it decides again.
    std::string office_decision;
    std::string office_reason;
    std::string office_note;
    OfficeRequest officeRequest() const { return pekon::officeRequest(status, office_decision); }
};

struct HouseholdDetail {
    HouseholdSummary summary;
    std::vector<MemberRecord> members;
};

struct MemberHit {
    std::string member_id;
    std::string household_id;
    std::string nik;
    std::string name;
    std::string village_code;
    MemberStatus status = MemberStatus::queued;
};

// Intents ---------------------------------------------------------------------------------
// Validates every household (validateHousehold, plus no NIK or KK already on this
// device), then writes all of them or none.
// `draft_id`, when given, names the wizard draft these came from: it is deleted in the
// same transaction, so a household is never both saved and still a draft.
// A session lead whose draft this was (store/sessions) is linked to the new household in
// that transaction too.
RegisterOutcome registerHouseholds(Store& store, const std::vector<HouseholdInput>& households,
                                   const RegionTable& regions, const WriteContext& context,
                                   const std::string& draft_id = {});

// Adds one member to a registered household (a newborn, someone who moved in):
// validated like the household form, one `member.registered` event.
// At most 30 members and one head; warnings (an unknown region of the NIK) go to
// `warnings`, every error to `errors`, and the first error is returned.
Result<std::string> addMember(Store& store, const std::string& household_id,
                              const MemberInput& member, const RegionTable& regions,
                              const WriteContext& context, FieldErrors* errors = nullptr,
                              FieldErrors* warnings = nullptr);

// Corrects a registered member (nothing is overwritten without an event): validated as
// in the form; one `member.corrected` event with the member id and only the fields that
// changed; the projection follows, and a member the office sent back (needs_correction or
// rejected) is queued again. Returns the
// names of the changed fields; `nothing_changed` when none did.
Result<std::vector<std::string>> correctMember(Store& store, const std::string& member_id,
                                               const MemberInput& member,
                                               const RegionTable& regions,
                                               const WriteContext& context,
                                               FieldErrors* errors = nullptr);

// Queries ---------------------------------------------------------------------------------
// Newest first. `needing_correction`: only the households with a member the office asked
// to correct (status needs_correction).
Result<std::vector<HouseholdSummary>> listHouseholds(Store& store,
                                                     const std::string& village_code = {},
                                                     int limit = 1000, int offset = 0,
                                                     bool needing_correction = false);
Result<std::optional<HouseholdDetail>> findHousehold(Store& store, const std::string& id);
Result<std::int64_t> countHouseholds(Store& store, const std::string& village_code = {},
                                     bool needing_correction = false);
// A NIK or KK number (16 digits) matches exactly; other text matches names by prefix
// of the name or of a later word, case-insensitively.
Result<std::vector<MemberHit>> searchMembers(Store& store, const std::string& query,
                                             int limit = 50);
Result<std::optional<MemberHit>> findMemberByNik(Store& store, const std::string& nik);

}  // namespace pekon
