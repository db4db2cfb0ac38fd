// A tablet with a wrong clock (issue 12): the real `pekon` CLI under libfaketime (Debian
// `faketime`) against a real pekon-hub that keeps the true time.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>
#include <string>

#include "app/run_cli.hpp"
#include "codec/json.hpp"
#include "core/catalog.hpp"
#include "support/fixtures.hpp"
#include "support/running_hub.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

constexpr const char* kLibFaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

// Sets one environment variable for the scope (the CLI children inherit it), then restores it.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

// `pekon args... --db db` with the device clock set by FAKETIME (libfaketime's syntax: "-1d",
// "+2h", "@2000-01-01 00:00:00"). The hub, started before, keeps the real clock.
CliRun runFaked(const std::string& faketime, std::vector<std::string> args, const std::string& db) {
    args.push_back("--db");
    args.push_back(db);
    const char* asan = std::getenv("ASAN_OPTIONS");
    // An ASan binary refuses a library preloaded before it unless told not to check.
    ScopedEnv asan_options(
        "ASAN_OPTIONS",
        std::string(asan ? asan : "") + (asan && *asan ? ":" : "") + "verify_asan_link_order=0");
    ScopedEnv preload("LD_PRELOAD", kLibFaketime);
    ScopedEnv fake("FAKETIME", faketime);
    ScopedEnv monotonic("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    return runCli(args);
}

Json outJson(const CliRun& run) {
    auto json = parseJson(run.out);
    INFO(run.describe());
    REQUIRE(json);
    return *json;
}

}  // namespace

TEST_CASE("clock: under a wrong device clock, sync works, the user is told, the hub flags",
          "[clock_cli]") {
    REQUIRE(::access(kLibFaketime, R_OK) == 0);  // scripts/install-deps installs faketime
    struct Case {
        const char* faketime;
        std::int64_t offset;  // hub - device, about
        const char* flag;     // what the hub calls the events' device times
    };
    const Case c = GENERATE(Case{"-1d", 86400, "skewed"}, Case{"+2h", -7200, "future"},
                            Case{"@2000-01-01 00:00:00", 0, "before_epoch"});
    INFO("FAKETIME=" << c.faketime);
    const std::string hub_db = tempPath("clock_hub.db");
    const std::string db = tempPath("clock_device.db");
    RunningHub hub(hub_db);

    REQUIRE(Store::open(db));  // read commands do not create a database

    // The faked clock really reaches the CLI (else this test could not fail).
    const CliRun probe = runFaked(c.faketime, {"outbox", "--format", "json"}, db);
    REQUIRE(probe.exit_code == 0);

    // Before any sync (no hub offset known): at 2000-01-01 a KK issued in 2015 and a child born
    // in 2010 are still valid, because "today" is never before this build's date.
    const CliRun add =
        runFaked(c.faketime,
                 {"household", "add", "--json",
                  std::string(PEKON_SOURCE_DIR) + "/tests/data/household_valid.json"},
                 db);
    INFO(add.describe());
    REQUIRE(add.exit_code == 0);
    if (std::string(c.faketime).front() == '@')  // the clock is before the build: said at once
        CHECK(add.err.find("Jam perangkat ini salah") != std::string::npos);

    const CliRun enrol =
        runFaked(c.faketime, {"enrol", newEnrolmentUri(hub_db, hub.url()), "--name", "t1"}, db);
    INFO(enrol.describe());
    REQUIRE(enrol.exit_code == 0);
    CHECK(enrol.err.find("Jam perangkat ini salah") != std::string::npos);

    const CliRun sync = runFaked(c.faketime, {"sync"}, db);
    INFO(sync.describe());
    REQUIRE(sync.exit_code == 0);  // 401 "enrol again" before issue 12
    const Json s = outJson(sync);
    CHECK(s["pushed"].get<int>() == 4);  // the household and its three members
    CHECK(s["accepted"] == s["pushed"]);
    // The offset measured against the hub (hub - device).
    REQUIRE(s.contains("clock_offset"));
    if (c.offset != 0)
        CHECK(std::abs(s["clock_offset"].get<std::int64_t>() - c.offset) < 120);
    else
        CHECK(s["clock_offset"].get<std::int64_t>() > 20LL * 365 * 86400);
    CHECK(sync.err.find("Jam perangkat ini salah") != std::string::npos);
    CHECK(sync.err.find("Tanggal & waktu") != std::string::npos);  // how to fix it
    CHECK(sync.err.find("daftarkan ulang") != std::string::npos);  // ...and not to re-enrol
    CHECK(sync.err.find("pekon-hub menolak") == std::string::npos);
    // English too.
    const CliRun sync_en = runFaked(c.faketime, {"sync", "--lang", "en"}, db);
    REQUIRE(sync_en.exit_code == 0);
    CHECK(sync_en.err.find("This device's clock is wrong") != std::string::npos);

    // The hub kept them all and flags each as written under a wrong clock.
    const FinishedRun stats = runHubCommand({"stats", "--db", "sqlite:" + hub_db});
    REQUIRE(stats.exit_code == 0);
    REQUIRE_FALSE(stats.lines.empty());
    const Json st = parseJson(stats.lines.front()).value();
    INFO(stats.lines.front());
    CHECK(st["events"] == 4);
    CHECK(st["time_flagged"] == 4);
    CHECK(st["time_flags"][c.flag] == 4);
}

TEST_CASE("clock: a device with a right clock is not warned and the hub flags nothing",
          "[clock_cli]") {
    const std::string hub_db = tempPath("clock_ok_hub.db");
    const std::string db = tempPath("clock_ok_device.db");
    RunningHub hub(hub_db);
    auto run = [&](std::vector<std::string> args) {
        args.push_back("--db");
        args.push_back(db);
        return runCli(args);
    };
    REQUIRE(run({"household", "add", "--json",
                 std::string(PEKON_SOURCE_DIR) + "/tests/data/household_valid.json"})
                .exit_code == 0);
    REQUIRE(run({"enrol", newEnrolmentUri(hub_db, hub.url())}).exit_code == 0);
    const CliRun sync = run({"sync"});
    INFO(sync.describe());
    REQUIRE(sync.exit_code == 0);
    CHECK(std::abs(outJson(sync)["clock_offset"].get<std::int64_t>()) < 60);
    CHECK(sync.err.empty());
    const FinishedRun stats = runHubCommand({"stats", "--db", "sqlite:" + hub_db});
    const Json st = parseJson(stats.lines.front()).value();
    CHECK(st["events"] == 4);
    CHECK(st["time_flagged"] == 0);
    CHECK(st["time_flags"].empty());
}
