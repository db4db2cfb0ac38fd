// `pekon-hub rebuild`: the office's read models made again from the event log, the decisions
// and the imported statuses (rebuildReadModels), in one transaction and in pages; the devices'
// counters (device_activity) with them.
#include "hub/hub_ops_device_activity.hpp"
#include "hub/hub_ops_office_read.hpp"

namespace pekon::hub {

namespace {

constexpr const char* kEmpty =
    "DELETE FROM office_checks; DELETE FROM office_history; DELETE FROM office_members; "
    "DELETE FROM office_households; DELETE FROM office_sessions; DELETE FROM office_attendance; "
    "DELETE FROM office_quiz; DELETE FROM office_feedback; DELETE FROM office_leads;";
// The replay's order, as the pushes applied them: receipt, then device and its sequence. The
// index exists only while a rebuild runs (the push path does not pay for it).
constexpr const char* kOrderIndex =
    "CREATE INDEX IF NOT EXISTS events_rebuild_order ON events (received_at, device_id, seq, id)";
constexpr const char* kDropOrderIndex = "DROP INDEX IF EXISTS events_rebuild_order";

constexpr HubSql kEventsPage{
    "rebuild_events_page",
    "SELECT id, device_id, type, at, content, received_at, seq FROM events "
    "WHERE (received_at, device_id, seq, id) > (?, ?, ?, ?) "
    "ORDER BY received_at, device_id, seq, id LIMIT ?",
    7};
constexpr HubSql kMemberIdsPage{"rebuild_member_ids_page",
                                "SELECT member_id FROM office_members WHERE member_id > ? "
                                "ORDER BY member_id LIMIT ?",
                                1};
constexpr HubSql kCountMembers{"rebuild_count_members", "SELECT COUNT(*) FROM office_members", 1};
constexpr HubSql kCountDecisions{"rebuild_count_decisions", "SELECT COUNT(*) FROM decisions", 1};

constexpr std::int64_t kEventPage = 2000;
constexpr std::int64_t kMemberPage = 2000;

Status replayEvents(HubTx& tx, std::int64_t& count) {
    std::int64_t received_at = -1, seq = -1;
    std::string device_id, id;
    for (;;) {
        auto rows = tx.run(kEventsPage, {received_at, device_id, seq, id, kEventPage},
                           "read the event log");
        if (!rows) return rows.error();
        std::vector<AcceptedEvent> page;
        page.reserve(static_cast<size_t>(rows->count()));
        for (int i = 0; i < rows->count(); ++i)
            page.push_back({rows->text(i, 0), rows->text(i, 1), rows->text(i, 2),
                            rows->text(i, 3), rows->text(i, 4), rows->integer(i, 5), nullptr});
        if (auto s = projectEvents(tx, page); !s) return s;
        count += rows->count();
        if (rows->count() < kEventPage) return {};
        const int last = rows->count() - 1;
        id = rows->text(last, 0);
        device_id = rows->text(last, 1);
        received_at = rows->integer(last, 5);
        seq = rows->integer(last, 6);
    }
}

Status refreshAll(HubTx& tx) {
    std::string after;
    for (;;) {
        auto rows = tx.run(kMemberIdsPage, {after, kMemberPage}, "read office members");
        if (!rows) return rows.error();
        std::vector<std::string> ids;
        for (int i = 0; i < rows->count(); ++i) ids.push_back(rows->text(i, 0));
        if (auto s = refreshMembers(tx, ids); !s) return s;
        if (rows->count() < kMemberPage) return {};
        after = ids.back();
    }
}

}  // namespace

Result<RebuildSummary> rebuildReadModels(HubDb& db, UnixSeconds /*now*/) {
    return inTx<RebuildSummary>(db, TxMode::write, [&](HubTx& tx) -> Result<RebuildSummary> {
        RebuildSummary summary;
        if (auto s = tx.exec(kEmpty, "empty the read models"); !s) return s.error();
        if (auto s = tx.exec(kOrderIndex, "order the event log"); !s) return s.error();
        if (auto s = replayEvents(tx, summary.events); !s) return s.error();
        if (auto s = tx.exec(kDropOrderIndex, "order the event log"); !s) return s.error();
        if (auto s = recountDeviceActivity(tx); !s) return s.error();
        if (auto s = addDecisionHistory(tx, 0); !s) return s.error();
        if (auto s = refreshAll(tx); !s) return s.error();
        auto members = tx.run(kCountMembers, {}, "count members");
        if (!members) return members.error();
        summary.members = members->integer(0, 0);
        auto decisions = tx.run(kCountDecisions, {}, "count decisions");
        if (!decisions) return decisions.error();
        summary.decisions = decisions->integer(0, 0);
        return summary;
    });
}

}  // namespace pekon::hub
