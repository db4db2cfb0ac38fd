// `pekon enrol` and `pekon sync` against a real pekon-hub on loopback, through the real binaries.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "app/run_cli.hpp"
#include "codec/json.hpp"
#include "store/outbox.hpp"
#include "support/fixtures.hpp"
#include "support/running_hub.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

Json lastJson(const CliRun& run) {
    auto json = parseJson(run.out);
    REQUIRE(json);
    return *json;
}

}  // namespace

TEST_CASE("cli sync: an enrolled device's outbox reaches the hub once", "[sync_cli]") {
    const std::string hub_db = tempPath("sync_cli_hub.db");
    const std::string db = tempPath("sync_cli_device.db");
    RunningHub hub(hub_db);

    const CliRun not_yet = runCli(with({"sync"}, db));
    CHECK(not_yet.exit_code == 1);
    CHECK(not_yet.err.find("pekon-hub") != std::string::npos);

    const CliRun enrol =
        runCli(with({"enrol", newEnrolmentUri(hub_db, hub.url()), "--name", "tablet 1"}, db));
    INFO(enrol.describe());
    REQUIRE(enrol.exit_code == 0);
    const CliRun add =
        runCli(with({"household", "add", "--json",
                     std::string(PEKON_SOURCE_DIR) + "/tests/data/household_valid.json"},
                    db));
    INFO(add.describe());
    REQUIRE(add.exit_code == 0);

    const CliRun first = runCli(with({"sync"}, db));
    INFO(first.describe());
    REQUIRE(first.exit_code == 0);
    const Json s1 = lastJson(first);
    CHECK(s1["pushed"].get<int>() > 0);
    CHECK(s1["accepted"] == s1["pushed"]);
    CHECK(s1["rejected"] == 0);
    const CliRun second = runCli(with({"sync"}, db));
    REQUIRE(second.exit_code == 0);
    CHECK(lastJson(second)["pushed"] == 0);  // nothing left in the outbox
    CHECK(lastJson(second)["pulled"] == 0);

    // The office's decisions come back with the next sync and move the members on.
    REQUIRE(
        importStatuses(hub_db,
                       "nik,birth_date,status,card_number,class,faskes,date\n"
                       "1806011505800001,1980-05-15,verified,,3,Puskesmas Kota Agung,2026-11-23\n"
                       "1806011505800001,1980-05-15,card_issued,0001234567890,3,,2026-11-30\n"
                       "1806016208850002,1985-08-22,rejected,,,,2026-11-23\n")
            .exit_code == 0);
    const CliRun third = runCli(with({"sync"}, db));
    INFO(third.describe());
    REQUIRE(third.exit_code == 0);
    CHECK(lastJson(third)["pulled"] == 3);
    CHECK(lastJson(runCli(with({"sync"}, db)))["pulled"] == 0);  // the cursor moved on
    const Json list = lastJson(runCli(with({"household", "list", "--format", "json"}, db)));
    REQUIRE(list.is_array());
    REQUIRE(list.size() == 1);
    const CliRun show = runCli(with(
        {"household", "show", list[0]["household_id"].get<std::string>(), "--format", "json"}, db));
    INFO(show.describe());
    const Json members = lastJson(show)["members"];
    REQUIRE(members.size() == 3);
    CHECK(members[0]["status"] == "card_issued");
    CHECK(members[0]["card_number"] == "0001234567890");
    CHECK(members[0]["faskes"] == "Puskesmas Kota Agung");
    CHECK(members[1]["status"] == "rejected");
    CHECK(members[2]["status"] == "synced");
    CHECK(runCli(with({"check"}, db)).exit_code == 0);  // the log still replays
    const CliRun outbox = runCli(with({"outbox", "--format", "json"}, db));
    INFO(outbox.describe());
    CHECK(lastJson(outbox)["pending"] == 0);
    CHECK(lastJson(outbox)["accepted"] == s1["pushed"]);

    // The hub holds each event once.
    const FinishedRun stats = runHubCommand({"stats", "--db", "sqlite:" + hub_db});
    REQUIRE(stats.exit_code == 0);
    REQUIRE_FALSE(stats.lines.empty());
    CHECK(parseJson(stats.lines.front()).value()["events"] == s1["pushed"]);

    // The hub gone: a clear failure (exit 1), the outbox as it was.
    REQUIRE(hub.stop() == 0);
    const CliRun offline = runCli(with({"sync"}, db));
    CHECK(offline.exit_code == 1);
    CHECK(lastJson(runCli(with({"outbox", "--format", "json"}, db)))["accepted"] == s1["pushed"]);
    CHECK(offline.err.find("pekon-hub") != std::string::npos);

    // A used token is refused with its own message.
    CHECK(runCli(with({"enrol", "pekon://enrol?hub=http%3A%2F%2F127.0.0.1%3A1&token=x"}, db))
              .exit_code == 1);
    CHECK(runCli(with({"enrol", "https://example.com"}, db)).exit_code == 1);
}

TEST_CASE("pekon-hub status import: good rows import, bad rows are reported, exit 1",
          "[sync_cli]") {
    const std::string hub_db = tempPath("status_import_hub.db");
    const StatusImportRun run =
        importStatuses(hub_db,
                       "nik,birth_date,status,card_number,class,faskes,date\n"
                       "1806011505800001,1980-05-15,paid,,3,Puskesmas Kota Agung,2026-12-01\n"
                       "1806011505800001,1980-05-15,card_issued,,3,,2026-12-02\n");
    CHECK(run.exit_code == 1);
    CHECK(run.summary.value("imported", -1) == 1);
    CHECK(run.summary.value("bad_rows", -1) == 1);
}

TEST_CASE("cli sync: a captive portal's 200 marks nothing", "[sync_cli]") {
    const std::string hub_db = tempPath("portal_hub.db");
    const std::string db = tempPath("portal_device.db");
    {
        RunningHub hub(hub_db);
        REQUIRE(runCli(with({"enrol", newEnrolmentUri(hub_db, hub.url())}, db)).exit_code == 0);
    }
    REQUIRE(runCli(with({"household", "add", "--json",
                         std::string(PEKON_SOURCE_DIR) + "/tests/data/household_valid.json"},
                        db))
                .exit_code == 0);
    // A Wi-Fi login page answers everything with 200 and HTML; a second one passes the health
    // probe but answers the push with HTML too.
    for (const bool healthy : {false, true}) {
        httplib::Server portal;
        portal.Get(".*", [healthy](const httplib::Request& req, httplib::Response& res) {
            if (healthy && req.path == "/v1/health")
                res.set_content(R"({"status":"ok","version":"x","time":0})", "application/json");
            else
                res.set_content("<html><body>Masuk ke WiFi.id</body></html>", "text/html");
        });
        portal.Post(".*", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("<html><body>Masuk ke WiFi.id</body></html>", "text/html");
        });
        const int port = portal.bind_to_any_port("127.0.0.1");
        std::thread serving([&] { portal.listen_after_bind(); });
        {
            auto store = Store::open(db);
            REQUIRE(store);
            auto link = readHubLink(**store);
            REQUIRE(link);
            REQUIRE(link->has_value());
            HubLink moved = **link;
            moved.hub_url = "http://127.0.0.1:" + std::to_string(port);
            REQUIRE(saveHubLink(**store, moved));
        }
        const CliRun run = runCli(with({"sync", "--lang", "en"}, db));
        INFO(run.describe());
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("not from pekon-hub") != std::string::npos);
        const Json outbox = lastJson(runCli(with({"outbox", "--format", "json"}, db)));
        CHECK(outbox["accepted"] == 0);
        CHECK(outbox["pending"].get<int>() > 0);
        portal.stop();
        serving.join();
    }
}
