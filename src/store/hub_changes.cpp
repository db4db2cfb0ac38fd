#include "store/hub_changes.hpp"

#include <algorithm>

#include "core/status_import.hpp"
#include "core/status_reason.hpp"
#include "core/text.hpp"
#include "proto/ids.hpp"
#include "store/internal/complaint_rows.hpp"
#include "store/internal/database.hpp"
#include "store/internal/kiosk_entries.hpp"
#include "store/internal/member_status.hpp"
#include "store/kiosk_status.hpp"
#include "store/settings.hpp"

namespace pekon {

namespace {

std::string textOf(const Json& data, const char* key) {
    return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : "";
}

Result<std::int64_t> appendHubEvent(Store& store, const HubChange& c, UnixSeconds now) {
    sql::Connection& db = connection(store);
    const std::string data = dumpJson(c.data);
    const SplitData split = deviceSealed(store) ? splitPersonal(data) : SplitData{data, ""};
    auto stmt = db.cached(
        "INSERT INTO events (id, type, at, actor, data, origin, sync_state, synced_at) "
        "VALUES (?, ?, ?, 'hub', ?, 'hub', 'accepted', ?)");
    if (!stmt) return stmt.error();
    const std::string at = formatRfc3339(now);
    (*stmt)->bind(1, newUuid()).bind(2, c.type).bind(3, at).bind(4, split.clear).bind(5, at);
    if (auto s = (*stmt)->run("record a change from the hub"); !s) return s.error();
    const std::int64_t seq = sqlite3_last_insert_rowid(db.handle());
    if (!split.personal.empty())
        if (auto s = sealEventPart(store, seq, split.personal, /*for_hub=*/false); !s)
            return s.error();
    return seq;
}

Status setMemberText(sql::Connection& db, const char* column, std::int64_t key,
                     const std::string& value) {
    const std::string sql = std::string("UPDATE members SET ") + column + " = ? WHERE key = ?";
    auto stmt = db.cached(sql);
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, value).bind(2, key);
    return (*stmt)->run("keep what the hub said");
}

// The office's word kept with a member it sent back (needs_correction, rejected): true when
// it differs from what was kept. `decision` "" clears it (the office moved the member on).
Result<bool> keepOfficeWord(sql::Connection& db, std::int64_t key, std::string_view decision,
                            const std::string& reason, const std::string& note) {
    auto stmt = db.cached(
        "UPDATE members SET office_decision = ?1, office_reason = ?2, office_note = ?3 "
        "WHERE key = ?4 AND (office_decision != ?1 OR office_reason != ?2 OR office_note != ?3)");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, std::string(decision)).bind(2, reason).bind(3, note).bind(4, key);
    if (auto s = (*stmt)->run("keep the office's reason"); !s) return s.error();
    return sqlite3_changes(db.handle()) > 0;
}

bool sendsBack(MemberStatus s) {
    return s == MemberStatus::needs_correction || s == MemberStatus::rejected;
}

// A status change: true when it changed the member.
Result<bool> applyStatus(Store& store, const HubChange& c, MemberStatus to,
                         std::int64_t event_seq, UnixSeconds now) {
    sql::Connection& db = connection(store);
    auto found = memberStatus(db, textOf(c.data, "member_id"));
    if (!found) return found.error();
    if (!found->has_value()) return false;  // not registered on this device
    const MemberStatusRow& m = **found;
    bool changed = false;
    const bool moves = officeCanMove(m.status, to);
    // A decision sending the member back keeps its reason and note, also when repeated (the
    // office may say it again in other words); one moving the member on clears them.
    if (sendsBack(to) && (moves || m.status == to)) {
        auto kept =
            keepOfficeWord(db, m.key, statusCode(to), keptReasonCode(textOf(c.data, "reason")),
                           keptOfficeNote(textOf(c.data, "note")));
        if (!kept) return kept.error();
        changed = *kept;
    } else if (moves) {
        if (auto kept = keepOfficeWord(db, m.key, "", "", ""); !kept) return kept.error();
    }
    if (moves) {
        // Dated by the office's decision, but never before the member's previous step.
        UnixSeconds at = now;
        if (auto day = parseIsoDate(textOf(c.data, "date"))) at = toDays(*day) * 86400;
        at = std::max(at, m.status_at + 1);
        if (auto s = recordStatus(db, m.key, to, at, event_seq); !s) return s.error();
        changed = true;
    }
    // The card number and facility are kept even when the step itself was already known.
    for (const char* field : {"card_number", "faskes"}) {
        std::string value = textOf(c.data, field);
        if (value.empty()) continue;
        if (isPersonalKey(field)) {  // the card number, sealed for the device
            auto sealed = sealText(store, value);
            if (!sealed) return sealed.error();
            value = std::move(*sealed);
        }
        if (auto s = setMemberText(db, field, m.key, value); !s) return s.error();
        changed = true;
    }
    return changed;
}

Result<bool> applyDuplicate(sql::Connection& db, const HubChange& c) {
    auto found = memberStatus(db, textOf(c.data, "member_id"));
    if (!found) return found.error();
    const std::string other = textOf(c.data, "other_household_id");
    if (!found->has_value() || other.empty()) return false;
    if (auto s = setMemberText(db, "duplicate_of", (*found)->key, other); !s) return s.error();
    return true;
}

// A row of the kiosk's card-status table. Only a kiosk (a device holding the district's kiosk
// key) keeps it; on any other device, or when the data is not a well-formed entry, the change
// is recorded and nothing else happens. The entry is kept under its KK lookup (NIK and KK
// number) and its receipt lookup (receipt and birth date), never under `lookup`: from a hub
// older than issue 12 that is by NIK and birth date, one factor, so such data gives only its
// receipt row.
Result<bool> applyKioskStatus(Store& store, const HubChange& c) {
    auto key = readSetting(store, kSettingKioskKey);
    if (!key) return key.error();
    if (!key->has_value()) return false;
    const std::optional<KioskEntry> entry = parseKioskEntry(c.data);
    if (!entry) return false;
    bool kept = false;
    for (const std::string& lookup : {entry->kk_lookup, entry->receipt_lookup}) {
        if (lookup.empty()) continue;
        KioskEntry row = *entry;
        row.lookup = lookup;
        if (auto s = keepKioskEntry(connection(store), row); !s) return s.error();
        kept = true;
    }
    return kept;
}

// Where a complaint ticket stands, for a kiosk's citizens. Only a kiosk keeps it; data that is
// not a well-formed ticket status is recorded and changes nothing.
Result<bool> applyComplaintStatus(Store& store, const HubChange& c) {
    auto key = readSetting(store, kSettingKioskKey);
    if (!key) return key.error();
    if (!key->has_value()) return false;
    auto ticket = parseTicketNumber(textOf(c.data, "ticket"));
    auto state = parseTicketState(textOf(c.data, "state"));
    auto day = parseIsoDate(textOf(c.data, "date"));
    const std::string answer = textOf(c.data, "answer");
    if (!ticket || !state || !day || answer.size() > kTicketAnswerMax || !isValidUtf8(answer))
        return false;
    ComplaintStatus status{*ticket, *state, answer, *day};
    if (auto s = keepComplaintStatus(connection(store), status, false); !s) return s.error();
    return true;
}

// What the device's log keeps of a change: a legacy kiosk.status loses its `lookup` (by NIK
// and birth date), so the log gives no shorter way to the row than the table does.
HubChange loggedChange(const HubChange& c) {
    if (c.type != "kiosk.status" || !c.data.is_object() || c.data.contains("kk_lookup")) return c;
    HubChange logged = c;
    logged.data.erase("lookup");
    return logged;
}

}  // namespace

Result<std::string> readChangesCursor(Store& store) {
    auto value = readSetting(store, kSettingChangesCursor);
    if (!value) return value.error();
    return value->value_or("");
}

Result<AppliedChanges> applyHubChanges(Store& store, const ChangesPage& page, UnixSeconds now) {
    if (auto s = store.writable(); !s) return s.error();
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    AppliedChanges out;
    for (const HubChange& c : page.changes) {
        auto seq = appendHubEvent(store, loggedChange(c), now);
        if (!seq) return seq.error();
        Result<bool> changed = false;
        if (auto status = statusOfChangeType(c.type))
            changed = applyStatus(store, c, *status, *seq, now);
        else if (c.type == "registration.duplicate_suspected")
            changed = applyDuplicate(db, c);
        else if (c.type == "kiosk.status")
            changed = applyKioskStatus(store, c);
        else if (c.type == "complaint.status")
            changed = applyComplaintStatus(store, c);
        if (!changed) return changed.error();
        ++(*changed ? out.applied : out.kept);
    }
    if (auto s = writeSetting(store, kSettingChangesCursor, page.next); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    return out;
}

}  // namespace pekon
