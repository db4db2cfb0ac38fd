// The hub's storage, through the HubStore interface, against each backend (SQLite and
// PostgreSQL: see support/postgres_test_db.hpp).
#include "hub/hub_store.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "hub/hub_store_fixtures.hpp"
#include "hub/hub_plan.hpp"
#include "hub/hub_schema.hpp"
#include "support/check_error.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"

using namespace pekon;
using namespace pekon::hub;
using test::batch;
using test::openHub;
using test::PostgreSQL;
using test::SQLite;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

std::string enrolDevice(HubStore& hub, const std::string& name) {
    auto token = hub.createToken("test", kNow, 3600);
    REQUIRE(token);
    auto e = hub.enrol(token->token, name, kNow);
    REQUIRE(e);
    return e->device_id;
}

std::string member(const std::string& id, const std::string& member_id,
                   const std::string& household_id, const std::string& nik,
                   const std::string& name = "Budi Santoso") {
    return R"({"id":")" + id +
           R"(","seq":1,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u1","data":{"member_id":")" +
           member_id + R"(","household_id":")" + household_id + R"(","nik":")" + nik +
           R"(","name":")" + name +
           R"(","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}})";
}

std::vector<std::string> changeTypes(HubStore& hub, const std::string& device) {
    auto changes = hub.changes(device, 0, 1000);
    REQUIRE(changes);
    std::vector<std::string> types;
    for (const Change& c : *changes) types.push_back(c.type);
    return types;
}

}  // namespace

TEMPLATE_TEST_CASE("hub: tokens work once, in time, and are not stored in plain text", "[hub]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_tokens.db");
    auto opened = openHub(db);
    HubStore& hub = *opened;
    if (!db.postgres()) {
        struct stat st {};
        REQUIRE(::stat(db.sqlitePath().c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }

    auto token = hub.createToken("Puskesmas Kota Agung", kNow, 3600);
    REQUIRE(token);
    CHECK(token->token.size() >= 32);
    auto e = hub.enrol(token->token, "tablet 1", kNow + 10);
    REQUIRE(e);
    auto again = hub.enrol(token->token, "tablet 2", kNow + 20);
    CHECK_ERROR_CODE(again, "bad_token");
    CHECK(hub.enrol("no-such-token", "x", kNow).error().code == "bad_token");
    auto late = hub.createToken("late", kNow, 60);
    REQUIRE(late);
    CHECK(hub.enrol(late->token, "x", kNow + 61).error().code == "bad_token");

    auto d = hub.device(e->device_id);
    REQUIRE(d);
    REQUIRE(d->has_value());
    CHECK((*d)->name == "tablet 1");
    CHECK((*d)->secret == e->secret);
    CHECK_FALSE((*d)->revoked_at);
    CHECK_FALSE(hub.device("nobody")->has_value());
    REQUIRE(hub.revoke(e->device_id, kNow + 100));
    REQUIRE(hub.revoke(e->device_id, kNow + 200));  // the first revocation's time stays
    CHECK(hub.device(e->device_id)->value().revoked_at == kNow + 100);
    CHECK_ERROR_CODE(hub.revoke("nobody", kNow), "unknown_device");
    CHECK(hub.devices()->size() == 1);

    // Only the token's hash is stored.
    auto t2 = hub.createToken("plain?", kNow, 3600);
    REQUIRE(t2);
    CHECK(db.queryInt("SELECT COUNT(*) FROM tokens WHERE token_hash = '" + t2->token + "'") == 0);
    CHECK(db.queryInt("SELECT COUNT(*) FROM tokens") == 3);
}

TEMPLATE_TEST_CASE("hub: devices are listed in enrolment order", "[hub]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_devices.db");
    auto hub = openHub(db);
    CHECK(hub->devices()->empty());
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        auto token = hub->createToken("t", kNow, 3600);
        REQUIRE(token);
        auto e = hub->enrol(token->token, "tablet " + std::to_string(i), kNow + i);
        REQUIRE(e);
        ids.push_back(e->device_id);
    }
    auto list = hub->devices();
    REQUIRE(list);
    REQUIRE(list->size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK((*list)[static_cast<size_t>(i)].id == ids[static_cast<size_t>(i)]);
        CHECK((*list)[static_cast<size_t>(i)].name == "tablet " + std::to_string(i));
        CHECK((*list)[static_cast<size_t>(i)].enrolled_at == kNow + i);
    }
}

TEMPLATE_TEST_CASE(
    "hub: the same batch twice is stored once, and a changed event with a used id is refused",
    "[hub]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_idem.db");
    auto hub = openHub(db);
    const std::string dev = enrolDevice(*hub, "tablet");
    const auto events = batch({member("e1", "m1", "h1", "1806011505800001"),
                               member("e2", "m2", "h1", "1806015505820002")});
    auto first = hub->push(dev, events, kNow);
    REQUIRE(first);
    CHECK(first->accepted == std::vector<std::string>{"e1", "e2"});
    CHECK(first->duplicates.empty());
    auto second = hub->push(dev, events, kNow + 5);
    REQUIRE(second);
    CHECK(second->accepted.empty());
    CHECK(second->duplicates == std::vector<std::string>{"e1", "e2"});
    CHECK(hub->eventCount().value() == 2);

    auto conflict =
        hub->push(dev, batch({member("e1", "m1", "h1", "1806011505800001", "Budi Santosa")}), kNow);
    REQUIRE(conflict);
    REQUIRE(conflict->rejected.size() == 1);
    CHECK(conflict->rejected[0].code == "id_conflict");
    CHECK(hub->eventCount().value() == 2);
    // The content stored is the canonical text the device's content hashes to.
    CHECK(db.queryInt("SELECT COUNT(*) FROM events WHERE content_hash <> ''") == 2);
    CHECK(hub->push(dev, {}, kNow)->accepted.empty());  // an empty batch is fine
}

TEMPLATE_TEST_CASE("hub: one bad event does not hold back the others", "[hub]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_mixed.db");
    auto hub = openHub(db);
    const std::string dev = enrolDevice(*hub, "tablet");
    auto answer = hub->push(
        dev,
        batch({member("e1", "m1", "h1", "1806011505800001"), member("e2", "m2", "h1", "123"),
               R"({"id":"e3","seq":3,"type":"alien.landed","at":"2026-11-22T08:15:00Z","data":{}})",
               member("e4", "m4", "h1", "1806015505820002")}),
        kNow);
    REQUIRE(answer);
    CHECK(answer->accepted == std::vector<std::string>{"e1", "e4"});
    REQUIRE(answer->rejected.size() == 2);
    CHECK(answer->rejected[0].id == "e2");
    CHECK(answer->rejected[0].code == "invalid");
    CHECK(answer->rejected[1].code == "unknown_type");
    CHECK(hub->eventCount().value() == 2);
    // A NUL character in an id or a key field is refused on its own, on either backend.
    auto nul = hub->push(dev,
                         batch({member("e\\u0000x", "m5", "h1", "1806011505800005"),
                                member("e6", "m\\u00006", "h1", "1806011505800006"),
                                member("e7", "m7", "h1", "1806011505800007")}),
                         kNow);
    REQUIRE(nul);
    CHECK(nul->accepted == std::vector<std::string>{"e7"});
    REQUIRE(nul->rejected.size() == 2);
    CHECK(nul->rejected[0].id == std::string("e\0x", 3));
    CHECK(nul->rejected[0].code == "invalid");
    CHECK(nul->rejected[1].code == "invalid");
}

TEMPLATE_TEST_CASE("hub: the same NIK from two devices is kept twice and both are told", "[hub]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_dupnik.db");
    auto hub = openHub(db);
    const std::string a = enrolDevice(*hub, "tablet A");
    const std::string b = enrolDevice(*hub, "tablet B");
    REQUIRE(hub->push(a, batch({member("ea", "ma", "ha", "1806011505800001")}), kNow)
                ->accepted.size() == 1);
    REQUIRE(hub->push(b, batch({member("eb", "mb", "hb", "1806011505800001")}), kNow)
                ->accepted.size() == 1);
    CHECK(hub->eventCount().value() == 2);
    auto for_a = hub->changes(a, 0, 100);
    auto for_b = hub->changes(b, 0, 100);
    REQUIRE(for_a);
    REQUIRE(for_b);
    REQUIRE(for_a->size() == 1);
    REQUIRE(for_b->size() == 1);
    CHECK((*for_a)[0].type == "registration.duplicate_suspected");
    auto data_a = parseJson((*for_a)[0].data);
    REQUIRE(data_a);
    CHECK((*data_a)["member_id"] == "ma");
    CHECK((*data_a)["other_household_id"] == "hb");
    CHECK((*for_a)[0].data.find("1806011505800001") == std::string::npos);  // no NIK in the change
    auto data_b = parseJson((*for_b)[0].data);
    CHECK((*data_b)["other_household_id"] == "ha");
    // Paging by cursor.
    CHECK(hub->changes(a, (*for_a)[0].cursor, 100)->empty());
    // Resending is not a new duplicate.
    REQUIRE(hub->push(b, batch({member("eb", "mb", "hb", "1806011505800001")}), kNow)
                ->duplicates.size() == 1);
    CHECK(hub->changes(b, 0, 100)->size() == 1);
}

TEMPLATE_TEST_CASE("hub: inside one batch, events are taken in order as if stored one by one",
                   "[hub]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_in_batch.db");
    auto hub = openHub(db);
    const std::string dev = enrolDevice(*hub, "tablet");
    auto answer = hub->push(dev,
                            batch({member("e1", "m1", "h1", "1806011505800001"),
                                   member("e1", "m1", "h1", "1806011505800001"),  // sent twice
                                   member("e1", "m1", "h1", "1806011505800001", "Budi Santosa"),
                                   member("e2", "m2", "h2", "1806011505800001"),    // same NIK
                                   member("e3", "m2", "h2", "1806011505800001")}),  // same member
                            kNow);
    REQUIRE(answer);
    CHECK(answer->accepted == std::vector<std::string>{"e1", "e2", "e3"});
    CHECK(answer->duplicates == std::vector<std::string>{"e1"});
    REQUIRE(answer->rejected.size() == 1);
    CHECK(answer->rejected[0].code == "id_conflict");
    CHECK(hub->eventCount().value() == 3);
    CHECK(db.queryInt("SELECT COUNT(*) FROM members") == 2);
    // e2 and e3 each meet m1 in another household: two pairs of changes, all for this device.
    auto changes = hub->changes(dev, 0, 100);
    REQUIRE(changes);
    REQUIRE(changes->size() == 4);
    for (size_t i = 1; i < changes->size(); ++i)
        CHECK((*changes)[i].cursor > (*changes)[i - 1].cursor);
    CHECK(parseJson((*changes)[0].data).value()["member_id"] == "m2");
    CHECK(parseJson((*changes)[1].data).value()["member_id"] == "m1");
}

TEMPLATE_TEST_CASE("hub: a full batch of 1000 events is stored in one push", "[hub]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_full.db");
    auto hub = openHub(db);
    const std::string a = enrolDevice(*hub, "tablet A");
    const std::string b = enrolDevice(*hub, "tablet B");
    std::vector<std::string> events;
    for (int i = 0; i < 1000; ++i) {
        char nik[17];
        std::snprintf(nik, sizeof nik, "18060115058%05d", i);
        // Quotes and backslashes travel through the batch intact.
        events.push_back(member("a" + std::to_string(i), "ma" + std::to_string(i),
                                "ha" + std::to_string(i / 4), nik, "Siti \\\"Ani\\\" \\\\ O'Neil"));
    }
    const auto first = batch(events);
    auto answer = hub->push(a, first, kNow);
    REQUIRE(answer);
    CHECK(answer->accepted.size() == 1000);
    CHECK(hub->eventCount().value() == 1000);
    CHECK(db.queryInt("SELECT COUNT(*) FROM events WHERE content LIKE '%O''Neil%'") == 1000);
    auto again = hub->push(a, first, kNow);
    REQUIRE(again);
    CHECK(again->duplicates.size() == 1000);
    // Tablet B registers 10 of the same people in its own households.
    std::vector<std::string> others;
    for (int i = 0; i < 10; ++i) {
        char nik[17];
        std::snprintf(nik, sizeof nik, "18060115058%05d", i * 100);
        others.push_back(member("b" + std::to_string(i), "mb" + std::to_string(i), "hb", nik));
    }
    REQUIRE(hub->push(b, batch(others), kNow)->accepted.size() == 10);
    CHECK(changeTypes(*hub, a).size() == 10);
    CHECK(changeTypes(*hub, b).size() == 10);
}

TEMPLATE_TEST_CASE(
    "hub: imported statuses become changes for the devices that registered the "
    "person",
    "[hub]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_status.db");
    auto hub = openHub(db);
    const std::string a = enrolDevice(*hub, "tablet A");
    const std::string b = enrolDevice(*hub, "tablet B");
    REQUIRE(hub->push(a, batch({member("ea", "ma", "ha", "1806011505800001")}), kNow)
                ->accepted.size() == 1);
    REQUIRE(hub->push(b, batch({member("eb", "mb", "hb", "1806015505820002")}), kNow)
                ->accepted.size() == 1);
    auto parsed = parseStatusCsv(
        "nik,birth_date,status,card_number,class,faskes,date\n"
        "1806011505800001,1980-05-15,card_issued,0001234567890,3,Puskesmas Kota Agung,2026-12-01\n"
        "1806011505800001,1999-01-01,verified,,,,2026-12-01\n"  // same NIK, other birth date: no
                                                                // match
        "1806019999990009,1990-01-01,verified,,,,2026-12-01\n");
    REQUIRE(parsed);
    auto summary = hub->importStatuses(parsed->rows, kNow);
    REQUIRE(summary);
    CHECK(summary->imported == 3);
    CHECK(summary->changes == 1);
    CHECK(summary->unmatched == 2);
    CHECK(db.queryInt("SELECT COUNT(*) FROM statuses") == 3);
    CHECK(db.queryInt("SELECT COUNT(*) FROM statuses WHERE class IS NULL") == 2);
    auto for_a = hub->changes(a, 0, 10);
    REQUIRE(for_a->size() == 1);
    CHECK((*for_a)[0].type == "card.issued");
    auto data = parseJson((*for_a)[0].data);
    CHECK((*data)["member_id"] == "ma");
    CHECK((*data)["card_number"] == "0001234567890");
    CHECK((*data)["faskes"] == "Puskesmas Kota Agung");
    CHECK((*data)["class"] == 3);
    CHECK((*for_a)[0].data.find("1806011505800001") == std::string::npos);
    CHECK(hub->changes(b, 0, 10)->empty());
    // Nothing to import is fine too.
    CHECK(hub->importStatuses({}, kNow)->imported == 0);
}

TEMPLATE_TEST_CASE("hub: the schema is created once, versioned, and a newer one is refused",
                   "[hub]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_schema.db");
    {
        auto hub = openHub(db);
        enrolDevice(*hub, "tablet");
    }
    auto reopened = openHub(db);  // idempotent: nothing lost, no second version row
    CHECK(reopened->devices()->size() == 1);
    CHECK(db.queryInt("SELECT COUNT(*) FROM hub_schema_version") == kHubSchemaVersion);
    CHECK(db.queryInt("SELECT MAX(version) FROM hub_schema_version") == kHubSchemaVersion);
    reopened.reset();

    db.exec("INSERT INTO hub_schema_version (version, applied_at) VALUES (99, 0)");
    CHECK_ERROR_CODE(openHubStore(db.url()), "hub_schema_newer");
    CHECK(db.queryInt("SELECT COUNT(*) FROM devices") == 1);  // untouched
}

TEMPLATE_TEST_CASE("hub: two store connections pushing the same NIK at once both see it", "[hub]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, db, "hub_race.db");
    auto first = openHub(db);
    auto second = openHub(db);
    const std::string a = enrolDevice(*first, "tablet A");
    const std::string b = enrolDevice(*second, "tablet B");
    constexpr int kRounds = 20;
    auto pushAll = [&](HubStore& hub, const std::string& device, const std::string& tag) {
        for (int i = 0; i < kRounds; ++i) {
            char nik[17];
            std::snprintf(nik, sizeof nik, "18060115058%05d", i);
            const std::string n = std::to_string(i);
            auto answer =
                hub.push(device, batch({member(tag + n, "m" + tag + n, "h" + tag + n, nik)}), kNow);
            REQUIRE(answer);
            REQUIRE(answer->accepted.size() == 1);
        }
    };
    std::thread other([&] { pushAll(*second, b, "b"); });
    pushAll(*first, a, "a");
    other.join();
    // Whichever came second saw the first: one pair of changes per NIK, never zero.
    CHECK(changeTypes(*first, a).size() == kRounds);
    CHECK(changeTypes(*first, b).size() == kRounds);
}

TEST_CASE("hub: a database address that is not one is refused before anything is opened", "[hub]") {
    CHECK_ERROR_CODE(openHubStore("sqlite:"), "bad_db_url");
    CHECK_ERROR_CODE(openHubStore(""), "bad_db_url");
    CHECK_ERROR_CODE(openHubStore("postgresql://[::1"), "bad_db_url");
}

TEST_CASE("hub: a PostgreSQL server that cannot be reached is a typed error, not a crash",
          "[hub]") {
    // Nothing listens on port 1.
    auto down = openHubStore("postgresql://pekon@127.0.0.1:1/pekon?connect_timeout=5");
    CHECK_ERROR_CODE(down, "postgres_unreachable");
    CHECK(down.error().message_en.find("127.0.0.1") != std::string::npos);
    CHECK_ERROR_CODE(openHubStore("postgres://pekon@127.0.0.1:1/pekon"), "postgres_unreachable");
}

TEST_CASE("hub: a PostgreSQL store whose connection was cut reports it, then reconnects", "[hub]") {
    PEKON_HUB_TEST_DB(PostgreSQL, db, "hub_cut");
    auto hub = openHub(db);
    const std::string dev = enrolDevice(*hub, "tablet");
    // Every session of this database but the one asking is thrown out by the server.
    db.exec(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
        "current_database() AND pid <> pg_backend_pid()");
    auto cut = hub->push(dev, batch({member("e1", "m1", "h1", "1806011505800001")}), kNow);
    CHECK_ERROR_CODE(cut, "postgres_unreachable");
    auto again = hub->push(dev, batch({member("e1", "m1", "h1", "1806011505800001")}), kNow);
    REQUIRE(again);
    CHECK(again->accepted == std::vector<std::string>{"e1"});  // the cut push stored nothing
    CHECK(hub->eventCount().value() == 1);
}

TEST_CASE("hub: a SQLite store's planner statistics are refreshed when it opens", "[hub]") {
    PEKON_HUB_TEST_DB(SQLite, db, "hub_planner_stats.db");
    {
        auto hub = openHub(db);
        const std::string device = enrolDevice(*hub, "tablet");
        REQUIRE(hub->push(device, batch({member("e1", "m1", "h1", "1806011505800001")}), kNow));
    }
    // Without statistics SQLite may read the dashboard's figures through the wrong index.
    auto again = openHub(db);
    CHECK(db.queryInt("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'office_members'") > 0);
}
