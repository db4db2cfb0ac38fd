#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "hub/hub_tx.hpp"
#include "hub/office_state.hpp"

// Staff accounts of the office console, their sign-in sessions and the audit log (schema v4:
// staff, staff_sessions, audit_log). Passwords are stored as Argon2id hashes (libsodium
// crypto_pwhash_str); a session is a random token kept by the browser in a cookie, stored
// here only as its SHA-256; each session has its own CSRF token.
namespace pekon::hub {

struct StaffAccount {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    StaffRole role = StaffRole::viewer;
    UnixSeconds created_at = 0;
    std::optional<UnixSeconds> disabled_at;
    int failed_sign_ins = 0;
    std::optional<UnixSeconds> locked_until;
};

// Lock-out and expiry.
inline constexpr int kMaxFailedSignIns = 5;               // then locked for kLockSeconds
inline constexpr std::int64_t kLockSeconds = 15 * 60;
inline constexpr std::int64_t kSessionIdleSeconds = 30 * 60;
inline constexpr std::int64_t kSessionMaxSeconds = 12 * 3600;
// A session's last_seen is written when it is at least this old (not at every request).
inline constexpr std::int64_t kSessionTouchSeconds = 60;

// Errors: `username_invalid` (3..32 of a-z 0-9 . _ -), `password_weak` (under 10 characters,
// or all one kind), `staff_exists`. `by` is who did it (audit), "" for the command line.
Result<StaffAccount> addStaff(HubDb& db, const std::string& username,
                              const std::string& display_name, StaffRole role,
                              const std::string& password, const std::string& by,
                              UnixSeconds now);
Result<std::vector<StaffAccount>> listStaff(HubDb& db);
Result<std::optional<StaffAccount>> findStaff(HubDb& db, std::int64_t id);
Result<std::optional<StaffAccount>> findStaffByName(HubDb& db, const std::string& username);
// Role change, disabling (which ends their sessions), enabling, a new password (which ends
// their sessions and clears a lock-out). Each audited. `unknown_staff`; an admin cannot
// demote or disable the last enabled admin (`last_admin`).
Status setStaffRole(HubDb& db, std::int64_t id, StaffRole role, const std::string& by,
                    UnixSeconds now);
Status setStaffDisabled(HubDb& db, std::int64_t id, bool disabled, const std::string& by,
                        UnixSeconds now);
Status setStaffPassword(HubDb& db, std::int64_t id, const std::string& password,
                        const std::string& by, UnixSeconds now);
// Ends a lock-out (and clears the count of failed sign-ins) before its time; audited
// `staff_unlock` when there was anything to clear.
Status unlockStaff(HubDb& db, std::int64_t id, const std::string& by, UnixSeconds now);

struct StaffSession {
    StaffAccount who;
    std::string token;  // for the cookie (only at sign-in; empty when read back)
    std::string csrf;
    UnixSeconds created_at = 0;
    UnixSeconds last_seen = 0;
};

// A wrong username or password: `sign_in_failed` (the same for both); a locked account:
// `account_locked` (also for the right password), a disabled one `sign_in_failed`. Each
// failure counts toward the lock-out; success resets it, makes a new session (a new token: no
// session fixation) and is audited `sign_in`; failures are audited `sign_in_failed`.
Result<StaffSession> signIn(HubDb& db, const std::string& username, const std::string& password,
                            UnixSeconds now);
// The session of a cookie's token, when it exists, is not idle for longer than
// kSessionIdleSeconds nor older than kSessionMaxSeconds, and its account is enabled; touches
// last_seen. Expired sessions are deleted.
Result<std::optional<StaffSession>> sessionOf(HubDb& db, const std::string& token,
                                              UnixSeconds now);
Status signOut(HubDb& db, const std::string& token, UnixSeconds now);

// --- Audit -------------------------------------------------------------------------------

struct AuditEntry {
    std::int64_t id = 0;
    UnixSeconds at = 0;
    std::optional<std::int64_t> staff_id;  // none: the command line
    std::string username;
    std::string action;  // sign_in, sign_in_failed, sign_out, view_person, decide, export,
                         // status_upload, staff_add, staff_role, staff_disable, staff_enable,
                         // staff_password, staff_unlock, device_revoke, token_create, rebuild
    std::string target;  // member id, device id, username... never a NIK
    std::string detail;  // JSON object
};

// Inside the caller's transaction (so a decision and its audit line commit together).
Status appendAudit(HubTx& tx, const AuditEntry& entry);
Status appendAudit(HubDb& db, const AuditEntry& entry);

struct AuditFilter {
    std::string username;  // "" for all
    std::string action;    // "" for all
    std::string target;    // "" for all
    UnixSeconds from = 0;  // inclusive; 0 for no bound
    UnixSeconds to = 0;    // exclusive; 0 for no bound
};
// Newest first; `before_id` 0 for the first page.
Result<std::vector<AuditEntry>> auditLog(HubDb& db, const AuditFilter& filter,
                                         std::int64_t before_id, int limit);

}  // namespace pekon::hub
