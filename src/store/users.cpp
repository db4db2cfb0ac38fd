#include "store/users.hpp"

#include <sodium.h>

#include "core/household.hpp"
#include "proto/ids.hpp"
#include "store/internal/database.hpp"

namespace pekon {

namespace {

User readUser(const sql::Stmt& s) {
    User u;
    u.id = s.text(0);
    u.name = s.text(1);
    u.role = parseRole(s.text(2)).value_or(u.role);
    if (auto t = parseRfc3339(s.text(3))) u.created_at = *t;
    return u;
}

}  // namespace

Result<std::vector<User>> listUsers(Store& store) {
    auto stmt = connection(store).prepare(
        "SELECT id, name, role, created_at FROM users ORDER BY role = 'volunteer', name");
    if (!stmt) return stmt.error();
    std::vector<User> out;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) out.push_back(readUser(*stmt));
    if (rc != SQLITE_DONE) return sql::sqliteError(connection(store).handle(), rc, "list users");
    return out;
}

Result<User> createUser(Store& store, const std::string& raw_name, Role role,
                        const std::string& pin, const std::string& created_by, UnixSeconds now) {
    if (auto s = store.writable(); !s) return s.error();
    auto name = checkPersonName(raw_name);
    if (!name) return name.error();
    if (auto s = checkNewPin(pin); !s) return s.error();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"pin_hash_failed", "PIN tidak bisa disimpan (memori kurang).",
                     "The PIN could not be stored (out of memory)."};

    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto count = db.queryInt("SELECT COUNT(*) FROM users");
    if (!count) return count.error();
    if (*count == 0 && role != Role::supervisor)
        return Error{"first_user_supervisor", "Pengguna pertama di perangkat ini harus supervisor.",
                     "The first user of this device must be a supervisor."};
    auto same = db.prepare("SELECT 1 FROM users WHERE lower(name) = lower(?)");
    if (!same) return same.error();
    same->bind(1, *name);
    if (same->step() == SQLITE_ROW)
        return Error{"user_name_taken", "Nama pengguna ini sudah ada.",
                     "A user with this name already exists."};

    User u{newEntityId(), *name, role, now};
    auto insert = db.prepare(
        "INSERT INTO users (id, name, role, pin_hash, created_at, created_by) VALUES (?, ?, ?, ?, "
        "?, ?)");
    if (!insert) return insert.error();
    insert->bind(1, u.id)
        .bind(2, u.name)
        .bind(3, roleCode(role))
        .bind(4, std::string_view(hash))
        .bind(5, formatRfc3339(now))
        .bind(6, created_by.empty() ? "first-run" : created_by);
    if (auto s = insert->run("create user"); !s) return s.error();
    if (auto s = tx->commit(); !s) return s.error();
    return u;
}

Result<User> login(Store& store, const std::string& user_id, const std::string& pin,
                   UnixSeconds now) {
    sql::Connection& db = connection(store);
    auto stmt = db.prepare(
        "SELECT id, name, role, created_at, pin_hash, failed_attempts, locked_until FROM users "
        "WHERE id = ?");
    if (!stmt) return stmt.error();
    stmt->bind(1, user_id);
    const int rc = stmt->step();
    if (rc == SQLITE_DONE)
        return Error{"user_not_found", "Pengguna tidak ditemukan.", "The user was not found."};
    if (rc != SQLITE_ROW) return sql::sqliteError(db.handle(), rc, "read user");
    const User user = readUser(*stmt);
    const std::string hash = stmt->text(4);
    LoginState state{static_cast<int>(stmt->integer(5)), stmt->integer(6)};
    stmt->reset();

    if (isLocked(state, now)) return lockedError(state, now);
    const bool right = pin.size() == kPinLength &&
                       crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
    state = right ? afterSuccess() : afterFailure(state, now);
    if (store.writable()) {  // a read-only database keeps no count
        auto update =
            db.prepare("UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?");
        if (!update) return update.error();
        update->bind(1, state.failed_attempts).bind(2, state.locked_until).bind(3, user_id);
        if (auto s = update->run("record login"); !s) return s.error();
    }
    if (right) return user;
    if (isLocked(state, now)) return lockedError(state, now);
    const std::string left = std::to_string(kMaxPinFailures - state.failed_attempts);
    return Error{"pin_wrong", "PIN salah. Sisa percobaan: " + left + ".",
                 "Wrong PIN. Attempts left: " + left + "."};
}

}  // namespace pekon
