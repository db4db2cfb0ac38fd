#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "core/status_import.hpp"
#include "hub/hub_tx.hpp"
#include "proto/signature.hpp"
#include "proto/sync_json.hpp"
#include "vault/sealed_box.hpp"

// pekon-hub's storage: enrolment tokens, devices, the events devices pushed (each id stored
// once), and the changes each device should pull. No HTTP here. Two backends behind one
// interface: SQLite (a 0600 file; hub_db_sqlite) and PostgreSQL (libpq;
// hub_db_postgres). What both must decide the same way (duplicate vs id_conflict, the
// duplicate-NIK changes, status changes) lives once, in hub_plan, and each operation is
// written once over both (hub_ops_*).
namespace pekon::hub {

struct Device {
    std::string id;
    std::string name;
    sync::DeviceSecret secret;
    UnixSeconds enrolled_at = 0;
    std::optional<UnixSeconds> revoked_at;
    std::string kiosk_area;  // a citizen kiosk serving this region; "" for an ordinary device
};

struct NewToken {
    std::string token;  // shown once; only its hash is stored
    UnixSeconds expires_at = 0;
};

// What a kiosk receives at its enrolment: its area and the district's kiosk key.
struct KioskGrant {
    std::string area;
    sync::DeviceSecret key;  // 32 bytes, like a device secret
};

struct Enrolment {
    std::string device_id;
    sync::DeviceSecret secret;
    std::optional<KioskGrant> kiosk;  // only for a kiosk token
};

// A change for one device, in cursor order.
struct Change {
    std::int64_t cursor = 0;
    std::string type;
    std::string data;  // JSON object
};

struct StatusImportSummary {
    int imported = 0;       // rows kept
    int changes = 0;        // changes queued for devices
    int unmatched = 0;      // rows no device has registered (kept for the kiosks' status table)
    int kiosk_queued = 0;   // rows queued for the kiosks' card-status table (drainKioskQueue)
};

struct TimeFlagCount {
    std::string flag;  // core/clock_check eventTimeFlagName
    std::int64_t events = 0;
};

class HubStore {
  public:
    virtual ~HubStore() = default;

    // Whether calls may come from several threads at once (the PostgreSQL store keeps a small
    // pool of connections). When false the caller serialises every call.
    virtual bool concurrent() const { return false; }

    // The backend itself, for the office console's operations (office_*.hpp), which are
    // written over it directly. A store that is not concurrent is used by one caller at a time.
    virtual HubDb& db() = 0;

    // A one-time enrolment token valid for `ttl_seconds`. With a `kiosk_area` (a checked
    // core/kiosk_area code) the device it enrols is a citizen kiosk for that area.
    virtual Result<NewToken> createToken(const std::string& label, UnixSeconds now,
                                         std::int64_t ttl_seconds,
                                         const std::string& kiosk_area) = 0;
    Result<NewToken> createToken(const std::string& label, UnixSeconds now,
                                 std::int64_t ttl_seconds) {
        return createToken(label, now, ttl_seconds, std::string());
    }
    // Spends the token (unknown, used or expired: `bad_token`) and creates the device. A
    // kiosk token's enrolment also hands out the district's kiosk key (made at its first use)
    // and queues for the new kiosk a `kiosk.status` change of every entry of its area, in the
    // same transaction.
    virtual Result<Enrolment> enrol(const std::string& token, const std::string& name,
                                    UnixSeconds now) = 0;
    virtual Result<std::optional<Device>> device(const std::string& id) = 0;
    virtual Result<std::vector<Device>> devices() = 0;
    virtual Status revoke(const std::string& id, UnixSeconds now) = 0;  // `unknown_device`

    // Stores a batch from `device_id` in one transaction and answers every event: accepted
    // (stored now), duplicate (this id with the same content was stored before), rejected
    // (`id_conflict`: this id with other content; `unknown_type`, `invalid`). A member
    // registered with a NIK another household already has is kept, and both devices get a
    // `registration.duplicate_suspected` change. Nothing is answered before the commit.
    virtual Result<PushAnswer> push(const std::string& device_id,
                                    const std::vector<WireEvent>& events, UnixSeconds now) = 0;

    // The device's changes after `since` (0: from the beginning), at most `limit`.
    virtual Result<std::vector<Change>> changes(const std::string& device_id, std::int64_t since,
                                                int limit) = 0;
    virtual Result<std::int64_t> eventCount() = 0;
    // The hub's sealed-box keys (issue 16), made at the first call and kept in the database.
    virtual Result<vault::BoxKeys> sealKeys() = 0;
    // How many stored events have each time flag (hub_plan: flagEventTimes), by flag
    // name; flags no event has are left out.
    virtual Result<std::vector<TimeFlagCount>> timeFlagCounts() = 0;

    // The office's decisions (core/status_import): each kept, and each registration of that
    // NIK and birth date gets a status change for the device that made it, in one transaction
    // that also queues the rows for the kiosks' table (kiosk_queue). Each person's kiosk entry
    // is brought up to date and sent to the kiosks of their area (hub_plan: planKioskEntries)
    // when the queue is drained (hub_ops.hpp drainKioskQueue: serve's worker, or the command
    // line's `status import` before it exits).
    virtual Result<StatusImportSummary> importStatuses(const std::vector<StatusRow>& rows,
                                                       UnixSeconds now) = 0;
};

struct HubStoreOptions {
    // PostgreSQL: at most this many connections (opened as needed; one is opened at once).
    // SQLite always has one.
    int connections = 1;
};

// Opens (and creates or migrates the schema of) the store named by `db_url`:
// `sqlite:PATH` or a bare PATH for SQLite, `postgresql://...` or `postgres://...` (a libpq
// URI) for PostgreSQL. Errors: `bad_db_url`, `postgres_unreachable`, `hub_schema_newer`,
// `db_open_failed`, `db_error`...
Result<std::unique_ptr<HubStore>> openHubStore(const std::string& db_url,
                                               const HubStoreOptions& options = {});

}  // namespace pekon::hub
