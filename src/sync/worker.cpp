#include "sync/worker.hpp"

#include <utility>

#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "store/settings.hpp"

namespace pekon::sync {

namespace {

std::string settingText(Store& store, const char* key) {
    auto value = readSetting(store, key);
    return value && value->has_value() ? **value : std::string();
}

}  // namespace

SyncWorker::SyncWorker(WorkerConfig config)
    : config_(std::move(config)), rng_(config_.seed ? config_.seed : std::random_device{}()) {}

SyncWorker::~SyncWorker() {
    stop();
}

void SyncWorker::start() {
    if (thread_.joinable()) return;
    thread_ = std::thread([this] { run(); });
}

void SyncWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cancel_ = true;
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SyncWorker::syncNow() {
    {
        std::lock_guard lock(mutex_);
        asked_ = true;
    }
    changed_.notify_all();
}

void SyncWorker::reload() {
    {
        std::lock_guard lock(mutex_);
        reload_ = true;
    }
    changed_.notify_all();
}

void SyncWorker::enrol(const std::string& uri) {
    {
        std::lock_guard lock(mutex_);
        enrol_uri_ = uri;
        state_.enrolling = true;
        state_.enrol_error.reset();
    }
    changed_.notify_all();
}

WorkerState SyncWorker::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

bool SyncWorker::waitFor(const std::function<bool(const WorkerState&)>& done,
                         std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return done(state_); });
}

UnixSeconds SyncWorker::now() const {
    if (config_.clock) return config_.clock();
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void SyncWorker::run() {
    auto opened = Store::open(config_.db_path);
    std::unique_ptr<Store> store;
    WorkerState loaded;
    loaded.started = true;
    if (!opened) {
        loaded.last_error = opened.error();
    } else {
        store = std::move(opened.value());
        loadLink(*store, loaded);
        loaded.last_success = lastSyncSuccess(*store);
        if (const std::string code = settingText(*store, kSettingLastErrorCode); !code.empty()) {
            loaded.last_error = Error{code, settingText(*store, kSettingLastErrorId),
                                      settingText(*store, kSettingLastErrorEn)};
            loaded.last_error_at = readSettingNumber(*store, kSettingLastErrorAt);
        }
    }
    {
        std::lock_guard lock(mutex_);
        const bool enrolling = state_.enrolling;
        state_ = loaded;
        state_.enrolling = enrolling;
    }
    changed_.notify_all();

    for (;;) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, config_.poll,
                          [&] { return stop_ || asked_ || reload_ || enrol_uri_; });
        if (stop_) break;
        if (!store) continue;  // the database did not open: the error is on show
        if (std::exchange(reload_, false)) {
            WorkerState linked;
            lock.unlock();
            loadLink(*store, linked);
            lock.lock();
            state_.enrolled = linked.enrolled;
            state_.hub_url = linked.hub_url;
            state_.device_id = linked.device_id;
            lock.unlock();
            changed_.notify_all();
            continue;
        }
        if (enrol_uri_) {
            const std::string uri = std::exchange(enrol_uri_, std::nullopt).value();
            lock.unlock();
            finishEnrolment(*store, uri);
            continue;
        }
        const bool asked = std::exchange(asked_, false);
        lock.unlock();
        if (asked || (config_.automatic && due(*store, now()))) attempt(*store, asked);
    }
}

void SyncWorker::loadLink(Store& store, WorkerState& into) {
    auto link = readHubLink(store);
    const bool linked = link && link->has_value();
    into.enrolled = linked;
    into.hub_url = linked ? (*link)->hub_url : "";
    into.device_id = linked ? (*link)->device_id : "";
}

bool SyncWorker::due(Store& store, UnixSeconds at) {
    std::optional<UnixSeconds> last_success, next_attempt;
    {
        std::lock_guard lock(mutex_);
        if (!state_.enrolled) return false;
        last_success = state_.last_success;
        next_attempt = state_.next_attempt;
    }
    if (next_attempt && at < *next_attempt) return false;  // backing off
    if (!last_success || at - *last_success >= config_.pull_every.count()) return true;
    auto counts = outboxCounts(store);
    return counts && counts->pending > 0;
}

void SyncWorker::attempt(Store& store, bool asked) {
    {
        std::lock_guard lock(mutex_);
        if (!state_.enrolled && !asked) return;
        state_.running = true;
        state_.progress = {};
    }
    changed_.notify_all();
    ClientOptions options = config_.client;
    options.cancel = &cancel_;
    options.on_progress = [this](const SyncProgress& p) {
        {
            std::lock_guard lock(mutex_);
            state_.progress = p;
        }
        changed_.notify_all();
    };
    auto result = syncOnce(store, now(), options);
    const UnixSeconds at = now();
    std::optional<Error> failure;
    {
        std::lock_guard lock(mutex_);
        state_.running = false;
        if (result) {
            state_.last_success = at;
            state_.last_summary = *result;
            state_.last_error.reset();
            state_.last_error_at.reset();
            state_.failures = 0;
            state_.next_attempt.reset();
        } else if (result.error().code != "sync_cancelled") {
            failure = result.error();
            state_.last_error = result.error();
            state_.last_error_at = at;
            const std::int64_t wait_ms = backoffDelayMs(state_.failures, rng_(), config_.backoff);
            ++state_.failures;
            if (config_.automatic) state_.next_attempt = at + (wait_ms + 999) / 1000;
        }
    }
    changed_.notify_all();
    // Kept for the next start; a failure to keep them only loses what the screen recalls.
    if (result) {
        (void)writeSetting(store, kSettingLastSuccess, std::to_string(at));
        (void)writeSetting(store, kSettingLastErrorCode, "");
    } else if (failure) {
        (void)writeSetting(store, kSettingLastErrorCode, failure->code);
        (void)writeSetting(store, kSettingLastErrorId, failure->message_id);
        (void)writeSetting(store, kSettingLastErrorEn, failure->message_en);
        (void)writeSetting(store, kSettingLastErrorAt, std::to_string(at));
    }
}

void SyncWorker::finishEnrolment(Store& store, const std::string& uri) {
    {
        std::lock_guard lock(mutex_);
        state_.running = true;
    }
    changed_.notify_all();
    ClientOptions options = config_.client;
    options.cancel = &cancel_;
    auto enrolled = enrolDevice(store, uri, config_.device_name, options);
    auto link = readHubLink(store);
    {
        std::lock_guard lock(mutex_);
        state_.running = false;
        state_.enrolling = false;
        if (!enrolled) {
            state_.enrol_error = enrolled.error();
        } else if (link && link->has_value()) {
            state_.enrolled = true;
            state_.hub_url = (*link)->hub_url;
            state_.device_id = (*link)->device_id;
            state_.enrol_error.reset();
            state_.next_attempt.reset();
            state_.failures = 0;
            asked_ = true;  // the first sync follows at once
        }
    }
    changed_.notify_all();
}

}  // namespace pekon::sync
