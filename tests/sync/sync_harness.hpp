#pragma once

// What the sync proof tests share: the seed, a device filled with sample households and
// enrolled with a real pekon-hub (newEnrolmentUri, support/running_hub.hpp), and the events
// each side holds, read straight from the SQLite files.
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
#include <utility>
#include <vector>

#include "codec/json.hpp"
#include "sqlite/sqlite.hpp"
#include "store/households.hpp"
#include "store/store.hpp"
#include "support/fixtures.hpp"
#include "support/running_hub.hpp"
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

// Runs `program args...` to its end, which must be a clean exit; its standard output, line
// by line.
inline std::vector<std::string> outputLines(const char* program,
                                            const std::vector<std::string>& args) {
    FinishedRun run = runToEnd(program, args);
    INFO(program << " exited with " << run.exit_code);
    REQUIRE(run.exit_code == 0);
    return std::move(run.lines);
}

// Registers `count` sample households of four members from household index `first`: five
// events each (household.registered and four member.registered). Returns the events added.
inline int addHouseholds(Store& store, int first, int count) {
    std::vector<HouseholdInput> batch;
    for (int i = first; i < first + count; ++i) batch.push_back(sampleHousehold(i, i * 4, 4));
    const RegisterOutcome outcome =
        registerHouseholds(store, batch, regions(), {"volunteer", unixNow(), kToday});
    REQUIRE(outcome.ok());
    return count * 5;
}

// Calls `row(stmt)` for each row `query` yields over the database file `db` (read-only).
template <class Row>
void forEachRow(const std::string& db, const std::string& query, Row row) {
    auto c = sql::Connection::open(db, true);
    REQUIRE(c);
    auto stmt = c->prepare(query);
    REQUIRE(stmt);
    int rc;
    while ((rc = stmt->step()) == SQLITE_ROW) row(std::as_const(*stmt));
    REQUIRE(rc == SQLITE_DONE);
}

inline std::set<std::string> idsFrom(const std::string& db, const std::string& query) {
    std::set<std::string> ids;
    forEachRow(db, query, [&](const sql::Stmt& row) { ids.insert(row.text(0)); });
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
