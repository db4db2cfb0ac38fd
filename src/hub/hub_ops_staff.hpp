#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/office_staff.hpp"

// What the staff operations (hub_ops_staff*.cpp) share: password hashing, reading an account,
// and writing their audit lines. Not for the console: it uses office_staff.hpp.
namespace pekon::hub {

// Argon2id (libsodium crypto_pwhash_str) with the hub's limits: kPasswordOps passes over
// kPasswordMemory bytes, OWASP's recommended minimum for Argon2id (m=19 MiB, t=2, p=1): a
// sign-in is a few tens of milliseconds of one core and 19 MiB for that time, so a burst of
// sign-ins on a small office server neither exhausts its memory nor stalls it. A stored hash
// made with other limits is remade at the next sign-in.
inline constexpr unsigned long long kPasswordOps = 2;
inline constexpr size_t kPasswordMemory = 19u << 20;

// `crypto_unavailable` when libsodium cannot start or hash (out of memory).
Result<std::string> hashPassword(const std::string& password);
// Whether `password` matches `hash` (false for a malformed hash).
bool verifyPassword(const std::string& hash, const std::string& password);
// Whether `hash` was made with other limits than the hub's (rehash at the next sign-in).
bool passwordNeedsRehash(const std::string& hash);
// Spends the time of one verification without an account (an unknown username), so that
// usernames cannot be probed by timing.
void verifyDummy(const std::string& password);

// The account of an id or a username, read in `tx`, with its password hash.
struct StaffRow {
    StaffAccount account;
    std::string password_hash;
};
Result<std::optional<StaffRow>> staffById(HubTx& tx, std::int64_t id);
Result<std::optional<StaffRow>> staffByName(HubTx& tx, const std::string& username);

// An audit line of a staff operation done by `by` (a username, "" for the command line: its
// staff id is looked up).
Status auditStaff(HubTx& tx, const std::string& by, UnixSeconds now, const std::string& action,
                  const std::string& target, const std::string& detail);

// A statement run for its effect.
Status runStatement(HubTx& tx, const HubSql& sql, const std::vector<SqlParam>& params,
                    std::string_view doing);

Error unknownStaff();

}  // namespace pekon::hub
