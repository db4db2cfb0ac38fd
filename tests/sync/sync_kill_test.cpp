// Issue 5, proof two: `pekon sync` (the real CLI) killed with SIGKILL at random points of a
// sync, 50 times, against a real pekon-hub: before the push, mid-request, after the hub
// committed a batch but before the device marked it, between batches. Then one sync to the
// end: the hub holds every event the device made, each id once, the outbox is empty and the
// device database passes integrity_check.
#include <signal.h>

#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "app/run_cli.hpp"
#include "store/event_log.hpp"
#include "store/verify.hpp"
#include "support/fault_proxy.hpp"
#include "support/running_hub.hpp"
#include "sync/client.hpp"
#include "sync/sync_harness.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

using Clock = std::chrono::steady_clock;

// Watches a running `pekon sync`: whether it has ended, and when the hub first answered one
// of its pushes (the proxy read the answer whole).
struct Watch {
    pid_t pid = -1;
    int replies_before = 0;
    Clock::time_point started = Clock::now();
    std::optional<Clock::time_point> first_answer;
    int status = 0;
    bool ended = false;

    // Polls until `done()` holds, the child ends, or `ms` pass; true when the child ended.
    template <class Done>
    bool until(const FaultProxy& proxy, int ms, Done done) {
        const auto deadline = Clock::now() + std::chrono::milliseconds(ms);
        for (;;) {
            if (!first_answer && proxy.pushRepliesRead() > replies_before)
                first_answer = Clock::now();
            if (!ended) ended = ::waitpid(pid, &status, WNOHANG) == pid;
            if (ended || done() || Clock::now() >= deadline) return ended;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
};

// The device and the hub side by side, counted by SQLite over both files (the hub's attached
// read-only to a read-only connection to the device's).
struct Snapshot {
    std::int64_t hub_events = 0;
    std::int64_t pending = 0;
    std::int64_t synced_not_on_hub = 0;     // marked synced, yet the hub never stored it: lost
    std::int64_t on_hub_not_device = 0;     // on the hub, not an event of this device
    std::int64_t on_hub_still_pending = 0;  // stored, the device not told yet: resent next time
};

Snapshot snapshot(const std::string& db, const std::string& hub_db) {
    auto c = sql::Connection::open(db, true);
    REQUIRE(c);
    auto attach = c->prepare("ATTACH DATABASE ? AS hub");
    REQUIRE(attach);
    attach->bind(1, hub_db);
    REQUIRE(attach->run("attach the hub"));
    auto number = [&](const char* query) {
        auto n = c->queryInt(query);
        REQUIRE(n);
        return *n;
    };
    Snapshot s;
    s.hub_events = number("SELECT count(*) FROM hub.events");
    s.pending = number(
        "SELECT count(*) FROM main.events WHERE origin = 'device' AND sync_state = 'pending'");
    s.synced_not_on_hub = number(
        "SELECT count(*) FROM main.events WHERE origin = 'device' AND sync_state <> 'pending' "
        "AND id NOT IN (SELECT id FROM hub.events)");
    s.on_hub_not_device = number(
        "SELECT count(*) FROM hub.events WHERE id NOT IN "
        "(SELECT id FROM main.events WHERE origin = 'device')");
    s.on_hub_still_pending = number(
        "SELECT count(*) FROM main.events WHERE origin = 'device' AND sync_state = 'pending' "
        "AND id IN (SELECT id FROM hub.events)");
    return s;
}

// Where a kill is aimed.
enum class Aim {
    early,        // within the first 150 ms: start-up, the store, the health probe
    anywhere,     // at a random time up to a little past the first batch
    after_commit  // just after the hub answered a push, while the proxy holds the answer
};

const char* aimName(Aim aim) {
    return aim == Aim::early      ? "in the first 150 ms"
           : aim == Aim::anywhere ? "anywhere up to twice the first answer"
                                  : "just after the hub answered a push";
}

// Starts `pekon sync` and kills it `delay_ms` after the start (after the hub's first answer to
// a push, held back by the proxy, for after_commit). The watch tells how it ended.
Watch syncAndKill(FaultProxy& proxy, const std::string& db, Aim aim, int delay_ms) {
    const std::string dir = tempDir();
    if (aim == Aim::after_commit) proxy.setPushReplyHold(400);
    Watch watch;
    watch.replies_before = proxy.pushRepliesRead();
    watch.pid = startCli({"sync", "--db", db}, dir);
    if (aim == Aim::after_commit) {
        watch.until(proxy, 30000, [&] { return watch.first_answer.has_value(); });
        REQUIRE((watch.ended || watch.first_answer));
    }
    watch.until(proxy, delay_ms, [] { return false; });
    if (!watch.ended) {
        REQUIRE(::kill(watch.pid, SIGKILL) == 0);
        REQUIRE(::waitpid(watch.pid, &watch.status, 0) == watch.pid);
    }
    proxy.setPushReplyHold(0);
    if (!(WIFSIGNALED(watch.status) && WTERMSIG(watch.status) == SIGKILL)) {
        // It finished before the kill: then it must have succeeded.
        INFO("stderr: " << readWholeFile(dir + "/stderr"));
        REQUIRE(WIFEXITED(watch.status));
        REQUIRE(WEXITSTATUS(watch.status) == 0);
    }
    return watch;
}

}  // namespace

TEST_CASE("pekon sync killed at random points 50 times: no event lost, none stored twice",
          "[sync_kill]") {
    const std::uint64_t seed = testSeed("sync kill test");
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    const std::string hub_db = tempPath("kill_hub.db");
    const std::string db = tempPath("kill_device.db");
    RunningHub hub(hub_db);

    // Delays only (half the requests, once the device is enrolled): the link is slow at random
    // places, the kills do the damage.
    FaultProxy proxy({.upstream_port = hub.port(),
                      .seed = seed,
                      .failure_rate = 0,
                      .delay_rate = 0,
                      .delay_min_ms = 20,
                      .delay_max_ms = 300});

    constexpr int kInitialHouseholds = 600;  // 3,000 events: three batches
    constexpr int kLowWater = 2000;          // fewer pending than two batches: 1,000 more are added
    constexpr int kTopUp = 200;              // households
    int created = 0, next_household = 0;
    {
        auto store = Store::open(db);
        REQUIRE(store);
        REQUIRE(sync::enrolDevice(**store, newEnrolmentUri(hub_db, proxy.url()), "tablet"));
        created += addHouseholds(**store, next_household, kInitialHouseholds);
        next_household += kInitialHouseholds;
    }
    proxy.setRates(0, 0.5);

    constexpr int kKills = 50;
    // From start to the hub's first answer, in ms: measured as the rounds go (a guess first).
    double first_answer_ms = 1000;
    int kills = 0, rounds = 0;
    int finished_first = 0, hub_ahead = 0;
    std::map<std::string, int> aims, interrupted;
    const auto started = Clock::now();
    while (kills < kKills) {
        REQUIRE(rounds < 3 * kKills);  // most rounds must end in a kill
        ++rounds;
        INFO("round " << rounds << ", " << kills << " kills so far");
        {
            // The database a kill left behind opens, passes quick_check and takes new events.
            auto store = Store::open(db);
            REQUIRE(store);
            REQUIRE_FALSE((*store)->damage());
            auto counts = outboxCounts(**store);
            REQUIRE(counts);
            const int more = counts->pending < kLowWater
                                 ? kTopUp
                                 : std::uniform_int_distribution<int>(0, 2)(rng);
            if (more > 0) {
                created += addHouseholds(**store, next_household, more);
                next_household += more;
            }
        }
        const Snapshot before = snapshot(db, hub_db);

        // Where to aim: mostly anywhere in the first batch and a little past it (start-up,
        // probe, push, the hub's commit, the answer, the marking, the next push).
        const int pick = std::uniform_int_distribution<int>(0, 19)(rng);
        const Aim aim = pick < 3 ? Aim::early : pick < 14 ? Aim::anywhere : Aim::after_commit;
        const int window_ms = aim == Aim::early      ? 150
                              : aim == Aim::anywhere ? static_cast<int>(2 * first_answer_ms)
                                                     : 100;
        const int delay_ms = std::uniform_int_distribution<int>(0, window_ms)(rng);
        const Watch watch = syncAndKill(proxy, db, aim, delay_ms);
        if (watch.first_answer)
            first_answer_ms =
                0.7 * first_answer_ms +
                0.3 * std::chrono::duration<double, std::milli>(*watch.first_answer - watch.started)
                          .count();
        if (!WIFSIGNALED(watch.status)) {
            ++finished_first;
            continue;
        }
        ++kills;
        ++aims[aimName(aim)];

        // What the kill left: nothing marked synced that the hub does not hold, nothing on
        // the hub the device did not make.
        const Snapshot after = snapshot(db, hub_db);
        CHECK(after.synced_not_on_hub == 0);
        CHECK(after.on_hub_not_device == 0);
        const bool stored = after.hub_events > before.hub_events;
        const bool answered = proxy.pushRepliesRead() > watch.replies_before;
        const bool marked = after.pending < before.pending;
        if (marked)
            ++interrupted["after the device marked a batch"];
        else if (stored || answered)
            ++interrupted["a push the hub stored or answered, before the device marked it"];
        else
            ++interrupted["before any push reached the hub"];
        if (after.on_hub_still_pending > 0) ++hub_ahead;
    }
    const double kill_seconds = std::chrono::duration<double>(Clock::now() - started).count();

    // One sync to the end.
    const CliRun last = runCli({"sync", "--db", db});
    INFO(last.describe());
    REQUIRE(last.exit_code == 0);
    REQUIRE(last.clean());
    proxy.stop();

    std::cout << "kills: " << kills << " in " << rounds << " rounds (" << finished_first
              << " syncs finished before their kill), " << kill_seconds
              << " s; the hub's first answer came after about " << first_answer_ms << " ms; "
              << created << " events made on the device; the last sync: " << last.out;
    std::cout << "  aimed\n";
    for (const auto& [what, n] : aims) std::cout << "    " << n << "  " << what << "\n";
    std::cout << "  what the kill interrupted\n";
    for (const auto& [what, n] : interrupted) std::cout << "    " << n << "  " << what << "\n";
    std::cout << "  kills after which the hub held events the device had not marked: " << hub_ahead
              << "\n";
    std::cout << proxy.table();

    CHECK(hub_ahead >= 1);

    // No loss, no duplicate: the hub holds exactly the device's events, each id once.
    const std::set<std::string> device_ids = deviceEventIds(db);
    CHECK(static_cast<int>(device_ids.size()) == created);
    CHECK(hubEventCount(hub_db) == created);
    CHECK(hubStatsEvents(hub_db) == created);
    CHECK(hubRepeatedIds(hub_db) == 0);
    CHECK(hubEventIds(hub_db) == device_ids);
    auto store = Store::open(db);
    REQUIRE(store);
    auto counts = outboxCounts(**store);
    REQUIRE(counts);
    CHECK(counts->pending == 0);
    CHECK(counts->rejected == 0);
    CHECK(counts->accepted + counts->duplicate == created);
    auto integrity = integrityCheck(**store, true);
    REQUIRE(integrity);
    CHECK(*integrity == "ok");
    CHECK(verifyProjections(**store));
    CHECK(hub.stop() == 0);
}
