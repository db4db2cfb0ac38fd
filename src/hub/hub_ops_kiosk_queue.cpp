// The kiosk follow-up queue (hub_ops.hpp, schema v6): writers queue status rows in their own
// transaction; the drain applies them to kiosk_entries later, its slow part (the Argon2id
// lookups) outside any write transaction.
#include <algorithm>
#include <unordered_set>

#include "hub/hub_ops.hpp"

namespace pekon::hub {

namespace {

constexpr HubSql kNextOrigin{"kiosk_queue_next_origin",
                             "SELECT COALESCE(MAX(id), 0) + 1 FROM kiosk_queue", 1};
constexpr BulkColumn kQueueColumns[] = {
    {"origin", "bigint"}, {"nik", "text"},         {"birth_date", "text"}, {"status", "text"},
    {"card_number", "text"}, {"class", "integer"}, {"faskes", "text"},     {"decided_on", "text"},
    {"line", "integer"},  {"attempts", "integer"}, {"queued_at", "bigint"}};
constexpr BulkInsert kQueueRows{"queue_kiosk_rows", "kiosk_queue", kQueueColumns, ""};
// The oldest origin's first rows.
constexpr HubSql kOldestBatch{
    "kiosk_queue_oldest",
    "SELECT id, nik, birth_date, status, card_number, class, faskes, decided_on, line, attempts, "
    "origin FROM kiosk_queue WHERE origin = (SELECT origin FROM "
    "kiosk_queue ORDER BY id LIMIT 1) ORDER BY id LIMIT ?",
    11};
// A batch's rows still queued.
constexpr HubSql kBatchRows{"kiosk_queue_batch",
                            "SELECT id, nik, birth_date, status, card_number, class, faskes, "
                            "decided_on, line, attempts FROM kiosk_queue WHERE origin = ? AND "
                            "id >= ? AND id <= ? ORDER BY id",
                            10};
constexpr HubSql kDeleteApplied{
    "kiosk_queue_delete",
    "DELETE FROM kiosk_queue WHERE origin = ? AND id >= ? AND id <= ?"};
constexpr HubSql kCountFailed{
    "kiosk_queue_failed",
    "UPDATE kiosk_queue SET attempts = attempts + 1 WHERE origin = ? AND id >= ? AND id <= ? "
    "AND nik = ? AND birth_date = ?"};
constexpr HubSql kAnyQueued{"kiosk_queue_any",
                            "SELECT COUNT(*) FROM (SELECT id FROM kiosk_queue LIMIT 1) AS q", 1};

struct QueuedRow {
    std::int64_t id = 0;
    StatusRow row;
    int attempts = 0;
    PersonKey person;
};

Result<std::vector<QueuedRow>> queuedRows(const RowSet& r) {
    std::vector<QueuedRow> out;
    for (int i = 0; i < r.count(); ++i) {
        QueuedRow q;
        q.id = r.integer(i, 0);
        q.person = {r.text(i, 1), r.text(i, 2)};
        auto birth = parseIsoDate(q.person.birth_date);
        auto status = parseStatus(r.text(i, 3));
        auto decided = parseIsoDate(r.text(i, 7));
        if (!birth || !status || !decided)
            return Error{"kiosk_queue_damaged", "Antrean kios di basis data pekon-hub rusak.",
                         "The kiosk queue in the pekon-hub database is damaged."};
        q.row.nik = q.person.nik;
        q.row.birth_date = *birth;
        q.row.status = *status;
        q.row.card_number = r.text(i, 4);
        if (!r.isNull(i, 5)) q.row.care_class = static_cast<int>(r.integer(i, 5));
        q.row.faskes = r.text(i, 6);
        q.row.date = *decided;
        q.row.line = static_cast<int>(r.integer(i, 8));
        q.attempts = static_cast<int>(r.integer(i, 9));
        out.push_back(std::move(q));
    }
    return out;
}

std::vector<PersonKey> peopleOf(const std::vector<QueuedRow>& rows) {
    std::vector<PersonKey> out;
    std::unordered_set<std::string> seen;
    for (const QueuedRow& q : rows)
        if (seen.insert(personText(q.person)).second) out.push_back(q.person);
    return out;
}

// What a person's lookups are computed from (kioskLookups): the first KK number and the first
// household id of their registrations.
std::string basisOf(const std::unordered_map<std::string, std::vector<PersonRecord>>& records,
                    const std::string& person) {
    auto it = records.find(person);
    if (it == records.end()) return "";
    std::string kk, household;
    for (const PersonRecord& r : it->second) {
        if (kk.empty()) kk = r.kk_number;
        if (household.empty()) household = r.household_id;
    }
    return kk + "|" + household;
}

}  // namespace

KioskDrained& KioskDrained::operator+=(const KioskDrained& o) {
    rows += o.rows;
    entries += o.entries;
    changes += o.changes;
    dropped += o.dropped;
    more = o.more;
    return *this;
}

Result<int> queueKioskRows(HubTx& tx, const std::vector<StatusRow>& rows, UnixSeconds now) {
    if (rows.empty()) return 0;
    auto next = tx.run(kNextOrigin, {}, "number the kiosk rows");
    if (!next) return next.error();
    const std::int64_t origin = next->integer(0, 0);
    std::vector<std::string> texts;  // borrowed by the cells until the insert is done
    texts.reserve(rows.size() * 3);
    BulkRows cells(std::size(kQueueColumns));
    for (const StatusRow& row : rows) {
        const std::string& birth = texts.emplace_back(formatIsoDate(row.birth_date));
        const std::string& status = texts.emplace_back(statusCode(row.status));
        const std::string& date = texts.emplace_back(formatIsoDate(row.date));
        cells.integer(origin).text(row.nik).text(birth).text(status).text(row.card_number);
        cells.integerOrNull(row.care_class ? std::optional<std::int64_t>(*row.care_class)
                                           : std::nullopt);
        cells.text(row.faskes).text(date).integer(row.line).integer(0).integer(now);
    }
    auto queued = tx.insert(kQueueRows, cells, "queue rows for the kiosks");
    if (!queued) return queued.error();
    return static_cast<int>(rows.size());
}

Result<std::optional<KioskBatch>> readKioskBatch(HubTx& tx, size_t limit) {
    auto found = tx.run(kOldestBatch, {static_cast<std::int64_t>(std::max<size_t>(limit, 1))},
                        "read the kiosk queue");
    if (!found) return found.error();
    if (found->count() == 0) return std::optional<KioskBatch>();
    auto rows = queuedRows(*found);
    if (!rows) return rows.error();
    KioskBatch batch;
    batch.origin = found->integer(0, 10);
    batch.first_id = rows->front().id;
    batch.last_id = rows->back().id;
    batch.people = peopleOf(*rows);
    auto key = kioskKey(tx);
    if (!key) return key.error();
    batch.key = *key;
    auto records = recordsOf(tx, batch.people);
    if (!records) return records.error();
    batch.records = std::move(records.value());
    return std::optional<KioskBatch>(std::move(batch));
}

void computeKioskBatch(KioskBatch& batch) {
    auto all = kioskLookups(batch.key, batch.people, batch.records);
    if (all) {
        batch.lookups = std::move(all.value());
        return;
    }
    // One failed: find who, one person at a time, and keep the others'.
    for (const PersonKey& p : batch.people) {
        auto one = kioskLookups(batch.key, {p}, batch.records);
        if (!one) {
            batch.failed.insert(personText(p));
            continue;
        }
        for (auto& [text, lookups] : one.value()) batch.lookups[text] = std::move(lookups);
    }
}

Result<KioskDrained> applyKioskBatch(HubTx& tx, const KioskBatch& batch, UnixSeconds now) {
    KioskDrained out;
    auto found = tx.run(kBatchRows, {batch.origin, batch.first_id, batch.last_id},
                        "read the kiosk queue again");
    if (!found) return found.error();
    auto queued = queuedRows(*found);
    if (!queued) return queued.error();
    // Read again under the write lock: what the plan builds on cannot change before the commit.
    auto records = recordsOf(tx, peopleOf(*queued));
    if (!records) return records.error();
    std::vector<StatusRow> rows;
    std::int64_t handled = 0;    // the last row applied or dropped; 0: none
    const QueuedRow* stop = nullptr;  // the first row left queued
    for (const QueuedRow& q : *queued) {
        const std::string text = personText(q.person);
        if (batch.failed.count(text)) {
            if (q.attempts + 1 < kKioskQueueAttempts) {
                stop = &q;
                break;
            }
            ++out.dropped;
        } else if (basisOf(*records, text) != basisOf(batch.records, text)) {
            stop = &q;
            break;
        } else {
            rows.push_back(q.row);
        }
        handled = q.id;
    }
    auto followed =
        followKioskTable(tx, rows, statusKeys(rows), batch.lookups, *records, now);
    if (!followed) return followed.error();
    out.rows = static_cast<int>(rows.size());
    out.entries = followed->entries;
    out.changes = followed->changes;
    if (handled) {
        auto deleted = tx.run(kDeleteApplied, {batch.origin, batch.first_id, handled},
                              "delete the applied kiosk rows");
        if (!deleted) return deleted.error();
    }
    if (stop && batch.failed.count(personText(stop->person))) {
        auto counted = tx.run(kCountFailed,
                              {batch.origin, stop->id, batch.last_id, stop->person.nik,
                               stop->person.birth_date},
                              "count a failed kiosk lookup");
        if (!counted) return counted.error();
    }
    auto left = tx.run(kAnyQueued, {}, "look for more kiosk rows");
    if (!left) return left.error();
    out.more = left->integer(0, 0) > 0;
    return out;
}

Result<KioskDrained> drainKioskStep(HubDb& db, UnixSeconds now, size_t limit,
                                    const StoreTurnTaker& turn) {
    auto take = [&] { return turn ? turn() : std::unique_lock<std::mutex>(); };
    auto read = [&] {
        auto lock = take();
        return inTx<std::optional<KioskBatch>>(
            db, TxMode::read, [&](HubTx& tx) { return readKioskBatch(tx, limit); });
    }();
    if (!read) return read.error();
    if (!*read) return KioskDrained{};
    KioskBatch& batch = **read;
    computeKioskBatch(batch);  // the slow part, with no transaction and no turn held
    auto lock = take();
    return inTx<KioskDrained>(db, TxMode::write,
                              [&](HubTx& tx) { return applyKioskBatch(tx, batch, now); });
}

Result<KioskDrained> drainKioskQueue(HubDb& db, UnixSeconds now, size_t limit,
                                     const StoreTurnTaker& turn) {
    KioskDrained total;
    int idle = 0;  // steps in a row that applied and dropped nothing
    for (;;) {
        auto step = drainKioskStep(db, now, limit, turn);
        if (!step) return step.error();
        total += *step;
        if (!step->more) return total;
        idle = step->rows || step->dropped ? 0 : idle + 1;
        if (idle > kKioskQueueAttempts) return total;
    }
}

}  // namespace pekon::hub
