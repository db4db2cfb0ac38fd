#include <algorithm>
#include <array>

#include "hub/office_staff.hpp"

namespace pekon::hub {

namespace {

constexpr BulkColumn kAuditColumns[] = {{"at", "bigint"},     {"staff_id", "bigint"},
                                        {"username", "text"}, {"action", "text"},
                                        {"target", "text"},   {"detail", "text"}};
constexpr BulkInsert kInsertAudit{"insert_audit", "audit_log", kAuditColumns, ""};

constexpr int kMaxAuditPage = 1000;

// The conditions a filter can hold, in the order of the statement's parameters. A page's
// statement is one of 2^6 (named by which conditions it holds), each a plain search of an
// index: the filters are ANDed, never `? = '' OR ...`, which no index serves.
constexpr const char* kAuditConditions[] = {"username = ?",
                                            "action = ?",
                                            "target = ?",
                                            "at >= CAST(? AS BIGINT)",
                                            "at < CAST(? AS BIGINT)",
                                            "id < CAST(? AS BIGINT)"};
constexpr size_t kAuditMasks = size_t{1} << std::size(kAuditConditions);

// The statements' names, audit_log_010001..., made once at compile time: the backends keep
// a statement by its name, which must outlive the connection.
constexpr auto kAuditPageNames = [] {
    std::array<std::array<char, 11 + std::size(kAuditConditions)>, kAuditMasks> names{};
    constexpr char kPrefix[] = "audit_log_";
    for (size_t mask = 0; mask < kAuditMasks; ++mask) {
        size_t at = 0;
        for (; kPrefix[at] != '\0'; ++at) names[mask][at] = kPrefix[at];
        for (size_t bit = 0; bit < std::size(kAuditConditions); ++bit)
            names[mask][at++] = ((mask >> bit) & 1) ? '1' : '0';
        names[mask][at] = '\0';
    }
    return names;
}();

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

Result<std::vector<AuditEntry>> auditLog(HubDb& db, const AuditFilter& filter,
                                         std::int64_t before_id, int limit) {
    const std::int64_t page = std::clamp(limit, 1, kMaxAuditPage);
    const bool present[] = {!filter.username.empty(), !filter.action.empty(),
                            !filter.target.empty(),   filter.from != 0,
                            filter.to != 0,           before_id > 0};
    const SqlParam values[] = {filter.username, filter.action, filter.target,
                               filter.from,     filter.to,     before_id};
    size_t mask = 0;
    std::string text = "SELECT id, at, staff_id, username, action, target, detail FROM audit_log";
    std::vector<SqlParam> params;
    for (size_t i = 0; i < std::size(kAuditConditions); ++i) {
        if (!present[i]) continue;
        mask |= size_t{1} << i;
        text += params.empty() ? " WHERE " : " AND ";
        text += kAuditConditions[i];
        params.push_back(values[i]);
    }
    text += " ORDER BY id DESC LIMIT CAST(? AS BIGINT)";
    params.push_back(page);
    const HubSql sql{kAuditPageNames[mask].data(), text.c_str(), 7};
    return inTx<std::vector<AuditEntry>>(
        db, TxMode::autocommit, [&](HubTx& tx) -> Result<std::vector<AuditEntry>> {
            auto rows = tx.run(sql, params, "read the audit log");
            if (!rows) return rows.error();
            std::vector<AuditEntry> out;
            for (int i = 0; i < rows->count(); ++i) {
                AuditEntry e;
                e.id = rows->integer(i, 0);
                e.at = rows->integer(i, 1);
                if (!rows->isNull(i, 2)) e.staff_id = rows->integer(i, 2);
                e.username = rows->text(i, 3);
                e.action = rows->text(i, 4);
                e.target = rows->text(i, 5);
                e.detail = rows->text(i, 6);
                out.push_back(std::move(e));
            }
            return out;
        });
}

}  // namespace pekon::hub
