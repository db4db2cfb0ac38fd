#pragma once

// What the sync proof tests share: the seed, a device filled with sample households and
// enrolled with a real pekon-hub, and the events each side holds, read straight from the
// SQLite files.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "store/sqlite.hpp"
#include "store/store.hpp"
#include "support/child_process.hpp"
#include "support/fixtures.hpp"
#include "support/sample_households.hpp"

namespace pekon::test {

// This process's open file descriptors.
inline int openFds() {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++n;
    return n;
}

// PEKON_TEST_SEED when set (to replay a failure), else a fresh one; printed with `test`'s name.
inline std::uint64_t testSeed(const std::string& test) {
    std::uint64_t seed;
    if (const char* s = std::getenv("PEKON_TEST_SEED"); s && *s) {
        seed = std::strtoull(s, nullptr, 10);
    } else {
        std::random_device device;
        seed = (static_cast<std::uint64_t>(device()) << 32) | device();
    }
    std::cout << test << ": seed " << seed << " (PEKON_TEST_SEED=" << seed << " replays it)\n";
    return seed;
}

inline UnixSeconds unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Runs `program args...` to its end; its standard output, line by line.
inline std::vector<std::string> outputLines(const char* program,
                                            const std::vector<std::string>& args) {
    Child child = spawnChild(program, args);
    std::vector<std::string> lines;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, child.out)) {
        std::string line = buf;
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        lines.push_back(line);
    }
    std::fclose(child.out);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    INFO(program << " exited with status " << status);
    REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    return lines;
}

// A one-time enrolment URI from `pekon-hub token create` (its second line) for `hub_url`.
inline std::string newEnrolmentUri(const std::string& hub_db, const std::string& hub_url) {
    const auto lines = outputLines(
        PEKON_HUB, {"token", "create", "--db", "sqlite:" + hub_db, "--hub-url", hub_url});
    REQUIRE(lines.size() >= 2);
    return lines[1];
}

// Registers `count` sample households of four members from household index `first`: five
// events each (household.registered and four member.registered). Returns the events added.
inline int addHouseholds(Store& store, int first, int count) {
    std::vector<HouseholdInput> batch;
    for (int i = first; i < first + count; ++i) batch.push_back(sampleHousehold(i, i * 4, 4));
    const RegisterOutcome outcome =
        store.registerHouseholds(batch, regions(), {"volunteer", unixNow(), kToday});
    REQUIRE(outcome.ok());
    return count * 5;
}

inline std::set<std::string> idsFrom(const std::string& db, const std::string& query) {
    auto c = sql::Connection::open(db, true);
    REQUIRE(c);
    auto stmt = c->prepare(query);
    REQUIRE(stmt);
    std::set<std::string> ids;
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) ids.insert(stmt->text(0));
    REQUIRE(rc == SQLITE_DONE);
    return ids;
}

// The event ids pekon-hub stored (its `events` table; the id is its primary key).
inline std::set<std::string> hubEventIds(const std::string& hub_db) {
    return idsFrom(hub_db, "SELECT id FROM events");
}

// The ids of the events this device made, all of them or those in one sync state.
inline std::set<std::string> deviceEventIds(const std::string& db, const std::string& state = {}) {
    return idsFrom(db, state.empty() ? "SELECT id FROM events WHERE origin = 'device'"
                                     : "SELECT id FROM events WHERE origin = 'device' AND "
                                       "sync_state = '" +
                                           state + "'");
}

// One number a query over a database file yields.
inline std::int64_t numberFrom(const std::string& db, const std::string& query) {
    auto c = sql::Connection::open(db, true);
    REQUIRE(c);
    auto n = c->queryInt(query);
    REQUIRE(n);
    return *n;
}

inline std::int64_t hubEventCount(const std::string& hub_db) {
    return numberFrom(hub_db, "SELECT count(*) FROM events");
}

// The hub's own count, from `pekon-hub stats`.
inline std::int64_t hubStatsEvents(const std::string& hub_db) {
    const auto lines = outputLines(PEKON_HUB, {"stats", "--db", "sqlite:" + hub_db});
    REQUIRE_FALSE(lines.empty());
    auto stats = parseJson(lines.front());
    REQUIRE(stats);
    return (*stats)["events"].get<std::int64_t>();
}

// Rows of the hub's `events` sharing an id (the id is its primary key: always 0).
inline std::int64_t hubRepeatedIds(const std::string& hub_db) {
    return numberFrom(hub_db, "SELECT count(*) - count(DISTINCT id) FROM events");
}

}  // namespace pekon::test
