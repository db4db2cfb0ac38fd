#include "store/progress.hpp"

#include "store/drafts.hpp"
#include "store/internal/database.hpp"

namespace pekon {

namespace {

constexpr const char* kWeekCounts =
    "SELECT COUNT(DISTINCT h.key), COUNT(m.key), "
    "COALESCE(SUM(CASE WHEN e.sync_state IN ('accepted', 'duplicate') THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN m.status IN ('verified', 'payment_pending', 'paid', 'card_issued', "
    "'card_delivered') THEN 1 ELSE 0 END), 0) "
    "FROM households h LEFT JOIN members m ON m.household_key = h.key "
    "LEFT JOIN events e ON e.seq = m.event_seq "
    "WHERE h.registered_by = ? AND h.registered_at >= ?";

// The office's requests on what the user registered, oldest first.
constexpr const char* kDecided =
    "SELECT m.status, pk_open(m.name), h.id, m.office_reason, m.office_note, m.status_at "
    "FROM members m JOIN households h ON h.key = m.household_key "
    "WHERE h.registered_by = ? AND m.status IN ('needs_correction', 'rejected') "
    "ORDER BY m.status = 'rejected', m.status_at, m.key";

// Leads of the user's sessions whose draft was never registered.
constexpr const char* kLeads =
    "SELECT pk_open(a.name), s.id, l.created_at FROM session_leads l "
    "JOIN session_attendees a ON a.key = l.attendee_key "
    "JOIN sessions s ON s.key = a.session_key "
    "WHERE s.created_by = ? AND l.household_id = '' ORDER BY l.created_at, l.key";

// The user's babies registered without a NIK, still waiting for one (those the office asked
// about are listed as corrections already).
constexpr const char* kBabiesWithoutNik =
    "SELECT pk_open(m.name), h.id, m.status_at FROM members m JOIN households h ON h.key = m.household_key "
    "WHERE m.nik = '' AND h.registered_by = ? AND m.status NOT IN ('needs_correction', "
    "'rejected') ORDER BY m.key";

// The rows of `query` (name, `target`, at) for `user_id`, as to-do items of `kind`.
Status appendTodos(sql::Connection& db, const char* query, const std::string& user_id,
                   TodoKind kind, std::string TodoItem::*target, const char* doing,
                   std::vector<TodoItem>& out) {
    auto stmt = db.cached(query);
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, user_id);
    int rc;
    while ((rc = (*stmt)->step()) == SQLITE_ROW) {
        TodoItem item;
        item.kind = kind;
        item.name = (*stmt)->text(0);
        item.*target = (*stmt)->text(1);
        item.at = (*stmt)->text(2);
        out.push_back(std::move(item));
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, doing);
    return {};
}

}  // namespace

Result<VolunteerProgress> volunteerProgress(Store& store, const std::string& user_id,
                                            UnixSeconds now) {
    if (auto s = requireDataOpen(store); !s) return s.error();
    sql::Connection& db = connection(store);
    VolunteerProgress out;
    out.week.since = weekStart(weekOf(now + kWibOffset)) - kWibOffset;
    {
        auto stmt = db.cached(kWeekCounts);
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, user_id).bind(2, formatRfc3339(out.week.since));
        const int rc = (*stmt)->step();
        if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "count the week");
        out.week.households = (*stmt)->integer(0);
        out.week.members = (*stmt)->integer(1);
        out.week.synced = (*stmt)->integer(2);
        out.week.verified = (*stmt)->integer(3);
    }
    {
        auto stmt = db.cached(kDecided);
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, user_id);
        int rc;
        while ((rc = (*stmt)->step()) == SQLITE_ROW) {
            TodoItem item;
            item.kind = (*stmt)->text(0) == "rejected" ? TodoKind::refused : TodoKind::correction;
            item.name = (*stmt)->text(1);
            item.household_id = (*stmt)->text(2);
            item.reason = (*stmt)->text(3);
            item.note = (*stmt)->text(4);
            item.at = (*stmt)->text(5);
            out.todo.push_back(std::move(item));
        }
        if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read the requests");
    }
    auto drafts = listDrafts(store, user_id);
    if (!drafts) return drafts.error();
    for (auto it = drafts->rbegin(); it != drafts->rend(); ++it) {  // oldest first
        TodoItem item;
        item.kind = TodoKind::draft;
        for (const MemberInput& m : it->household.members)
            if (m.relation == "head" || item.name.empty()) item.name = m.name;
        item.draft = *it;
        out.todo.push_back(std::move(item));
    }
    if (auto s = appendTodos(db, kLeads, user_id, TodoKind::lead, &TodoItem::session_id,
                             "read the leads", out.todo);
        !s)
        return s.error();
    if (auto s = appendTodos(db, kBabiesWithoutNik, user_id, TodoKind::baby_nik,
                             &TodoItem::household_id, "read the babies", out.todo);
        !s)
        return s.error();
    return out;
}

}  // namespace pekon
