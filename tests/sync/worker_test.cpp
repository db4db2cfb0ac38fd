// The background sync worker against a real pekon-hub on loopback.
#include "sync/worker.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "proto/signature.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "support/running_hub.hpp"
#include "sync/sync_harness.hpp"

using namespace pekon;
using namespace pekon::test;
using namespace std::chrono_literals;

namespace {

sync::WorkerConfig fastConfig(const std::string& db) {
    sync::WorkerConfig c;
    c.db_path = db;
    c.poll = 50ms;
    c.seed = 42;
    c.client.connect_timeout_s = 2;
    return c;
}

std::int64_t pending(const std::string& db) {
    auto store = Store::open(db);
    REQUIRE(store);
    return outboxCounts(**store)->pending;
}

// A port that takes connections (the kernel's backlog) and never answers: a hub behind a
// link that has stalled.
class SilentPort {
  public:
    SilentPort() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(fd_, 8) == 0);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
    }
    ~SilentPort() { ::close(fd_); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace

TEST_CASE("sync worker: enrols from the URI, sends the outbox by itself, keeps what it did",
          "[sync_worker]") {
    const std::string hub_db = tempPath("worker_hub.db");
    const std::string db = tempPath("worker_device.db");
    RunningHub hub(hub_db);
    {
        auto store = Store::open(db);
        REQUIRE(store);
        addHouseholds(**store, 1, 3);  // 15 events
    }
    sync::SyncWorker worker(fastConfig(db));
    worker.start();
    REQUIRE(worker.waitFor([](const sync::WorkerState& s) { return s.started; }, 10s));
    CHECK_FALSE(worker.state().enrolled);

    // A spent or made-up token: a clear error, still not enrolled.
    worker.enrol("pekon://enrol?hub=" + hub.url() + "&token=not-a-token");
    REQUIRE(worker.waitFor([](const sync::WorkerState& s) { return !s.enrolling; }, 20s));
    REQUIRE(worker.state().enrol_error);
    CHECK(worker.state().enrol_error->code == "bad_token");
    CHECK_FALSE(worker.state().enrolled);

    // Enrolled: the first sync follows without being asked.
    worker.enrol(newEnrolmentUri(hub_db, hub.url()));
    REQUIRE(
        worker.waitFor([](const sync::WorkerState& s) { return s.last_success.has_value(); }, 30s));
    sync::WorkerState s = worker.state();
    CHECK(s.enrolled);
    CHECK(s.hub_url == hub.url());
    REQUIRE(s.last_summary);
    CHECK(s.last_summary->accepted == 15);
    CHECK_FALSE(s.last_error);
    CHECK(pending(db) == 0);

    // Saved later, sent by the worker on its own.
    {
        auto store = Store::open(db);
        REQUIRE(store);
        addHouseholds(**store, 10, 1);
    }
    REQUIRE(worker.waitFor(
        [](const sync::WorkerState& st) {
            return st.last_summary && st.last_summary->accepted == 5 && !st.running;
        },
        30s));
    CHECK(pending(db) == 0);
    CHECK(hubEventIds(hub_db).size() == 20);

    // The state reads in well under a frame while the worker is busy.
    worker.syncNow();
    auto slowest = 0us;
    for (int i = 0; i < 2000; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        (void)worker.state();
        slowest = std::max(slowest, std::chrono::duration_cast<std::chrono::microseconds>(
                                        std::chrono::steady_clock::now() - t0));
    }
    CHECK(slowest < 16ms);
    worker.stop();

    // A new start remembers the last success.
    sync::SyncWorker again(fastConfig(db));
    again.start();
    REQUIRE(again.waitFor([](const sync::WorkerState& st) { return st.started; }, 10s));
    CHECK(again.state().enrolled);
    CHECK(again.state().last_success);
}

TEST_CASE("sync worker: a dead hub means backoff with jitter, nothing lost, the error kept",
          "[sync_worker]") {
    const std::string hub_db = tempPath("worker_dead_hub.db");
    const std::string db = tempPath("worker_dead_device.db");
    {
        RunningHub hub(hub_db);
        auto store = Store::open(db);
        REQUIRE(store);
        REQUIRE(sync::enrolDevice(**store, newEnrolmentUri(hub_db, hub.url()), "tablet"));
        addHouseholds(**store, 1, 2);
    }  // the hub is gone
    sync::WorkerConfig config = fastConfig(db);
    config.backoff.base_ms = 400;  // 0.4 s doubling, so the test sees several retries
    sync::SyncWorker worker(config);
    worker.start();
    // Retries come by themselves, each after a delay no longer than its ceiling.
    int seen = 0;
    for (int attempt = 1; attempt <= 4; ++attempt) {
        REQUIRE(worker.waitFor(
            [&](const sync::WorkerState& st) { return st.failures >= attempt && !st.running; },
            30s));
        const sync::WorkerState st = worker.state();
        REQUIRE(st.last_error);
        CHECK(st.last_error->code == "sync_unreachable");
        REQUIRE(st.next_attempt);
        REQUIRE(st.last_error_at);
        const std::int64_t wait = *st.next_attempt - *st.last_error_at;
        CHECK(wait >= 0);
        CHECK(wait * 1000 <= backoffCeilingMs(st.failures - 1, config.backoff) + 1000);
        seen = st.failures;
    }
    CHECK(seen >= 4);
    CHECK(pending(db) == 10);  // all still on the device
    worker.stop();

    // The error outlives a restart, for the Sync screen.
    sync::SyncWorker again(fastConfig(db));
    again.start();
    REQUIRE(again.waitFor([](const sync::WorkerState& st) { return st.started; }, 10s));
    REQUIRE(again.state().last_error);
    CHECK(again.state().last_error->code == "sync_unreachable");
    CHECK_FALSE(again.state().last_success);
}

TEST_CASE("sync worker: stopping aborts a stalled request at once", "[sync_worker]") {
    const std::string db = tempPath("worker_stalled.db");
    SilentPort silent;
    {
        auto store = Store::open(db);
        REQUIRE(store);
        REQUIRE(saveHubLink(**store,
                            {silent.url(), "device-1", sync::encodeSecret(sync::DeviceSecret{})}));
        addHouseholds(**store, 1, 1);
    }
    sync::WorkerConfig config = fastConfig(db);
    config.client.low_speed_time_s = 60;  // the stall alone would hold it a minute
    sync::SyncWorker worker(config);
    worker.start();
    worker.syncNow();
    REQUIRE(worker.waitFor([](const sync::WorkerState& st) { return st.running; }, 10s));
    std::this_thread::sleep_for(300ms);
    const auto t0 = std::chrono::steady_clock::now();
    worker.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 3s);
    CHECK(pending(db) == 5);
}
