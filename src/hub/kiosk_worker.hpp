#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

#include "hub/hub_api.hpp"

// pekon-hub serve's background thread that drains the kiosk follow-up queue (hub_ops.hpp
// drainKioskQueue): at start (rows a previous run left), whenever woken (a decision or a status
// upload queued rows), and every `period` (rows another process queued). It takes the store's
// turn (HubApi::storeTurn) only around each step's short transactions, never while the lookups
// are computed, so the console and the devices' pushes wait at most for one step's write.
namespace pekon::hub {

class KioskWorker {
  public:
    KioskWorker(HubApi& api, std::chrono::milliseconds period, size_t batch);
    ~KioskWorker();
    KioskWorker(const KioskWorker&) = delete;
    KioskWorker& operator=(const KioskWorker&) = delete;

    void wake();
    // Lets the step under way finish (a step cut short leaves its rows queued), then joins.
    void stop();

  private:
    void run();
    void drain();
    bool stopping();

    HubApi& api_;
    const std::chrono::milliseconds period_;
    const size_t batch_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool woken_ = true;  // the first round drains what an earlier run left
    // When the planner's statistics were last refreshed (the store's open refreshes them).
    std::chrono::steady_clock::time_point stats_at_ = std::chrono::steady_clock::now();
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace pekon::hub
