#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock_check.hpp"
#include "core/status.hpp"
#include "hub/hub_store.hpp"
#include "proto/kiosk_lookup.hpp"

// What the hub decides, without touching storage (pure, tested without a database): an
// operation (hub_ops_*) reads what a batch touches, asks planPush / planStatusImport /
// planKioskEntries what to write and what to answer, writes it in one transaction and answers
// only after the commit.
namespace pekon::hub {

// A member registration as the hub indexes it (for duplicate NIKs and status imports).
struct Registration {
    std::string member_id;
    std::string household_id;
    std::string device_id;
    std::string nik;
    std::string birth_date;  // YYYY-MM-DD
};

struct NewChange {
    std::string device_id;
    std::string type;
    std::string data;  // JSON object
};

// What a backend reads before planning a push: the keys the batch names.
struct PushKeys {
    std::vector<std::string> event_ids;   // distinct
    std::vector<std::string> niks;        // of the member registrations, distinct
    std::vector<std::string> member_ids;  // of the member registrations, distinct
};
PushKeys pushKeys(const std::vector<WireEvent>& events);

// What the store already holds of those keys.
struct StoredForPush {
    std::unordered_map<std::string, std::string> content_hashes;  // event id -> content hash
    std::vector<Registration> registrations;  // with one of the NIKs or member ids
};

struct NewEvent {
    const WireEvent* event = nullptr;
    std::string content_hash;
    std::string time_flag;  // "": plausible (see flagEventTimes)
};

struct PushPlan {
    PushAnswer answer;                        // for every event, in batch order
    std::vector<NewEvent> events;             // to insert
    std::vector<Registration> registrations;  // to insert (member ids not yet stored)
    std::vector<NewChange> changes;           // to insert, in this order
};

// Events are taken in batch order, as if each were stored before the next is looked at: an id
// or key field with a NUL character is `invalid` (neither backend keys on it); an id
// seen earlier in the store or the batch is a duplicate (same content hash) or `id_conflict`;
// a malformed event is rejected with checkEvent's reason; a member registered with a NIK that
// another household has gets a `registration.duplicate_suspected` change for each side.
PushPlan planPush(const std::string& device_id, const std::vector<WireEvent>& events,
                  const StoredForPush& stored);

// Judges the device time of each event to insert (core/clock_check judgeEventTime) against
// `received_at` (the hub's clock now), the offset the device declared with the batch and the
// previous new event of the batch (the batch is in the device's sequence order) whose time was
// not itself impossible (before_epoch, future).
void flagEventTimes(PushPlan& plan, UnixSeconds received_at);

// The distinct (NIK, birth date) pairs of the rows, as "NIK" and "YYYY-MM-DD".
struct PersonKey {
    std::string nik;
    std::string birth_date;
    bool operator==(const PersonKey&) const = default;
};
std::vector<PersonKey> statusKeys(const std::vector<StatusRow>& rows);
std::string personText(const PersonKey& key);  // "NIK|YYYY-MM-DD", a map key

struct StatusPlan {
    StatusImportSummary summary;
    std::vector<NewChange> changes;  // in row order
};
// `registrations`: every stored registration of the rows' (NIK, birth date) pairs.
StatusPlan planStatusImport(const std::vector<StatusRow>& rows,
                            const std::vector<Registration>& registrations);

// --- Citizen kiosks (issue 6) ---------------------------------------------------------------
//
// Each hub database has one district kiosk key (32 random bytes, made at its first use, kept
// in hub_secrets under kKioskKeySecret, handed only to kiosks at their enrolment, never
// printed). After a status import or a staff decision (from the kiosk queue, hub_ops.hpp
// drainKioskQueue) the hub keeps, per person (NIK and birth date), the latest
// entry of the kiosks' card-status table (kiosk_entries) and queues a `kiosk.status` change
// for every kiosk (not revoked) whose area covers the person's route. Since issue 12 an entry
// is found by NIK and KK number, or receipt and birth date; entries kept before carry no
// `kk_lookup` in their data and are never sent again: a new kiosk's table is the entries with
// a lookup whose data has one (both backends' backfill).

// The days from a card's issue to its delivery: the ETA a kiosk shows for `card_issued`.
inline constexpr int kCardDeliveryDays = 7;
// The card ETA a kiosk shows: paid -> decided + 14 days (kCardEtaDays), card_issued ->
// decided + 7 days (kCardDeliveryDays); otherwise none.
std::optional<Date> kioskCardEta(MemberStatus status, const Date& decided);

// Which kiosks an entry goes to: the village of the person's household when the hub holds a
// registration of them, else the regency of the NIK's place of issue ("1806..." -> "18.06"),
// so a person the hub never saw registered reaches only the regency's kiosks.
std::string kioskRoute(const std::string& village_code, const std::string& nik);

struct KioskDevice {
    std::string device_id;
    std::string area;
};

// One registration of a person as the hub holds it, for a kiosk entry: the name of its
// member.registered event and the village of its household.registered event ("" unknown).
struct PersonRecord {
    std::string member_id;
    std::string name;
    std::string village_code;
    std::string household_id;  // the receipt's id
    std::string kk_number;     // of the household.registered event; "" unknown
};

// A row of kiosk_entries: a person's latest entry and where it goes.
struct KioskRecord {
    PersonKey person;
    std::string lookup;  // the data's `lookup`: "" when the entry is sent to no kiosk
    std::string route;
    std::string decided_on;  // YYYY-MM-DD of the decision it shows
    std::string data;        // the kiosk.status change's data (JSON object)
};

// A person's two lookups (hex), "" where the hub lacks what one needs.
struct PersonLookups {
    std::string kk;       // kkLookupKey(key, NIK, KK number of their household)
    std::string receipt;  // receiptLookupKey(key, household id, birth date)
};

// The lookups of `people` (by personText): the KK lookup by the KK number of their first
// registration (earliest member id) whose household has one, the receipt lookup by the
// household id of their first registration (pekon://receipt?id=<household id>). People with
// no registration are left out. Computed for every queued row's person (Argon2id, about 12 ms
// and 16 MiB each) on up to 4 threads, by the kiosk queue's drain outside any transaction.
Result<std::unordered_map<std::string, PersonLookups>> kioskLookups(
    const KioskKey& key, const std::vector<PersonKey>& people,
    const std::unordered_map<std::string, std::vector<PersonRecord>>& records);

struct KioskPlan {
    std::vector<KioskRecord> entries;  // to upsert, one per person whose entry changed
    std::vector<NewChange> changes;    // kiosk.status, in the order of `entries`
};
// The rows (in file order) against each person's entry so far (`previous`, by personText):
// a row decided on the same day as the entry or later replaces it (the later row of a file
// wins a tie); an older decision, or one that makes the same entry again, changes nothing. A new
// entry keeps the class, facility and masked card number of the one it replaces when its row leaves
// them empty. The name is maskName of the first registration's name (by member id) that has one,
// the route from the first that has a village. `people`: the registrations of each person
// (personText), earliest member id first; `lookups`: kioskLookups of the people. An entry with
// neither lookup (the hub knows no registration of the person) is kept but sent to no kiosk:
// a NIK alone never finds a row.
KioskPlan planKioskEntries(const std::vector<StatusRow>& rows,
                           const std::unordered_map<std::string, PersonLookups>& lookups,
                           const std::unordered_map<std::string, std::vector<PersonRecord>>& people,
                           const std::unordered_map<std::string, KioskRecord>& previous,
                           const std::vector<KioskDevice>& kiosks);

}  // namespace pekon::hub
