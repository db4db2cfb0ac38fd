#include "store/internal/device_sealing.hpp"

#include "store/internal/database.hpp"
#include "store/settings.hpp"
#include "vault/field_seal.hpp"
#include "vault/sealed_box.hpp"

namespace pekon {

namespace {

constexpr const char* kSettingScrubPending = "vault.scrub_pending";

// Seals the plain text of `columns` of `table` (rows found by `key`), and fills the blind
// index `index_column` from `indexed` (empty: none) with `purpose`.
Status sealTable(Store& store, const std::string& table, const std::string& key,
                 const std::vector<std::string>& columns, const std::string& indexed,
                 const std::string& index_column, const std::string& purpose) {
    sql::Connection& db = connection(store);
    std::string select = "SELECT " + key;
    for (const std::string& c : columns) select += ", " + c;
    select += " FROM " + table;
    auto rows = db.prepare(select);
    if (!rows) return rows.error();
    std::string update = "UPDATE " + table + " SET ";
    for (size_t i = 0; i < columns.size(); ++i)
        update += (i ? ", " : "") + columns[i] + " = ?" + std::to_string(i + 1);
    const int index_param = static_cast<int>(columns.size()) + 1;
    const int key_param = index_param + 1;
    if (!index_column.empty())
        update += ", " + index_column + " = ?" + std::to_string(index_param);
    update += " WHERE " + key + " = ?" + std::to_string(key_param);
    auto write = db.prepare(update);
    if (!write) return write.error();
    int rc;
    while ((rc = rows->step()) == SQLITE_ROW) {
        write->reset();
        for (size_t i = 0; i < columns.size(); ++i) {
            std::string value = rows->text(static_cast<int>(i) + 1);
            if (vault::isSealedField(value)) {  // sealed to the device by the background sync
                auto plain = vault::openField(*keyring(store).data_key, value);
                if (!plain) return plain.error();
                value = std::move(*plain);
            }
            auto sealed = sealText(store, value);
            if (!sealed) return sealed.error();
            write->bind(static_cast<int>(i) + 1, *sealed);
            if (columns[i] == indexed && !index_column.empty()) {
                auto blind = blindText(store, purpose, value);
                if (!blind) return blind.error();
                write->bind(index_param, *blind);
            }
        }
        if (!index_column.empty() && indexed.empty()) write->bind(index_param, "");
        write->bind(key_param, rows->text(0));
        if (auto s = write->run("seal " + table); !s) return s;
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read " + table);
    return {};
}

// Moves the personal part of every event not yet sealed beside the log.
Status sealEvents(Store& store) {
    sql::Connection& db = connection(store);
    auto rows = db.prepare(
        "SELECT e.seq, e.data, e.origin = 'device' AND e.sync_state = 'pending' FROM events e "
        "WHERE NOT EXISTS (SELECT 1 FROM event_seals s WHERE s.seq = e.seq) ORDER BY e.seq");
    if (!rows) return rows.error();
    // The log's rows never change, except in this one conversion (as in migration 0009).
    if (auto s = db.exec("DROP TRIGGER events_immutable", "seal the event log"); !s) return s;
    auto update = db.prepare("UPDATE events SET data = ? WHERE seq = ?");
    if (!update) return update.error();
    int rc;
    while ((rc = rows->step()) == SQLITE_ROW) {
        const SplitData split = splitPersonal(rows->text(1));
        if (split.personal.empty()) continue;
        const std::int64_t seq = rows->integer(0);
        update->reset();
        update->bind(1, split.clear).bind(2, seq);
        if (auto s = update->run("seal an event"); !s) return s;
        if (auto s = sealEventPart(store, seq, split.personal, rows->integer(2) != 0); !s)
            return s;
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read events");
    return db.exec(
        "CREATE TRIGGER events_immutable BEFORE UPDATE OF seq, id, type, at, actor, data, origin "
        "ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END",
        "seal the event log");
}

}  // namespace

Status sealDevice(Store& store, vault::SecretKey data_key, const std::optional<UserWrap>& wrap) {
    Keyring& keys = keyring(store);
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    const std::string device_public = vault::devicePublicKey(data_key);
    keys.data_key = std::move(data_key);
    keys.device_public = device_public;
    auto undo = [&keys] {
        keys.data_key.reset();
        keys.device_public.clear();
    };
    Status done = [&]() -> Status {
        if (auto s = writeSetting(store, kSettingDevicePublic, vault::toBase64(device_public)); !s)
            return s;
        if (wrap) {
            auto stmt = db.prepare("UPDATE users SET data_key = ?, pin_hash = '' WHERE id = ?");
            if (!stmt) return stmt.error();
            stmt->bind(1, wrap->wrapped).bind(2, wrap->user_id);
            if (auto s = stmt->run("keep the user's data key"); !s) return s;
        }
        if (auto s = loadKeyring(store); !s) return s;  // the hub's key, when known
        if (auto s = sealTable(store, "members", "key",
                               {"nik", "name", "name_key", "birth_date", "card_number"}, "nik",
                               "nik_index", "nik");
            !s)
            return s;
        if (auto s = db.exec("UPDATE members SET name_key = ''", "seal members"); !s) return s;
        if (auto s = sealTable(store, "households", "key",
                               {"kk_number", "address", "rt", "rw", "phone"}, "kk_number",
                               "kk_index", "kk");
            !s)
            return s;
        if (auto s = sealTable(store, "session_attendees", "key", {"nik", "name"}, "nik",
                               "nik_index", "nik");
            !s)
            return s;
        if (auto s = sealTable(store, "drafts", "id", {"data"}, "", "", ""); !s) return s;
        if (auto s = sealEvents(store); !s) return s;
        if (auto s = writeSetting(store, kSettingScrubPending, "1"); !s) return s;
        return tx->commit();
    }();
    if (!done) {
        undo();
        return done;
    }
    return finishSealing(store);
}

Status finishSealing(Store& store) {
    if (!store.writable()) return {};
    auto pending = readSetting(store, kSettingScrubPending);
    if (!pending) return pending.error();
    if (!pending->has_value()) return {};
    sql::Connection& db = connection(store);
    if (auto s = db.exec("VACUUM", "rewrite the sealed database"); !s) return s;
    auto checkpoint = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!checkpoint) return checkpoint.error();
    if (checkpoint->step() != SQLITE_ROW || checkpoint->integer(0) != 0)
        return {};  // another connection reads: the next open tries again
    checkpoint->reset();
    return deleteSetting(store, kSettingScrubPending);
}

Result<int> sealPendingForHub(Store& store) {
    Keyring& keys = keyring(store);
    if (auto s = loadKeyring(store); !s) return s.error();
    if (!keys.data_key || keys.hub_public.empty() || !store.writable()) return 0;
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto rows = db.prepare(
        "SELECT s.seq, s.for_device FROM event_seals s JOIN events e ON e.seq = s.seq "
        "WHERE s.for_hub IS NULL AND e.origin = 'device' AND e.sync_state = 'pending'");
    if (!rows) return rows.error();
    auto update = db.prepare("UPDATE event_seals SET for_hub = ? WHERE seq = ?");
    if (!update) return update.error();
    int rc, count = 0;
    while ((rc = rows->step()) == SQLITE_ROW) {
        auto personal = vault::openField(*keys.data_key, rows->text(1));
        if (!personal) return personal.error();
        auto box = vault::sealTo(keys.hub_public, *personal);
        if (!box) return box.error();
        update->reset();
        update->bind(1, *box).bind(2, rows->integer(0));
        if (auto s = update->run("seal for the hub"); !s) return s.error();
        ++count;
    }
    if (rc != SQLITE_DONE) return sql::sqliteError(db.handle(), rc, "read seals");
    if (auto s = tx->commit(); !s) return s.error();
    keys.pending_sealed_for_hub = true;
    return count;
}

}  // namespace pekon
