#include "store/internal/member_status.hpp"

namespace pekon {

Result<std::optional<MemberStatusRow>> memberStatus(sql::Connection& db,
                                                    const std::string& member_id) {
    auto stmt = db.cached("SELECT key, status, status_at FROM members WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, member_id);
    const int rc = (*stmt)->step();
    if (rc == SQLITE_DONE) return std::optional<MemberStatusRow>();
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "read a member's status");
    MemberStatusRow row;
    row.key = (*stmt)->integer(0);
    row.status = parseStatus((*stmt)->text(1)).value_or(MemberStatus::queued);
    auto at = parseRfc3339((*stmt)->text(2));
    row.status_at = at ? *at : 0;
    return std::optional<MemberStatusRow>(row);
}

Status recordStatus(sql::Connection& db, std::int64_t member_key, MemberStatus status,
                    UnixSeconds at, std::int64_t event_seq) {
    const std::string when = formatRfc3339(at);
    const std::string_view code = statusCode(status);
    auto update = db.cached("UPDATE members SET status = ?, status_at = ? WHERE key = ?");
    if (!update) return update.error();
    (*update)->bind(1, code).bind(2, when).bind(3, member_key);
    if (auto s = (*update)->run("set a member's status"); !s) return s;
    auto history = db.cached(
        "INSERT OR IGNORE INTO member_status_history (member_key, at, status, event_seq) "
        "VALUES (?, ?, ?, ?)");
    if (!history) return history.error();
    (*history)->bind(1, member_key).bind(2, when).bind(3, code).bind(4, event_seq);
    return (*history)->run("add a status step");
}

}  // namespace pekon
