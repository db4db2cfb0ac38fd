#include "hub/hub_store_postgres.hpp"

#include <algorithm>

#include "hub/hub_store_logic.hpp"
#include "hub/hub_store_postgres_kiosk.hpp"
#include "hub/pg_connection.hpp"
#include "hub/pg_pool.hpp"
#include "platform/clock.hpp"
#include "proto/ids.hpp"

namespace pekon::hub {

namespace {

using pg::ArrayLiteral;
using pg::Statement;

// Transaction-scoped advisory locks (key space "Peko"): one for creating the schema, one
// that every writer of registrations and changes holds until its commit.
constexpr const char* kBeginSchema = "BEGIN; SELECT pg_advisory_xact_lock(1348823919, 1)";
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(1348823919, 2)";

constexpr Statement kRecordVersion{
    "record_version", "INSERT INTO hub_schema_version (version, applied_at) VALUES ($1, $2)"};
constexpr Statement kInsertToken{"insert_token",
                                 "INSERT INTO tokens (token_hash, label, created_at, expires_at, "
                                 "kiosk_area) VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kTokenArea{"token_area", "SELECT kiosk_area FROM tokens WHERE token_hash = $1"};
constexpr Statement kSpendToken{
    "spend_token",
    "UPDATE tokens SET used_at = $1, device_id = $2 WHERE token_hash = $3 AND used_at IS NULL "
    "AND expires_at > $1"};
constexpr Statement kAddDevice{
    "add_device",
    "INSERT INTO devices (id, name, secret, enrolled_at, kiosk_area) VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kDevice{"device",
                            "SELECT id, name, secret, enrolled_at, revoked_at, kiosk_area FROM "
                            "devices WHERE id = $1"};
constexpr Statement kDevices{"devices",
                             "SELECT id, name, secret, enrolled_at, revoked_at, kiosk_area FROM "
                             "devices ORDER BY enrolled_at, id"};
constexpr Statement kRevoke{
    "revoke", "UPDATE devices SET revoked_at = COALESCE(revoked_at, $1::bigint) WHERE id = $2"};
constexpr Statement kStoredHashes{"stored_hashes",
                                  "SELECT id, content_hash FROM events WHERE id = ANY($1::text[])"};
constexpr Statement kRegistrationsForPush{
    "registrations_for_push",
    "SELECT member_id, household_id, device_id, nik, birth_date FROM members "
    "WHERE nik = ANY($1::text[]) OR member_id = ANY($2::text[])"};
constexpr Statement kInsertEvents{
    "insert_events",
    "INSERT INTO events (id, device_id, seq, type, at, content, content_hash, received_at, "
    "clock_offset, time_flag) "
    "SELECT u.id, $1::text, u.seq, u.type, u.at, u.content, u.content_hash, $2::bigint, "
    "u.clock_offset, u.time_flag "
    "FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], "
    "$9::bigint[], $10::text[]) "
    "AS u (id, seq, type, at, content, content_hash, clock_offset, time_flag) "
    "ON CONFLICT (id) DO NOTHING"};
constexpr Statement kTimeFlagCountsStatement{"time_flag_counts", kTimeFlagCounts};
constexpr Statement kInsertRegistrations{
    "insert_registrations",
    "INSERT INTO members (member_id, household_id, device_id, nik, birth_date) "
    "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) "
    "ON CONFLICT (member_id) DO NOTHING"};
constexpr Statement kInsertChanges{
    "insert_changes",
    "INSERT INTO changes (device_id, type, data, created_at) "
    "SELECT u.device_id, u.type, u.data, $4::bigint "
    "FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u (device_id, type, "
    "data, n) ORDER BY u.n"};
constexpr Statement kChanges{"changes",
                             "SELECT cursor, type, data FROM changes WHERE device_id = $1 AND "
                             "cursor > $2 ORDER BY cursor LIMIT $3"};
constexpr Statement kEventCount{"event_count", "SELECT COUNT(*) FROM events"};
constexpr Statement kInsertStatuses{
    "insert_statuses",
    "INSERT INTO statuses (nik, birth_date, status, card_number, class, faskes, decided_on, "
    "imported_at) SELECT u.nik, u.birth_date, u.status, u.card_number, u.class, u.faskes, "
    "u.decided_on, $8::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], "
    "$5::int[], $6::text[], $7::text[]) WITH ORDINALITY AS u (nik, birth_date, status, "
    "card_number, class, faskes, decided_on, n) ORDER BY u.n"};
constexpr Statement kRegistrationsOfPeople{
    "registrations_of_people",
    "SELECT m.member_id, m.household_id, m.device_id, m.nik, m.birth_date FROM members m "
    "JOIN unnest($1::text[], $2::text[]) AS k (nik, birth_date) "
    "ON m.nik = k.nik AND m.birth_date = k.birth_date ORDER BY m.member_id"};

std::string text(std::int64_t value) {
    return std::to_string(value);
}

void appendRegistrations(const pg::Rows& rows, std::vector<Registration>& out) {
    for (int i = 0; i < rows.count(); ++i)
        out.push_back(
            {rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3), rows.text(i, 4)});
}

Result<Device> readDevice(const pg::Rows& rows, int i) {
    Device d;
    d.id = rows.text(i, 0);
    d.name = rows.text(i, 1);
    auto secret = sync::decodeSecret(rows.text(i, 2));
    if (!secret) return secret.error();
    d.secret = *secret;
    d.enrolled_at = rows.integer(i, 3);
    if (!rows.isNull(i, 4)) d.revoked_at = rows.integer(i, 4);
    d.kiosk_area = rows.text(i, 5);
    return d;
}

pg::Param orNull(const std::string& value) {
    return value.empty() ? pg::Param() : pg::Param(value);
}

Status insertChanges(pg::Connection& db, const std::vector<NewChange>& changes, UnixSeconds now) {
    if (changes.empty()) return {};
    ArrayLiteral devices, types, data;
    for (const NewChange& c : changes) {
        devices.add(c.device_id);
        types.add(c.type);
        data.add(c.data);
    }
    auto done = db.run(kInsertChanges, {devices.done(), types.done(), data.done(), text(now)},
                       "add changes");
    if (!done) return done.error();
    return {};
}

// What the store holds of a batch's keys: the content hashes of its ids, and the
// registrations with its NIKs or member ids.
Result<StoredForPush> storedFor(pg::Connection& db, const PushKeys& keys) {
    StoredForPush stored;
    ArrayLiteral ids;
    for (const std::string& id : keys.event_ids) ids.add(id);
    auto hashes = db.run(kStoredHashes, {ids.done()}, "look up events");
    if (!hashes) return hashes.error();
    for (int i = 0; i < hashes->count(); ++i)
        stored.content_hashes.emplace(hashes->text(i, 0), hashes->text(i, 1));
    if (keys.niks.empty()) return stored;
    ArrayLiteral niks, members;
    for (const std::string& nik : keys.niks) niks.add(nik);
    for (const std::string& id : keys.member_ids) members.add(id);
    auto found =
        db.run(kRegistrationsForPush, {niks.done(), members.done()}, "look up registrations");
    if (!found) return found.error();
    appendRegistrations(*found, stored.registrations);
    return stored;
}

Status insertEvents(pg::Connection& db, const std::string& device_id,
                    const std::vector<NewEvent>& events, UnixSeconds now) {
    if (events.empty()) return {};
    ArrayLiteral ids, seqs, types, ats, contents, hashes, offsets, flags;
    for (const NewEvent& n : events) {
        ids.add(n.event->id);
        seqs.add(n.event->seq);
        types.add(n.event->type);
        ats.add(n.event->at);
        contents.add(n.event->content);
        hashes.add(n.content_hash);
        if (n.event->clock_offset)
            offsets.add(*n.event->clock_offset);
        else
            offsets.addNull();
        if (n.time_flag.empty())
            flags.addNull();
        else
            flags.add(n.time_flag);
    }
    auto stored = db.run(kInsertEvents,
                         {device_id, text(now), ids.done(), seqs.done(), types.done(), ats.done(),
                          contents.done(), hashes.done(), offsets.done(), flags.done()},
                         "store events");
    if (!stored) return stored.error();
    // Writers hold the write lock, so every planned event is new; if one was not (a writer that
    // skipped the lock), nothing is committed and the device sends the batch again.
    if (stored->affected() != static_cast<std::int64_t>(events.size()))
        return Error{"db_busy", "Basis data sedang diubah oleh penulis lain; coba lagi.",
                     "Another writer changed these events at the same time; try again."};
    return {};
}

Status insertRegistrations(pg::Connection& db, const std::vector<Registration>& registrations) {
    if (registrations.empty()) return {};
    ArrayLiteral members, households, devices, niks, births;
    for (const Registration& r : registrations) {
        members.add(r.member_id);
        households.add(r.household_id);
        devices.add(r.device_id);
        niks.add(r.nik);
        births.add(r.birth_date);
    }
    auto done =
        db.run(kInsertRegistrations,
               {members.done(), households.done(), devices.done(), niks.done(), births.done()},
               "index members");
    if (!done) return done.error();
    return {};
}

Status insertStatuses(pg::Connection& db, const std::vector<StatusRow>& rows, UnixSeconds now) {
    if (rows.empty()) return {};
    ArrayLiteral niks, births, statuses, cards, classes, faskes, dates;
    for (const StatusRow& row : rows) {
        niks.add(row.nik);
        births.add(formatIsoDate(row.birth_date));
        statuses.add(statusCode(row.status));
        cards.add(row.card_number);
        if (row.care_class)
            classes.add(std::int64_t{*row.care_class});
        else
            classes.addNull();
        faskes.add(row.faskes);
        dates.add(formatIsoDate(row.date));
    }
    auto kept = db.run(kInsertStatuses,
                       {niks.done(), births.done(), statuses.done(), cards.done(), classes.done(),
                        faskes.done(), dates.done(), text(now)},
                       "keep statuses");
    if (!kept) return kept.error();
    return {};
}

// Every registration of these people (NIK and birth date), on whichever device made it.
Result<std::vector<Registration>> registrationsOf(pg::Connection& db,
                                                  const std::vector<PersonKey>& people) {
    std::vector<Registration> out;
    if (people.empty()) return out;
    auto found = db.run(kRegistrationsOfPeople, peopleParams(people), "find registrations");
    if (!found) return found.error();
    appendRegistrations(*found, out);
    return out;
}

class PostgresHubStore final : public HubStore {
  public:
    PostgresHubStore(std::string url, int connections, pg::Connection first)
        : pool_(std::move(url), connections, std::move(first)) {}

    bool concurrent() const override { return true; }

    Status migrate(UnixSeconds now) {
        return withConnection<void>([&](pg::Connection& db) {
            return pg::inTransaction<void>(db, kBeginSchema, [&]() -> Status {
                auto made = db.exec(kSchemaVersionTable, "create the schema version table");
                if (!made) return made.error();
                auto current = db.exec(kReadSchemaVersion, "read the schema version");
                if (!current) return current.error();
                return migrateSchema(
                    current->integer(0, 0), kPostgresDialect, [&](const SchemaStep& step) {
                        if (auto s = db.exec(step.sql.c_str(), "migrate the hub schema"); !s)
                            return Status(s.error());
                        auto recorded = db.run(kRecordVersion, {text(step.version), text(now)},
                                               "record the schema version");
                        return recorded ? Status() : Status(recorded.error());
                    });
            });
        });
    }

    Result<NewToken> createToken(const std::string& label, UnixSeconds now,
                                 std::int64_t ttl_seconds, const std::string& kiosk_area) override {
        return withConnection<NewToken>([&](pg::Connection& db) -> Result<NewToken> {
            NewToken t{newEnrolToken(), now + ttl_seconds};
            auto done = db.run(
                kInsertToken,
                {tokenHash(t.token), label, text(now), text(t.expires_at), orNull(kiosk_area)},
                "create a token");
            if (!done) return done.error();
            return t;
        });
    }

    Result<Enrolment> enrol(const std::string& token, const std::string& name,
                            UnixSeconds now) override {
        return withConnection<Enrolment>([&](pg::Connection& db) {
            // The write lock: a kiosk's table is queued here, and a status import running at
            // the same time must either see the new kiosk or have committed its entries first.
            return pg::inTransaction<Enrolment>(db, kBeginWrite, [&]() -> Result<Enrolment> {
                Enrolment e{newUuid(), sync::newDeviceSecret(), std::nullopt};
                // Spends the token only if it is unused and in time: one statement (the row is
                // locked), so two devices racing with the same token cannot both win.
                auto spent = db.run(kSpendToken, {text(now), e.device_id, tokenHash(token)},
                                    "spend a token");
                if (!spent) return spent.error();
                if (spent->affected() != 1) return badToken();
                auto token_area = db.run(kTokenArea, {tokenHash(token)}, "read a token");
                if (!token_area) return token_area.error();
                const std::string area = token_area->count() == 1 ? token_area->text(0, 0) : "";
                auto added = db.run(
                    kAddDevice,
                    {e.device_id, name, sync::encodeSecret(e.secret), text(now), orNull(area)},
                    "add a device");
                if (!added) return added.error();
                if (area.empty()) return e;
                auto key = kioskKey(db);
                if (!key) return key.error();
                e.kiosk = KioskGrant{area, {}};
                e.kiosk->key.bytes = key->bytes;
                // The kiosk starts with the whole table of its area.
                if (auto s = sendKioskTable(db, e.device_id, area, now); !s) return s.error();
                return e;
            });
        });
    }

    Result<std::optional<Device>> device(const std::string& id) override {
        using Found = std::optional<Device>;
        return withConnection<Found>([&](pg::Connection& db) -> Result<Found> {
            auto rows = db.run(kDevice, {id}, "read a device");
            if (!rows) return rows.error();
            if (rows->count() == 0) return Found();
            auto d = readDevice(*rows, 0);
            if (!d) return d.error();
            return Found(std::move(d.value()));
        });
    }

    Result<std::vector<Device>> devices() override {
        using List = std::vector<Device>;
        return withConnection<List>([&](pg::Connection& db) -> Result<List> {
            auto rows = db.run(kDevices, {}, "list devices");
            if (!rows) return rows.error();
            List out;
            for (int i = 0; i < rows->count(); ++i) {
                auto d = readDevice(*rows, i);
                if (!d) return d.error();
                out.push_back(std::move(d.value()));
            }
            return out;
        });
    }

    Status revoke(const std::string& id, UnixSeconds now) override {
        return withConnection<void>([&](pg::Connection& db) -> Status {
            auto done = db.run(kRevoke, {text(now), id}, "revoke a device");
            if (!done) return done.error();
            if (done->affected() != 1) return unknownDevice();
            return {};
        });
    }

    // One round trip per step, whatever the batch's size: look up the batch's ids, look up the
    // registrations its NIKs and member ids touch, then insert the events, the registrations
    // and the changes a column array at a time. One transaction; answered after the commit.
    Result<PushAnswer> push(const std::string& device_id, const std::vector<WireEvent>& events,
                            UnixSeconds now) override {
        return withConnection<PushAnswer>([&](pg::Connection& db) {
            return pg::inTransaction<PushAnswer>(db, kBeginWrite, [&]() -> Result<PushAnswer> {
                auto stored = storedFor(db, pushKeys(events));
                if (!stored) return stored.error();
                PushPlan plan = planPush(device_id, events, *stored);
                flagEventTimes(plan, now);
                if (auto s = insertEvents(db, device_id, plan.events, now); !s) return s.error();
                if (auto s = insertRegistrations(db, plan.registrations); !s) return s.error();
                if (auto s = insertChanges(db, plan.changes, now); !s) return s.error();
                return std::move(plan.answer);
            });
        });
    }

    Result<std::vector<Change>> changes(const std::string& device_id, std::int64_t since,
                                        int limit) override {
        using List = std::vector<Change>;
        return withConnection<List>([&](pg::Connection& db) -> Result<List> {
            auto rows = db.run(kChanges, {device_id, text(since), text(limit)}, "read changes");
            if (!rows) return rows.error();
            List out;
            out.reserve(static_cast<size_t>(rows->count()));
            for (int i = 0; i < rows->count(); ++i)
                out.push_back({rows->integer(i, 0), rows->text(i, 1), rows->text(i, 2)});
            return out;
        });
    }

    Result<std::int64_t> eventCount() override {
        return withConnection<std::int64_t>([&](pg::Connection& db) -> Result<std::int64_t> {
            auto rows = db.run(kEventCount, {}, "count events");
            if (!rows) return rows.error();
            return rows->integer(0, 0);
        });
    }

    Result<std::vector<TimeFlagCount>> timeFlagCounts() override {
        using Counts = std::vector<TimeFlagCount>;
        return withConnection<Counts>([&](pg::Connection& db) -> Result<Counts> {
            auto rows = db.run(kTimeFlagCountsStatement, {}, "count flagged events");
            if (!rows) return rows.error();
            Counts out;
            for (int i = 0; i < rows->count(); ++i)
                out.push_back({rows->text(i, 0), rows->integer(i, 1)});
            return out;
        });
    }

    Result<StatusImportSummary> importStatuses(const std::vector<StatusRow>& rows,
                                               UnixSeconds now) override {
        using Summary = StatusImportSummary;
        if (rows.empty()) return Summary{};
        // The slow part first, outside any transaction (a few thousand people take tens of
        // seconds): the kiosk lookups.
        const std::vector<PersonKey> people = statusKeys(rows);
        std::optional<KioskKey> key;
        std::unordered_map<std::string, std::vector<PersonRecord>> households;
        auto read = withConnection<bool>([&](pg::Connection& db) -> Result<bool> {
            auto made = kioskKey(db);
            if (!made) return made.error();
            key = *made;
            auto known_records = recordsOf(db, people);
            if (!known_records) return known_records.error();
            households = std::move(known_records.value());
            return true;
        });
        if (!read) return read.error();
        auto lookups = kioskLookups(*key, people, households);  // no connection held meanwhile
        if (!lookups) return lookups.error();
        return withConnection<Summary>([&](pg::Connection& db) {
            return pg::inTransaction<Summary>(db, kBeginWrite, [&]() -> Result<Summary> {
                if (auto s = insertStatuses(db, rows, now); !s) return s.error();
                auto registrations = registrationsOf(db, people);
                if (!registrations) return registrations.error();
                StatusPlan plan = planStatusImport(rows, *registrations);
                auto records = recordsOf(db, people);
                if (!records) return records.error();
                auto previous = kioskEntriesOf(db, people);
                if (!previous) return previous.error();
                auto kiosks = activeKiosks(db);
                if (!kiosks) return kiosks.error();
                KioskPlan kiosk_plan =
                    planKioskEntries(rows, *lookups, *records, *previous, *kiosks);
                if (auto s = keepKioskEntries(db, kiosk_plan.entries, now); !s) return s.error();
                if (auto s = insertChanges(db, plan.changes, now); !s) return s.error();
                if (auto s = insertChanges(db, kiosk_plan.changes, now); !s) return s.error();
                plan.summary.kiosk_entries = static_cast<int>(kiosk_plan.entries.size());
                plan.summary.kiosk_changes = static_cast<int>(kiosk_plan.changes.size());
                return plan.summary;
            });
        });
    }

  private:
    // Runs `work` with a connection of the pool (opened or reopened as needed).
    template <class T, class Work>
    Result<T> withConnection(Work&& work) {
        auto lease = pool_.take();
        if (!lease) return lease.error();
        return work(**lease);
    }

    pg::Pool pool_;
};

}  // namespace

Result<std::unique_ptr<HubStore>> openPostgresHubStore(const std::string& url, int connections) {
    if (auto s = initCrypto(); !s) return s.error();
    auto first = pg::Connection::open(url);
    if (!first) return first.error();
    auto store =
        std::make_unique<PostgresHubStore>(url, std::max(1, connections), std::move(first.value()));
    if (auto s = store->migrate(platform::nowSeconds()); !s) return s.error();
    return std::unique_ptr<HubStore>(std::move(store));
}

}  // namespace pekon::hub
