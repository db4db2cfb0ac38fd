#include "hub/hub_ops.hpp"
#include "hub/hub_ops_device_activity.hpp"
#include "hub/office_read.hpp"

namespace pekon::hub {

namespace {

constexpr HubSql kStoredHashes{"stored_hashes",
                               "SELECT id, content_hash FROM events WHERE id {in ?}", 2};
// One statement per key kind: each is an index search in both dialects.
constexpr HubSql kRegistrationsByNiks{
    "registrations_by_niks",
    "SELECT member_id, household_id, device_id, nik, birth_date FROM members WHERE nik {in ?}", 5};
constexpr HubSql kRegistrationsByIds{"registrations_by_ids",
                                     "SELECT member_id, household_id, device_id, nik, birth_date "
                                     "FROM members WHERE member_id {in ?}",
                                     5};
constexpr HubSql kChanges{"changes",
                          "SELECT cursor, type, data FROM changes WHERE device_id = ? AND "
                          "cursor > ? ORDER BY cursor LIMIT ?",
                          3};
constexpr HubSql kEventCount{"event_count", "SELECT COUNT(*) FROM events", 1};
// The partial index events_time_flag.
constexpr HubSql kTimeFlagCounts{"time_flag_counts",
                                 "SELECT time_flag, COUNT(*) FROM events WHERE time_flag IS NOT "
                                 "NULL GROUP BY time_flag ORDER BY time_flag",
                                 2};

constexpr BulkColumn kEventColumns[] = {
    {"id", "text"},          {"device_id", "text"},    {"seq", "bigint"},
    {"type", "text"},        {"at", "text"},           {"content", "text"},
    {"content_hash", "text"}, {"received_at", "bigint"}, {"clock_offset", "bigint"},
    {"time_flag", "text"}};
constexpr BulkInsert kInsertEvents{"insert_events", "events", kEventColumns,
                                   "ON CONFLICT (id) DO NOTHING"};
constexpr BulkColumn kMemberColumns[] = {{"member_id", "text"},
                                         {"household_id", "text"},
                                         {"device_id", "text"},
                                         {"nik", "text"},
                                         {"birth_date", "text"}};
constexpr BulkInsert kInsertMembers{"insert_members", "members", kMemberColumns,
                                    "ON CONFLICT (member_id) DO NOTHING"};
constexpr BulkColumn kChangeColumns[] = {
    {"device_id", "text"}, {"type", "text"}, {"data", "text"}, {"created_at", "bigint"}};
constexpr BulkInsert kInsertChanges{"insert_changes", "changes", kChangeColumns, ""};

void appendRegistrations(const RowSet& rows, std::vector<Registration>& out) {
    for (int i = 0; i < rows.count(); ++i)
        out.push_back(
            {rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3), rows.text(i, 4)});
}

// What the store holds of a batch's keys: the content hashes of its ids, and the
// registrations with its NIKs or member ids.
Result<StoredForPush> storedFor(HubTx& tx, const PushKeys& keys) {
    StoredForPush stored;
    auto hashes = tx.run(kStoredHashes, {keys.event_ids}, "look up events");
    if (!hashes) return hashes.error();
    for (int i = 0; i < hashes->count(); ++i)
        stored.content_hashes.emplace(hashes->text(i, 0), hashes->text(i, 1));
    for (const auto& [sql, values] : {std::pair{&kRegistrationsByNiks, &keys.niks},
                                      std::pair{&kRegistrationsByIds, &keys.member_ids}}) {
        if (values->empty()) continue;
        auto found = tx.run(*sql, {*values}, "look up registrations");
        if (!found) return found.error();
        appendRegistrations(*found, stored.registrations);
    }
    return stored;
}

Status insertEvents(HubTx& tx, const std::string& device_id, const std::vector<NewEvent>& events,
                    UnixSeconds now) {
    if (events.empty()) return {};
    BulkRows rows(std::size(kEventColumns));
    for (const NewEvent& n : events) {
        const WireEvent& e = *n.event;
        rows.text(e.id).text(device_id).integer(e.seq).text(e.type).text(e.at).text(e.content);
        rows.text(n.content_hash).integer(now).integerOrNull(e.clock_offset);
        rows.textOrNull(n.time_flag);
    }
    auto stored = tx.insert(kInsertEvents, rows, "store events");
    if (!stored) return stored.error();
    // Writers hold the write lock, so every planned event is new; if one was not (a writer that
    // skipped the lock), nothing is committed and the device sends the batch again.
    if (*stored != static_cast<std::int64_t>(events.size()))
        return Error{"db_busy", "Basis data sedang diubah oleh penulis lain; coba lagi.",
                     "Another writer changed these events at the same time; try again."};
    return {};
}

Status insertRegistrations(HubTx& tx, const std::vector<Registration>& registrations) {
    if (registrations.empty()) return {};
    BulkRows rows(std::size(kMemberColumns));
    for (const Registration& r : registrations)
        rows.text(r.member_id).text(r.household_id).text(r.device_id).text(r.nik).text(
            r.birth_date);
    auto done = tx.insert(kInsertMembers, rows, "index members");
    if (!done) return done.error();
    return {};
}

// The newly stored events, for the office's read models.
std::vector<AcceptedEvent> acceptedEvents(const std::string& device_id,
                                          const std::vector<NewEvent>& events, UnixSeconds now) {
    std::vector<AcceptedEvent> out;
    out.reserve(events.size());
    for (const NewEvent& n : events) {
        const WireEvent& e = *n.event;
        out.push_back({e.id, device_id, e.type, e.at, std::string(), now, &e.data});
    }
    return out;
}

}  // namespace

Status insertChanges(HubTx& tx, const std::vector<NewChange>& changes, UnixSeconds now) {
    if (changes.empty()) return {};
    BulkRows rows(std::size(kChangeColumns));
    for (const NewChange& c : changes) rows.text(c.device_id).text(c.type).text(c.data).integer(now);
    auto done = tx.insert(kInsertChanges, rows, "add changes");
    if (!done) return done.error();
    return {};
}

namespace {

// One statement per step, whatever the batch's size: look up the batch's ids, look up the
// registrations its NIKs and member ids touch, then insert the events, the registrations and
// the changes, then keep the read models (unless `read_models` is false: the benchmark's
// reference). One transaction; answered after the commit.
Result<PushAnswer> pushBatch(HubDb& db, const std::string& device_id,
                             const std::vector<WireEvent>& events, UnixSeconds now,
                             bool read_models) {
    return inTx<PushAnswer>(db, TxMode::write, [&](HubTx& tx) -> Result<PushAnswer> {
        auto stored = storedFor(tx, pushKeys(events));
        if (!stored) return stored.error();
        PushPlan plan = planPush(device_id, events, *stored);
        flagEventTimes(plan, now);
        if (auto s = insertEvents(tx, device_id, plan.events, now); !s) return s.error();
        if (auto s = countStoredEvents(tx, device_id, plan.events, now); !s) return s.error();
        if (auto s = insertRegistrations(tx, plan.registrations); !s) return s.error();
        if (auto s = insertChanges(tx, plan.changes, now); !s) return s.error();
        if (read_models)
            if (auto s = projectEvents(tx, acceptedEvents(device_id, plan.events, now)); !s)
                return s.error();
        return std::move(plan.answer);
    });
}

}  // namespace

Result<PushAnswer> push(HubDb& db, const std::string& device_id,
                        const std::vector<WireEvent>& events, UnixSeconds now) {
    return pushBatch(db, device_id, events, now, true);
}

Result<PushAnswer> pushWithoutReadModels(HubDb& db, const std::string& device_id,
                                         const std::vector<WireEvent>& events, UnixSeconds now) {
    return pushBatch(db, device_id, events, now, false);
}

Result<std::vector<Change>> changesFor(HubDb& db, const std::string& device_id,
                                       std::int64_t since, int limit) {
    using List = std::vector<Change>;
    return inTx<List>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<List> {
        auto rows = tx.run(kChanges, {device_id, since, std::int64_t{limit}}, "read changes");
        if (!rows) return rows.error();
        List out;
        out.reserve(static_cast<size_t>(rows->count()));
        for (int i = 0; i < rows->count(); ++i)
            out.push_back({rows->integer(i, 0), rows->text(i, 1), rows->text(i, 2)});
        return out;
    });
}

Result<std::int64_t> countEvents(HubDb& db) {
    return inTx<std::int64_t>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<std::int64_t> {
        auto rows = tx.run(kEventCount, {}, "count events");
        if (!rows) return rows.error();
        return rows->integer(0, 0);
    });
}

Result<std::vector<TimeFlagCount>> countTimeFlags(HubDb& db) {
    using Counts = std::vector<TimeFlagCount>;
    return inTx<Counts>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<Counts> {
        auto rows = tx.run(kTimeFlagCounts, {}, "count flagged events");
        if (!rows) return rows.error();
        Counts out;
        for (int i = 0; i < rows->count(); ++i)
            out.push_back({rows->text(i, 0), rows->integer(i, 1)});
        return out;
    });
}

}  // namespace pekon::hub
