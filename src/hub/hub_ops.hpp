#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
// The hub's secret half of its sealed-box key pair (issue 16: devices seal the personal part
// of their events for it), made at its first use like the kiosk key; base64 of 32 bytes.
inline constexpr const char* kSealKeySecret = "seal.key";
Result<std::string> sealSecret(HubDb& db);
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

// The people's kiosk lookups (kioskLookups: Argon2id, slow), from the key and their
// registrations read in a read transaction; computed outside any transaction.
Result<std::unordered_map<std::string, PersonLookups>> kioskLookupsOf(
    HubDb& db, const std::vector<PersonKey>& people);
// Inside a write transaction: the people's entries after `rows` (planKioskEntries over
// `records`, their registrations as recordsOf read them in this transaction, and their entries
// as stored now), kept and queued for the kiosks. Only the kiosk queue's drain calls it.
struct KioskFollowed {
    int entries = 0;
    int changes = 0;
};
Result<KioskFollowed> followKioskTable(
    HubTx& tx, const std::vector<StatusRow>& rows, const std::vector<PersonKey>& people,
    const std::unordered_map<std::string, PersonLookups>& lookups,
    const std::unordered_map<std::string, std::vector<PersonRecord>>& records, UnixSeconds now);

// hub_ops_kiosk_queue: the kiosks' table follows every writer of statuses (a status import, a
// staff decision) from a durable queue (kiosk_queue, schema v6). The writer queues its rows in
// its own write transaction and commits at once; the drain applies them later, oldest first,
// each decision or import (an origin) planned on its own as it would have been at once.
//
// Queues `rows` in their order as one origin, inside the caller's write transaction; how many.
Result<int> queueKioskRows(HubTx& tx, const std::vector<StatusRow>& rows, UnixSeconds now);

// Drains whose lookups for a person failed before that person's rows are dropped (counted in
// KioskDrained::dropped): a person the hub cannot hash for does not stop the queue.
inline constexpr int kKioskQueueAttempts = 3;
inline constexpr size_t kKioskDrainBatch = 250;  // queue rows a drain step takes at most

// One step's batch: the oldest origin's first rows (at most the step's limit), in order, what
// their lookups are computed from (read in a read transaction) and, once computed, the lookups.
struct KioskBatch {
    std::int64_t origin = 0;
    std::int64_t first_id = 0;
    std::int64_t last_id = 0;
    std::vector<PersonKey> people;  // distinct, in the order first named
    KioskKey key;
    std::unordered_map<std::string, std::vector<PersonRecord>> records;  // by personText
    // Computed by computeKioskBatch, outside any transaction:
    std::unordered_map<std::string, PersonLookups> lookups;  // by personText
    std::unordered_set<std::string> failed;  // people whose lookups could not be computed
};
// The next batch (nothing when the queue is empty), inside the caller's transaction (read).
Result<std::optional<KioskBatch>> readKioskBatch(HubTx& tx, size_t limit);
// The batch's lookups (Argon2id, slow): no database.
void computeKioskBatch(KioskBatch& batch);

struct KioskDrained {
    int rows = 0;       // queue rows applied to the kiosks' table
    int entries = 0;    // people whose kiosk entry changed
    int changes = 0;    // kiosk.status changes queued for kiosks
    int dropped = 0;    // rows dropped after kKioskQueueAttempts failed lookups of their person
    bool more = false;  // rows are still queued
    KioskDrained& operator+=(const KioskDrained& o);
};
// Inside the caller's write transaction: the batch's rows still queued are read again, applied
// in order (followKioskTable) and deleted, up to the first row of a person whose registrations
// changed since the batch was read (their lookups would be stale) or whose lookups failed (the
// attempts of that person's rows go up): those rows stay queued for the next step. A batch
// applied twice, or after another drain applied it, changes nothing the second time.
Result<KioskDrained> applyKioskBatch(HubTx& tx, const KioskBatch& batch, UnixSeconds now);

// The store's turn (HubApi::storeTurn's lock) taken around each transaction of a drain, never
// while the lookups are computed; an empty function when nothing else uses the store.
using StoreTurnTaker = std::function<std::unique_lock<std::mutex>()>;
// One step: read a batch (read transaction), compute its lookups (no transaction), apply it
// (one short write transaction). A crash between the steps leaves the rows queued.
Result<KioskDrained> drainKioskStep(HubDb& db, UnixSeconds now, size_t limit = kKioskDrainBatch,
                                    const StoreTurnTaker& turn = {});
// Steps until the queue is empty (or a few steps in a row apply and drop nothing: `more`).
Result<KioskDrained> drainKioskQueue(HubDb& db, UnixSeconds now, size_t limit = kKioskDrainBatch,
                                     const StoreTurnTaker& turn = {});

}  // namespace pekon::hub
