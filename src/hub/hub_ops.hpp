#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hub/hub_plan.hpp"
#include "hub/hub_store.hpp"
#include "hub/hub_tx.hpp"
#include "hub/office_state.hpp"

// Each operation of pekon-hub's store, written once over the transaction interface
// (hub_tx): read what it touches, plan (hub_plan, pure), write, commit, answer. The two
// backends (hub_db_sqlite, hub_db_postgres) only run the statements.
namespace pekon::hub {

Status initCrypto();          // libsodium; `crypto_unavailable` when it fails to start
std::string randomUrlToken(size_t bytes);  // random bytes, URL-safe base64 without padding
std::string newEnrolToken();  // 24 random bytes, URL-safe base64 without padding
std::string tokenHash(const std::string& token);  // SHA-256 hex: what is stored
Error badToken();
Error unknownDevice();

// hub_ops_enrol: tokens and devices (HubStore says what each does).
Result<NewToken> createToken(HubDb& db, const std::string& label, UnixSeconds now,
                             std::int64_t ttl_seconds, const std::string& kiosk_area);
Result<Enrolment> enrol(HubDb& db, const std::string& token, const std::string& name,
                        UnixSeconds now);
Result<std::optional<Device>> findDevice(HubDb& db, const std::string& id);
Result<std::vector<Device>> listDevices(HubDb& db);
Status revokeDevice(HubDb& db, const std::string& id, UnixSeconds now);

// hub_ops_push: events in, changes out.
Result<PushAnswer> push(HubDb& db, const std::string& device_id,
                        const std::vector<WireEvent>& events, UnixSeconds now);
// The same push without the office's read models: sync_bench's same-run reference for what
// keeping them costs, and nothing else (a hub that skipped them would need a rebuild).
Result<PushAnswer> pushWithoutReadModels(HubDb& db, const std::string& device_id,
                                         const std::vector<WireEvent>& events, UnixSeconds now);
Result<std::vector<Change>> changesFor(HubDb& db, const std::string& device_id,
                                       std::int64_t since, int limit);
Result<std::int64_t> countEvents(HubDb& db);
Result<std::vector<TimeFlagCount>> countTimeFlags(HubDb& db);
// Queues `changes` in their order, inside the caller's transaction.
Status insertChanges(HubTx& tx, const std::vector<NewChange>& changes, UnixSeconds now);

// hub_ops_status: the office's decisions.
Result<StatusImportSummary> importStatuses(HubDb& db, const std::vector<StatusRow>& rows,
                                           UnixSeconds now);

// hub_ops_decide: the change each decided member's device gets (office_read.hpp `decide`):
// registration.verified {member_id, household_id, status, date}, registration.rejected (the
// same, with reason and note), registration.correction_requested {member_id, household_id,
// reason, note, date}; `date` is the hub's day of `now`.
std::vector<NewChange> decisionChanges(const std::vector<Registration>& members,
                                       Decision decision, std::string_view reason,
                                       std::string_view note, UnixSeconds now);

// hub_ops_kiosk: the district kiosk key and the kiosk table, inside the caller's transaction.
inline constexpr const char* kKioskKeySecret = "kiosk.key";
KioskKey newKioskKey();
std::string encodeKioskKey(const KioskKey& key);  // standard base64 with padding
Result<KioskKey> decodeKioskKey(std::string_view base64);
// The district's kiosk key, made at its first use (two makers at once: one wins, both read it).
Result<KioskKey> kioskKey(HubTx& tx);
// Queues for a newly enrolled kiosk one kiosk.status per entry of its area (made since issue
// 12, with a lookup).
Status sendKioskTable(HubTx& tx, const std::string& device_id, const std::string& area,
                      UnixSeconds now);
// The kiosk entries of these people so far, by personText.
Result<std::unordered_map<std::string, KioskRecord>> kioskEntriesOf(
    HubTx& tx, const std::vector<PersonKey>& people);
// Each person's registrations with the name, village, household and KK number their events
// give, earliest member id first, by personText.
Result<std::unordered_map<std::string, std::vector<PersonRecord>>> recordsOf(
    HubTx& tx, const std::vector<PersonKey>& people);
// The kiosks not revoked, by enrolment.
Result<std::vector<KioskDevice>> activeKiosks(HubTx& tx);
Status keepKioskEntries(HubTx& tx, const std::vector<KioskRecord>& records, UnixSeconds now);

// What every writer of kiosk entries (a status import, a staff decision) does around its write
// transaction. Before it, outside any transaction: the people's kiosk lookups (kioskLookups:
// Argon2id, slow), from the key and their registrations read in a read transaction.
Result<std::unordered_map<std::string, PersonLookups>> kioskLookupsOf(
    HubDb& db, const std::vector<PersonKey>& people);
// Inside it: the people's entries after `rows` (planKioskEntries over their registrations and
// entries as stored now, read again under the write lock), kept and queued for the kiosks.
struct KioskFollowed {
    int entries = 0;
    int changes = 0;
};
Result<KioskFollowed> followKioskTable(
    HubTx& tx, const std::vector<StatusRow>& rows, const std::vector<PersonKey>& people,
    const std::unordered_map<std::string, PersonLookups>& lookups, UnixSeconds now);

}  // namespace pekon::hub
