#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/feedback.hpp"
#include "core/household.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"
#include "core/status.hpp"
#include "sqlite/sqlite.hpp"
#include "store/read_only.hpp"

namespace pekon {

// What a write needs besides its data: who acts, and the clock (passed in, for tests).
struct WriteContext {
    std::string actor;    // user id on the device
    UnixSeconds now = 0;  // UTC
    Date today;           // the local calendar date (for "not in the future" checks)
};

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
};

struct MemberRecord {
    Member member;
    MemberStatus status = MemberStatus::queued;
    std::vector<StatusStep> history;  // oldest first
    std::string card_number;
    std::string faskes;        // assigned by the office (pulled from the hub)
    std::string duplicate_of;  // another household the hub found with this NIK
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

struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t accepted = 0;
    std::int64_t duplicate = 0;
    std::int64_t rejected = 0;
};

// The device's database: one SQLite file (WAL, foreign keys on, mode 0600) holding the
// append-only event log and the projections derived from it. Every write is an intent that
// appends events and updates projections in one transaction; it is durable when it returns.
// One Store per thread.
class Store {
  public:
    // `create`: a missing database is created (0600). `existing`: for commands that only
    // read; a missing one is `no_database` and nothing is created.
    enum class OpenMode { create, existing };

    // Opens and migrates. A database newer than this program is refused (`db_too_new`).
    // One that fails `PRAGMA quick_check` opens read-only: reads work, every write returns
    // `db_damaged`, and damage() says what is wrong. One that cannot be written (read-only
    // file, folder or filesystem: sql::whyReadOnly) opens read-only without creating or
    // changing any file: reads work and every write returns that reason. A file's mode is
    // never widened.
    static Result<std::unique_ptr<Store>> open(const std::string& path,
                                               OpenMode mode = OpenMode::create);
    ~Store();

    // Only when the database is damaged (not merely read-only).
    const std::optional<Error>& damage() const { return damage_; }
    // Why saving is off (the damage, or why the storage cannot be written); empty when on.
    const std::optional<Error>& readOnly() const { return read_only_; }
    const std::string& path() const { return path_; }

    // Intents ---------------------------------------------------------------------------
    // Validates every household (validateHousehold, plus no NIK or KK already on this
    // device), then writes all of them or none.
    // `draft_id`, when given, names the wizard draft these came from: it is deleted in the
    // same transaction, so a household is never both saved and still a draft.
    // A session lead whose draft this was (store/sessions) is linked to the new household in
    // that transaction too.
    RegisterOutcome registerHouseholds(const std::vector<HouseholdInput>& households,
                                       const RegionTable& regions, const WriteContext& context,
                                       const std::string& draft_id = {});

    // Adds one member to a registered household (a newborn, someone who moved in):
    // validated like the household form, one `member.registered` event.
    // At most 30 members and one head; warnings (an unknown region of the NIK) go to
    // `warnings`, every error to `errors`, and the first error is returned.
    Result<std::string> addMember(const std::string& household_id, const MemberInput& member,
                                  const RegionTable& regions, const WriteContext& context,
                                  FieldErrors* errors = nullptr, FieldErrors* warnings = nullptr);

    // Corrects a registered member (nothing is overwritten without an event): validated as
    // in the form; one `member.corrected` event with the member id and only the fields that
    // changed; the projection follows, and a rejected member is queued again. Returns the
    // names of the changed fields; `nothing_changed` when none did.
    Result<std::vector<std::string>> correctMember(const std::string& member_id,
                                                   const MemberInput& member,
                                                   const RegionTable& regions,
                                                   const WriteContext& context,
                                                   FieldErrors* errors = nullptr);

    // A citizen's feedback or complaint (core/checkFeedback first), queued for the hub as
    // `feedback.submitted`; errors as checkFeedback's. store/feedback.cpp.
    Result<Event> submitFeedback(const Feedback& feedback, const WriteContext& context);

    // Queries ---------------------------------------------------------------------------
    Result<std::vector<HouseholdSummary>> households(const std::string& village_code = {},
                                                     int limit = 1000, int offset = 0);
    Result<std::optional<HouseholdDetail>> household(const std::string& id);
    Result<std::int64_t> countHouseholds(const std::string& village_code = {});
    // A NIK or KK number (16 digits) matches exactly; other text matches names by prefix
    // of the name or of a later word, case-insensitively.
    Result<std::vector<MemberHit>> search(const std::string& query, int limit = 50);
    Result<std::optional<MemberHit>> memberByNik(const std::string& nik);
    Result<OutboxCounts> outboxCounts();
    Result<std::vector<Event>> events(std::int64_t after_seq, int limit,
                                      std::optional<SyncState> state = std::nullopt);

    // Checks ----------------------------------------------------------------------------
    // Replays the event log and compares it with the projections; an error
    // (`projection_mismatch`) names the first difference.
    Status verifyProjections();
    // "ok" or SQLite's report: `PRAGMA quick_check`, or the slower integrity_check if `full`.
    Result<std::string> integrityCheck(bool full = false);

    sql::Connection& connection() { return db_; }

    // For intents kept in their own files (store/sessions): appends one event to the log.
    // Call it inside the intent's transaction, with the projection writes beside it.
    Result<Event> appendEvent(std::string_view type, std::string data, const WriteContext& context);
    // readOnly()'s reason (`db_damaged`, `db_readonly_file`, `db_readonly_folder`,
    // `db_readonly_filesystem`) when saving is off.
    Status writable() const;

  private:
    Store() = default;
    Result<std::int64_t> insertHousehold(const Household& h, const Event& e);  // its key
    Status insertMember(const Member& m, std::int64_t household_key, const Event& e);
    Result<bool> exists(std::string_view sql, const std::string& value);
    Status checkAgainstDevice(const HouseholdValidation& v, FieldErrors& errors);
    // Adds `nik_already_registered` under `field` when a member of this device has `nik`.
    Status checkNikFree(const std::string& nik, const std::string& field, FieldErrors& errors);

    // Opens an existing database that cannot be written, for reading (sql::openReadOnly).
    static Result<std::unique_ptr<Store>> openForReading(const std::string& path, Error why);

    std::unique_ptr<sql::ScratchCopy> scratch_;  // declared before db_: outlives it
    sql::Connection db_;
    std::string path_;
    std::optional<Error> damage_;
    std::optional<Error> read_only_;
};

}  // namespace pekon
