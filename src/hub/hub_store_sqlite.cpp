#include "hub/hub_store_sqlite.hpp"

#include "hub/hub_store_logic.hpp"
#include "platform/clock.hpp"
#include "proto/ids.hpp"
#include "sqlite/sqlite.hpp"
#include "store/store.hpp"

namespace pekon::hub {

namespace {

// The registrations with any of the NIKs, or member ids, in a JSON array.
constexpr const char* kRegistrationsByNiks =
    "SELECT member_id, household_id, device_id, nik, birth_date FROM members WHERE nik IN "
    "(SELECT value FROM json_each(?))";
constexpr const char* kRegistrationsByIds =
    "SELECT member_id, household_id, device_id, nik, birth_date FROM members WHERE member_id IN "
    "(SELECT value FROM json_each(?))";
constexpr const char* kRegistrationsOfPerson =
    "SELECT member_id, household_id, device_id, nik, birth_date FROM members WHERE nik = ? AND "
    "birth_date = ? ORDER BY member_id";
// A person's registrations with the name, village and KK number their events give. The JSON expressions
// are those of the schema's partial indexes, so each is an index search; the unary + strips
// the column's TEXT affinity, which would otherwise stop SQLite from searching the index.
constexpr const char* kRecordsOfPerson =
    "SELECT m.member_id, "
    "(SELECT json_extract(e.content, '$.data.name') FROM events e WHERE e.type = "
    "'member.registered' AND json_extract(e.content, '$.data.member_id') = +m.member_id "
    "ORDER BY e.received_at, e.id LIMIT 1), "
    "(SELECT json_extract(h.content, '$.data.village_code') FROM events h WHERE h.type = "
    "'household.registered' AND json_extract(h.content, '$.data.household_id') = +m.household_id "
    "ORDER BY h.received_at, h.id LIMIT 1), m.household_id, "
    "(SELECT json_extract(h.content, '$.data.kk_number') FROM events h WHERE h.type = "
    "'household.registered' AND json_extract(h.content, '$.data.household_id') = +m.household_id "
    "ORDER BY h.received_at, h.id LIMIT 1) "
    "FROM members m WHERE m.nik = ? AND m.birth_date = ? ORDER BY m.member_id";
constexpr const char* kKioskEntryOfPerson =
    "SELECT lookup, route, decided_on, data FROM kiosk_entries WHERE nik = ? AND birth_date = ?";
constexpr const char* kDeviceColumns = "id, name, secret, enrolled_at, revoked_at, kiosk_area";

Result<Device> readDevice(sql::Stmt& stmt) {
    Device d;
    d.id = stmt.text(0);
    d.name = stmt.text(1);
    auto secret = sync::decodeSecret(stmt.text(2));
    if (!secret) return secret.error();
    d.secret = *secret;
    d.enrolled_at = stmt.integer(3);
    if (!stmt.isNull(4)) d.revoked_at = stmt.integer(4);
    d.kiosk_area = stmt.text(5);
    return d;
}

// The SQLite store: in-process, so a batch is looked up and written a row at a time through
// cached statements (no round trips to save).
class SqliteHubStore final : public HubStore {
  public:
    explicit SqliteHubStore(sql::Connection db) : db_(std::move(db)) {}

    Status migrate(UnixSeconds now) {
        auto tx = sql::Transaction::begin(db_);
        if (!tx) return tx.error();
        if (auto s = db_.exec(kSchemaVersionTable, "create the schema version table"); !s) return s;
        auto current = db_.queryInt(kReadSchemaVersion);
        if (!current) return current.error();
        auto applied = migrateSchema(*current, kSqliteDialect, [&](const SchemaStep& step) {
            if (auto s = db_.exec(step.sql, "migrate the hub schema"); !s) return s;
            auto record =
                db_.cached("INSERT INTO hub_schema_version (version, applied_at) VALUES (?, ?)");
            if (!record) return Status(record.error());
            (*record)->bind(1, step.version).bind(2, now);
            return (*record)->run("record the schema version");
        });
        if (!applied) return applied;
        return tx->commit();
    }

    Result<NewToken> createToken(const std::string& label, UnixSeconds now,
                                 std::int64_t ttl_seconds, const std::string& kiosk_area) override {
        NewToken t{newEnrolToken(), now + ttl_seconds};
        auto stmt = db_.cached(
            "INSERT INTO tokens (token_hash, label, created_at, expires_at, kiosk_area) VALUES "
            "(?, ?, ?, ?, ?)");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, tokenHash(t.token)).bind(2, label).bind(3, now).bind(4, t.expires_at);
        if (kiosk_area.empty())
            (*stmt)->bindNull(5);
        else
            (*stmt)->bind(5, kiosk_area);
        if (auto s = (*stmt)->run("create a token"); !s) return s.error();
        return t;
    }

    Result<Enrolment> enrol(const std::string& token, const std::string& name,
                            UnixSeconds now) override {
        auto tx = sql::Transaction::begin(db_);
        if (!tx) return tx.error();
        Enrolment e{newUuid(), sync::newDeviceSecret()};
        {
            // Spends the token only if it is unused and in time: one statement, so two devices
            // racing with the same token cannot both win.
            auto spend = db_.cached(
                "UPDATE tokens SET used_at = ?, device_id = ? WHERE token_hash = ? AND used_at IS "
                "NULL AND expires_at > ?");
            if (!spend) return spend.error();
            (*spend)->bind(1, now).bind(2, e.device_id).bind(3, tokenHash(token)).bind(4, now);
            if (auto s = (*spend)->run("spend a token"); !s) return s.error();
            if (sqlite3_changes(db_.handle()) != 1) return badToken();
        }
        std::string area;
        {
            auto kiosk = db_.cached("SELECT kiosk_area FROM tokens WHERE token_hash = ?");
            if (!kiosk) return kiosk.error();
            (*kiosk)->bind(1, tokenHash(token));
            const int rc = (*kiosk)->step();
            if (rc != SQLITE_ROW) return sql::sqliteError(db_.handle(), rc, "read a token");
            area = (*kiosk)->text(0);
        }
        auto add = db_.cached(
            "INSERT INTO devices (id, name, secret, enrolled_at, kiosk_area) VALUES (?, ?, ?, ?, "
            "?)");
        if (!add) return add.error();
        (*add)->bind(1, e.device_id).bind(2, name).bind(3, sync::encodeSecret(e.secret));
        (*add)->bind(4, now);
        if (area.empty())
            (*add)->bindNull(5);
        else
            (*add)->bind(5, area);
        if (auto s = (*add)->run("add a device"); !s) return s.error();
        if (!area.empty()) {
            auto key = kioskKey();
            if (!key) return key.error();
            e.kiosk = KioskGrant{area, {}};
            e.kiosk->key.bytes = key->bytes;
            // The kiosk starts with the whole table of its area: the entries made since issue
            // 12 that have a lookup (hub_store_logic.hpp).
            auto backfill = db_.cached(
                "INSERT INTO changes (device_id, type, data, created_at) SELECT ?, "
                "'kiosk.status', data, ? FROM kiosk_entries WHERE (route = ? OR route LIKE ?) "
                "AND lookup <> '' AND data LIKE '%\"kk\\_lookup\":%' ESCAPE '\\' "
                "ORDER BY route, nik, birth_date");
            if (!backfill) return backfill.error();
            (*backfill)->bind(1, e.device_id).bind(2, now).bind(3, area).bind(4, area + ".%");
            if (auto s = (*backfill)->run("send a kiosk its table"); !s) return s.error();
        }
        if (auto s = tx->commit(); !s) return s.error();
        return e;
    }

    Result<std::optional<Device>> device(const std::string& id) override {
        auto stmt =
            db_.cached(std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE id = ?");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, id);
        const int rc = (*stmt)->step();
        if (rc == SQLITE_DONE) return std::optional<Device>();
        if (rc != SQLITE_ROW) return sql::sqliteError(db_.handle(), rc, "read a device");
        auto d = readDevice(**stmt);
        if (!d) return d.error();
        return std::optional<Device>(std::move(d.value()));
    }

    Result<std::vector<Device>> devices() override {
        auto stmt = db_.prepare(std::string("SELECT ") + kDeviceColumns +
                                " FROM devices ORDER BY enrolled_at, id");
        if (!stmt) return stmt.error();
        std::vector<Device> out;
        int rc;
        while ((rc = stmt->step()) == SQLITE_ROW) {
            auto d = readDevice(*stmt);
            if (!d) return d.error();
            out.push_back(std::move(d.value()));
        }
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "list devices");
        return out;
    }

    Status revoke(const std::string& id, UnixSeconds now) override {
        auto stmt =
            db_.cached("UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, now).bind(2, id);
        if (auto s = (*stmt)->run("revoke a device"); !s) return s;
        if (sqlite3_changes(db_.handle()) != 1) return unknownDevice();
        return {};
    }

    Result<PushAnswer> push(const std::string& device_id, const std::vector<WireEvent>& events,
                            UnixSeconds now) override {
        auto tx = sql::Transaction::begin(db_);
        if (!tx) return tx.error();
        const PushKeys keys = pushKeys(events);
        // What the hub holds already, one statement per key kind over a JSON array of keys.
        StoredForPush stored;
        {
            auto seen = db_.cached(
                "SELECT id, content_hash FROM events WHERE id IN (SELECT value FROM json_each(?))");
            if (!seen) return seen.error();
            (*seen)->bind(1, dumpJson(Json(keys.event_ids)));
            int rc;
            while ((rc = (*seen)->step()) == SQLITE_ROW)
                stored.content_hashes.emplace((*seen)->text(0), (*seen)->text(1));
            if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "look up events");
        }
        for (const auto& [sql, values] : {std::pair{kRegistrationsByNiks, &keys.niks},
                                          std::pair{kRegistrationsByIds, &keys.member_ids}})
            if (auto s = readRegistrations(sql, {dumpJson(Json(*values))}, stored.registrations);
                !s)
                return s.error();

        PushPlan plan = planPush(device_id, events, stored);
        flagEventTimes(plan, now);
        for (const NewEvent& n : plan.events) {
            auto insert = db_.cached(
                "INSERT INTO events (id, device_id, seq, type, at, content, content_hash, "
                "received_at, clock_offset, time_flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            if (!insert) return insert.error();
            const WireEvent& e = *n.event;
            (*insert)->bind(1, e.id).bind(2, device_id).bind(3, e.seq).bind(4, e.type);
            (*insert)->bind(5, e.at).bind(6, e.content).bind(7, n.content_hash).bind(8, now);
            if (e.clock_offset)
                (*insert)->bind(9, *e.clock_offset);
            else
                (*insert)->bindNull(9);
            if (n.time_flag.empty())
                (*insert)->bindNull(10);
            else
                (*insert)->bind(10, n.time_flag);
            if (auto s = (*insert)->run("store an event"); !s) return s.error();
        }
        for (const Registration& r : plan.registrations) {
            auto add = db_.cached(
                "INSERT INTO members (member_id, household_id, device_id, nik, birth_date) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id) DO NOTHING");
            if (!add) return add.error();
            (*add)->bind(1, r.member_id).bind(2, r.household_id).bind(3, r.device_id);
            (*add)->bind(4, r.nik).bind(5, r.birth_date);
            if (auto s = (*add)->run("index a member"); !s) return s.error();
        }
        if (auto s = insertChanges(plan.changes, now); !s) return s.error();
        // Acknowledged only once committed: a crash before this line answers nothing.
        if (auto s = tx->commit(); !s) return s.error();
        return std::move(plan.answer);
    }

    Result<std::vector<Change>> changes(const std::string& device_id, std::int64_t since,
                                        int limit) override {
        auto stmt = db_.cached(
            "SELECT cursor, type, data FROM changes WHERE device_id = ? AND cursor > ? ORDER BY "
            "cursor LIMIT ?");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, device_id).bind(2, since).bind(3, limit);
        std::vector<Change> out;
        int rc;
        while ((rc = (*stmt)->step()) == SQLITE_ROW)
            out.push_back({(*stmt)->integer(0), (*stmt)->text(1), (*stmt)->text(2)});
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "read changes");
        return out;
    }

    Result<std::int64_t> eventCount() override {
        return db_.queryInt("SELECT COUNT(*) FROM events");
    }

    Result<std::vector<TimeFlagCount>> timeFlagCounts() override {
        auto stmt = db_.cached(kTimeFlagCounts);
        if (!stmt) return stmt.error();
        std::vector<TimeFlagCount> out;
        int rc;
        while ((rc = (*stmt)->step()) == SQLITE_ROW)
            out.push_back({(*stmt)->text(0), (*stmt)->integer(1)});
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "count flagged events");
        return out;
    }

    Result<StatusImportSummary> importStatuses(const std::vector<StatusRow>& rows,
                                               UnixSeconds now) override {
        if (rows.empty()) return StatusImportSummary{};
        // The slow part first, outside any transaction: the kiosk lookups.
        const std::vector<PersonKey> people = statusKeys(rows);
        auto key = withTransaction<KioskKey>([&] { return kioskKey(); });
        if (!key) return key.error();
        // The people's entries and registrations are read once, here: one connection and
        // serialised calls, so nothing changes them before the transaction below uses them.
        std::unordered_map<std::string, KioskRecord> previous;
        std::unordered_map<std::string, std::vector<PersonRecord>> records;
        for (const PersonKey& p : people) {
            const std::string text = personText(p);
            auto entry = kioskEntryOf(p);
            if (!entry) return entry.error();
            if (*entry) previous.emplace(text, std::move(**entry));
            if (auto s = readPersonRecords(p, records[text]); !s) return s.error();
        }
        auto lookups = kioskLookups(*key, people, records);
        if (!lookups) return lookups.error();

        auto tx = sql::Transaction::begin(db_);
        if (!tx) return tx.error();
        for (const StatusRow& row : rows) {
            auto keep = db_.cached(
                "INSERT INTO statuses (nik, birth_date, status, card_number, class, faskes, "
                "decided_on, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            if (!keep) return keep.error();
            (*keep)->bind(1, row.nik).bind(2, formatIsoDate(row.birth_date));
            (*keep)->bind(3, statusCode(row.status)).bind(4, row.card_number);
            if (row.care_class)
                (*keep)->bind(5, *row.care_class);
            else
                (*keep)->bindNull(5);
            (*keep)->bind(6, row.faskes).bind(7, formatIsoDate(row.date)).bind(8, now);
            if (auto s = (*keep)->run("keep a status"); !s) return s.error();
        }
        // Every registration of these people (NIK and birth date), on whichever device made it.
        std::vector<Registration> registrations;
        for (const PersonKey& p : people) {
            if (auto s =
                    readRegistrations(kRegistrationsOfPerson, {p.nik, p.birth_date}, registrations);
                !s)
                return s.error();
        }
        StatusPlan plan = planStatusImport(rows, registrations);
        auto kiosks = activeKiosks();
        if (!kiosks) return kiosks.error();
        KioskPlan kiosk_plan =
            planKioskEntries(rows, *lookups, records, previous, *kiosks);
        for (const KioskRecord& r : kiosk_plan.entries)
            if (auto s = keepKioskRecord(r, now); !s) return s.error();
        if (auto s = insertChanges(plan.changes, now); !s) return s.error();
        if (auto s = insertChanges(kiosk_plan.changes, now); !s) return s.error();
        if (auto s = tx->commit(); !s) return s.error();
        plan.summary.kiosk_entries = static_cast<int>(kiosk_plan.entries.size());
        plan.summary.kiosk_changes = static_cast<int>(kiosk_plan.changes.size());
        return plan.summary;
    }

  private:
    // Appends the registrations `sql` yields for `keys` (bound in order).
    Status readRegistrations(const char* sql, std::initializer_list<std::string_view> keys,
                             std::vector<Registration>& out) {
        auto stmt = db_.cached(sql);
        if (!stmt) return stmt.error();
        int index = 0;
        for (std::string_view key : keys) (*stmt)->bind(++index, key);
        int rc;
        while ((rc = (*stmt)->step()) == SQLITE_ROW)
            out.push_back({(*stmt)->text(0), (*stmt)->text(1), (*stmt)->text(2), (*stmt)->text(3),
                           (*stmt)->text(4)});
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "read registrations");
        return {};
    }

    template <class T, class Work>
    Result<T> withTransaction(Work&& work) {
        auto tx = sql::Transaction::begin(db_);
        if (!tx) return tx.error();
        Result<T> result = work();
        if (!result) return result;
        if (auto s = tx->commit(); !s) return s.error();
        return result;
    }

    // The district's kiosk key, made at its first use; inside the caller's transaction.
    Result<KioskKey> kioskKey() {
        auto make = db_.cached(
            "INSERT INTO hub_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
        if (!make) return make.error();
        (*make)->bind(1, kKioskKeySecret).bind(2, encodeKioskKey(newKioskKey()));
        if (auto s = (*make)->run("make the kiosk key"); !s) return s.error();
        auto read = db_.cached("SELECT value FROM hub_secrets WHERE name = ?");
        if (!read) return read.error();
        (*read)->bind(1, kKioskKeySecret);
        const int rc = (*read)->step();
        if (rc != SQLITE_ROW) return sql::sqliteError(db_.handle(), rc, "read the kiosk key");
        auto key = decodeKioskKey((*read)->text(0));
        return key;
    }

    Result<std::optional<KioskRecord>> kioskEntryOf(const PersonKey& p) {
        auto stmt = db_.cached(kKioskEntryOfPerson);
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, p.nik).bind(2, p.birth_date);
        const int rc = (*stmt)->step();
        if (rc == SQLITE_DONE) return std::optional<KioskRecord>();
        if (rc != SQLITE_ROW) return sql::sqliteError(db_.handle(), rc, "read a kiosk entry");
        KioskRecord r{p, (*stmt)->text(0), (*stmt)->text(1), (*stmt)->text(2), (*stmt)->text(3)};
        return std::optional<KioskRecord>(std::move(r));
    }

    Status readPersonRecords(const PersonKey& p, std::vector<PersonRecord>& out) {
        auto stmt = db_.cached(kRecordsOfPerson);
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, p.nik).bind(2, p.birth_date);
        int rc;
        while ((rc = (*stmt)->step()) == SQLITE_ROW)
            out.push_back({(*stmt)->text(0), (*stmt)->text(1), (*stmt)->text(2), (*stmt)->text(3),
                           (*stmt)->text(4)});
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "read registrations");
        return {};
    }

    Result<std::vector<KioskDevice>> activeKiosks() {
        auto stmt = db_.cached(
            "SELECT id, kiosk_area FROM devices WHERE kiosk_area IS NOT NULL AND revoked_at IS "
            "NULL ORDER BY enrolled_at, id");
        if (!stmt) return stmt.error();
        std::vector<KioskDevice> out;
        int rc;
        while ((rc = (*stmt)->step()) == SQLITE_ROW)
            out.push_back({(*stmt)->text(0), (*stmt)->text(1)});
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "list kiosks");
        return out;
    }

    Status keepKioskRecord(const KioskRecord& r, UnixSeconds now) {
        auto stmt = db_.cached(
            "INSERT INTO kiosk_entries (nik, birth_date, lookup, route, decided_on, data, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (nik, birth_date) DO UPDATE "
            "SET lookup = excluded.lookup, route = excluded.route, decided_on = "
            "excluded.decided_on, data = excluded.data, updated_at = excluded.updated_at");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, r.person.nik).bind(2, r.person.birth_date).bind(3, r.lookup);
        (*stmt)->bind(4, r.route).bind(5, r.decided_on).bind(6, r.data).bind(7, now);
        return (*stmt)->run("keep a kiosk entry");
    }

    Status insertChanges(const std::vector<NewChange>& changes, UnixSeconds now) {
        for (const NewChange& c : changes) {
            auto stmt = db_.cached(
                "INSERT INTO changes (device_id, type, data, created_at) VALUES (?, ?, ?, ?)");
            if (!stmt) return stmt.error();
            (*stmt)->bind(1, c.device_id).bind(2, c.type).bind(3, c.data).bind(4, now);
            if (auto s = (*stmt)->run("add a change"); !s) return s;
        }
        return {};
    }

    sql::Connection db_;
};

}  // namespace

Result<std::unique_ptr<HubStore>> openSqliteHubStore(const std::string& path) {
    if (auto s = initCrypto(); !s) return s.error();
    if (auto s = sql::secureFile(path); !s) return s.error();
    auto db = sql::Connection::open(path, false);
    if (!db) return db.error();
    // WAL with a full sync at each commit: an acknowledged batch is on disk, at one fsync per
    // batch; readers (changes, stats) never wait for a push.
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                               "PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = 8192"})
        if (auto s = db->exec(pragma, "set up the hub database"); !s) return s.error();
    auto store = std::make_unique<SqliteHubStore>(std::move(db.value()));
    if (auto s = store->migrate(platform::nowSeconds()); !s) return s.error();
    return std::unique_ptr<HubStore>(std::move(store));
}

}  // namespace pekon::hub
