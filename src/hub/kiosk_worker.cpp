#include "hub/kiosk_worker.hpp"

#include <cstdio>

#include "hub/hub_ops.hpp"
#include "platform/clock.hpp"

namespace pekon::hub {

KioskWorker::KioskWorker(HubApi& api, std::chrono::milliseconds period, size_t batch)
    : api_(api), period_(period), batch_(batch), thread_([this] { run(); }) {}

KioskWorker::~KioskWorker() { stop(); }

void KioskWorker::wake() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        woken_ = true;
    }
    cv_.notify_one();
}

void KioskWorker::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_one();
    if (thread_.joinable()) thread_.join();
}

bool KioskWorker::stopping() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopping_;
}

void KioskWorker::run() {
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cv_.wait_for(lock, period_, [this] { return woken_ || stopping_; });
            if (stopping_) return;
            woken_ = false;
        }
        drain();
        // pekon-hub serve runs for weeks while the tables grow: the planner's statistics are
        // refreshed hourly, in the store's turn (a sampled ANALYZE is short).
        const auto now = std::chrono::steady_clock::now();
        if (now - stats_at_ >= std::chrono::hours(1)) {
            const auto turn = api_.storeTurn();
            turn.store.db().refreshPlannerStats();
            stats_at_ = now;
        }
    }
}

void KioskWorker::drain() {
    HubDb& db = api_.storeTurn().store.db();
    const StoreTurnTaker turn = [this] { return std::move(api_.storeTurn().lock); };
    int idle = 0;  // steps in a row that applied and dropped nothing
    while (!stopping()) {
        auto step = drainKioskStep(db, platform::nowSeconds(), batch_, turn);
        if (!step) {
            // Only the code and the English text: neither names a person.
            std::fprintf(stderr, "kiosk queue: %s (%s); retried later\n",
                         step.error().message_en.c_str(), step.error().code.c_str());
            return;
        }
        if (step->dropped)
            std::fprintf(stderr, "kiosk queue: %d rows dropped, their kiosk lookups failed\n",
                         step->dropped);
        if (!step->more) return;
        idle = step->rows || step->dropped ? 0 : idle + 1;
        if (idle > kKioskQueueAttempts) return;  // the next round, after `period`
    }
}

}  // namespace pekon::hub
