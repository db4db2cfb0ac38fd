// The office console end to end, through the real binaries on each hub backend: a tablet
// (the `pekon` CLI and its device store) registers a household and syncs; a verifier signs in
// to the console and asks for a correction; the tablet pulls the request and keeps it, the
// volunteer corrects the name and syncs; the person is back in the queue, and the verifier
// verifies; a kiosk enrolled for the kecamatan pulls and finds the person verified (once the
// hub's background worker has drained the kiosk queue the decision left). And the worker
// drains at its start what an earlier run left queued, and stops with the server.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "app/run_cli.hpp"
#include "codec/json.hpp"
#include "core/status_import.hpp"
#include "hub/hub_store.hpp"
#include "support/postgres_test_db.hpp"
#include "support/running_hub.hpp"
#include "web_browser.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

const std::string kPassword = "verifier-pass-2026";
constexpr const char* kBudiNik = "1806011505800001";  // tests/data/household_valid.json
constexpr const char* kKk = "1806011203150007";

Json memberOnTablet(const std::string& tablet, const std::string& household,
                    const std::string& member) {
    const Json shown = ranOk(with({"household", "show", household, "--format", "json"}, tablet));
    for (const Json& m : shown["members"])
        if (m["member_id"] == member) return m;
    FAIL("the member is not on the tablet");
    return {};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEMPLATE_TEST_CASE("web end to end: tablet, console correction, correction, verified at the kiosk",
                   "[web_e2e]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, hub_db_holder, "web_e2e_hub.db");
    const std::string hub_db = hub_db_holder.url();
    const std::string tablet = tempPath("web_e2e_tablet.db");
    const std::string kiosk = tempPath("web_e2e_kiosk.db");
    addStaffMember(hub_db, "verifier", "Vera Verifikator", hub::StaffRole::verifier, kPassword);
    LoggedHub hub(hub_db);

    // The tablet registers the household and syncs.
    ranOk(with({"enrol", newEnrolmentUri(hub_db, hub.origin()), "--name", "tablet 1"}, tablet));
    const Json added =
        ranOk(with({"household", "add", "--format", "json", "--json",
                  std::string(PEKON_SOURCE_DIR) + "/tests/data/household_valid.json"},
                 tablet));
    const std::string household = added["saved"][0]["household_id"];
    const std::string budi = added["saved"][0]["member_ids"][0];
    CHECK(ranOk(with({"sync"}, tablet))["accepted"].get<int>() >= 4);

    // The verifier finds Budi in the queue and asks for a correction of the name.
    Browser verifier(hub);
    REQUIRE(verifier.signIn("verifier", kPassword).status == 303);
    Page queue = verifier.get("/office/queue");
    REQUIRE(contains(queue.body, "/office/members/" + budi + "\""));
    Page person = verifier.get("/office/members/" + budi);
    REQUIRE(person.status == 200);
    CHECK(contains(person.body, "Budi Santoso"));
    Page asked = verifier.post("/office/decide", {{"member", budi},
                                                  {"decision", "needs_correction"},
                                                  {"correction_reason", "name_spelling"},
                                                  {"note", "Nama di KTP: Budi Santosa"},
                                                  {"back", "/office/members/" + budi}});
    REQUIRE(asked.status == 303);

    // The tablet pulls the request and keeps it, with the office's reason and note.
    CHECK(ranOk(with({"sync"}, tablet))["pulled"].get<int>() >= 1);
    CHECK(memberOnTablet(tablet, household, budi)["status"] == "needs_correction");

    // The volunteer corrects the name and syncs; the person is back in the queue.
    const Json corrected =
        ranOk(with({"household", "correct", household, budi, "--name", "Budi Santosa"}, tablet));
    CHECK(corrected["corrected"] == Json::array({"name"}));
    CHECK(ranOk(with({"sync"}, tablet))["accepted"].get<int>() >= 1);
    Page back = verifier.get("/office/queue?state=corrected");
    CHECK(contains(back.body, "/office/members/" + budi + "\""));
    Page again = verifier.get("/office/members/" + budi);
    CHECK(contains(again.body, "Budi Santosa"));
    CHECK(contains(again.body, "Diperbaiki"));  // the correction in the history

    // The verifier verifies; the tablet and the kiosk of the kecamatan follow.
    Page verified = verifier.post("/office/decide", {{"member", budi},
                                                     {"decision", "verified"},
                                                     {"back", "/office/members/" + budi}});
    REQUIRE(verified.status == 303);
    CHECK(contains(verifier.get("/office/queue?state=verified").body,
                   "/office/members/" + budi + "\""));
    ranOk(with({"sync"}, tablet));
    CHECK(memberOnTablet(tablet, household, budi)["status"] == "verified");
    const FinishedRun token = runHubCommand({"token", "create", "--db", hubDbArgument(hub_db),
                                             "--hub-url", hub.origin(), "--kiosk", "18.06.01"});
    REQUIRE(token.exit_code == 0);
    REQUIRE(token.lines.size() == 2);
    ranOk(with({"enrol", token.lines[1], "--name", "kiosk"}, kiosk));
    // The kiosks' table follows the decision from the hub's queue, in the background: the
    // kiosk syncs until it finds Budi verified (the worker is woken by the decision; bounded).
    Json found;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    for (;;) {
        ranOk(with({"sync"}, kiosk));
        found = ranOk(with({"status", "--nik", kBudiNik, "--kk", kKk}, kiosk));
        if (found["status"] == "verified" || std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    CHECK(found["found"] == true);
    CHECK(found["status"] == "verified");
    // Nothing personal in the hub's output.
    CHECK_FALSE(contains(hub.log(), kBudiNik));
    CHECK_FALSE(contains(hub.log(), "Budi"));
}

TEMPLATE_TEST_CASE("web end to end: serve drains the kiosk rows an earlier run left, then stops",
                   "[web_e2e]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "web_e2e_leftovers.db");
    // Statuses imported (queued for the kiosks) with no pekon-hub running to drain them.
    {
        auto store = hub::openHubStore(db.url());
        REQUIRE(store);
        StatusRow row;
        row.nik = "1806034101900009";  // someone the hub never saw registered
        row.birth_date = Date{1990, 1, 1};
        row.status = MemberStatus::verified;
        row.date = Date{2026, 12, 1};
        auto imported = (*store)->importStatuses({row}, 1'795'000'000);
        REQUIRE(imported);
        REQUIRE(imported->kiosk_queued == 1);
    }
    REQUIRE(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 1);
    LoggedHub hub(db.url());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (db.queryInt("SELECT COUNT(*) FROM kiosk_queue") > 0 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 0);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries WHERE decided_on = '2026-12-01'") == 1);
    CHECK(hub.stop() == 0);  // the worker stops with the server
    CHECK_FALSE(contains(hub.log(), "1806034101900009"));
}
