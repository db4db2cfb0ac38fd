// Issue 5, proof one: 1,000 events reach a real pekon-hub exactly once through a link that
// fails about 30% of requests in every way a field link does (dropped mid-request, replies
// cut short or reset after the hub committed, a stall past the client's timeout, a proxy's
// 500/503, a captive portal's 200), with the device's sync simply run again after a failure.
// The other way through the same link: 1,000 office decisions imported at the hub between the
// waves (pages of 500) are pulled back and applied exactly once, the cursor at the hub's end.
#include "support/fault_proxy.hpp"

#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <thread>

#include "store/event_log.hpp"
#include "store/hub_changes.hpp"
#include "store/outbox.hpp"
#include "store/verify.hpp"
#include "support/running_hub.hpp"
#include "sync/client.hpp"
#include "sync/sync_harness.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

// The 13-digit card number the office gives sample member `i`.
std::string cardNumber(int i) {
    return std::to_string(1'806'000'000'000LL + i);
}

// The office's decisions for sample members [first, last): one CSV row each (the header not
// included), in the columns of `pekon-hub status import`.
std::string decisionRows(int first, int last, const std::string& status, const std::string& date) {
    std::string rows;
    for (int i = first; i < last; ++i) {
        const SampleNik n = sampleNik(i);
        const bool card = status == "card_issued";
        rows += n.nik + "," + n.birth_date + "," + status + "," + (card ? cardNumber(i) : "") +
                ",3," + (card ? "" : "Puskesmas Kota Agung") + "," + date + "\n";
    }
    return rows;
}

// `pekon-hub status import` of `rows`: every row good and matched. The changes it made.
int importDecisions(const std::string& hub_db, const std::string& rows) {
    const StatusImportRun run =
        importStatuses(hub_db, "nik,birth_date,status,card_number,class,faskes,date\n" + rows);
    INFO("pekon-hub status import: exit " << run.exit_code << ", " << run.summary.dump());
    REQUIRE(run.exit_code == 0);
    CHECK(run.summary.value("bad_rows", -1) == 0);
    CHECK(run.summary.value("unmatched", -1) == 0);
    return run.summary.value("changes", -1);
}

// Each row of `query` (type, JSON data) as one text, the JSON written anew (keys in order).
std::multiset<std::string> changeTexts(const std::string& db, const std::string& query) {
    std::multiset<std::string> texts;
    forEachRow(db, query, [&](const sql::Stmt& row) {
        auto data = parseJson(row.text(1));
        REQUIRE(data);
        texts.insert(row.text(0) + " " + dumpJson(*data));
    });
    return texts;
}

// The `since` of a GET /v1/changes target (0 without one).
std::int64_t sinceOf(const std::string& target) {
    const auto at = target.find("since=");
    return at == std::string::npos ? 0 : std::stoll(target.substr(at + 6));
}

}  // namespace

TEST_CASE(
    "sync through a link failing 30% of requests: 1000 events pushed and 1000 office "
    "changes pulled, each exactly once",
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
    auto link = readHubLink(**store);
    REQUIRE(link);
    REQUIRE(link->has_value());
    const std::string device_id = (*link)->device_id;
    const std::string of_device = " WHERE device_id = '" + device_id + "'";
    proxy.setRates(0.3, 0.15);

    // The office's decisions, imported at the hub while the device syncs: after the first
    // wave, 300 members verified; after the sixth and the eleventh, 50 of them given a card
    // each time; after the last, the other 500 verified and the same 100 cards sent again (an
    // export imported twice): 600 changes, two pages. 1,000 changes in all; 100 members end
    // card_issued, the other 700 verified. The first pulls after three of the imports are
    // broken on purpose (a reset after the hub answered a page; a page cut short; the second
    // page cut short after the first was applied), besides whatever the 30% draw does to them.
    struct Import {
        std::size_t after_wave;
        std::string rows;
        std::vector<Fault> forced;  // on the next GET /v1/changes requests
    };
    const std::vector<Import> imports = {
        {0, decisionRows(0, 300, "verified", "2026-11-23"), {Fault::reset_after_commit}},
        {5, decisionRows(0, 50, "card_issued", "2026-11-30"), {Fault::truncate_reply}},
        {10, decisionRows(50, 100, "card_issued", "2026-12-01"), {}},
        {20,
         decisionRows(300, 800, "verified", "2026-12-07") +
             decisionRows(0, 50, "card_issued", "2026-11-30") +
             decisionRows(50, 100, "card_issued", "2026-12-01"),
         {Fault::none, Fault::truncate_reply}},
    };
    // Where each import came in the proxy's history and the hub's last cursor after it, to
    // tell the pulls that carried changes from the ones that found none.
    std::vector<std::pair<int, std::int64_t>> import_marks;
    auto lastCursor = [&] {
        return numberFrom(hub_db, "SELECT coalesce(max(cursor), 0) FROM changes" + of_device);
    };
    auto cursorAtEnd = [&] {
        auto cursor = readChangesCursor(**store);
        REQUIRE(cursor);
        return *cursor == std::to_string(lastCursor());
    };

    // The outbox is filled in waves, each synced until it is empty (and, a run having ended
    // well, the changes pulled to the end), as a volunteer's day goes: first 500 events at
    // once (one batch, gzip), then twenty waves of 25 (five households).
    constexpr int kEvents = 1000;
    std::vector<int> waves = {100};
    while (static_cast<int>(waves.size()) < 21) waves.push_back(5);
    int created = 0, next_household = 0, attempts = 0, ok_runs = 0, changes_made = 0;
    std::map<std::string, int> errors;
    // A run that ended well has pulled to the end: the pull-only runs after the last import
    // go on until one does.
    auto syncUntil = [&](auto done) {
        for (int tries = 0;; ++tries) {
            REQUIRE(tries < 100);  // a sync that never gets through is a hang, not bad luck
            ++attempts;
            auto run = sync::syncOnce(**store, unixNow(), client);
            if (run) {
                ++ok_runs;
                CHECK(run->rejected == 0);
                if (done()) return;
            } else {
                ++errors[run.error().code];
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    };
    auto outboxEmpty = [&] {
        auto counts = outboxCounts(**store);
        REQUIRE(counts);
        return counts->pending == 0;
    };
    const auto started = std::chrono::steady_clock::now();
    for (std::size_t wave = 0; wave < waves.size(); ++wave) {
        created += addHouseholds(**store, next_household, waves[wave]);
        next_household += waves[wave];
        syncUntil(outboxEmpty);
        CHECK(cursorAtEnd());
        for (const Import& import : imports) {
            if (import.after_wave != wave) continue;
            changes_made += importDecisions(hub_db, import.rows);
            import_marks.emplace_back(proxy.requests(), lastCursor());
            proxy.forceFaults("/v1/changes", import.forced);
        }
    }
    // The last import's pages: pulled until a run ends well.
    syncUntil(cursorAtEnd);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    proxy.stop();

    // The faults the pulls met, and how many of them fell on a page that carried changes
    // (its `since` behind the hub's last cursor at the time).
    const std::vector<ProxiedRequest> history = proxy.history();
    std::map<Fault, int> on_changes, on_full_pages;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const ProxiedRequest& r = history[i];
        if (r.target.rfind("/v1/changes", 0) != 0) continue;
        if (r.fault == Fault::none || r.fault == Fault::delay) continue;
        ++on_changes[r.fault];
        std::int64_t hub_last = 0;
        for (const auto& [at, cursor] : import_marks)
            if (static_cast<int>(i) >= at) hub_last = cursor;
        if (sinceOf(r.target) < hub_last) ++on_full_pages[r.fault];
    }

    std::cout << proxy.table();
    std::cout << "sync runs: " << attempts << " (" << ok_runs << " completed";
    for (const auto& [code, n] : errors) std::cout << ", " << n << " " << code;
    auto counts = outboxCounts(**store);
    REQUIRE(counts);
    // (A run whose pull failed after its pushes were answered reports an error, not its
    // summary: the device's own counts are the whole story.)
    std::cout << ") in " << seconds << " s; the device holds " << counts->accepted << " accepted, "
              << counts->duplicate << " duplicates, " << counts->rejected << " rejected, "
              << counts->pending << " pending\n";
    const std::int64_t hub_changes = numberFrom(hub_db, "SELECT count(*) FROM changes" + of_device);
    const std::int64_t device_changes =
        numberFrom(db, "SELECT count(*) FROM events WHERE origin = 'hub'");
    std::cout << "office changes: " << changes_made << " imported in " << imports.size()
              << " imports, " << hub_changes << " on the hub for the device, " << device_changes
              << " applied on the device; pull faults:";
    for (const auto& [fault, n] : on_changes)
        std::cout << " " << faultName(fault) << " " << n << " (" << on_full_pages[fault]
                  << " on a page with changes)";
    std::cout << "\n";

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
    // The pulls met faults too, pages with changes cut short and reset among them.
    CHECK(on_full_pages[Fault::truncate_reply] >= 2);
    CHECK(on_full_pages[Fault::reset_after_commit] >= 1);

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

    // Each of the office's changes reached the device exactly once: as many events of origin
    // 'hub' as the hub has changes for it, the same (type, data) each, the cursor at the end.
    CHECK(changes_made == 1000);
    CHECK(hub_changes == changes_made);
    CHECK(device_changes == hub_changes);
    CHECK(changeTexts(db, "SELECT type, data FROM events WHERE origin = 'hub'") ==
          changeTexts(hub_db, "SELECT type, data FROM changes" + of_device));
    auto cursor = readChangesCursor(**store);
    REQUIRE(cursor);
    CHECK(*cursor == std::to_string(lastCursor()));
    // The members moved once: 100 card_issued with their numbers, the other 700 verified; a
    // step of each kind once per member (the card sent twice was kept, not applied again).
    std::map<std::string, std::pair<std::string, std::string>> expected, got;
    for (int i = 0; i < 800; ++i)
        expected[sampleNik(i).nik] = i < 100 ? std::pair{std::string("card_issued"), cardNumber(i)}
                                             : std::pair{std::string("verified"), std::string()};
    forEachRow(db, "SELECT nik, status, card_number FROM members", [&](const sql::Stmt& row) {
        got[row.text(0)] = {row.text(1), row.text(2)};
    });
    CHECK(got == expected);
    CHECK(numberFrom(db,
                     "SELECT count(*) FROM member_status_history WHERE status = "
                     "'card_issued'") == 100);
    CHECK(numberFrom(db, "SELECT count(*) FROM member_status_history WHERE status = 'verified'") ==
          800);
    auto projections = verifyProjections(**store);
    INFO((projections ? std::string() : projections.error().message_en));
    CHECK(projections);

    // The proxy stopped: its threads are joined (ASan's leak check would see them otherwise)
    // and every socket it opened is closed.
    store->reset();
    CHECK(openFds() == fds_before);
    CHECK(hub.stop() == 0);
}
