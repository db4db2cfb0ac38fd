#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "core/backoff.hpp"
#include "core/error.hpp"
#include "sync/client.hpp"

// Sync in the background: a thread with its own connection to the device database runs
// syncOnce when there is something to send, when the user asks, and now and then to pull
// the office's decisions; after a failure it waits by exponential backoff with full jitter
// (core/backoff). The touch UI only reads a snapshot of its state and posts requests, so a
// sync never blocks a frame.
namespace pekon::sync {

struct WorkerState {
    bool started = false;  // the thread has opened the database and read the hub link
    bool enrolled = false;
    std::string hub_url;
    std::string device_id;

    bool running = false;  // a sync (or an enrolment) is under way
    bool enrolling = false;
    SyncProgress progress;

    std::optional<UnixSeconds> last_success;
    std::optional<SyncSummary> last_summary;
    std::optional<Error> last_error;  // of the latest attempt; cleared by a success
    std::optional<UnixSeconds> last_error_at;
    int failures = 0;                         // in a row
    std::optional<UnixSeconds> next_attempt;  // of an automatic sync; none when not due
    std::optional<Error> enrol_error;         // of the latest enrolment attempt
};

// Settings the worker keeps so the Sync screen can say them after a restart (and
// kSettingLastSuccess, store/outbox.hpp).
inline constexpr const char* kSettingLastErrorCode = "sync.last_error.code";  // Error::code
inline constexpr const char* kSettingLastErrorId = "sync.last_error.id";      // message, id
inline constexpr const char* kSettingLastErrorEn = "sync.last_error.en";      // message, en
inline constexpr const char* kSettingLastErrorAt = "sync.last_error.at";      // unix seconds


struct WorkerConfig {
    std::string db_path;
    std::string device_name = "Pekon";
    ClientOptions client;                      // on_progress and cancel are the worker's own
    std::function<UnixSeconds()> clock;        // default: the system clock
    bool automatic = true;                     // sync by itself, not only when asked
    std::chrono::milliseconds poll{2000};      // how often it looks at the outbox
    std::chrono::seconds pull_every{15 * 60};  // an idle device still pulls this often
    BackoffPolicy backoff;
    std::uint64_t seed = 0;  // jitter; 0: from std::random_device
};

class SyncWorker {
  public:
    explicit SyncWorker(WorkerConfig config);
    ~SyncWorker();  // stop()
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    // Aborts a request under way (nothing unanswered is marked) and joins the thread.
    void stop();

    void syncNow();                      // now, whatever the backoff says
    void reload();                       // reads the hub link again (changed elsewhere)
    void enrol(const std::string& uri);  // then a first sync when it worked

    WorkerState state() const;
    // Waits until `done(state)` or the timeout; for tests and the CLI.
    bool waitFor(const std::function<bool(const WorkerState&)>& done,
                 std::chrono::milliseconds timeout) const;

  private:
    void run();
    void loadLink(Store& store, WorkerState& into);
    void attempt(Store& store, bool asked);
    void finishEnrolment(Store& store, const std::string& uri);
    UnixSeconds now() const;
    bool due(Store& store, UnixSeconds at);

    WorkerConfig config_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    WorkerState state_;
    bool stop_ = false;
    bool asked_ = false;
    bool reload_ = false;
    std::optional<std::string> enrol_uri_;
    std::atomic<bool> cancel_{false};
    std::mt19937_64 rng_;
    std::thread thread_;
};

}  // namespace pekon::sync
