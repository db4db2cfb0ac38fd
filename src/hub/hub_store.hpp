#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codec/sync_json.hpp"
#include "core/date.hpp"
#include "core/status_import.hpp"
#include "store/sqlite.hpp"
#include "sync/signature.hpp"

// pekon-hub's storage (SQLite file, mode 0600): enrolment tokens, devices, the events devices
// pushed (each id stored once), and the changes each device should pull. No HTTP here.
namespace pekon::hub {

struct Device {
    std::string id;
    std::string name;
    sync::DeviceSecret secret;
    UnixSeconds enrolled_at = 0;
    std::optional<UnixSeconds> revoked_at;
};

struct NewToken {
    std::string token;  // shown once; only its hash is stored
    UnixSeconds expires_at = 0;
};

struct Enrolment {
    std::string device_id;
    sync::DeviceSecret secret;
};

// A change for one device, in cursor order.
struct Change {
    std::int64_t cursor = 0;
    std::string type;
    std::string data;  // JSON object
};

struct StatusImportSummary {
    int imported = 0;   // rows kept
    int changes = 0;    // changes queued for devices
    int unmatched = 0;  // rows no device has registered (kept for the kiosks' status table)
};

class HubStore {
  public:
    static Result<std::unique_ptr<HubStore>> open(const std::string& path);

    // A one-time enrolment token valid for `ttl_seconds`.
    Result<NewToken> createToken(const std::string& label, UnixSeconds now,
                                 std::int64_t ttl_seconds);
    // Spends the token (unknown, used or expired: `bad_token`) and creates the device.
    Result<Enrolment> enrol(const std::string& token, const std::string& name, UnixSeconds now);
    Result<std::optional<Device>> device(const std::string& id);
    Result<std::vector<Device>> devices();
    Status revoke(const std::string& id, UnixSeconds now);  // `unknown_device` when none

    // Stores a batch from `device_id` in one transaction and answers every event: accepted
    // (stored now), duplicate (this id with the same content was stored before), rejected
    // (`id_conflict`: this id with other content; `unknown_type`, `invalid`). A member
    // registered with a NIK another household already has is kept, and both devices get a
    // `registration.duplicate_suspected` change. Nothing is answered before the commit.
    Result<PushAnswer> push(const std::string& device_id, const std::vector<WireEvent>& events,
                            UnixSeconds now);

    // The device's changes after `since` (0: from the beginning), at most `limit`.
    Result<std::vector<Change>> changes(const std::string& device_id, std::int64_t since,
                                        int limit);
    Result<std::int64_t> eventCount();

    // The office's decisions (core/status_import): each kept, and each registration of that
    // NIK and birth date gets a status change for the device that made it. One transaction.
    Result<StatusImportSummary> importStatuses(const std::vector<StatusRow>& rows, UnixSeconds now);

  private:
    explicit HubStore(sql::Connection db) : db_(std::move(db)) {}
    sql::Connection db_;
};

}  // namespace pekon::hub
