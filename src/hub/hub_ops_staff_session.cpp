#include <sodium.h>

#include "codec/json.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_ops_staff.hpp"
#include "hub/staff_password.hpp"

namespace pekon::hub {

namespace {

constexpr HubSql kSessionOf{
    "session_of",
    "SELECT s.csrf, s.created_at, s.last_seen, t.id, t.username, t.display_name, t.role, "
    "t.created_at, t.disabled_at, t.failed_sign_ins, t.locked_until FROM staff_sessions s JOIN "
    "staff t ON t.id = s.staff_id WHERE s.token_hash = ?",
    11};
constexpr HubSql kInsertSession{
    "insert_session",
    "INSERT INTO staff_sessions (token_hash, staff_id, csrf, created_at, last_seen) VALUES (?, "
    "?, ?, ?, ?)"};
constexpr HubSql kTouchSession{"touch_session",
                               "UPDATE staff_sessions SET last_seen = ? WHERE token_hash = ?"};
constexpr HubSql kEndSession{"end_session", "DELETE FROM staff_sessions WHERE token_hash = ?"};
// Every session idle for too long or too old, of anyone.
constexpr HubSql kEndExpired{
    "end_expired_sessions",
    "DELETE FROM staff_sessions WHERE last_seen < CAST(? AS BIGINT) OR created_at < CAST(? AS "
    "BIGINT)"};
constexpr HubSql kSignInFailed{
    "sign_in_failure", "UPDATE staff SET failed_sign_ins = ?, locked_until = ? WHERE id = ?"};
constexpr HubSql kSignedIn{
    "signed_in", "UPDATE staff SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?"};
constexpr HubSql kRehashed{"rehashed", "UPDATE staff SET password_hash = ? WHERE id = ?"};

// A cookie's token or a CSRF token: 32 random bytes, URL-safe base64 without padding.
std::string randomToken() { return randomUrlToken(32); }

// What a token can be at most (a real one is 43 characters): longer is not looked up.
constexpr size_t kMaxTokenSize = 64;

Error signInFailed() {
    return Error{"sign_in_failed", "Nama pengguna atau kata sandi salah.",
                 "Wrong username or password."};
}

Error accountLocked(UnixSeconds until) {
    const std::string when = formatRfc3339(until);
    return Error{"account_locked",
                 "Akun terkunci karena terlalu banyak percobaan masuk yang gagal, sampai " + when +
                     ".",
                 "The account is locked after too many failed sign-ins, until " + when + "."};
}

bool lockedAt(const StaffAccount& a, UnixSeconds now) {
    return a.locked_until && *a.locked_until > now;
}

bool expired(UnixSeconds created_at, UnixSeconds last_seen, UnixSeconds now) {
    return now - last_seen > kSessionIdleSeconds || now - created_at > kSessionMaxSeconds;
}

Status auditFailure(HubTx& tx, const std::string& username, UnixSeconds now,
                    OrderedJson detail) {
    // An unknown username is not written: it may be a password typed in the wrong field.
    AuditEntry e;
    e.at = now;
    e.action = "sign_in_failed";
    e.target = username;
    e.detail = dumpJson(detail);
    return appendAudit(tx, e);
}

// How a sign-in ended, committed before it is answered (failures count and are audited).
struct SignInOutcome {
    std::optional<StaffSession> session;
    std::optional<Error> error;
};

// A wrong password (or a disabled account, or one whose password changed meanwhile) on an
// existing account: counted toward the lock-out unless disabled, and audited.
Result<SignInOutcome> failedSignIn(HubTx& tx, const StaffAccount& a, const char* reason,
                                   UnixSeconds now) {
    OrderedJson detail{{"reason", reason}};
    if (a.disabled_at) {
        if (auto s = auditFailure(tx, a.username, now, detail); !s) return s.error();
        return SignInOutcome{std::nullopt, signInFailed()};
    }
    // A lock-out that has ended starts the count again.
    const int before = a.locked_until ? 0 : a.failed_sign_ins;
    const int failures = before + 1;
    SqlParam until;
    if (failures >= kMaxFailedSignIns) until = now + kLockSeconds;
    if (auto s = runStatement(tx, kSignInFailed, {std::int64_t{failures}, until, a.id},
                              "count a failed sign-in");
        !s)
        return s.error();
    detail["failures"] = failures;
    if (failures >= kMaxFailedSignIns) detail["locked_until"] = now + kLockSeconds;
    if (auto s = auditFailure(tx, a.username, now, detail); !s) return s.error();
    if (failures >= kMaxFailedSignIns)
        return SignInOutcome{std::nullopt, accountLocked(now + kLockSeconds)};
    return SignInOutcome{std::nullopt, signInFailed()};
}

Result<SignInOutcome> signedIn(HubTx& tx, const StaffAccount& a, const std::string& rehash,
                               UnixSeconds now) {
    if (auto s = runStatement(tx, kSignedIn, {a.id}, "reset the failed sign-ins"); !s)
        return s.error();
    if (!rehash.empty())
        if (auto s = runStatement(tx, kRehashed, {rehash, a.id}, "rehash a password"); !s)
            return s.error();
    if (auto s = runStatement(tx, kEndExpired,
                              {now - kSessionIdleSeconds, now - kSessionMaxSeconds},
                              "end expired sessions");
        !s)
        return s.error();
    StaffSession session;
    session.who = a;
    session.who.failed_sign_ins = 0;
    session.who.locked_until.reset();
    session.token = randomToken();
    session.csrf = randomToken();
    session.created_at = now;
    session.last_seen = now;
    if (auto s = runStatement(tx, kInsertSession,
                              {tokenHash(session.token), a.id, session.csrf, now, now},
                              "start a session");
        !s)
        return s.error();
    AuditEntry e;
    e.at = now;
    e.staff_id = a.id;
    e.username = a.username;
    e.action = "sign_in";
    e.target = a.username;
    if (auto s = appendAudit(tx, e); !s) return s.error();
    return SignInOutcome{std::move(session), std::nullopt};
}

Result<std::optional<StaffRow>> readByName(HubDb& db, const std::string& username) {
    if (!checkUsername(username)) return std::optional<StaffRow>();
    return inTx<std::optional<StaffRow>>(db, TxMode::autocommit, [&](HubTx& tx) {
        return staffByName(tx, username);
    });
}

}  // namespace

Result<StaffSession> signIn(HubDb& db, const std::string& username, const std::string& password,
                            UnixSeconds now) {
    auto found = readByName(db, username);
    if (!found) return found.error();
    if (!*found) {
        verifyDummy(password);  // the time a wrong password takes
        auto audited = db.transaction(TxMode::write, [&](HubTx& tx) {
            return auditFailure(tx, "", now, OrderedJson{{"reason", "unknown_username"}});
        });
        if (!audited) return audited.error();
        return signInFailed();
    }
    const StaffRow& row = **found;
    if (lockedAt(row.account, now)) {
        const UnixSeconds until = *row.account.locked_until;
        auto audited = db.transaction(TxMode::write, [&](HubTx& tx) {
            return auditFailure(tx, username, now, OrderedJson{{"reason", "locked"}});
        });
        if (!audited) return audited.error();
        return accountLocked(until);
    }
    // The slow part outside the write transaction; a disabled account takes the same time.
    const bool right = verifyPassword(row.password_hash, password);
    std::string rehash;
    if (right && passwordNeedsRehash(row.password_hash)) {
        auto made = hashPassword(password);
        if (made) rehash = std::move(made.value());
    }
    auto outcome = inTx<SignInOutcome>(db, TxMode::write, [&](HubTx& tx) -> Result<SignInOutcome> {
        auto again = staffById(tx, row.account.id);  // under the write lock
        if (!again) return again.error();
        if (!*again) {
            if (auto s = auditFailure(tx, "", now, OrderedJson{{"reason", "unknown_username"}});
                !s)
                return s.error();
            return SignInOutcome{std::nullopt, signInFailed()};
        }
        const StaffAccount& a = (*again)->account;
        if (lockedAt(a, now)) {
            if (auto s = auditFailure(tx, a.username, now, OrderedJson{{"reason", "locked"}}); !s)
                return s.error();
            return SignInOutcome{std::nullopt, accountLocked(*a.locked_until)};
        }
        if (a.disabled_at) return failedSignIn(tx, a, "disabled", now);
        // A password changed since it was verified is not the one verified.
        if (!right || (*again)->password_hash != row.password_hash)
            return failedSignIn(tx, a, "wrong_password", now);
        return signedIn(tx, a, rehash, now);
    });
    sodium_memzero(rehash.data(), rehash.size());
    if (!outcome) return outcome.error();
    if (outcome->error) return *outcome->error;
    return std::move(*outcome->session);
}

Result<std::optional<StaffSession>> sessionOf(HubDb& db, const std::string& token,
                                              UnixSeconds now) {
    using Found = std::optional<StaffSession>;
    if (token.empty() || token.size() > kMaxTokenSize) return Found();
    const std::string hash = tokenHash(token);
    return inTx<Found>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<Found> {
        auto rows = tx.run(kSessionOf, {hash}, "find a session");
        if (!rows) return rows.error();
        if (rows->count() == 0) return Found();
        StaffSession s;
        s.csrf = rows->text(0, 0);
        s.created_at = rows->integer(0, 1);
        s.last_seen = rows->integer(0, 2);
        StaffAccount& a = s.who;
        a.id = rows->integer(0, 3);
        a.username = rows->text(0, 4);
        a.display_name = rows->text(0, 5);
        a.role = parseStaffRole(rows->text(0, 6)).value_or(StaffRole::viewer);
        a.created_at = rows->integer(0, 7);
        if (!rows->isNull(0, 8)) a.disabled_at = rows->integer(0, 8);
        a.failed_sign_ins = static_cast<int>(rows->integer(0, 9));
        if (!rows->isNull(0, 10)) a.locked_until = rows->integer(0, 10);
        if (expired(s.created_at, s.last_seen, now) || a.disabled_at) {
            if (auto e = runStatement(tx, kEndSession, {hash}, "end an expired session"); !e)
                return e.error();
            return Found();
        }
        // last_seen is written at most once a kSessionTouchSeconds, not at every request.
        if (now - s.last_seen >= kSessionTouchSeconds) {
            if (auto e = runStatement(tx, kTouchSession, {now, hash}, "touch a session"); !e)
                return e.error();
            s.last_seen = now;
        }
        return Found(std::move(s));
    });
}

Status signOut(HubDb& db, const std::string& token, UnixSeconds now) {
    if (token.empty() || token.size() > kMaxTokenSize) return {};
    const std::string hash = tokenHash(token);
    return db.transaction(TxMode::write, [&](HubTx& tx) -> Status {
        auto rows = tx.run(kSessionOf, {hash}, "find a session");
        if (!rows) return rows.error();
        if (rows->count() == 0) return {};
        if (auto s = runStatement(tx, kEndSession, {hash}, "end a session"); !s) return s;
        AuditEntry e;
        e.at = now;
        e.staff_id = rows->integer(0, 3);
        e.username = rows->text(0, 4);
        e.action = "sign_out";
        e.target = e.username;
        return appendAudit(tx, e);
    });
}

}  // namespace pekon::hub
