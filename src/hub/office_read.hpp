#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "hub/hub_tx.hpp"
#include "hub/office_state.hpp"
#include "proto/sync_json.hpp"

// The office's read models (schema v4, office_*): kept from the events pekon-hub accepts, in
// the push's own transaction, and rebuilt from the event log, the decisions and the imported
// statuses by `pekon-hub rebuild`. What the console reads of them: the verification queue and
// a person's page. Operations are written once over hub_tx (hub_ops_office_*).
namespace pekon::hub {

struct AcceptedEvent;  // below

// --- Keeping the read models -------------------------------------------------------------

// An event the hub has just accepted (or holds in its log, for rebuild).
struct AcceptedEvent {
    std::string id;
    std::string device_id;
    std::string type;
    std::string at;       // the device's RFC 3339 time
    std::string content;  // canonical JSON of the event ({"data":{...},...})
    UnixSeconds received_at = 0;
    // The event's `data` already parsed (the push has it), or null: then read from `content`.
    const Json* data = nullptr;
};

// Applies accepted events to the read models inside the caller's transaction (the push's):
// households, members (with their checks and state), history, sessions, attendance, quiz,
// feedback. Events of types the read models do not use change nothing. `events` are in the
// order they were accepted (a batch's order; rebuild: receipt, device, sequence). The first
// household.registered of a household id and member.registered of a member id count; a
// member.corrected of a member the hub does not hold changes nothing. Set-based: a handful of
// statements per call, whatever the number of events.
Status projectEvents(HubTx& tx, const std::vector<AcceptedEvent>& events);

// Empties the read models and makes them again from the event log, the decisions and the
// imported statuses, in one transaction; the result equals what the incremental path keeps.
struct RebuildSummary {
    std::int64_t events = 0;
    std::int64_t members = 0;
    std::int64_t decisions = 0;
};
Result<RebuildSummary> rebuildReadModels(HubDb& db, UnixSeconds now);

// Brings members' `state`, checks and status history lines up to date from what is stored,
// inside the caller's transaction, together with the other members of their households and
// every registration of their NIKs (checks depend on those). Called by every writer that
// changes what a state is made of (pushes, decide, status import, rebuild).
//
// The state is a function of the stored facts only, so it does not depend on the order they
// were applied in (rebuild == incremental):
//   - `new` at the registration's receipt;
//   - the latest decision (decisions, by id) and the latest imported status of the member's
//     NIK and birth date (statuses: latest decided_on, then latest id; draft/queued/synced
//     mean nothing at the office): the later of the two by hub time (decided_at vs
//     imported_at) wins, the status on a tie;
//   - a needs_correction or rejected state followed by a member.corrected received after it
//     (corrected_at > its time) is `corrected`, at the correction's receipt: back in the queue.
Status refreshMembers(HubTx& tx, const std::vector<std::string>& member_ids);

// Adds the history line of each decision whose id is above `after_id` (kind `decision`, what
// the decision code, actor staff:<username>, detail {"reason":...,"note":...}, source the
// decision id), skipping lines already there. decide() calls it after inserting its
// decisions (with the largest id before them), then refreshMembers; rebuild with 0.
Status addDecisionHistory(HubTx& tx, std::int64_t after_id);

// --- The verification queue --------------------------------------------------------------

struct QueueFilter {
    std::string kecamatan;  // "18.06.01", or "" for all
    std::string village;    // "18.06.01.2016", or ""
    std::string device_id;  // the volunteer's device, or ""
    std::string from_day;   // YYYY-MM-DD of the hub's receipt, inclusive, or ""
    std::string to_day;     // inclusive, or ""
    std::string segment;    // PBI-APBN..., or ""
    std::string check;      // a check code (only members it flags), "any", "none", or ""
    std::vector<OfficeState> states;  // empty: those awaiting a decision (new, corrected)
    bool mothers_first = false;  // pregnant women and babies under one first (queue_rank 0)
};

// One member in a list. `nik` is for masking on screen (core's maskNik), never for a URL.
struct MemberRow {
    std::string member_id;
    std::string household_id;
    std::string device_id;
    std::string device_name;
    std::string nik;
    std::string name;
    std::string birth_date;
    std::string sex;
    std::string relation;
    std::string segment;
    std::optional<int> klass;
    std::string village_code;
    OfficeState state = OfficeState::fresh;
    UnixSeconds received_at = 0;
    std::vector<std::string> checks;  // the flagging check codes
    std::string pregnancy_due;        // YYYY-MM when registered pregnant, else ""
    int queue_rank = 1;               // 0: a pregnant woman or a baby under one at the receipt
};

struct QueuePage {
    std::vector<MemberRow> rows;
    std::string next;  // opaque cursor of the next page; "" on the last
};

// Oldest registration first; `after` is a `next` of an earlier page ("" for the first). A
// cursor that is not one is `bad_cursor`. `limit` 1..500.
Result<QueuePage> queuePage(HubDb& db, const QueueFilter& filter, const std::string& after,
                            int limit);

// --- A person's page ---------------------------------------------------------------------

struct CheckFinding {
    std::string code;    // a check code
    std::string detail;  // a JSON object with what the words need (never a whole NIK)
};

struct HistoryLine {
    UnixSeconds at = 0;
    std::string kind;    // registered, corrected, decision, status, duplicate
    std::string what;    // event type, decision code, status code
    std::string actor;   // device id, or staff:<username>
    std::string detail;  // JSON object
};

struct HouseholdView {
    std::string household_id;
    std::string device_id;
    std::string kk_number;
    std::string village_code;
    std::string address;
    std::string rt;
    std::string rw;
    std::string phone;
    std::string documents;  // JSON object
    std::string consent;    // JSON object
    std::string event_at;
};

struct MemberView {
    MemberRow member;
    std::string phone;
    std::string occupation;
    std::string existing_card;
    std::string nik_mismatch_reason;
    int corrections = 0;
    std::optional<HouseholdView> household;  // absent until its household.registered arrives
    std::vector<MemberRow> household_members;  // the household's members, this one included
    std::vector<MemberRow> same_nik_elsewhere;  // the same NIK in other households or devices
    std::vector<CheckFinding> findings;
    std::vector<HistoryLine> history;  // oldest first
};

Result<std::optional<MemberView>> memberView(HubDb& db, const std::string& member_id);

// --- Decisions ---------------------------------------------------------------------------

inline constexpr size_t kMaxDecisionMembers = 5000;
inline constexpr size_t kMaxDecisionNote = 500;  // bytes
// The change a needs_correction decision queues for the device that registered the member:
// data {member_id, household_id, reason, note, date}.
inline constexpr const char* kCorrectionRequestedType = "registration.correction_requested";

struct DecisionRequest {
    std::vector<std::string> member_ids;  // one, a household's, or a bulk selection (<= 5000)
    Decision decision = Decision::verified;
    std::string reason;  // a code of correctionReasons()/rejectionReasons(); "" for verified
    std::string note;    // free text, at most 500 bytes
    std::int64_t staff_id = 0;
    std::string username;
};

struct DecisionSummary {
    int decided = 0;
    int unknown = 0;         // member ids the hub does not hold
    int nik_pending = 0;     // babies without a NIK yet, left undecided by a verification
    int changes = 0;         // changes queued for devices
    int kiosk_queued = 0;    // rows queued for the kiosks' table (one per person)
};

// Records each decision (decisions table, history, audit `decide`), moves the members' state,
// queues for the device that registered each member its change (registration.verified,
// registration.correction_requested, registration.rejected) and queues each person's row for
// the kiosks' card-status table (kiosk_queue), in one transaction with nothing slow before it:
// the kiosks' table follows when drainKioskQueue applies the row (pekon-hub serve's worker).
// Errors:
// `bad_reason`, `too_many`, `note_too_long`, `bad_staff` (no username). Ids the hub does not
// hold are counted in `unknown` and otherwise ignored; an id named twice is decided once.
// Each decision's history line is addDecisionHistory's.
// The kiosk entry follows: verified and rejected as a status import of that status would,
// needs_correction as `synced` (received, not yet decided).
Result<DecisionSummary> decide(HubDb& db, const DecisionRequest& request, UnixSeconds now);

}  // namespace pekon::hub
