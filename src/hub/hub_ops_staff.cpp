#include "codec/json.hpp"
#include "hub/hub_ops_staff.hpp"
#include "hub/staff_password.hpp"

namespace pekon::hub {

namespace {

#define PEKON_STAFF_COLUMNS                                                                    \
    "SELECT id, username, display_name, role, created_at, disabled_at, failed_sign_ins, "     \
    "locked_until, password_hash FROM staff "
constexpr HubSql kStaffById{"staff_by_id", PEKON_STAFF_COLUMNS "WHERE id = ?", 9};
constexpr HubSql kStaffByName{"staff_by_name", PEKON_STAFF_COLUMNS "WHERE username = ?", 9};
constexpr HubSql kAllStaff{"all_staff", PEKON_STAFF_COLUMNS "ORDER BY username", 9};
#undef PEKON_STAFF_COLUMNS
constexpr HubSql kStaffIdOf{"staff_id_of", "SELECT id FROM staff WHERE username = ?", 1};
constexpr HubSql kInsertStaff{
    "insert_staff",
    "INSERT INTO staff (username, display_name, role, password_hash, created_at, "
    "failed_sign_ins) VALUES (?, ?, ?, ?, ?, 0) RETURNING id",
    1};
constexpr HubSql kEnabledAdmins{
    "enabled_admins", "SELECT COUNT(*) FROM staff WHERE role = 'admin' AND disabled_at IS NULL",
    1};
constexpr HubSql kSetRole{"set_staff_role", "UPDATE staff SET role = ? WHERE id = ?"};
constexpr HubSql kSetDisabled{"set_staff_disabled",
                              "UPDATE staff SET disabled_at = ? WHERE id = ?"};
constexpr HubSql kSetPassword{
    "set_staff_password",
    "UPDATE staff SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?"};
constexpr HubSql kUnlock{"unlock_staff",
                         "UPDATE staff SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?"};
constexpr HubSql kEndSessionsOf{"end_sessions_of",
                                "DELETE FROM staff_sessions WHERE staff_id = ?"};

StaffRow readStaff(const RowSet& rows, int i) {
    StaffRow r;
    StaffAccount& a = r.account;
    a.id = rows.integer(i, 0);
    a.username = rows.text(i, 1);
    a.display_name = rows.text(i, 2);
    // An unknown role code (written by a newer hub) gets the least: viewer.
    a.role = parseStaffRole(rows.text(i, 3)).value_or(StaffRole::viewer);
    a.created_at = rows.integer(i, 4);
    if (!rows.isNull(i, 5)) a.disabled_at = rows.integer(i, 5);
    a.failed_sign_ins = static_cast<int>(rows.integer(i, 6));
    if (!rows.isNull(i, 7)) a.locked_until = rows.integer(i, 7);
    r.password_hash = rows.text(i, 8);
    return r;
}

Result<std::optional<StaffRow>> oneStaff(HubTx& tx, const HubSql& sql, SqlParam key) {
    auto found = tx.run(sql, {std::move(key)}, "read a staff account");
    if (!found) return found.error();
    if (found->count() == 0) return std::optional<StaffRow>();
    return std::optional<StaffRow>(readStaff(*found, 0));
}

// The account `sql` finds by `key`, without its password hash.
Result<std::optional<StaffAccount>> findAccount(HubDb& db, const HubSql& sql, SqlParam key) {
    using Found = std::optional<StaffAccount>;
    return inTx<Found>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<Found> {
        auto row = oneStaff(tx, sql, key);
        if (!row) return row.error();
        if (!*row) return Found();
        return Found((*row)->account);
    });
}

bool enabledAdmin(const StaffAccount& a) {
    return a.role == StaffRole::admin && !a.disabled_at;
}

// `last_admin` when `a` is the only enabled admin.
Status keepAnAdmin(HubTx& tx, const StaffAccount& a) {
    if (!enabledAdmin(a)) return {};
    auto admins = tx.run(kEnabledAdmins, {}, "count the admins");
    if (!admins) return admins.error();
    if (admins->integer(0, 0) > 1) return {};
    return Error{"last_admin",
                 "Ini admin aktif terakhir: jadikan orang lain admin dahulu.",
                 "This is the last enabled admin: make someone else an admin first."};
}

// An operation on an existing account, in one write transaction: `unknown_staff` when there
// is no such account.
template <class Work>
Status onStaff(HubDb& db, std::int64_t id, Work&& work) {
    return db.transaction(TxMode::write, [&](HubTx& tx) -> Status {
        auto row = staffById(tx, id);
        if (!row) return row.error();
        if (!*row) return unknownStaff();
        return work(tx, (*row)->account);
    });
}

}  // namespace

Status runStatement(HubTx& tx, const HubSql& sql, const std::vector<SqlParam>& params,
                    std::string_view doing) {
    auto done = tx.run(sql, params, doing);
    return done ? Status() : Status(done.error());
}

Error unknownStaff() {
    return Error{"unknown_staff", "Akun staf tidak dikenal.", "Unknown staff account."};
}

Result<std::optional<StaffRow>> staffById(HubTx& tx, std::int64_t id) {
    return oneStaff(tx, kStaffById, id);
}

Result<std::optional<StaffRow>> staffByName(HubTx& tx, const std::string& username) {
    return oneStaff(tx, kStaffByName, username);
}

Status auditStaff(HubTx& tx, const std::string& by, UnixSeconds now, const std::string& action,
                  const std::string& target, const std::string& detail) {
    AuditEntry e;
    e.at = now;
    e.username = by;
    e.action = action;
    e.target = target;
    e.detail = detail;
    if (!by.empty()) {
        auto id = tx.run(kStaffIdOf, {by}, "find who did it");
        if (!id) return id.error();
        if (id->count() > 0) e.staff_id = id->integer(0, 0);
    }
    return appendAudit(tx, e);
}

Result<StaffAccount> addStaff(HubDb& db, const std::string& username,
                              const std::string& display_name, StaffRole role,
                              const std::string& password, const std::string& by,
                              UnixSeconds now) {
    if (auto s = checkUsername(username); !s) return s.error();
    if (auto s = checkPassword(password, username); !s) return s.error();
    if (display_name.empty() || display_name.size() > 200)
        return Error{"display_name_invalid", "Nama lengkap harus diisi (paling banyak 200 bita).",
                     "The full name is required (at most 200 bytes)."};
    auto hash = hashPassword(password);  // slow: outside the transaction
    if (!hash) return hash.error();
    return inTx<StaffAccount>(db, TxMode::write, [&](HubTx& tx) -> Result<StaffAccount> {
        auto existing = staffByName(tx, username);
        if (!existing) return existing.error();
        if (*existing)
            return Error{"staff_exists", "Nama pengguna itu sudah dipakai.",
                         "That username is taken."};
        const std::string role_code(staffRoleCode(role));
        auto id = tx.run(kInsertStaff, {username, display_name, role_code, *hash, now},
                         "add a staff account");
        if (!id) return id.error();
        StaffAccount a;
        a.id = id->integer(0, 0);
        a.username = username;
        a.display_name = display_name;
        a.role = role;
        a.created_at = now;
        // The display name is a staff member's, not a citizen's; it stays out of the log all
        // the same: the username names the account.
        if (auto s = auditStaff(tx, by, now, "staff_add", username,
                                dumpJson(OrderedJson{{"role", role_code}}));
            !s)
            return s.error();
        return a;
    });
}

Result<std::vector<StaffAccount>> listStaff(HubDb& db) {
    return inTx<std::vector<StaffAccount>>(
        db, TxMode::autocommit, [&](HubTx& tx) -> Result<std::vector<StaffAccount>> {
            auto rows = tx.run(kAllStaff, {}, "list the staff");
            if (!rows) return rows.error();
            std::vector<StaffAccount> out;
            for (int i = 0; i < rows->count(); ++i) out.push_back(readStaff(*rows, i).account);
            return out;
        });
}

Result<std::optional<StaffAccount>> findStaff(HubDb& db, std::int64_t id) {
    return findAccount(db, kStaffById, id);
}

Result<std::optional<StaffAccount>> findStaffByName(HubDb& db, const std::string& username) {
    return findAccount(db, kStaffByName, username);
}

Status setStaffRole(HubDb& db, std::int64_t id, StaffRole role, const std::string& by,
                    UnixSeconds now) {
    return onStaff(db, id, [&](HubTx& tx, const StaffAccount& a) -> Status {
        if (a.role == role) return {};
        if (role != StaffRole::admin)
            if (auto s = keepAnAdmin(tx, a); !s) return s;
        const std::string code(staffRoleCode(role));
        if (auto s = runStatement(tx, kSetRole, {code, id}, "change a role"); !s) return s;
        return auditStaff(tx, by, now, "staff_role", a.username,
                          dumpJson(OrderedJson{{"from", std::string(staffRoleCode(a.role))}, {"to", code}}));
    });
}

Status setStaffDisabled(HubDb& db, std::int64_t id, bool disabled, const std::string& by,
                        UnixSeconds now) {
    return onStaff(db, id, [&](HubTx& tx, const StaffAccount& a) -> Status {
        if (a.disabled_at.has_value() == disabled) return {};
        if (disabled) {
            if (auto s = keepAnAdmin(tx, a); !s) return s;
            if (auto s = runStatement(tx, kEndSessionsOf, {id}, "end the sessions"); !s) return s;
        }
        const SqlParam at = disabled ? SqlParam(now) : SqlParam();
        if (auto s = runStatement(tx, kSetDisabled, {at, id}, "disable or enable"); !s) return s;
        return auditStaff(tx, by, now, disabled ? "staff_disable" : "staff_enable", a.username,
                          "{}");
    });
}

Status setStaffPassword(HubDb& db, std::int64_t id, const std::string& password,
                        const std::string& by, UnixSeconds now) {
    auto name = findStaff(db, id);
    if (!name) return name.error();
    if (!*name) return unknownStaff();
    if (auto s = checkPassword(password, (*name)->username); !s) return s;
    auto hash = hashPassword(password);  // slow: outside the transaction
    if (!hash) return hash.error();
    return onStaff(db, id, [&](HubTx& tx, const StaffAccount& a) -> Status {
        if (auto s = runStatement(tx, kSetPassword, {*hash, id}, "change a password"); !s)
            return s;
        if (auto s = runStatement(tx, kEndSessionsOf, {id}, "end the sessions"); !s) return s;
        return auditStaff(tx, by, now, "staff_password", a.username, "{}");
    });
}

Status unlockStaff(HubDb& db, std::int64_t id, const std::string& by, UnixSeconds now) {
    return onStaff(db, id, [&](HubTx& tx, const StaffAccount& a) -> Status {
        if (a.failed_sign_ins == 0 && !a.locked_until) return {};
        if (auto s = runStatement(tx, kUnlock, {id}, "unlock an account"); !s) return s;
        return auditStaff(tx, by, now, "staff_unlock", a.username, "{}");
    });
}

}  // namespace pekon::hub
