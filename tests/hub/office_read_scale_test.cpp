// The console's reads over a district's worth of registrations (1,000,000 members), on each
// backend: the first page of the queue, a filter by pekon, a filter by check and a person's page,
// timed (p95 of 20 each, target <= 300 ms), with the plans of the queue's statements printed.
// Hidden ([.scale]): run by hand, `pekon_hub_process_tests "[.scale]"`; PEKON_SCALE_MEMBERS
// sets another size.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

#include "hub/hub_store_fixtures.hpp"
#include "hub/office_read.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::PostgreSQL;
using test::SQLite;

namespace {

using Clock = std::chrono::steady_clock;

// Members m<1000000+i>, four to a household, 200 devices, 9 kecamatan and 90 villages,
// 60% verified, 30% new, 10% corrected, one in 20 flagged nik_elsewhere.
std::vector<std::string> fillStatements(std::int64_t members) {
    const std::string n = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                          std::to_string(members) + ") ";
    const std::string village =
        "'18.06.0' || CAST(1 + (i / 4) % 9 AS TEXT) || '.20' || CAST(10 + (i / 4) % 30 AS TEXT)";
    return {
        n + "INSERT INTO office_members (member_id, household_id, device_id, nik, name, "
            "birth_date, sex, relation, segment, class, phone, occupation, existing_card, "
            "nik_mismatch_reason, village_code, kecamatan_code, received_day, received_at, state, "
            "state_at, checks, check_count, corrections, corrected_at, findings) SELECT "
            "'m' || CAST(1000000 + i AS TEXT), 'h' || CAST(1000000 + i / 4 AS TEXT), "
            "'d' || CAST(i % 200 AS TEXT), CAST(1806010000000000 + i AS TEXT), 'Warga', "
            "'1980-05-15', 'M', 'head', 'PBPU', 3, '', '', '', '', " +
            village + ", '18.06.0' || CAST(1 + (i / 4) % 9 AS TEXT), '2026-11-18', 1795000000 + i, "
            "CASE WHEN (i * 7 + i / 13) % 10 < 6 THEN 'verified' "
            "WHEN (i * 7 + i / 13) % 10 < 9 THEN 'new' ELSE 'corrected' END, "
            "1795000000 + i, CASE WHEN i % 20 = 0 THEN 'nik_elsewhere' ELSE '' END, "
            "CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END, 0, 0, "
            "CASE WHEN i % 20 = 0 THEN '[{\"code\":\"nik_elsewhere\",\"detail\":{}}]' ELSE '[]' END "
            "FROM n",
        n + "INSERT INTO office_households (household_id, device_id, kk_number, village_code, "
            "kecamatan_code, address, rt, rw, phone, documents, consent, event_at, received_at) "
            "SELECT 'h' || CAST(1000000 + i / 4 AS TEXT), 'd0', '1806011203150007', " +
            village + ", '18.06.01', 'Jl.', '001', '002', '', '{}', '{}', '', 1795000000 FROM n "
            "WHERE i % 4 = 0",
        "INSERT INTO office_checks (code, state, received_at, member_id) SELECT 'nik_elsewhere', "
        "state, received_at, member_id FROM office_members WHERE check_count > 0",
        "INSERT INTO office_history (member_id, at, kind, what, actor, detail, source) SELECT "
        "member_id, received_at + 60, 'corrected', 'member.corrected', device_id, '{}', "
        "'e' || member_id FROM office_members",
        "ANALYZE"};
}

struct Timing {
    double p50 = 0;
    double p95 = 0;
};

template <class Work>
Timing timed(Work&& work, int runs = 20) {
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        const auto start = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

}  // namespace

TEMPLATE_TEST_CASE("office read at scale: the queue and a person's page over 1,000,000 members",
                   "[.scale]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "office_scale.db");
    std::int64_t members = 1'000'000;
    if (const char* env = std::getenv("PEKON_SCALE_MEMBERS")) members = std::atoll(env);
    // Statement names outlive the store (the SQLite backend keeps them by reference).
    std::deque<std::string> names;
    auto opened = test::openHub(db);
    HubDb& hub = opened->db();

    const auto fill_start = Clock::now();
    for (const std::string& sql : fillStatements(members)) {
        REQUIRE(hub.transaction(TxMode::write, [&](HubTx& tx) { return tx.exec(sql, "fill"); }));
    }
    std::printf("%s: %lld members filled in %.1f s\n", TestType::kName,
                static_cast<long long>(members),
                std::chrono::duration<double>(Clock::now() - fill_start).count());

    const bool pg = db.postgres();
    const char* explain = pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ";
    const int plan_columns = pg ? 1 : 4;
    for (const char* sql :
         {"SELECT m.member_id FROM office_members m LEFT JOIN devices d ON d.id = m.device_id "
          "WHERE m.state = 'new' AND (m.received_at, m.member_id) > (-1, '') "
          "ORDER BY m.received_at, m.member_id LIMIT 51",
          "SELECT m.member_id FROM office_members m LEFT JOIN devices d ON d.id = m.device_id "
          "WHERE m.state = 'new' AND m.village_code = '18.06.01.2010' AND "
          "(m.received_at, m.member_id) > (-1, '') ORDER BY m.received_at, m.member_id LIMIT 51",
          "SELECT m.member_id FROM office_checks c JOIN office_members m ON m.member_id = "
          "c.member_id LEFT JOIN devices d ON d.id = m.device_id WHERE c.code = 'nik_elsewhere' "
          "AND c.state = 'new' AND (c.received_at, c.member_id) > (-1, '') "
          "ORDER BY c.received_at, c.member_id LIMIT 51",
          "SELECT at, kind FROM office_history WHERE member_id = 'm1500000' ORDER BY at, id"}) {
        const std::string& name = names.emplace_back("scale_plan_" + std::to_string(names.size()));
        const std::string& text = names.emplace_back(std::string(explain) + sql);
        REQUIRE(hub.transaction(TxMode::read, [&](HubTx& tx) -> Status {
            auto rows = tx.run(HubSql{name.c_str(), text.c_str(), plan_columns}, {}, "explain");
            if (!rows) return rows.error();
            std::printf("%s plan of: %s\n", TestType::kName, sql);
            for (int r = 0; r < rows->count(); ++r)
                std::printf("   %s\n", rows->text(r, plan_columns - 1).c_str());
            return {};
        }));
    }

    auto report = [&](const char* what, const Timing& t) {
        std::printf("%s: %-28s p50 %7.1f ms  p95 %7.1f ms\n", TestType::kName, what, t.p50, t.p95);
        CHECK(t.p95 <= 300);
    };
    std::string next;
    report("queue, first page", timed([&] {
               auto p = queuePage(hub, {}, "", 50);
               REQUIRE(p);
               REQUIRE(p->rows.size() == 50);
               next = p->next;
           }));
    report("queue, a later page", timed([&] {
               auto p = queuePage(hub, {}, next, 50);
               REQUIRE(p);
               REQUIRE(p->rows.size() == 50);
           }));
    report("queue, by pekon", timed([&] {
               auto p = queuePage(hub, {.village = "18.06.01.2010"}, "", 50);
               REQUIRE(p);
               REQUIRE(p->rows.size() == 50);
           }));
    report("queue, by kecamatan+device", timed([&] {
               auto p = queuePage(hub, {.kecamatan = "18.06.03", .device_id = "d3"}, "", 50);
               REQUIRE(p);
           }));
    report("queue, by check", timed([&] {
               auto p = queuePage(hub, {.check = "nik_elsewhere"}, "", 50);
               REQUIRE(p);
               REQUIRE(p->rows.size() == 50);
           }));
    report("queue, all states", timed([&] {
               std::vector<OfficeState> all(std::begin(kAllOfficeStates),
                                            std::end(kAllOfficeStates));
               auto p = queuePage(hub, {.states = all}, "", 50);
               REQUIRE(p);
               REQUIRE(p->rows.size() == 50);
           }));
    int person = 0;
    report("a person's page", timed([&] {
               const std::string id = "m" + std::to_string(1000000 + members / 2 + 37 * ++person);
               auto v = memberView(hub, id);
               REQUIRE(v);
               REQUIRE(v->has_value());
               REQUIRE((*v)->household);
               REQUIRE((*v)->household_members.size() >= 1);
           }));
}

// What the read models add to a push: 25 batches of 1000 events (200 households of four) pushed
// into a fresh SQLite hub, against the same batches' projection alone in a second hub. Hidden:
// run by hand (`"[.pushcost]"`), in a Release build for figures worth quoting.
TEST_CASE("office read: the projection's share of a push", "[.pushcost]") {
    test::HubTestDb full(SQLite::kName, "office_push_full.db");
    test::HubTestDb alone(SQLite::kName, "office_push_alone.db");
    auto hub = test::openHub(full);
    auto other = test::openHub(alone);
    auto token = hub->createToken("t", 1'795'000'000, 3600);
    REQUIRE(token);
    auto device = hub->enrol(token->token, "tablet", 1'795'000'000);
    REQUIRE(device);
    std::vector<std::vector<WireEvent>> batches;
    int n = 0;
    for (int b = 0; b < 25; ++b) {
        std::vector<std::string> events;
        for (int h = 0; h < 200; ++h) {
            const std::string hid = "h" + std::to_string(100000 + b * 200 + h);
            auto add = [&](const std::string& type, const std::string& data) {
                ++n;
                events.push_back(R"({"id":"e)" + std::to_string(1000000 + n) + R"(","seq":)" +
                                 std::to_string(n) + R"(,"type":")" + type +
                                 R"(","at":"2026-11-22T08:15:00Z","actor":"u1","data":)" + data +
                                 "}");
            };
            add("household.registered", R"({"household_id":")" + hid +
                                            R"(","kk_number":"1806011203150007","village_code":)"
                                            R"("18.06.01.2016","address":"Jl.","rt":"001","rw":"002"})");
            for (int m = 0; m < 4; ++m)
                add("member.registered",
                    R"({"member_id":"m)" + std::to_string(n) + R"(","household_id":")" + hid +
                        R"(","nik":")" + std::to_string(1806011505800000LL + n) +
                        R"(","name":"Warga","birth_date":"1980-05-15","sex":"M","relation":")" +
                        (m ? "child" : "head") + R"(","segment":"PBPU","class":3})");
        }
        batches.push_back(test::batch(events));
    }
    double push_ms = 0, projection_ms = 0;
    for (size_t b = 0; b < batches.size(); ++b) {
        const UnixSeconds at = 1'795'000'000 + static_cast<UnixSeconds>(b);
        auto start = Clock::now();
        REQUIRE(hub->push(device->device_id, batches[b], at));
        push_ms += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        std::vector<AcceptedEvent> accepted;
        for (const WireEvent& e : batches[b])
            accepted.push_back({e.id, device->device_id, e.type, e.at, {}, at, &e.data});
        start = Clock::now();
        REQUIRE(other->db().transaction(TxMode::write,
                                        [&](HubTx& tx) { return projectEvents(tx, accepted); }));
        projection_ms += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    }
    std::printf("25 pushes of 1000 events: %.0f ms in all, the projection alone %.0f ms (%.0f%% "
                "of the push)\n",
                push_ms, projection_ms, 100 * projection_ms / push_ms);
}
