#include "hub/hub_store.hpp"

#include <sodium.h>

#include "store/store.hpp"

namespace pekon::hub {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,          -- SHA-256 hex of the token; the token is never stored
    label      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    device_id  TEXT
);
CREATE TABLE IF NOT EXISTS devices (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    secret      TEXT NOT NULL,            -- base64 of the 32-byte HMAC key
    enrolled_at INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE TABLE IF NOT EXISTS events (
    id           TEXT PRIMARY KEY,        -- unique in storage: a resent event is not stored again
    device_id    TEXT NOT NULL REFERENCES devices (id),
    seq          INTEGER NOT NULL,
    type         TEXT NOT NULL,
    at           TEXT NOT NULL,
    content      TEXT NOT NULL,           -- canonical JSON of the event
    content_hash TEXT NOT NULL,           -- SHA-256 hex: decides duplicate vs id_conflict
    received_at  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS members (      -- the registrations, for duplicate NIKs and statuses
    member_id    TEXT PRIMARY KEY,
    household_id TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    nik          TEXT NOT NULL,
    birth_date   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS members_nik ON members (nik);
CREATE TABLE IF NOT EXISTS statuses (    -- the office's decisions (status import), latest last
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    nik          TEXT NOT NULL,
    birth_date   TEXT NOT NULL,
    status       TEXT NOT NULL,
    card_number  TEXT NOT NULL,
    class        INTEGER,
    faskes       TEXT NOT NULL,
    decided_on   TEXT NOT NULL,
    imported_at  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    cursor     INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id  TEXT NOT NULL,
    type       TEXT NOT NULL,
    data       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_device ON changes (device_id, cursor);
PRAGMA user_version = 1;
)sql";

Error badToken() {
    return Error{"bad_token", "Token pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa.",
                 "The enrolment token is unknown, used or expired."};
}

std::string randomToken() {
    unsigned char bytes[24];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

}  // namespace

Result<std::unique_ptr<HubStore>> HubStore::open(const std::string& path) {
    if (sodium_init() < 0)
        return Error{"crypto_unavailable", "Pustaka kriptografi gagal dimulai.",
                     "The crypto library failed to start."};
    if (auto s = sql::secureFile(path); !s) return s.error();
    auto db = sql::Connection::open(path, false);
    if (!db) return db.error();
    if (auto s = db->exec(kSchema, "create the hub schema"); !s) return s.error();
    return std::unique_ptr<HubStore>(new HubStore(std::move(db.value())));
}

Result<NewToken> HubStore::createToken(const std::string& label, UnixSeconds now,
                                       std::int64_t ttl_seconds) {
    NewToken t{randomToken(), now + ttl_seconds};
    auto stmt = db_.cached(
        "INSERT INTO tokens (token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?)");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, sync::sha256Hex(t.token)).bind(2, label).bind(3, now).bind(4, t.expires_at);
    if (auto s = (*stmt)->run("create a token"); !s) return s.error();
    return t;
}

Result<Enrolment> HubStore::enrol(const std::string& token, const std::string& name,
                                  UnixSeconds now) {
    auto tx = sql::Transaction::begin(db_);
    if (!tx) return tx.error();
    Enrolment e{newUuid(), sync::newDeviceSecret()};
    {
        // Spends the token only if it is unused and in time: one statement, so two devices
        // racing with the same token cannot both win.
        auto spend = db_.cached(
            "UPDATE tokens SET used_at = ?, device_id = ? WHERE token_hash = ? AND used_at IS NULL "
            "AND expires_at > ?");
        if (!spend) return spend.error();
        (*spend)->bind(1, now).bind(2, e.device_id).bind(3, sync::sha256Hex(token)).bind(4, now);
        if (auto s = (*spend)->run("spend a token"); !s) return s.error();
        if (sqlite3_changes(db_.handle()) != 1) return badToken();
    }
    auto add =
        db_.cached("INSERT INTO devices (id, name, secret, enrolled_at) VALUES (?, ?, ?, ?)");
    if (!add) return add.error();
    (*add)->bind(1, e.device_id).bind(2, name).bind(3, sync::encodeSecret(e.secret)).bind(4, now);
    if (auto s = (*add)->run("add a device"); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    return e;
}

namespace {

Result<Device> readDevice(sql::Stmt& stmt) {
    Device d;
    d.id = stmt.text(0);
    d.name = stmt.text(1);
    auto secret = sync::decodeSecret(stmt.text(2));
    if (!secret) return secret.error();
    d.secret = *secret;
    d.enrolled_at = stmt.integer(3);
    if (!stmt.isNull(4)) d.revoked_at = stmt.integer(4);
    return d;
}

}  // namespace

Result<std::optional<Device>> HubStore::device(const std::string& id) {
    auto stmt =
        db_.cached("SELECT id, name, secret, enrolled_at, revoked_at FROM devices WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, id);
    const int rc = (*stmt)->step();
    if (rc == SQLITE_DONE) return std::optional<Device>();
    if (rc != SQLITE_ROW) return sql::sqliteError(db_.handle(), rc, "read a device");
    auto d = readDevice(**stmt);
    if (!d) return d.error();
    return std::optional<Device>(std::move(d.value()));
}

Result<std::vector<Device>> HubStore::devices() {
    auto stmt = db_.prepare(
        "SELECT id, name, secret, enrolled_at, revoked_at FROM devices ORDER BY enrolled_at, id");
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

Status HubStore::revoke(const std::string& id, UnixSeconds now) {
    auto stmt = db_.cached("UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, now).bind(2, id);
    if (auto s = (*stmt)->run("revoke a device"); !s) return s;
    if (sqlite3_changes(db_.handle()) != 1)
        return Error{"unknown_device", "Perangkat tidak dikenal.", "Unknown device."};
    return {};
}

Result<PushAnswer> HubStore::push(const std::string& device_id,
                                  const std::vector<WireEvent>& events, UnixSeconds now) {
    PushAnswer answer;
    auto tx = sql::Transaction::begin(db_);
    if (!tx) return tx.error();
    auto change = [&](const std::string& device, const std::string& type,
                      const std::string& data) -> Status {
        auto stmt = db_.cached(
            "INSERT INTO changes (device_id, type, data, created_at) VALUES (?, ?, ?, ?)");
        if (!stmt) return stmt.error();
        (*stmt)->bind(1, device).bind(2, type).bind(3, data).bind(4, now);
        return (*stmt)->run("add a change");
    };
    for (const WireEvent& e : events) {
        const std::string hash = sync::sha256Hex(e.content);
        {
            auto seen = db_.cached("SELECT content_hash FROM events WHERE id = ?");
            if (!seen) return seen.error();
            (*seen)->bind(1, e.id);
            const int rc = (*seen)->step();
            if (rc == SQLITE_ROW) {
                if ((*seen)->text(0) == hash) {
                    answer.duplicates.push_back(e.id);
                } else {
                    answer.rejected.push_back(
                        {e.id, "id_conflict",
                         "This event id was already stored with different content."});
                }
                continue;
            }
            if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "look up an event");
        }
        if (auto problem = checkEvent(e)) {
            answer.rejected.push_back({e.id, problem->code, problem->message_en});
            continue;
        }
        auto insert = db_.cached(
            "INSERT INTO events (id, device_id, seq, type, at, content, content_hash, received_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert) return insert.error();
        (*insert)
            ->bind(1, e.id)
            .bind(2, device_id)
            .bind(3, e.seq)
            .bind(4, e.type)
            .bind(5, e.at)
            .bind(6, e.content)
            .bind(7, hash)
            .bind(8, now);
        if (auto s = (*insert)->run("store an event"); !s) return s.error();
        if (e.type == "member.registered") {
            const std::string nik = e.data["nik"].get<std::string>();
            const std::string member_id = e.data["member_id"].get<std::string>();
            const std::string household_id = e.data["household_id"].get<std::string>();
            // The same NIK in another household: keep both, tell both devices.
            auto other = db_.cached(
                "SELECT member_id, household_id, device_id FROM members WHERE nik = ? AND "
                "household_id <> ?");
            if (!other) return other.error();
            (*other)->bind(1, nik).bind(2, household_id);
            std::vector<std::array<std::string, 3>> others;
            int rc;
            while ((rc = (*other)->step()) == SQLITE_ROW)
                others.push_back({(*other)->text(0), (*other)->text(1), (*other)->text(2)});
            if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "look up a NIK");
            for (const auto& [other_member, other_household, other_device] : others) {
                const auto data = [](const std::string& m, const std::string& h,
                                     const std::string& om, const std::string& oh) {
                    return dumpJson(Json{{"member_id", m},
                                         {"household_id", h},
                                         {"other_member_id", om},
                                         {"other_household_id", oh}});
                };
                if (auto s = change(device_id, "registration.duplicate_suspected",
                                    data(member_id, household_id, other_member, other_household));
                    !s)
                    return s.error();
                if (auto s = change(other_device, "registration.duplicate_suspected",
                                    data(other_member, other_household, member_id, household_id));
                    !s)
                    return s.error();
            }
            auto add = db_.cached(
                "INSERT INTO members (member_id, household_id, device_id, nik, birth_date) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id) DO NOTHING");
            if (!add) return add.error();
            (*add)
                ->bind(1, member_id)
                .bind(2, household_id)
                .bind(3, device_id)
                .bind(4, nik)
                .bind(5, e.data["birth_date"].get<std::string>());
            if (auto s = (*add)->run("index a member"); !s) return s.error();
        }
        answer.accepted.push_back(e.id);
    }
    // Acknowledged only once committed: a crash before this line answers nothing.
    if (auto s = tx->commit(); !s) return s.error();
    return answer;
}

Result<std::vector<Change>> HubStore::changes(const std::string& device_id, std::int64_t since,
                                              int limit) {
    auto stmt = db_.cached(
        "SELECT cursor, type, data FROM changes WHERE device_id = ? AND cursor > ? ORDER BY cursor "
        "LIMIT ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, device_id).bind(2, since).bind(3, limit);
    std::vector<Change> out;
    int rc;
    while ((rc = (*stmt)->step()) == SQLITE_ROW)
        out.push_back({(*stmt)->integer(0), (*stmt)->text(1), (*stmt)->text(2)});
    if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "read changes");
    return out;
}

Result<StatusImportSummary> HubStore::importStatuses(const std::vector<StatusRow>& rows,
                                                     UnixSeconds now) {
    StatusImportSummary summary;
    auto tx = sql::Transaction::begin(db_);
    if (!tx) return tx.error();
    for (const StatusRow& row : rows) {
        const std::string birth = formatIsoDate(row.birth_date);
        auto keep = db_.cached(
            "INSERT INTO statuses (nik, birth_date, status, card_number, class, faskes, "
            "decided_on, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!keep) return keep.error();
        (*keep)
            ->bind(1, row.nik)
            .bind(2, birth)
            .bind(3, statusCode(row.status))
            .bind(4, row.card_number);
        if (row.care_class)
            (*keep)->bind(5, *row.care_class);
        else
            (*keep)->bindNull(5);
        (*keep)->bind(6, row.faskes).bind(7, formatIsoDate(row.date)).bind(8, now);
        if (auto s = (*keep)->run("keep a status"); !s) return s.error();
        ++summary.imported;
        // Every registration of this person (NIK and birth date), on whichever device made it.
        auto who = db_.cached(
            "SELECT member_id, household_id, device_id FROM members WHERE nik = ? AND birth_date = "
            "?");
        if (!who) return who.error();
        (*who)->bind(1, row.nik).bind(2, birth);
        std::vector<std::array<std::string, 3>> found;
        int rc;
        while ((rc = (*who)->step()) == SQLITE_ROW)
            found.push_back({(*who)->text(0), (*who)->text(1), (*who)->text(2)});
        if (rc != SQLITE_DONE) return sql::sqliteError(db_.handle(), rc, "find a registration");
        if (found.empty()) ++summary.unmatched;
        for (const auto& [member_id, household_id, device_id] : found) {
            Json data = {{"member_id", member_id},
                         {"household_id", household_id},
                         {"status", statusCode(row.status)},
                         {"date", formatIsoDate(row.date)}};
            if (!row.card_number.empty()) data["card_number"] = row.card_number;
            if (row.care_class) data["class"] = *row.care_class;
            if (!row.faskes.empty()) data["faskes"] = row.faskes;
            auto stmt = db_.cached(
                "INSERT INTO changes (device_id, type, data, created_at) VALUES (?, ?, ?, ?)");
            if (!stmt) return stmt.error();
            (*stmt)
                ->bind(1, device_id)
                .bind(2, statusChangeType(row.status))
                .bind(3, dumpJson(data))
                .bind(4, now);
            if (auto s = (*stmt)->run("add a change"); !s) return s.error();
            ++summary.changes;
        }
    }
    if (auto s = tx->commit(); !s) return s.error();
    return summary;
}

Result<std::int64_t> HubStore::eventCount() {
    return db_.queryInt("SELECT COUNT(*) FROM events");
}

}  // namespace pekon::hub
