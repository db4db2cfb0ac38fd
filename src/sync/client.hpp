#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"

// The device's side of sync protocol version 1 over libcurl: enrolment, and one sync run
// (health probe, the outbox pushed in batches, then the office's changes pulled by cursor).
namespace pekon::sync {

// Where a sync run is, for a progress bar: events pushed of those pending at the start, then
// changes pulled so far (their total is not known in advance).
struct SyncProgress {
    enum class Stage { probe, push, pull } stage = Stage::probe;
    std::int64_t pushed = 0;
    std::int64_t to_push = 0;
    std::int64_t pulled = 0;
};

struct ClientOptions {
    long connect_timeout_s = 10;
    long low_speed_time_s = 20;  // abort when under low_speed_bytes/s for this long (2G)
    long low_speed_bytes = 100;
    std::string ca_file;  // TLS: verification is always on; another CA bundle if set
    // Called on the syncing thread between requests.
    std::function<void(const SyncProgress&)> on_progress;
    // When it becomes true the request under way is aborted (`sync_cancelled`); nothing the
    // hub has not answered is marked.
    const std::atomic<bool>* cancel = nullptr;
};

// `pekon://enrol?hub=...&token=...`: spends the token at the hub and keeps the link (hub URL,
// device id, secret; for a kiosk token also the kiosk's area and the district's kiosk key) in
// the device settings, in one transaction (store/outbox: saveHubLink). Errors: `enrol_uri`
// (not such a URI), `sync_unreachable`, `bad_token`, `not_hub_answer`.
Status enrolDevice(Store& store, const std::string& uri, const std::string& device_name,
                   const ClientOptions& options = {});

struct SyncSummary {
    int pushed = 0;
    int accepted = 0;
    int duplicates = 0;
    int rejected = 0;
    int pulled = 0;
};

// One run: the health probe, then every pending event in batches of at most 1000 (gzip when
// over 1 KiB), each answer applied before the next batch. Errors: `not_enrolled`,
// `sync_unreachable` (network, timeout, 5xx, 429), `not_hub_answer` (a 200 that is not the
// hub's answer: nothing is marked), `unauthorized`/`revoked`, `sync_cancelled`. Then the
// changes after the stored cursor, page by page (store/hub_changes).
Result<SyncSummary> syncOnce(Store& store, UnixSeconds now, const ClientOptions& options = {});

}  // namespace pekon::sync
