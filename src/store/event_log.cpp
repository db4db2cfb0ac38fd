// The event log (store/event_log.hpp): appending an intent's event, and reading the log.
#include "store/event_log.hpp"

#include "proto/ids.hpp"
#include "store/internal/database.hpp"

namespace pekon {

Result<Event> appendEvent(Store& store, std::string_view type, std::string data,
                          const WriteContext& ctx) {
    sql::Connection& db = connection(store);
    Event e;
    e.id = newUuid();
    e.type = std::string(type);
    e.at = ctx.now;
    e.actor = ctx.actor;
    e.data = std::move(data);
    // On a sealed device the log keeps the event's clear part; the personal part is sealed
    // beside it, for the hub and for the device.
    const SplitData split = deviceSealed(store) ? splitPersonal(e.data) : SplitData{e.data, ""};
    auto stmt = db.cached("INSERT INTO events (id, type, at, actor, data) VALUES (?, ?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, e.id)
        .bind(2, e.type)
        .bind(3, formatRfc3339(e.at))
        .bind(4, e.actor)
        .bind(5, split.clear);
    if (auto s = (*stmt)->run("append event"); !s) return s.error();
    e.seq = sqlite3_last_insert_rowid(db.handle());
    if (!split.personal.empty())
        if (auto s = sealEventPart(store, e.seq, split.personal, /*for_hub=*/true); !s)
            return s.error();
    return e;
}

Result<OutboxCounts> outboxCounts(Store& store) {
    sql::Connection& db = connection(store);
    auto stmt = db.prepare(
        "SELECT sync_state, COUNT(*) FROM events WHERE origin = 'device' GROUP BY sync_state");
    if (!stmt) return stmt.error();
    OutboxCounts c;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        const auto parsed = parseSyncState(stmt->text(0));
        if (!parsed) continue;
        const SyncState state = *parsed;
        const std::int64_t n = stmt->integer(1);
        switch (state) {
            case SyncState::pending:
                c.pending = n;
                break;
            case SyncState::accepted:
                c.accepted = n;
                break;
            case SyncState::duplicate:
                c.duplicate = n;
                break;
            case SyncState::rejected:
                c.rejected = n;
                break;
        }
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "count outbox");
    return c;
}

namespace {

Result<std::vector<Event>> readLog(Store& store, const std::string& sql, std::int64_t after_seq,
                                   int limit, std::optional<SyncState> state) {
    sql::Connection& db = connection(store);
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    stmt->bind(1, after_seq).bind(2, limit);
    if (state) stmt->bind(3, syncStateCode(*state));
    std::vector<Event> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        Event e;
        e.seq = stmt->integer(0);
        e.id = stmt->text(1);
        e.type = stmt->text(2);
        auto at = parseRfc3339(stmt->text(3));
        e.at = at ? *at : 0;
        e.actor = stmt->text(4);
        e.data = stmt->text(5);
        e.sync_state = parseSyncState(stmt->text(6)).value_or(e.sync_state);
        e.hub_code = stmt->text(7);
        e.hub_message = stmt->text(8);
        out.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read events");
    return out;
}

constexpr const char* kLogColumns =
    "e.seq, e.id, e.type, e.at, e.actor, %DATA%, e.sync_state, COALESCE(e.hub_code, ''), "
    "COALESCE(e.hub_message, '') FROM events e LEFT JOIN event_seals s ON s.seq = e.seq "
    "WHERE e.seq > ?1";

std::string logQuery(std::string_view data) {
    std::string sql = std::string("SELECT ") + kLogColumns;
    sql.replace(sql.find("%DATA%"), 6, data);
    return sql;
}

}  // namespace

Result<std::vector<Event>> listEvents(Store& store, std::int64_t after_seq, int limit,
                                      std::optional<SyncState> state) {
    std::string sql = logQuery(
        "CASE WHEN s.for_hub <> '' THEN json_set(e.data, '$.sealed', s.for_hub) ELSE e.data END");
    if (state)
        sql += " AND e.sync_state = ?3 AND e.origin = 'device' AND e.seq < COALESCE((SELECT "
               "MIN(w.seq) FROM event_seals w JOIN events p ON p.seq = w.seq WHERE w.for_hub IS "
               "NULL AND p.origin = 'device' AND p.sync_state = 'pending'), 9e18)";
    sql += " ORDER BY e.seq LIMIT ?2";
    return readLog(store, sql, after_seq, limit, state);
}

Result<std::vector<Event>> readEvents(Store& store, std::int64_t after_seq, int limit) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    const std::string sql =
        logQuery("json_patch(e.data, COALESCE(pk_open(NULLIF(s.for_device, '')), '{}'))") +
        " ORDER BY e.seq LIMIT ?2";
    return readLog(store, sql, after_seq, limit, std::nullopt);
}

}  // namespace pekon
