#include <algorithm>
#include <unordered_set>

#include "codec/json.hpp"
#include "core/status_import.hpp"
#include "hub/hub_ops.hpp"
#include "hub/office_read.hpp"
#include "hub/office_staff.hpp"

namespace pekon::hub {

namespace {

constexpr HubSql kMembersById{"decide_members",
                              "SELECT member_id, household_id, device_id, nik, birth_date FROM "
                              "members WHERE member_id {in ?} ORDER BY member_id",
                              5};
constexpr HubSql kLastDecision{"last_decision_id", "SELECT COALESCE(MAX(id), 0) FROM decisions", 1};
constexpr BulkColumn kDecisionColumns[] = {{"member_id", "text"},  {"decision", "text"},
                                           {"reason", "text"},     {"note", "text"},
                                           {"staff_id", "bigint"}, {"decided_at", "bigint"}};
constexpr BulkInsert kInsertDecisions{"insert_decisions", "decisions", kDecisionColumns, ""};
Error decisionError(const char* code, const std::string& id, const std::string& en) {
    return Error{code, id, en};
}

Status checkRequest(const DecisionRequest& request) {
    if (request.member_ids.size() > kMaxDecisionMembers)
        return decisionError(
            "too_many",
            "Paling banyak " + std::to_string(kMaxDecisionMembers) + " anggota sekali putus.",
            "At most " + std::to_string(kMaxDecisionMembers) + " members in one decision.");
    if (!isReasonFor(request.decision, request.reason))
        return decisionError(
            "bad_reason",
            request.decision == Decision::verified ? "Keputusan terverifikasi tidak memakai alasan."
                                                   : "Pilih alasan dari daftar.",
            request.decision == Decision::verified ? "A verified decision takes no reason."
                                                   : "Pick a reason from the list.");
    if (request.note.size() > kMaxDecisionNote)
        return decisionError(
            "note_too_long",
            "Catatan paling panjang " + std::to_string(kMaxDecisionNote) + " byte.",
            "The note is at most " + std::to_string(kMaxDecisionNote) + " bytes.");
    if (request.username.empty())
        return decisionError("bad_staff", "Keputusan harus dibuat oleh staf yang masuk.",
                             "A decision must be made by a signed-in staff member.");
    return {};
}

// The requested ids without repeats, in the order first named.
std::vector<std::string> distinctIds(const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const std::string& id : ids)
        if (seen.insert(id).second) out.push_back(id);
    return out;
}

Result<std::vector<Registration>> registrationsById(HubTx& tx,
                                                    const std::vector<std::string>& ids) {
    auto rows = tx.run(kMembersById, {ids}, "find the decided members");
    if (!rows) return rows.error();
    std::vector<Registration> out;
    for (int i = 0; i < rows->count(); ++i)
        out.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2), rows->text(i, 3),
                       rows->text(i, 4)});
    return out;
}

// The status a kiosk shows after the decision: needs_correction is, for the resident, a
// registration the office has received and not yet decided (`synced`).
MemberStatus kioskStatusOf(Decision decision) {
    switch (decision) {
        case Decision::verified:
            return MemberStatus::verified;
        case Decision::rejected:
            return MemberStatus::rejected;
        case Decision::needs_correction:
            break;
    }
    return MemberStatus::synced;
}

// The status-import rows a decision stands for, for the kiosks' table: one per person whose
// registration has a readable birth date.
std::vector<StatusRow> kioskRows(const std::vector<Registration>& members, Decision decision,
                                 UnixSeconds now) {
    std::vector<StatusRow> rows;
    std::unordered_set<std::string> seen;
    for (const Registration& m : members) {
        auto birth = parseIsoDate(m.birth_date);
        if (!birth || m.nik.empty() || !seen.insert(personText({m.nik, m.birth_date})).second)
            continue;  // a kiosk finds a person by NIK: a baby without one waits for it
        StatusRow row;
        row.nik = m.nik;
        row.birth_date = *birth;
        row.status = kioskStatusOf(decision);
        row.date = dateOf(now);
        rows.push_back(std::move(row));
    }
    return rows;
}

Status insertDecisions(HubTx& tx, const std::vector<Registration>& members,
                       const DecisionRequest& request, const std::string& decision,
                       UnixSeconds now) {
    BulkRows rows(std::size(kDecisionColumns));
    for (const Registration& m : members)
        rows.text(m.member_id)
            .text(decision)
            .text(request.reason)
            .text(request.note)
            .integer(request.staff_id)
            .integer(now);
    auto inserted = tx.insert(kInsertDecisions, rows, "record the decisions");
    return inserted ? Status() : Status(inserted.error());
}

Status auditDecisions(HubTx& tx, const std::vector<Registration>& members,
                      const DecisionRequest& request, const std::string& decision,
                      UnixSeconds now) {
    Json detail = {{"decision", decision}, {"bulk", members.size() > 1}};
    if (!request.reason.empty()) detail["reason"] = request.reason;
    const std::string text = dumpJson(detail);
    for (const Registration& m : members) {
        AuditEntry entry;
        entry.at = now;
        entry.staff_id = request.staff_id;
        entry.username = request.username;
        entry.action = "decide";
        entry.target = m.member_id;
        entry.detail = text;
        if (auto s = appendAudit(tx, entry); !s) return s;
    }
    return {};
}

}  // namespace

std::vector<NewChange> decisionChanges(const std::vector<Registration>& members, Decision decision,
                                       std::string_view reason, std::string_view note,
                                       UnixSeconds now) {
    const std::string date = formatIsoDate(dateOf(now));
    std::vector<NewChange> out;
    out.reserve(members.size());
    for (const Registration& m : members) {
        Json data = {{"member_id", m.member_id}, {"household_id", m.household_id}};
        std::string type;
        switch (decision) {
            case Decision::verified:
                type = statusChangeType(MemberStatus::verified);
                data["status"] = statusCode(MemberStatus::verified);
                break;
            case Decision::rejected:
                type = statusChangeType(MemberStatus::rejected);
                data["status"] = statusCode(MemberStatus::rejected);
                data["reason"] = reason;
                data["note"] = note;
                break;
            case Decision::needs_correction:
                type = kCorrectionRequestedType;
                data["reason"] = reason;
                data["note"] = note;
                break;
        }
        data["date"] = date;
        out.push_back({m.device_id, std::move(type), dumpJson(data)});
    }
    return out;
}

Result<DecisionSummary> decide(HubDb& db, const DecisionRequest& request, UnixSeconds now) {
    if (auto s = checkRequest(request); !s) return s.error();
    DecisionSummary summary;
    const std::vector<std::string> ids = distinctIds(request.member_ids);
    if (ids.empty()) return summary;
    const std::string decision(decisionCode(request.decision));  // the rows borrow it
    return inTx<DecisionSummary>(db, TxMode::write, [&](HubTx& tx) -> Result<DecisionSummary> {
        // Read again under the write lock: the members decided are those stored now.
        auto members = registrationsById(tx, ids);
        if (!members) return members.error();
        DecisionSummary out;
        out.unknown = static_cast<int>(ids.size() - members->size());
        if (request.decision == Decision::verified) {
            // A baby without a NIK yet cannot be verified: BPJS needs the NIK.
            const auto first_pending =
                std::stable_partition(members->begin(), members->end(),
                                      [](const Registration& m) { return !m.nik.empty(); });
            out.nik_pending = static_cast<int>(members->end() - first_pending);
            members->erase(first_pending, members->end());
        }
        if (members->empty()) return out;
        auto last = tx.run(kLastDecision, {}, "read the last decision");
        if (!last) return last.error();
        if (auto s = insertDecisions(tx, *members, request, decision, now); !s) return s.error();
        // The history lines (kind `decision`), as rebuild makes them from the same rows.
        if (auto s = addDecisionHistory(tx, last->integer(0, 0)); !s) return s.error();
        if (auto s = auditDecisions(tx, *members, request, decision, now); !s) return s.error();
        const auto changes =
            decisionChanges(*members, request.decision, request.reason, request.note, now);
        if (auto s = insertChanges(tx, changes, now); !s) return s.error();
        // The kiosks' table follows later, from the queue (drainKioskQueue).
        auto queued = queueKioskRows(tx, kioskRows(*members, request.decision, now), now);
        if (!queued) return queued.error();
        std::vector<std::string> decided;
        decided.reserve(members->size());
        for (const Registration& m : *members) decided.push_back(m.member_id);
        if (auto s = refreshMembers(tx, decided); !s) return s.error();
        out.decided = static_cast<int>(members->size());
        out.changes = static_cast<int>(changes.size());
        out.kiosk_queued = *queued;
        return out;
    });
}

}  // namespace pekon::hub
