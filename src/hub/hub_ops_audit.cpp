#include "hub/office_staff.hpp"

namespace pekon::hub {

namespace {

constexpr BulkColumn kAuditColumns[] = {{"at", "bigint"},     {"staff_id", "bigint"},
                                        {"username", "text"}, {"action", "text"},
                                        {"target", "text"},   {"detail", "text"}};
constexpr BulkInsert kInsertAudit{"insert_audit", "audit_log", kAuditColumns, ""};

}  // namespace

Status appendAudit(HubTx& tx, const AuditEntry& entry) {
    BulkRows row(std::size(kAuditColumns));
    row.integer(entry.at).integerOrNull(entry.staff_id).text(entry.username).text(entry.action);
    row.text(entry.target).text(entry.detail.empty() ? std::string_view("{}") : entry.detail);
    auto inserted = tx.insert(kInsertAudit, row, "record an audit line");
    return inserted ? Status() : Status(inserted.error());
}

Status appendAudit(HubDb& db, const AuditEntry& entry) {
    return db.transaction(TxMode::write, [&](HubTx& tx) { return appendAudit(tx, entry); });
}

}  // namespace pekon::hub
