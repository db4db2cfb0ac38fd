// Issue 5, proof one: 1,000 events reach a real pekon-hub exactly once through a link that
// fails about 30% of requests in every way a field link does (dropped mid-request, replies
// cut short or reset after the hub committed, a stall past the client's timeout, a proxy's
// 500/503, a captive portal's 200), with the device's sync simply run again after a failure.
#include "support/fault_proxy.hpp"

#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <thread>

#include "store/outbox.hpp"
#include "support/running_hub.hpp"
#include "sync/client.hpp"
#include "sync/sync_harness.hpp"

using namespace pekon;
using namespace pekon::test;

TEST_CASE("sync through a link failing 30% of requests stores 1000 events exactly once",
          "[sync_faults]") {
    const std::uint64_t seed = testSeed("fault proxy test");
    INFO("seed " << seed);
    const std::string hub_db = tempPath("faults_hub.db");
    const std::string db = tempPath("faults_device.db");
    RunningHub hub(hub_db);

    const int fds_before = openFds();
    // No faults while the device enrols; 30% failures and 15% delays from then on.
    FaultProxy proxy({.upstream_port = hub.port(),
                      .seed = seed,
                      .failure_rate = 0,
                      .delay_rate = 0,
                      .delay_min_ms = 50,
                      .delay_max_ms = 300});

    sync::ClientOptions client;
    client.connect_timeout_s = 2;
    // A stalled reply is given up after 3 s under 1 byte/s (libcurl's speed is an average over
    // its last few seconds, so 3 to 9 s in all).
    client.low_speed_time_s = 3;
    client.low_speed_bytes = 1;

    auto store = Store::open(db);
    REQUIRE(store);
    REQUIRE(sync::enrolDevice(**store, newEnrolmentUri(hub_db, proxy.url()), "tablet", client));
    proxy.setRates(0.3, 0.15);

    // The outbox is filled in waves, each synced until it is empty, as a volunteer's day goes:
    // first 500 events at once (one batch, gzip), then twenty waves of 25 (five households).
    constexpr int kEvents = 1000;
    std::vector<int> waves = {100};
    while (static_cast<int>(waves.size()) < 21) waves.push_back(5);
    int created = 0, next_household = 0, attempts = 0, ok_runs = 0;
    std::map<std::string, int> errors;
    const auto started = std::chrono::steady_clock::now();
    for (const int households : waves) {
        created += addHouseholds(**store, next_household, households);
        next_household += households;
        for (int tries = 0;; ++tries) {
            REQUIRE(tries < 100);  // a sync that never gets through is a hang, not bad luck
            ++attempts;
            auto run = sync::syncOnce(**store, unixNow(), client);
            if (run) {
                ++ok_runs;
                CHECK(run->rejected == 0);
                auto counts = (*store)->outboxCounts();
                REQUIRE(counts);
                if (counts->pending == 0) break;
            } else {
                ++errors[run.error().code];
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    proxy.stop();

    std::cout << proxy.table();
    std::cout << "sync runs: " << attempts << " (" << ok_runs << " completed";
    for (const auto& [code, n] : errors) std::cout << ", " << n << " " << code;
    auto counts = (*store)->outboxCounts();
    REQUIRE(counts);
    // (A run whose pull failed after its pushes were answered reports an error, not its
    // summary: the device's own counts are the whole story.)
    std::cout << ") in " << seconds << " s; the device holds " << counts->accepted << " accepted, "
              << counts->duplicate << " duplicates, " << counts->rejected << " rejected, "
              << counts->pending << " pending\n";

    // Every failure was one the client is meant to report and retry, never another kind.
    for (const auto& [code, n] : errors) {
        INFO(code << " x" << n);
        CHECK((code == "sync_unreachable" || code == "not_hub_answer"));
    }
    // Every kind of fault happened at least once.
    for (Fault f : failingFaults()) {
        INFO(faultName(f));
        CHECK(proxy.count(f) >= 1);
    }
    CHECK(proxy.count(Fault::delay) >= 1);

    // The hub holds each of the device's events exactly once.
    REQUIRE(created == kEvents);
    CHECK(hubEventCount(hub_db) == kEvents);
    CHECK(hubStatsEvents(hub_db) == kEvents);
    CHECK(hubRepeatedIds(hub_db) == 0);
    CHECK(hubEventIds(hub_db) == deviceEventIds(db));

    // The device: nothing pending, nothing rejected, every event marked from an answer that
    // named it (replies lost after the commit come back as duplicates).
    CHECK(counts->pending == 0);
    CHECK(counts->rejected == 0);
    CHECK(counts->accepted + counts->duplicate == kEvents);
    CHECK(deviceEventIds(db, "pending").empty());
    // A reply reset after the commit leaves its batch on the hub and pending on the device:
    // the next push gets it answered as duplicates.
    if (proxy.count(Fault::reset_after_commit) > 0) CHECK(counts->duplicate > 0);

    // The proxy stopped: its threads are joined (ASan's leak check would see them otherwise)
    // and every socket it opened is closed.
    store->reset();
    CHECK(openFds() == fds_before);
    CHECK(hub.stop() == 0);
}
