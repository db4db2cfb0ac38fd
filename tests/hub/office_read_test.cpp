// The office's read models (hub/office_read) on each backend: kept by real pushes through
// HubStore::push and by status imports, read as the console reads them (the queue, a person's
// page), and made again by rebuild with the same result as the incremental path.
#include "hub/office_read.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "hub/dashboard.hpp"
#include "hub/hub_store_fixtures.hpp"
#include "support/check_error.hpp"
#include "support/postgres_test_db.hpp"
#include "support/running_hub.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::batch;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;  // 2026-11-18
constexpr const char* kNikA = "1806011505800001";

std::string enrolDevice(HubStore& hub, const std::string& name) {
    auto token = hub.createToken("test", kNow, 3600);
    REQUIRE(token);
    auto e = hub.enrol(token->token, name, kNow);
    REQUIRE(e);
    return e->device_id;
}

// Event JSON as a device sends it; `n` makes the event id and sequence unique.
std::string event(int n, const std::string& type, const Json& data) {
    const std::string id = "00000000-0000-4000-8000-" + std::string(12 - std::to_string(n).size(), '0') +
                           std::to_string(n);
    return Json{{"id", id}, {"seq", n}, {"type", type}, {"at", "2026-11-22T08:15:00Z"},
                {"actor", "u1"}, {"data", data}}
        .dump();
}

Json household(const std::string& id, const std::string& village, const std::string& kk,
               const std::string& pbi_basis = "dtks") {
    return {{"household_id", id}, {"kk_number", kk},  {"village_code", village},
            {"address", "Jl. Merdeka No. 12"}, {"rt", "002"}, {"rw", "001"},
            {"documents", {{"ktp", true}, {"pbi_basis", pbi_basis}}}};
}

Json member(const std::string& id, const std::string& household_id, const std::string& nik,
            const std::string& birth, const std::string& sex, const std::string& relation,
            const std::string& segment = "PBPU") {
    return {{"member_id", id}, {"household_id", household_id}, {"nik", nik},
            {"name", "Warga " + id}, {"birth_date", birth}, {"sex", sex},
            {"relation", relation}, {"segment", segment}, {"class", 3}};
}

void push(HubStore& hub, const std::string& device, const std::vector<std::string>& events,
          UnixSeconds at) {
    auto answer = hub.push(device, batch(events), at);
    REQUIRE(answer);
    for (const auto& r : answer->rejected) INFO(r.id << " " << r.code << " " << r.message);
    CHECK(answer->rejected.empty());
}

QueuePage page(HubStore& hub, const QueueFilter& filter, const std::string& after = "",
               int limit = 50) {
    auto p = queuePage(hub.db(), filter, after, limit);
    REQUIRE(p);
    return std::move(p.value());
}

std::vector<std::string> ids(const QueuePage& p) {
    std::vector<std::string> out;
    for (const MemberRow& r : p.rows) out.push_back(r.member_id);
    return out;
}
using Ids = std::vector<std::string>;

MemberView view(HubStore& hub, const std::string& member_id) {
    auto v = memberView(hub.db(), member_id);
    REQUIRE(v);
    REQUIRE(v->has_value());
    return std::move(**v);
}

Status write(HubStore& hub, const std::function<Status(HubTx&)>& work) {
    return hub.db().transaction(TxMode::write, work);
}

// A staff decision as decide() records it, straight into the decisions table.
void decideDirectly(HubStore& hub, const std::string& member_id, const std::string& decision,
                    const std::string& reason, UnixSeconds at) {
    constexpr HubSql kLast{"test_last_decision", "SELECT COALESCE(MAX(id), 0) FROM decisions", 1};
    constexpr HubSql kInsert{"test_insert_decision",
                             "INSERT INTO decisions (member_id, decision, reason, note, staff_id, "
                             "decided_at) VALUES (?, ?, ?, 'periksa lagi', 1, ?)",
                             0};
    REQUIRE(write(hub, [&](HubTx& tx) -> Status {
        auto last = tx.run(kLast, {}, "test");
        if (!last) return last.error();
        auto done = tx.run(kInsert, {member_id, decision, reason, at}, "test");
        if (!done) return done.error();
        if (auto s = addDecisionHistory(tx, last->integer(0, 0)); !s) return s;
        return refreshMembers(tx, {member_id});
    }));
}

void addStaff(HubStore& hub) {
    constexpr HubSql kStaff{"test_staff",
                            "INSERT INTO staff (username, display_name, role, password_hash, "
                            "created_at, failed_sign_ins) VALUES ('siti', 'Siti', 'verifier', "
                            "'x', 0, 0)",
                            0};
    REQUIRE(write(hub, [&](HubTx& tx) -> Status {
        auto done = tx.run(kStaff, {}, "test");
        return done ? Status() : Status(done.error());
    }));
}

StatusRow statusRow(const std::string& nik, const Date& birth, MemberStatus status,
                    const Date& decided) {
    StatusRow row;
    row.nik = nik;
    row.birth_date = birth;
    row.status = status;
    row.card_number = status == MemberStatus::card_issued ? "0001234567890" : "";
    row.faskes = "Puskesmas Kota Agung";
    row.date = decided;
    return row;
}

// Every row of every read model, in a canonical order (office_history without its serial id).
// `every_model`: each must hold rows (the rebuild test's history fills them all).
std::vector<std::string> dumpReadModels(HubStore& hub, bool every_model = true) {
    static constexpr HubSql kDumps[] = {
        {"dump_households", "SELECT * FROM office_households ORDER BY household_id", 13},
        {"dump_members", "SELECT * FROM office_members ORDER BY member_id", 30},
        {"dump_history",
         "SELECT member_id, at, kind, what, actor, detail, source FROM office_history "
         "ORDER BY member_id, kind, source",
         7},
        {"dump_checks", "SELECT * FROM office_checks ORDER BY member_id, code", 4},
        {"dump_sessions", "SELECT * FROM office_sessions ORDER BY session_id", 10},
        {"dump_attendance", "SELECT * FROM office_attendance ORDER BY session_id, attendee_id",
         5},
        {"dump_quiz", "SELECT * FROM office_quiz ORDER BY session_id, attendee_id, quiz, phase",
         7},
        {"dump_feedback", "SELECT * FROM office_feedback ORDER BY event_id", 9},
        {"dump_leads", "SELECT * FROM office_leads ORDER BY lead_id", 5},
    };
    std::vector<std::string> out;
    REQUIRE(hub.db().transaction(TxMode::read, [&](HubTx& tx) -> Status {
        for (const HubSql& sql : kDumps) {
            auto rows = tx.run(sql, {}, "dump");
            if (!rows) return rows.error();
            INFO(sql.name);
            if (every_model) CHECK(rows->count() > 0);
            for (int r = 0; r < rows->count(); ++r) {
                std::string line = sql.name;
                for (int c = 0; c < sql.columns; ++c)
                    line += "|" + (rows->isNull(r, c) ? std::string("NULL") : rows->text(r, c));
                out.push_back(line);
            }
        }
        return {};
    }));
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("office read: pushes fill the queue and the person page", "[hub][office]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "office_queue.db");
    auto opened = openHub(db);
    HubStore& hub = *opened;
    const std::string dev1 = enrolDevice(hub, "tablet Kota Agung");
    const std::string dev2 = enrolDevice(hub, "tablet Talang Padang");

    // A household of three in Kota Agung; the child is older than the head.
    push(hub, dev1,
         {event(1, "household.registered", household("h1", "18.06.01.2016", "1806011203150007")),
          event(2, "member.registered", member("m1", "h1", kNikA, "1980-05-15", "M", "head")),
          event(3, "member.registered",
                member("m2", "h1", "1806015708820002", "1982-08-17", "F", "spouse", "PBI-APBN")),
          event(4, "member.registered",
                member("m3", "h1", "1806011505750003", "1975-05-15", "M", "child"))},
         kNow);
    // Another device registers the head's NIK in another household, before that household.
    push(hub, dev2,
         {event(101, "member.registered", member("m4", "h2", kNikA, "1980-05-15", "M", "head"))},
         kNow + 10);
    {
        const MemberView v = view(hub, "m4");
        CHECK_FALSE(v.household);
        CHECK(v.member.village_code.empty());
    }
    push(hub, dev2,
         {event(102, "household.registered", household("h2", "18.06.02.2001", "1806021203150007"))},
         kNow + 20);

    SECTION("the queue, in receipt order, with its filters") {
        QueuePage all = page(hub, {});
        REQUIRE(ids(all) == Ids{"m1", "m2", "m3", "m4"});
        CHECK(all.next.empty());
        CHECK(all.rows[0].device_name == "tablet Kota Agung");
        CHECK(all.rows[0].nik == kNikA);
        CHECK(all.rows[0].state == OfficeState::fresh);
        CHECK(all.rows[0].checks == Ids{"nik_elsewhere"});
        CHECK(all.rows[1].checks.empty());
        CHECK(all.rows[2].checks == Ids{"relation_age"});
        CHECK(all.rows[3].checks == Ids{"nik_region", "nik_elsewhere"});
        CHECK(all.rows[3].village_code == "18.06.02.2001");  // its household came later
        CHECK(all.rows[3].device_name == "tablet Talang Padang");

        CHECK(ids(page(hub, {.village = "18.06.01.2016"})) == Ids{"m1", "m2", "m3"});
        CHECK(ids(page(hub, {.kecamatan = "18.06.02"})) == Ids{"m4"});
        CHECK(ids(page(hub, {.device_id = dev2})) == Ids{"m4"});
        CHECK(ids(page(hub, {.segment = "PBI-APBN"})) == Ids{"m2"});
        CHECK(ids(page(hub, {.check = "nik_elsewhere"})) == Ids{"m1", "m4"});
        CHECK(ids(page(hub, {.village = "18.06.01.2016", .check = "nik_elsewhere"})) == Ids{"m1"});
        CHECK(ids(page(hub, {.check = "relation_age"})) == Ids{"m3"});
        CHECK(ids(page(hub, {.check = "any"})) == Ids{"m1", "m3", "m4"});
        CHECK(ids(page(hub, {.check = "none"})) == Ids{"m2"});
        const std::string today = formatIsoDate(dateOf(kNow));
        const std::string tomorrow = formatIsoDate(dateOf(kNow + 86400));
        CHECK(ids(page(hub, {.from_day = today, .to_day = today})).size() == 4);
        CHECK(page(hub, {.from_day = tomorrow}).rows.empty());
        CHECK(page(hub, {.states = {OfficeState::verified}}).rows.empty());
        CHECK(ids(page(hub, {.states = {OfficeState::fresh, OfficeState::verified}})).size() == 4);

        CHECK_ERROR_CODE(queuePage(hub.db(), {.check = "no_such_check"}, "", 10), "bad_filter");
        CHECK_ERROR_CODE(queuePage(hub.db(), {.from_day = "2026-13-01"}, "", 10), "bad_filter");
        CHECK_ERROR_CODE(queuePage(hub.db(), {}, "", 0), "bad_filter");
        CHECK_ERROR_CODE(queuePage(hub.db(), {}, "", 501), "bad_filter");
    }

    SECTION("paging by an opaque cursor; a forged one is refused") {
        Ids seen;
        std::string after;
        int pages = 0;
        do {
            QueuePage p = page(hub, {}, after, 1);
            REQUIRE(p.rows.size() == 1);
            seen.push_back(p.rows[0].member_id);
            CHECK(p.next.find("m") == std::string::npos);  // opaque: no member id in it
            after = p.next;
            REQUIRE(++pages <= 4);
        } while (!after.empty());
        CHECK(seen == Ids{"m1", "m2", "m3", "m4"});
        // The last full page says there is more only when there is.
        QueuePage two = page(hub, {.village = "18.06.01.2016"}, "", 2);
        CHECK(ids(two) == Ids{"m1", "m2"});
        QueuePage rest = page(hub, {.village = "18.06.01.2016"}, two.next, 2);
        CHECK(ids(rest) == Ids{"m3"});
        CHECK(rest.next.empty());

        for (const std::string& forged :
             std::vector<std::string>{"zz", "abc", "6131", two.next + "00", std::string(300, 'a'),
                                      "71313a2d313a6d31"})  // the last: "q1:-1:m1"
            CHECK_ERROR_CODE(queuePage(hub.db(), {}, forged, 10), "bad_cursor");
    }

    SECTION("a person's page: household, members, the same NIK elsewhere, findings, history") {
        const MemberView v = view(hub, "m1");
        CHECK(v.member.name == "Warga m1");
        REQUIRE(v.household);
        CHECK(v.household->kk_number == "1806011203150007");
        CHECK(v.household->village_code == "18.06.01.2016");
        CHECK(parseJson(v.household->documents)->at("pbi_basis") == "dtks");
        Ids mates;
        for (const MemberRow& r : v.household_members) mates.push_back(r.member_id);
        CHECK(mates == Ids{"m1", "m2", "m3"});
        REQUIRE(v.same_nik_elsewhere.size() == 1);
        CHECK(v.same_nik_elsewhere[0].member_id == "m4");
        CHECK(v.same_nik_elsewhere[0].device_name == "tablet Talang Padang");
        REQUIRE(v.findings.size() == 1);
        CHECK(v.findings[0].code == "nik_elsewhere");
        CHECK(parseJson(v.findings[0].detail)->at("members") == Json::array({"m4"}));
        REQUIRE(v.history.size() == 1);
        CHECK(v.history[0].kind == "registered");
        CHECK(v.history[0].actor == dev1);
        CHECK(v.history[0].at == kNow);
        CHECK(v.corrections == 0);

        auto none = memberView(hub.db(), "no-such-member");
        REQUIRE(none);
        CHECK_FALSE(none->has_value());
    }

    SECTION("a corrected NIK leaves the other side's check, on both sides") {
        push(hub, dev2,
             {event(103, "member.corrected", Json{{"member_id", "m4"}, {"nik", "1806021505800004"}})},
             kNow + 30);
        CHECK(view(hub, "m1").findings.empty());
        CHECK(view(hub, "m1").same_nik_elsewhere.empty());
        const MemberView m4 = view(hub, "m4");
        CHECK(m4.findings.empty());
        CHECK(m4.corrections == 1);
        REQUIRE(m4.history.size() == 2);
        CHECK(m4.history[1].kind == "corrected");
        auto detail = parseJson(m4.history[1].detail);
        REQUIRE(detail);
        CHECK(detail->at("nik").at("to") != "1806021505800004");  // masked
        CHECK(m4.history[1].detail.find("1806021505800004") == std::string::npos);
        CHECK(ids(page(hub, {.check = "nik_elsewhere"})).empty());
    }
}

TEMPLATE_TEST_CASE("office read: corrections, decisions and imported statuses make the state",
                   "[hub][office]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "office_state.db");
    auto opened = openHub(db);
    HubStore& hub = *opened;
    addStaff(hub);
    const std::string dev = enrolDevice(hub, "tablet");
    push(hub, dev,
         {event(1, "household.registered", household("h1", "18.06.01.2016", "1806011203150007")),
          event(2, "member.registered", member("m1", "h1", kNikA, "1980-05-15", "M", "head"))},
         kNow);

    decideDirectly(hub, "m1", "needs_correction", "name_spelling", kNow + 100);
    MemberView v = view(hub, "m1");
    CHECK(v.member.state == OfficeState::needs_correction);
    REQUIRE(v.history.size() == 2);
    CHECK(v.history[1].kind == "decision");
    CHECK(v.history[1].what == "needs_correction");
    CHECK(v.history[1].actor == "staff:siti");
    CHECK(parseJson(v.history[1].detail)->at("reason") == "name_spelling");
    CHECK(page(hub, {}).rows.empty());  // no longer awaiting a decision

    push(hub, dev,
         {event(3, "member.corrected",
                Json{{"member_id", "m1"}, {"name", "Budi Santosa"}, {"class", 2}})},
         kNow + 200);
    v = view(hub, "m1");
    CHECK(v.member.state == OfficeState::corrected);
    CHECK(v.member.name == "Budi Santosa");
    CHECK(v.member.klass == 2);
    CHECK(v.corrections == 1);
    REQUIRE(v.history.size() == 3);
    CHECK(v.history[2].kind == "corrected");
    auto detail = parseJson(v.history[2].detail);
    CHECK(detail->at("name").at("from") == "Warga m1");
    CHECK(detail->at("name").at("to") == "Budi Santosa");
    CHECK(detail->at("class").at("from") == 3);
    CHECK(ids(page(hub, {})) == Ids{"m1"});  // back in the queue

    decideDirectly(hub, "m1", "verified", "", kNow + 300);
    CHECK(view(hub, "m1").member.state == OfficeState::verified);

    // BPJS's own data, imported later: the state follows it and the history shows it.
    auto imported = hub.importStatuses(
        {statusRow(kNikA, Date{1980, 5, 15}, MemberStatus::paid, Date{2026, 12, 1})}, kNow + 400);
    REQUIRE(imported);
    v = view(hub, "m1");
    CHECK(v.member.state == OfficeState::paid);
    REQUIRE(v.history.size() == 5);
    CHECK(v.history[4].kind == "status");
    CHECK(v.history[4].what == "paid");
    CHECK(v.history[4].at == kNow + 400);
    CHECK(ids(page(hub, {.states = {OfficeState::paid}})) == Ids{"m1"});

    // A member registered after the import gets the status too (same NIK, birth date).
    push(hub, dev,
         {event(4, "member.registered", member("m2", "h1", kNikA, "1980-05-15", "M", "other"))},
         kNow + 500);
    CHECK(view(hub, "m2").member.state == OfficeState::paid);
}

TEMPLATE_TEST_CASE("office read: rebuild makes the read models the pushes made", "[hub][office]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "office_rebuild.db");
    auto opened = openHub(db);
    HubStore& hub = *opened;
    addStaff(hub);
    const std::string dev1 = enrolDevice(hub, "tablet 1");
    const std::string dev2 = enrolDevice(hub, "tablet 2");
    push(hub, dev1,
         {event(1, "household.registered",
                household("h1", "18.06.01.2016", "1806011203150007", "none")),
          event(2, "member.registered", member("m1", "h1", kNikA, "1980-05-15", "M", "head")),
          event(3, "member.registered",
                member("m2", "h1", "1806015708820002", "1982-08-17", "F", "spouse", "PBI-APBN")),
          event(4, "member.registered",
                member("m3", "h1", "1806011505750003", "1975-05-15", "M", "child")),
          event(5, "session.held",
                Json{{"session_id", "s1"}, {"village_code", "18.06.01.2016"},
                     {"method", "penyuluhan"}, {"topic", "what_is_jkn"},
                     {"started_at", "2026-11-22T02:00:00Z"}, {"facilitators", {"Dewi"}},
                     {"place", "Balai Pekon"}, {"partners", {"puskesmas"}}}),
          event(6, "session.attended",
                Json{{"session_id", "s1"}, {"attendee", kNikA}, {"attendee_id", "a1"}}),
          event(7, "quiz.answered",
                Json{{"session_id", "s1"}, {"attendee_id", "a1"}, {"quiz", "jkn_basics"},
                     {"phase", "pre"}, {"score", 4}, {"max_score", 10}}),
          event(8, "feedback.submitted",
                Json{{"category", "card"}, {"rating", 2}, {"text", "Lama"}})},
         kNow);
    push(hub, dev2,
         {event(101, "member.registered", member("m4", "h2", kNikA, "1980-05-15", "M", "head"))},
         kNow + 10);
    push(hub, dev2,
         {event(102, "household.registered", household("h2", "18.06.02.2001", "1806021203150007")),
          event(103, "member.corrected", Json{{"member_id", "m4"}, {"name", "Budi S."}})},
         kNow + 20);
    // BPJS's data for m3's NIK as it stands and for the NIK a correction below changes it to:
    // the history keeps the line of the NIK the member has, whichever path made it.
    REQUIRE(hub.importStatuses(
        {statusRow("1806011505750003", Date{1975, 5, 15}, MemberStatus::paid, Date{2026, 11, 30}),
         statusRow("1806011505050003", Date{2005, 5, 15}, MemberStatus::card_issued,
                   Date{2026, 11, 30})},
        kNow + 25));
    decideDirectly(hub, "m3", "needs_correction", "birth_date", kNow + 30);
    push(hub, dev1,
         {event(9, "member.corrected", Json{{"member_id", "m3"}, {"birth_date", "2005-05-15"},
                                            {"nik", "1806011505050003"}}),
          event(10, "session.lead",
                Json{{"lead_id", "l1"}, {"session_id", "s1"}, {"attendee_id", "a1"}}),
          event(11, "lead.registered", Json{{"lead_id", "l1"}, {"household_id", "h1"}})},
         kNow + 40);
    decideDirectly(hub, "m2", "rejected", "duplicate", kNow + 50);
    REQUIRE(hub.importStatuses(
        {statusRow(kNikA, Date{1980, 5, 15}, MemberStatus::card_issued, Date{2026, 12, 1})},
        kNow + 60));
    decideDirectly(hub, "m1", "verified", "", kNow + 70);

    const std::vector<std::string> incremental = dumpReadModels(hub);
    auto rebuilt = rebuildReadModels(hub.db(), kNow + 100);
    REQUIRE(rebuilt);
    CHECK(rebuilt->events == 14);
    CHECK(rebuilt->members == 4);
    CHECK(rebuilt->decisions == 3);
    const std::vector<std::string> again = dumpReadModels(hub);
    REQUIRE(again.size() == incremental.size());
    for (size_t i = 0; i < again.size(); ++i) CHECK(again[i] == incremental[i]);
    CHECK(view(hub, "m1").member.state == OfficeState::verified);
    CHECK(view(hub, "m3").member.state == OfficeState::corrected);
    CHECK(view(hub, "m2").member.state == OfficeState::rejected);
    std::vector<std::string> statuses;
    for (const HistoryLine& h : view(hub, "m3").history)
        if (h.kind == "status") statuses.push_back(h.what);
    CHECK(statuses == std::vector<std::string>{"card_issued"});

    // The command line does the same, prints its summary and leaves an audit line.
    opened.reset();
    const test::FinishedRun run = test::runHubCommand({"rebuild", "--db", db.url()});
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.lines.size() == 1);
    auto summary = parseJson(run.lines[0]);
    REQUIRE(summary);
    CHECK(summary->at("events") == 14);
    CHECK(summary->at("members") == 4);
    CHECK(db.queryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'rebuild'") == 1);
    auto reopened = openHub(db);
    CHECK(dumpReadModels(*reopened) == incremental);
}

TEMPLATE_TEST_CASE("office read: pregnant women and babies first; a baby's NIK comes later",
                   "[hub][office][mothers]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "office_mothers.db");
    auto opened = openHub(db);
    HubStore& hub = *opened;
    addStaff(hub);
    const std::string dev = enrolDevice(hub, "tablet Kota Agung");
    auto baby = [](const std::string& id, const std::string& household_id,
                   const std::string& birth) {
        Json m = member(id, household_id, "", birth, "F", "child");
        m["nik_pending"] = true;
        return m;
    };
    Json pregnant = member("m2", "h1", "1806015708820002", "1982-08-17", "F", "spouse");
    pregnant["pregnancy_due"] = "2027-02";
    Json delivered = member("m8", "h2", "1806015708900002", "1990-08-17", "F", "spouse");
    delivered["pregnancy_due"] = "2026-10";  // before this month: no longer pregnant
    // kNow is 2026-11-18. An older registration, then a household with a pregnant mother and a
    // baby without a NIK, another pekon's baby without a NIK, and a baby with one.
    push(hub, dev,
         {event(1, "household.registered", household("h0", "18.06.01.2016", "1806011203150001")),
          event(2, "member.registered", member("m7", "h0", "1806011505700001", "1970-05-15", "M",
                                               "head"))},
         kNow - 100);
    push(hub, dev,
         {event(3, "household.registered", household("h1", "18.06.01.2016", "1806011203150007")),
          event(4, "member.registered", member("m1", "h1", kNikA, "1980-05-15", "M", "head")),
          event(5, "member.registered", pregnant),
          event(6, "member.registered", baby("m3", "h1", "2026-10-01")),
          event(7, "household.registered", household("h2", "18.06.02.2012", "1806021203150007")),
          event(8, "member.registered", baby("m5", "h2", "2026-09-09")),
          event(9, "member.registered", delivered)},
         kNow);
    push(hub, dev,
         {event(10, "member.registered",
                member("m6", "h2", "1806014106260003", "2026-06-01", "F", "child"))},
         kNow + 10);

    // Two babies without a NIK are nobody's duplicates; a baby's check says what it lacks.
    auto changes = hub.changes(dev, 0, 100);
    REQUIRE(changes);
    for (const Change& c : *changes) CHECK(c.type != "registration.duplicate_suspected");
    const MemberView m3 = view(hub, "m3");
    CHECK(m3.member.checks == std::vector<std::string>{"nik_pending"});
    CHECK(m3.same_nik_elsewhere.empty());
    CHECK(m3.member.queue_rank == 0);
    CHECK(view(hub, "m2").member.pregnancy_due == "2027-02");
    CHECK(view(hub, "m1").member.queue_rank == 1);

    // The queue: the longest waiting first, or mothers and babies first, page by page.
    CHECK(ids(page(hub, {})) == Ids{"m7", "m1", "m2", "m3", "m5", "m8", "m6"});
    QueueFilter first;
    first.mothers_first = true;
    const Ids expected{"m2", "m3", "m5", "m8", "m6", "m7", "m1"};
    CHECK(ids(page(hub, first)) == expected);
    Ids paged;
    std::string after;
    do {
        const QueuePage p = page(hub, first, after, 2);
        for (const MemberRow& r : p.rows) paged.push_back(r.member_id);
        after = p.next;
    } while (!after.empty());
    CHECK(paged == expected);
    const std::string time_cursor = page(hub, {}, "", 2).next;
    CHECK_ERROR_CODE(queuePage(hub.db(), first, time_cursor, 2), "bad_cursor");
    first.kecamatan = "18.06.02";
    CHECK(ids(page(hub, first)) == Ids{"m5", "m8", "m6"});

    // A baby without a NIK is not verified; the office asks for its NIK instead.
    DecisionRequest verify;
    verify.member_ids = {"m1", "m3"};
    verify.decision = Decision::verified;
    verify.staff_id = 1;
    verify.username = "siti";
    auto decided = decide(hub.db(), verify, kNow + 20);
    REQUIRE(decided);
    CHECK(decided->decided == 1);
    CHECK(decided->nik_pending == 1);
    CHECK(view(hub, "m3").member.state == OfficeState::fresh);
    DecisionRequest ask = verify;
    ask.member_ids = {"m3"};
    ask.decision = Decision::needs_correction;
    ask.reason = "nik_missing";
    REQUIRE(decide(hub.db(), ask, kNow + 30));
    CHECK(view(hub, "m3").member.state == OfficeState::needs_correction);

    // The NIK arrives by correction: the checks run on it and BPJS's data finds the baby.
    push(hub, dev,
         {event(11, "member.corrected", Json{{"member_id", "m3"}, {"nik", "1806014110260001"}})},
         kNow + 40);
    MemberView corrected = view(hub, "m3");
    CHECK(corrected.member.state == OfficeState::corrected);
    CHECK(corrected.member.nik == "1806014110260001");
    CHECK(std::find(corrected.member.checks.begin(), corrected.member.checks.end(),
                    "nik_pending") == corrected.member.checks.end());
    CHECK(corrected.member.queue_rank == 0);  // still a baby
    REQUIRE(hub.importStatuses(
        {statusRow("1806014110260001", Date{2026, 10, 1}, MemberStatus::paid, Date{2026, 11, 19}),
         statusRow("1806014106260003", Date{2026, 6, 1}, MemberStatus::card_issued,
                   Date{2026, 11, 19})},
        kNow + 50));
    CHECK(view(hub, "m3").member.state == OfficeState::paid);

    // The dashboard counts them per pekon: pregnant now, infants under one, and those of each
    // not yet covered (paid or further is covered).
    auto d = readDashboard(hub.db(), {}, kNow + 60, "18.06", 641036);
    REQUIRE(d);
    REQUIRE(d->mothers_infants.size() == 2);
    const MotherInfantCount& kota_agung = d->mothers_infants[0];
    CHECK(kota_agung.village_code == "18.06.01.2016");
    CHECK(kota_agung.pregnant == 1);             // m2 (m8's month has passed)
    CHECK(kota_agung.pregnant_uncovered == 1);
    CHECK(kota_agung.infants == 1);              // m3
    CHECK(kota_agung.infants_uncovered == 0);    // paid
    const MotherInfantCount& other = d->mothers_infants[1];
    CHECK(other.village_code == "18.06.02.2012");
    CHECK(other.pregnant == 0);
    CHECK(other.infants == 2);                   // m5, m6
    CHECK(other.infants_uncovered == 1);         // m5; m6's card is issued
    // A kecamatan shows its own pekon only; a year on, the babies are no longer infants.
    DashboardFilter kec;
    kec.kecamatan = "18.06.02";
    d = readDashboard(hub.db(), kec, kNow + 60, "18.06", 641036);
    REQUIRE(d);
    REQUIRE(d->mothers_infants.size() == 1);
    CHECK(d->mothers_infants[0].infants == 2);
    d = readDashboard(hub.db(), {}, kNow + 400 * 86400, "18.06", 641036);
    REQUIRE(d);
    CHECK(d->mothers_infants.empty());

    // Rebuild keeps the same ranks and months.
    const std::vector<std::string> incremental = dumpReadModels(hub, false);
    REQUIRE(rebuildReadModels(hub.db(), kNow + 100));
    CHECK(dumpReadModels(hub, false) == incremental);
}
