#include "store/users.hpp"

#include <sodium.h>

#include "core/household.hpp"
#include "proto/ids.hpp"
#include "store/internal/database.hpp"
#include "store/internal/device_sealing.hpp"
#include "vault/pin_wrap.hpp"

namespace pekon {

namespace {

User readUser(const sql::Stmt& s) {
    User u;
    u.id = s.text(0);
    u.name = s.text(1);
    u.role = parseRole(s.text(2)).value_or(u.role);
    if (auto t = parseRfc3339(s.text(3))) u.created_at = *t;
    u.holds_data_key = !s.text(4).empty();
    return u;
}

}  // namespace

Result<std::vector<User>> listUsers(Store& store) {
    auto stmt = connection(store).prepare(
        "SELECT id, name, role, created_at, data_key FROM users ORDER BY role = 'volunteer', "
        "name");
    if (!stmt) return stmt.error();
    std::vector<User> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) out.push_back(readUser(*stmt));
    if (rc != SQLITE_DONE) return sql::sqliteError(connection(store).handle(), rc, "list users");
    return out;
}

namespace {

Error pinStoreFailed() {
    return Error{"pin_hash_failed", "PIN tidak bisa disimpan (memori kurang).",
                 "The PIN could not be stored (out of memory)."};
}

// The PIN hash of a device not sealed yet (kept for the users made before its data key).
Result<std::string> pinHash(const std::string& pin) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return pinStoreFailed();
    return std::string(hash);
}

Status saveWrap(sql::Connection& db, const std::string& user_id, const std::string& wrapped) {
    auto stmt = db.prepare("UPDATE users SET data_key = ?, pin_hash = '' WHERE id = ?");
    if (!stmt) return stmt.error();
    stmt->bind(1, wrapped).bind(2, user_id);
    return stmt->run("keep the user's data key");
}

Error dataKeyMissing() {
    return Error{"data_key_missing",
                 "Data perangkat ini sudah diamankan, tetapi belum untuk PIN ini. Minta pengguna "
                 "yang bisa membuka data masuk, lalu buka Pengaturan > Akses data.",
                 "This device's data is sealed, but not yet for this PIN. Ask a user who can open "
                 "the data to sign in and open Settings > Data access."};
}

struct UserRow {
    User user;
    std::string pin_hash;
    std::string data_key;
    LoginState state;
};

Result<std::optional<UserRow>> readUserRow(sql::Connection& db, const std::string& user_id) {
    auto stmt = db.prepare(
        "SELECT id, name, role, created_at, data_key, failed_attempts, locked_until, pin_hash "
        "FROM users WHERE id = ?");
    if (!stmt) return stmt.error();
    stmt->bind(1, user_id);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE) return std::optional<UserRow>();
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "read user");
    return std::optional<UserRow>(UserRow{readUser(*stmt), stmt->text(7), stmt->text(4),
                                          LoginState{static_cast<int>(stmt->integer(5)),
                                                     stmt->integer(6)}});
}

Status recordAttempt(Store& store, const std::string& user_id, const LoginState& state) {
    if (!store.writable()) return {};  // a read-only database keeps no count
    auto update = connection(store).prepare(
        "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?");
    if (!update) return update.error();
    update->bind(1, state.failed_attempts).bind(2, state.locked_until).bind(3, user_id);
    return update->run("record login");
}

// Checks the PIN of `row` (with its lock-out): the data key when the PIN holds one (the
// right PIN opens it), else the stored hash. Returns the key, if any, or the error.
Result<std::optional<vault::SecretKey>> checkPin(Store& store, const UserRow& row,
                                                 const std::string& pin, UnixSeconds now) {
    LoginState state = row.state;
    if (isLocked(state, now)) return lockedError(state, now);
    std::optional<vault::SecretKey> key;
    bool right = false;
    if (!row.data_key.empty()) {
        if (pin.size() == kPinLength) {
            auto opened = vault::unwrapKey(row.data_key, pin);
            if (opened) {
                key = std::move(*opened);
                right = true;
            } else if (opened.error().code != "key_pin_wrong") {
                return opened.error();
            }
        }
    } else {
        right = pin.size() == kPinLength && !row.pin_hash.empty() &&
                crypto_pwhash_str_verify(row.pin_hash.c_str(), pin.data(), pin.size()) == 0;
    }
    state = right ? afterSuccess() : afterFailure(state, now);
    if (auto s = recordAttempt(store, row.user.id, state); !s) return s.error();
    if (right) return std::optional<vault::SecretKey>(std::move(key));
    if (isLocked(state, now)) return lockedError(state, now);
    const std::string left = std::to_string(kMaxPinFailures - state.failed_attempts);
    return Error{"pin_wrong", "PIN salah. Sisa percobaan: " + left + ".",
                 "Wrong PIN. Attempts left: " + left + "."};
}

Error userNotFound() {
    return Error{"user_not_found", "Pengguna tidak ditemukan.", "The user was not found."};
}

}  // namespace

Result<User> createUser(Store& store, const std::string& raw_name, Role role,
                        const std::string& pin, const std::string& created_by, UnixSeconds now) {
    if (auto s = store.writable(); !s) return s.error();
    auto name = checkPersonName(raw_name);
    if (!name) return name.error();
    if (auto s = checkNewPin(pin); !s) return s.error();

    sql::Connection& db = connection(store);
    auto count = db.queryInt("SELECT COUNT(*) FROM users");
    if (!count) return count.error();
    if (*count == 0 && role != Role::supervisor)
        return Error{"first_user_supervisor", "Pengguna pertama di perangkat ini harus supervisor.",
                     "The first user of this device must be a supervisor."};
    Keyring& keys = keyring(store);
    // The first user makes the device's data key; later ones get it from the signed-in user
    // who creates them. A device from before issue 16 with users already keeps hashes until
    // its first sign-in seals it.
    std::optional<vault::SecretKey> fresh;
    const vault::SecretKey* key = keys.data_key ? &*keys.data_key : nullptr;
    if (*count == 0 && !keys.sealed()) {
        auto made = vault::SecretKey::random();
        if (!made) return made.error();
        fresh = std::move(*made);
        key = &*fresh;
    }
    if (key == nullptr && keys.sealed()) return dataLockedError();
    std::string hash, wrapped;
    if (key != nullptr) {
        auto w = vault::wrapKey(*key, pin);
        if (!w) return w.error();
        wrapped = *w;
    } else {
        auto h = pinHash(pin);
        if (!h) return h.error();
        hash = *h;
    }

    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto same = db.prepare("SELECT 1 FROM users WHERE lower(name) = lower(?)");
    if (!same) return same.error();
    same->bind(1, *name);
    if (same->step() == SQLITE_ROW)
        return Error{"user_name_taken", "Nama pengguna ini sudah ada.",
                     "A user with this name already exists."};

    User u{newEntityId(), *name, role, now, !wrapped.empty()};
    auto insert = db.prepare(
        "INSERT INTO users (id, name, role, pin_hash, created_at, created_by, data_key) VALUES "
        "(?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    insert->bind(1, u.id)
        .bind(2, u.name)
        .bind(3, roleCode(role))
        .bind(4, hash)
        .bind(5, formatRfc3339(now))
        .bind(6, created_by.empty() ? "first-run" : created_by)
        .bind(7, wrapped);
    if (auto s = insert->run("create user"); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    // The first user seals the database (plain rows written before any user, by the command
    // line, are sealed too) and is signed in with the key.
    if (fresh)
        if (auto s = sealDevice(store, std::move(*fresh)); !s) return s.error();
    return u;
}

Result<User> login(Store& store, const std::string& user_id, const std::string& pin,
                   UnixSeconds now) {
    auto row = readUserRow(connection(store), user_id);
    if (!row) return row.error();
    if (!row->has_value()) return userNotFound();
    auto key = checkPin(store, **row, pin, now);
    if (!key) return key.error();
    Keyring& keys = keyring(store);
    if (key->has_value()) {
        // A first user whose creation was cut off before the sealing: it is finished now.
        if (!deviceSealed(store) && store.writable()) {
            if (auto s = sealDevice(store, std::move(**key)); !s) return s.error();
            return (*row)->user;
        }
        keys.data_key = std::move(**key);
        keys.pending_sealed_for_hub = false;
        if (auto n = sealPendingForHub(store); !n) return n.error();
        return (*row)->user;
    }
    if (keys.sealed()) return dataKeyMissing();
    if (!store.writable()) return (*row)->user;  // read-only: it cannot be sealed now
    // The first sign-in after the update: this user's PIN makes the data key.
    auto made = vault::SecretKey::random();
    if (!made) return made.error();
    auto wrapped = vault::wrapKey(*made, pin);
    if (!wrapped) return wrapped.error();
    if (auto s = sealDevice(store, std::move(*made), UserWrap{user_id, *wrapped}); !s)
        return s.error();
    return (*row)->user;
}

Result<int> sealForHubWhenKnown(Store& store) {
    Keyring& keys = keyring(store);
    if (!keys.data_key) return 0;
    if (auto s = loadKeyring(store); !s) return s.error();  // the key may have come or changed
    if (keys.hub_public.empty() || keys.pending_sealed_for_hub) return 0;
    return sealPendingForHub(store);
}

void lockData(Store& store) {
    keyring(store).data_key.reset();  // wiped as it is freed
}

bool dataOpen(Store& store) {
    return static_cast<bool>(requireDataOpen(store));
}

Status grantDataKey(Store& store, const std::string& user_id, const std::string& pin,
                    UnixSeconds now) {
    if (auto s = store.writable(); !s) return s.error();
    Keyring& keys = keyring(store);
    if (!keys.data_key) return dataLockedError();
    auto row = readUserRow(connection(store), user_id);
    if (!row) return row.error();
    if (!row->has_value()) return userNotFound();
    auto checked = checkPin(store, **row, pin, now);
    if (!checked) return checked.error();
    auto wrapped = vault::wrapKey(*keys.data_key, pin);
    if (!wrapped) return wrapped.error();
    return saveWrap(connection(store), user_id, *wrapped);
}

}  // namespace pekon
