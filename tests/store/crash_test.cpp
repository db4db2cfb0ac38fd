// Crash safety: a child registering 10,000 members is killed with SIGKILL at a random point,
// 20 times, in chains of five runs over the same database (so a killed database is also
// reopened and written on). After each kill the database must pass integrity_check,
// hold every registration the child reported as committed, and its projections must agree
// with the event log.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "store/internal/database.hpp"
#include "store/store.hpp"
#include "store/verify.hpp"
#include "support/child_process.hpp"
#include "support/fixtures.hpp"

using namespace pekon;

namespace {

test::Child spawnWriter(const std::string& db, int members) {
    return test::spawnChild(PEKON_CRASH_WRITER, {db, std::to_string(members)});
}

}  // namespace

TEST_CASE("registrations survive SIGKILL at random points", "[crash]") {
    std::string db;
    std::mt19937 rng(std::random_device{}());
    std::vector<std::vector<std::string>> committed;  // household id, then member ids
    int killed = 0;
    size_t reported = 0;

    for (int run = 0; run < 20; ++run) {
        if (run % 5 == 0) {
            db = test::tempPath("crash.db");
            committed.clear();
        }
        const size_t committed_before = committed.size();
        // Most runs die somewhere in the middle; a few right at start-up (open, migrations).
        const int kill_after = run % 7 == 0 ? 0 : std::uniform_int_distribution<int>(1, 3000)(rng);
        const int extra_us = std::uniform_int_distribution<int>(0, 3000)(rng);
        test::Child child = spawnWriter(db, 10000);
        int lines = 0;
        char buf[1024];
        if (kill_after > 0) {
            while (lines < kill_after && std::fgets(buf, sizeof buf, child.out)) {
                std::istringstream words(buf);
                std::vector<std::string> ids;
                for (std::string w; words >> w;) ids.push_back(w);
                committed.push_back(std::move(ids));
                ++lines;
            }
        }
        std::this_thread::sleep_for(
            std::chrono::microseconds(extra_us + (kill_after == 0 ? 20000 * (run / 7) : 0)));
        ::kill(child.pid, SIGKILL);
        // Lines written before the kill landed count as committed too.
        while (std::fgets(buf, sizeof buf, child.out)) {
            std::istringstream words(buf);
            std::vector<std::string> ids;
            for (std::string w; words >> w;) ids.push_back(w);
            if (!ids.empty()) committed.push_back(std::move(ids));
        }
        std::fclose(child.out);
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            ++killed;
        else
            REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));

        auto store = Store::open(db);
        REQUIRE(store.ok());
        REQUIRE_FALSE((*store)->damage());
        CHECK(*integrityCheck(**store, /*full=*/true) == "ok");
        auto verified = verifyProjections(**store);
        INFO((verified ? std::string() : verified.error().message_en));
        CHECK(verified.ok());
        // Every reported registration is there, member for member, in its household.
        std::set<std::string> stored;
        auto rows = connection(**store).prepare(
            "SELECT h.id || ' ' || m.id FROM members m JOIN households h ON h.key = "
            "m.household_key");
        REQUIRE(rows.ok());
        while (rows->step() == SQLITE_ROW) stored.insert(rows->text(0));
        size_t missing = 0;
        for (const auto& ids : committed) {
            for (size_t i = 1; i < ids.size(); ++i)
                missing += stored.count(ids[0] + " " + ids[i]) == 0;
        }
        reported += committed.size() - committed_before;
        INFO("run " << run << ", killed after " << kill_after << " households");
        CHECK(missing == 0);
        // Nothing half-written: every household has the members its size says.
        CHECK(*connection(**store).queryInt(
                  "SELECT COUNT(*) FROM households h WHERE NOT EXISTS (SELECT 1 FROM members m "
                  "WHERE m.household_key = h.key)") == 0);
    }
    CHECK(killed >= 15);
    CHECK(reported > 100);
}
