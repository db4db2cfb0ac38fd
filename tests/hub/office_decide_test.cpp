// Staff decisions at the hub (office_read.hpp `decide`) on each backend: the decisions table,
// the member's history and state, the audit log, the change for the device that registered
// the member, and the kiosks' card-status table (queued with the decision, followed when the
// kiosk queue is drained).
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "hub/hub_ops.hpp"
#include "hub/hub_store.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "hub/office_read.hpp"
#include "proto/kiosk_lookup.hpp"
#include "support/check_error.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::batch;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;  // 2026-11-18 (UTC)
constexpr const char* kToday = "2026-11-18";
constexpr const char* kBudi = "1806011505800001";  // born 1980-05-15
constexpr const char* kSiti = "1806015508820002";  // born 1982-08-15

std::string enrol(HubStore& hub, const std::string& kiosk_area = "") {
    auto token = hub.createToken("test", kNow, 3600, kiosk_area);
    REQUIRE(token);
    auto e = hub.enrol(token->token, kiosk_area.empty() ? "tablet" : "kiosk", kNow);
    REQUIRE(e);
    return e->device_id;
}

std::string householdEvent(const std::string& id, const std::string& household_id) {
    return R"({"id":")" + id +
           R"(","seq":1,"type":"household.registered","at":"2026-11-17T08:00:00Z","actor":"u1","data":{"household_id":")" +
           household_id +
           R"(","kk_number":"1806011203150007","village_code":"18.06.01.2016","address":"Jl. Merdeka No. 12","rt":"002","rw":"001"}})";
}

std::string memberEvent(const std::string& id, const std::string& member_id,
                        const std::string& household_id, const std::string& nik,
                        const std::string& birth, const std::string& relation = "head") {
    return R"({"id":")" + id +
           R"(","seq":2,"type":"member.registered","at":"2026-11-17T08:15:00Z","actor":"u1","data":{"member_id":")" +
           member_id + R"(","household_id":")" + household_id + R"(","nik":")" + nik +
           R"(","name":"Budi Santoso","birth_date":")" + birth + R"(","sex":"M","relation":")" +
           relation + R"(","segment":"PBPU","class":3}})";
}

// Budi (m1) and Siti (m2) in household h1, registered by `device`.
void registerHousehold(HubStore& hub, const std::string& device) {
    auto answer = hub.push(
        device,
        batch({householdEvent("eh1", "h1"), memberEvent("em1", "m1", "h1", kBudi, "1980-05-15"),
               memberEvent("em2", "m2", "h1", kSiti, "1982-08-15", "spouse")}),
        kNow - 3600);
    REQUIRE(answer);
    REQUIRE(answer->accepted.size() == 3);
}

// Rina, a verifier: the first staff account (id 1), made straight in the table.
void addRina(const test::HubTestDb& db) {
    db.exec(
        "INSERT INTO staff (username, display_name, role, password_hash, created_at, "
        "failed_sign_ins) VALUES ('rina', 'Rina', 'verifier', '-', 0, 0)");
    REQUIRE(db.queryInt("SELECT id FROM staff WHERE username = 'rina'") == 1);
}

std::string stateOf(const test::HubTestDb& db, const std::string& member_id) {
    const char* states[] = {"new", "corrected", "needs_correction", "verified", "rejected"};
    for (const char* state : states)
        if (db.queryInt("SELECT COUNT(*) FROM office_members WHERE member_id = '" + member_id +
                        "' AND state = '" + state + "'") == 1)
            return state;
    return "?";
}

DecisionRequest request(std::vector<std::string> ids, Decision decision,
                        const std::string& reason = "", const std::string& note = "") {
    DecisionRequest r;
    r.member_ids = std::move(ids);
    r.decision = decision;
    r.reason = reason;
    r.note = note;
    r.staff_id = 1;  // Rina
    r.username = "rina";
    return r;
}

std::vector<Change> changesOf(HubStore& hub, const std::string& device) {
    auto changes = hub.changes(device, 0, 1000);
    REQUIRE(changes);
    return std::move(changes.value());
}

// The changes of `type` a device was sent, their data parsed.
std::vector<Json> sent(HubStore& hub, const std::string& device, const std::string& type) {
    std::vector<Json> out;
    for (const Change& c : changesOf(hub, device))
        if (c.type == type) {
            auto data = parseJson(c.data);
            REQUIRE(data);
            out.push_back(std::move(data.value()));
        }
    return out;
}

std::vector<KioskEntry> kioskEntriesSent(HubStore& hub, const std::string& kiosk) {
    std::vector<KioskEntry> out;
    for (const Json& data : sent(hub, kiosk, "kiosk.status")) {
        auto entry = parseKioskEntry(data);
        REQUIRE(entry);
        out.push_back(*entry);
    }
    return out;
}

// What the kiosk queue's drain did (serve's worker does the same in the background).
KioskDrained drain(HubStore& hub) {
    auto drained = drainKioskQueue(hub.db(), kNow + 1);
    REQUIRE(drained);
    CHECK_FALSE(drained->more);
    return *drained;
}

}  // namespace

TEMPLATE_TEST_CASE("decide: one member verified reaches its device, the audit log and the kiosks",
                   "[hub][office]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "decide_one.db");
    auto hub = openHub(db);
    addRina(db);
    const std::string tablet = enrol(*hub);
    const std::string kiosk = enrol(*hub, "18.06");
    registerHousehold(*hub, tablet);

    auto summary = decide(hub->db(), request({"m1"}, Decision::verified), kNow);
    REQUIRE(summary);
    CHECK(summary->decided == 1);
    CHECK(summary->unknown == 0);
    CHECK(summary->changes == 1);
    CHECK(summary->kiosk_queued == 1);
    // Committed at once: the kiosks' table follows when the queue is drained.
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue WHERE nik = '" + std::string(kBudi) +
                      "' AND status = 'verified' AND decided_on = '" + kToday + "'") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries") == 0);
    CHECK(sent(*hub, kiosk, "kiosk.status").empty());
    const KioskDrained drained = drain(*hub);
    CHECK(drained.rows == 1);
    CHECK(drained.entries == 1);
    CHECK(drained.changes == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 0);

    const auto verified = sent(*hub, tablet, "registration.verified");
    REQUIRE(verified.size() == 1);
    CHECK(verified[0] == Json{{"member_id", "m1"},
                              {"household_id", "h1"},
                              {"status", "verified"},
                              {"date", kToday}});

    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions WHERE member_id = 'm1' AND decision = "
                      "'verified' AND reason = '' AND staff_id = 1 AND decided_at = " +
                      std::to_string(kNow)) == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions") == 1);
    // The history line names the decision it came from.
    CHECK(db.queryInt("SELECT COUNT(*) FROM office_history h JOIN decisions d ON "
                      "CAST(d.id AS TEXT) = h.source WHERE h.member_id = 'm1' AND h.kind = "
                      "'decision' AND h.what = 'verified' AND h.actor = 'staff:rina' AND "
                      "h.detail = '{\"note\":\"\",\"reason\":\"\"}'") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'decide' AND target = 'm1' "
                      "AND username = 'rina' AND staff_id = 1") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%" + std::string(kBudi) +
                      "%'") == 0);

    // The kiosk finds Budi verified, by his receipt and by his KK.
    const auto entries = kioskEntriesSent(*hub, kiosk);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == "verified");
    CHECK_FALSE(entries[0].kk_lookup.empty());
    CHECK_FALSE(entries[0].receipt_lookup.empty());
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries WHERE nik = '" + std::string(kBudi) +
                      "' AND decided_on = '" + kToday + "'") == 1);

    CHECK(stateOf(db, "m1") == "verified");
    // Siti was not decided: nothing about her.
    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions WHERE member_id = 'm2'") == 0);
    CHECK(stateOf(db, "m2") == "new");
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries WHERE nik = '" + std::string(kSiti) +
                      "'") == 0);
}

TEMPLATE_TEST_CASE("decide: a household sent back for correction, with its reason and note",
                   "[hub][office]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "decide_household.db");
    auto hub = openHub(db);
    addRina(db);
    const std::string tablet = enrol(*hub);
    const std::string kiosk = enrol(*hub, "18.06.01");
    registerHousehold(*hub, tablet);

    const std::string note = "Nama di KTP \"Budi S.\"; periksa ejaan";
    auto summary = decide(
        hub->db(), request({"m1", "m2"}, Decision::needs_correction, "name_spelling", note), kNow);
    REQUIRE(summary);
    CHECK(summary->decided == 2);
    CHECK(summary->changes == 2);
    CHECK(summary->kiosk_queued == 2);
    CHECK(drain(*hub).changes == 2);

    const auto asked = sent(*hub, tablet, kCorrectionRequestedType);
    REQUIRE(asked.size() == 2);
    CHECK(asked[0] == Json{{"member_id", "m1"},
                           {"household_id", "h1"},
                           {"reason", "name_spelling"},
                           {"note", note},
                           {"date", kToday}});
    CHECK(asked[1]["member_id"] == "m2");
    CHECK(sent(*hub, tablet, "registration.verified").empty());

    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions WHERE decision = 'needs_correction' AND "
                      "reason = 'name_spelling'") == 2);
    CHECK(db.queryInt("SELECT COUNT(*) FROM office_history WHERE kind = 'decision' AND what = "
                      "'needs_correction' AND detail LIKE '%name_spelling%'") == 2);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'decide'") == 2);
    CHECK(stateOf(db, "m1") == "needs_correction");
    CHECK(stateOf(db, "m2") == "needs_correction");

    // For the resident, a registration sent back is one the office has and has not decided.
    const auto entries = kioskEntriesSent(*hub, kiosk);
    REQUIRE(entries.size() == 2);
    for (const KioskEntry& e : entries) CHECK(e.status == "synced");

    // Corrected and then verified the same day: the kiosk follows the later decision.
    auto later = decide(hub->db(), request({"m1"}, Decision::verified), kNow + 600);
    REQUIRE(later);
    CHECK(drain(*hub).changes == 1);
    const auto after = kioskEntriesSent(*hub, kiosk);
    REQUIRE(after.size() == 3);
    CHECK(after.back().status == "verified");
    CHECK(stateOf(db, "m1") == "verified");
    CHECK(stateOf(db, "m2") == "needs_correction");
    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions WHERE member_id = 'm1'") == 2);
}

TEMPLATE_TEST_CASE("decide: a rejection carries its reason and note to the device", "[hub][office]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "decide_reject.db");
    auto hub = openHub(db);
    addRina(db);
    const std::string tablet = enrol(*hub);
    registerHousehold(*hub, tablet);

    auto summary =
        decide(hub->db(), request({"m2"}, Decision::rejected, "already_covered", "PPU"), kNow);
    REQUIRE(summary);
    CHECK(summary->decided == 1);
    CHECK(summary->kiosk_queued == 1);
    const KioskDrained drained = drain(*hub);
    CHECK(drained.entries == 1);
    CHECK(drained.changes == 0);  // no kiosk enrolled: the entry waits for one
    CHECK(stateOf(db, "m2") == "rejected");
    const auto rejected = sent(*hub, tablet, "registration.rejected");
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0] == Json{{"member_id", "m2"},
                              {"household_id", "h1"},
                              {"status", "rejected"},
                              {"reason", "already_covered"},
                              {"note", "PPU"},
                              {"date", kToday}});
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries WHERE nik = '" + std::string(kSiti) +
                      "'") == 1);

    // A kiosk enrolled later is sent the rejection with its table.
    const std::string kiosk = enrol(*hub, "18.06");
    const auto entries = kioskEntriesSent(*hub, kiosk);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == "rejected");
}

TEMPLATE_TEST_CASE("decide: a reason not of the decision's list, too many members, a long note",
                   "[hub][office]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "decide_bad.db");
    auto hub = openHub(db);
    addRina(db);
    const std::string tablet = enrol(*hub);
    registerHousehold(*hub, tablet);

    CHECK_ERROR_CODE(decide(hub->db(), request({"m1"}, Decision::verified, "other"), kNow),
                     "bad_reason");
    CHECK_ERROR_CODE(decide(hub->db(), request({"m1"}, Decision::needs_correction), kNow),
                     "bad_reason");
    // A rejection's reason is not a correction's, and the other way round.
    CHECK_ERROR_CODE(
        decide(hub->db(), request({"m1"}, Decision::needs_correction, "deceased"), kNow),
        "bad_reason");
    CHECK_ERROR_CODE(decide(hub->db(), request({"m1"}, Decision::rejected, "name_spelling"), kNow),
                     "bad_reason");
    CHECK_ERROR_CODE(decide(hub->db(), request({"m1"}, Decision::rejected, "DECEASED"), kNow),
                     "bad_reason");

    std::vector<std::string> many(kMaxDecisionMembers + 1, "m1");
    CHECK_ERROR_CODE(decide(hub->db(), request(many, Decision::verified), kNow), "too_many");
    CHECK_ERROR_CODE(
        decide(hub->db(),
               request({"m1"}, Decision::rejected, "other", std::string(kMaxDecisionNote + 1, 'x')),
               kNow),
        "note_too_long");
    auto nobody = request({"m1"}, Decision::verified);
    nobody.username.clear();
    CHECK_ERROR_CODE(decide(hub->db(), nobody, kNow), "bad_staff");

    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions") == 0);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log") == 0);
    CHECK(changesOf(*hub, tablet).empty());

    // At the limits: 5000 ids (all the same member) and a note of 500 bytes are fine.
    std::vector<std::string> limit(kMaxDecisionMembers, "m1");
    auto at_limit = decide(
        hub->db(), request(limit, Decision::rejected, "other", std::string(kMaxDecisionNote, 'x')),
        kNow);
    REQUIRE(at_limit);
    CHECK(at_limit->decided == 1);
}

TEMPLATE_TEST_CASE("decide: ids the hub does not hold are counted and left alone", "[hub][office]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "decide_unknown.db");
    auto hub = openHub(db);
    addRina(db);
    const std::string tablet = enrol(*hub);
    registerHousehold(*hub, tablet);

    auto summary = decide(
        hub->db(), request({"m1", "nobody", "m1", "", "x' OR '1'='1"}, Decision::verified), kNow);
    REQUIRE(summary);
    CHECK(summary->decided == 1);
    CHECK(summary->unknown == 3);
    CHECK(summary->changes == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log") == 1);

    auto none = decide(hub->db(), request({"nobody"}, Decision::verified), kNow);
    REQUIRE(none);
    CHECK(none->decided == 0);
    CHECK(none->unknown == 1);
    auto empty = decide(hub->db(), request({}, Decision::verified), kNow);
    REQUIRE(empty);
    CHECK(empty->decided == 0);
    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions") == 1);
}

TEMPLATE_TEST_CASE("decide: a bulk decision of 1000 members in one transaction", "[hub][office]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "decide_bulk.db");
    auto hub = openHub(db);
    addRina(db);
    const std::string tablet = enrol(*hub);
    const std::string other = enrol(*hub);
    std::vector<std::string> ids;
    for (int b = 0; b < 2; ++b) {
        std::vector<std::string> events;
        for (int i = 0; i < 500; ++i) {
            const int n = b * 500 + i;
            char nik[17];
            std::snprintf(nik, sizeof nik, "18060115058%05d", n);
            const std::string id = "b" + std::to_string(n);
            events.push_back(
                memberEvent("e" + id, id, "hh" + std::to_string(n / 4), nik, "1980-05-15"));
            ids.push_back(id);
        }
        auto answer = hub->push(b == 0 ? tablet : other, batch(events), kNow - 3600);
        REQUIRE(answer);
        REQUIRE(answer->accepted.size() == 500);
    }

    auto summary = decide(hub->db(), request(ids, Decision::verified), kNow);
    REQUIRE(summary);
    CHECK(summary->decided == 1000);
    CHECK(summary->changes == 1000);
    // Each device is sent the decisions on the members it registered, and only those.
    CHECK(sent(*hub, tablet, "registration.verified").size() == 500);
    const auto theirs = sent(*hub, other, "registration.verified");
    REQUIRE(theirs.size() == 500);
    CHECK(theirs.front()["member_id"] == "b500");
    CHECK(db.queryInt("SELECT COUNT(*) FROM decisions") == 1000);
    CHECK(db.queryInt("SELECT COUNT(DISTINCT source) FROM office_history WHERE kind = "
                      "'decision'") == 1000);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'decide'") == 1000);
    CHECK(db.queryInt("SELECT COUNT(*) FROM office_members WHERE state = 'verified'") == 1000);
    // The kiosks' rows are queued in the same transaction and follow when drained.
    CHECK(summary->kiosk_queued == 1000);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 1000);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries") == 0);
    const KioskDrained drained = drain(*hub);
    CHECK(drained.rows == 1000);
    CHECK(drained.entries == 1000);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries") == 1000);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 0);
}

TEST_CASE("decide: the changes a decision queues, by decision", "[hub][office]") {
    const std::vector<Registration> members{{"m1", "h1", "dev-a", kBudi, "1980-05-15"},
                                            {"m2", "h2", "dev-b", kSiti, "1982-08-15"}};
    const auto verified = decisionChanges(members, Decision::verified, "", "", kNow);
    REQUIRE(verified.size() == 2);
    CHECK(verified[0].device_id == "dev-a");
    CHECK(verified[1].device_id == "dev-b");
    CHECK(verified[0].type == "registration.verified");
    CHECK(verified[0].data ==
          R"({"date":"2026-11-18","household_id":"h1","member_id":"m1","status":"verified"})");
    const auto asked =
        decisionChanges(members, Decision::needs_correction, "birth_date", "<b>x</b>", kNow);
    CHECK(asked[1].type == "registration.correction_requested");
    CHECK(
        asked[1].data ==
        R"({"date":"2026-11-18","household_id":"h2","member_id":"m2","note":"<b>x</b>","reason":"birth_date"})");
    const auto rejected = decisionChanges(members, Decision::rejected, "deceased", "", kNow);
    CHECK(rejected[0].type == "registration.rejected");
    CHECK(
        rejected[0].data ==
        R"({"date":"2026-11-18","household_id":"h1","member_id":"m1","note":"","reason":"deceased","status":"rejected"})");
    // No NIK in what a device is sent about a decision.
    for (const auto& c : {verified, asked, rejected})
        for (const NewChange& change : c) CHECK(change.data.find(kBudi) == std::string::npos);
}

// --- The kiosk follow-up queue (hub_ops_kiosk_queue) -----------------------------------------
// A decision and a status import queue their rows for the kiosks' table and commit at once; the
// drain applies them, oldest first, each decision or import planned as it would have been.

namespace {

// A hub with Rina, a tablet that registered Budi and Siti (household h1), and a kiosk of
// `area`.
struct Registered {
    std::unique_ptr<HubStore> hub;
    std::string tablet;
    std::string kiosk;
};
Registered registered(const test::HubTestDb& db, const std::string& area) {
    Registered r{openHub(db), "", ""};
    addRina(db);
    r.tablet = enrol(*r.hub);
    r.kiosk = enrol(*r.hub, area);
    registerHousehold(*r.hub, r.tablet);
    return r;
}

std::int64_t kioskEntriesOfNik(const test::HubTestDb& db, const std::string& nik) {
    return db.queryInt("SELECT COUNT(*) FROM kiosk_entries WHERE nik = '" + nik + "'");
}

StatusRow statusRow(const std::string& nik, Date birth, MemberStatus status, Date decided,
                    const std::string& card = "") {
    StatusRow row;
    row.nik = nik;
    row.birth_date = birth;
    row.status = status;
    row.card_number = card;
    row.date = decided;
    return row;
}

// A drain step's first half: the batch read and its lookups computed, nothing written yet.
KioskBatch readAndCompute(HubStore& hub) {
    auto taken = inTx<std::optional<KioskBatch>>(
        hub.db(), TxMode::read, [](HubTx& tx) { return readKioskBatch(tx, kKioskDrainBatch); });
    REQUIRE(taken);
    REQUIRE(taken->has_value());
    computeKioskBatch(**taken);
    return std::move(**taken);
}

Result<KioskDrained> apply(HubStore& hub, const KioskBatch& taken) {
    return inTx<KioskDrained>(hub.db(), TxMode::write,
                              [&](HubTx& tx) { return applyKioskBatch(tx, taken, kNow + 1); });
}

std::vector<std::string> statusesSent(HubStore& hub, const std::string& kiosk) {
    std::vector<std::string> out;
    for (const KioskEntry& e : kioskEntriesSent(hub, kiosk)) out.push_back(e.status);
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("kiosk queue: imports and decisions follow in order, each on its own",
                   "[hub][office][kiosk_queue]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "kiosk_queue_order.db");
    auto [hub, tablet, kiosk] = registered(db, "18.06");
    const Date budi_born{1980, 5, 15}, siti_born{1982, 8, 15};

    // Three imports and a decision, all committed before anything is drained.
    auto a = hub->importStatuses({statusRow(kBudi, budi_born, MemberStatus::card_issued,
                                            Date{2026, 12, 1}, "0001234567890")},
                                 kNow);
    REQUIRE(a);
    CHECK(a->kiosk_queued == 1);
    // Paid on the day the card was issued: a tie, which the later row wins (it keeps the card
    // number); Siti verified.
    REQUIRE(hub->importStatuses(
        {statusRow(kBudi, budi_born, MemberStatus::paid, Date{2026, 12, 1}),
         statusRow(kSiti, siti_born, MemberStatus::verified, Date{2026, 11, 30})},
        kNow));
    // Within one file, the later row of a tie wins and the kiosk is sent the person once.
    REQUIRE(hub->importStatuses(
        {statusRow(kBudi, budi_born, MemberStatus::card_delivered, Date{2026, 12, 5}),
         statusRow(kBudi, budi_born, MemberStatus::card_issued, Date{2026, 12, 5})},
        kNow));
    // Rejected by the office at kNow (2026-11-18): older than the card, so it changes nothing.
    auto late = decide(hub->db(), request({"m1"}, Decision::rejected, "other"), kNow);
    REQUIRE(late);
    CHECK(late->kiosk_queued == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 6);
    CHECK(db.queryInt("SELECT COUNT(DISTINCT origin) FROM kiosk_queue") == 4);
    CHECK(statusesSent(*hub, kiosk).empty());

    // One origin a step, oldest first.
    std::vector<int> rows;
    for (;;) {
        auto step = drainKioskStep(hub->db(), kNow + 1);
        REQUIRE(step);
        rows.push_back(step->rows);
        if (!step->more) break;
    }
    CHECK(rows == std::vector<int>{1, 2, 2, 1});
    CHECK(statusesSent(*hub, kiosk) ==
          std::vector<std::string>{"card_issued", "paid", "verified", "card_issued"});
    const auto entries = kioskEntriesSent(*hub, kiosk);
    CHECK(entries.back().card_number_masked == entries.front().card_number_masked);
    CHECK_FALSE(entries.back().card_number_masked.empty());
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries WHERE decided_on = '2026-12-05'") == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 0);

    // Nothing left: a drain does nothing.
    auto again = drainKioskQueue(hub->db(), kNow + 2);
    REQUIRE(again);
    CHECK(again->rows == 0);
    CHECK(kioskEntriesSent(*hub, kiosk).size() == 4);
}

TEMPLATE_TEST_CASE("kiosk queue: a drain cut short leaves its rows queued; again, it is the same",
                   "[hub][office][kiosk_queue]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "kiosk_queue_crash.db");
    auto [hub, tablet, kiosk] = registered(db, "18.06.01");
    REQUIRE(decide(hub->db(), request({"m1", "m2"}, Decision::verified), kNow));

    // The lookups computed, then the write transaction dies before its commit.
    const KioskBatch taken = readAndCompute(*hub);
    CHECK(taken.people.size() == 2);
    CHECK(taken.lookups.size() == 2);
    auto crashed = inTx<KioskDrained>(hub->db(), TxMode::write, [&](HubTx& tx) -> Result<KioskDrained> {
        auto applied = applyKioskBatch(tx, taken, kNow + 1);
        REQUIRE(applied);
        CHECK(applied->changes == 2);
        return Error{"crash", "crash", "crash"};
    });
    REQUIRE_FALSE(crashed);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 2);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries") == 0);
    CHECK(statusesSent(*hub, kiosk).empty());

    // The next drain does it all.
    auto drained = drainKioskQueue(hub->db(), kNow + 1);
    REQUIRE(drained);
    CHECK(drained->rows == 2);
    CHECK(drained->entries == 2);
    CHECK(drained->changes == 2);
    CHECK(statusesSent(*hub, kiosk) == std::vector<std::string>{"verified", "verified"});
    // Its lookups are the people's (the same a synchronous follow-up computed).
    auto lookups = kioskLookupsOf(hub->db(), taken.people);
    REQUIRE(lookups);
    const auto sent_entries = kioskEntriesSent(*hub, kiosk);
    CHECK(sent_entries[0].kk_lookup == lookups->at(personText(taken.people[0])).kk);
    CHECK(sent_entries[0].receipt_lookup == lookups->at(personText(taken.people[0])).receipt);

    // The stale batch applied once more (a second drainer that read it too) changes nothing.
    auto twice = apply(*hub, taken);
    REQUIRE(twice);
    CHECK(twice->rows == 0);
    CHECK(twice->changes == 0);
    CHECK_FALSE(twice->more);
    CHECK(kioskEntriesSent(*hub, kiosk).size() == 2);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_entries") == 2);
}

TEMPLATE_TEST_CASE("kiosk queue: a person whose lookups fail is dropped after a few tries",
                   "[hub][office][kiosk_queue]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "kiosk_queue_failed.db");
    auto [hub, tablet, kiosk] = registered(db, "18.06");
    REQUIRE(decide(hub->db(), request({"m1"}, Decision::verified), kNow));
    REQUIRE(decide(hub->db(), request({"m2"}, Decision::verified), kNow));

    // Budi's lookups fail at every try: his row waits, then is dropped; Siti's is not held up
    // for longer than that.
    for (int attempt = 1; attempt <= kKioskQueueAttempts; ++attempt) {
        KioskBatch taken = readAndCompute(*hub);
        REQUIRE(taken.people.size() == 1);
        CHECK(taken.people[0].nik == kBudi);
        taken.lookups.clear();
        taken.failed.insert(personText(taken.people[0]));
        auto step = apply(*hub, taken);
        REQUIRE(step);
        CHECK(step->rows == 0);
        CHECK(step->dropped == (attempt == kKioskQueueAttempts ? 1 : 0));
        CHECK(step->more);
        CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue WHERE nik = '" + std::string(kBudi) +
                          "'") == (attempt == kKioskQueueAttempts ? 0 : 1));
    }
    auto drained = drainKioskQueue(hub->db(), kNow + 1);
    REQUIRE(drained);
    CHECK(drained->rows == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue") == 0);
    CHECK(kioskEntriesOfNik(db, kBudi) == 0);
    CHECK(kioskEntriesOfNik(db, kSiti) == 1);
}

TEMPLATE_TEST_CASE("kiosk queue: a registration that arrives while the lookups are computed",
                   "[hub][office][kiosk_queue]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "kiosk_queue_stale.db");
    auto [hub, tablet, kiosk] = registered(db, "18.06");
    REQUIRE(decide(hub->db(), request({"m1"}, Decision::verified), kNow));
    const KioskBatch taken = readAndCompute(*hub);

    // Budi registered again, in another household with another KK, under an earlier member id:
    // his KK lookup is now that household's.
    auto answer = hub->push(
        tablet,
        batch({R"({"id":"eh0","seq":3,"type":"household.registered","at":"2026-11-17T09:00:00Z","actor":"u1","data":{"household_id":"h0","kk_number":"1806011203150099","village_code":"18.06.01.2016","address":"Jl. Baru 1","rt":"001","rw":"001"}})",
                  memberEvent("em0", "m0", "h0", kBudi, "1980-05-15")}),
        kNow);
    REQUIRE(answer);
    REQUIRE(answer->accepted.size() == 2);

    // The stale lookups are not used: the row stays queued, and the next drain computes anew.
    auto stale = apply(*hub, taken);
    REQUIRE(stale);
    CHECK(stale->rows == 0);
    CHECK(db.queryInt("SELECT COUNT(*) FROM kiosk_queue WHERE attempts = 0") == 1);
    auto drained = drainKioskQueue(hub->db(), kNow + 1);
    REQUIRE(drained);
    CHECK(drained->rows == 1);
    auto fresh = kioskLookupsOf(hub->db(), taken.people);
    REQUIRE(fresh);
    const auto entries = kioskEntriesSent(*hub, kiosk);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].kk_lookup == fresh->at(personText(taken.people[0])).kk);
    CHECK(entries[0].kk_lookup != taken.lookups.at(personText(taken.people[0])).kk);
}
