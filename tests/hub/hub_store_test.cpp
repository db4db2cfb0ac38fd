#include "hub/hub_store.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <string>

#include "support/fixtures.hpp"

using namespace pekon;
using namespace pekon::hub;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;

std::unique_ptr<HubStore> openHub(const std::string& name) {
    auto hub = HubStore::open(test::tempPath(name));
    REQUIRE(hub);
    return std::move(hub.value());
}

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

std::vector<WireEvent> batch(const std::vector<std::string>& events) {
    std::string body = R"({"events":[)";
    for (size_t i = 0; i < events.size(); ++i) body += (i ? "," : "") + events[i];
    auto parsed = parsePushRequest(body + "]}");
    REQUIRE(parsed);
    return std::move(parsed.value());
}

}  // namespace

TEST_CASE("hub: tokens work once, in time, and are not stored in plain text", "[hub]") {
    const std::string path = test::tempPath("hub_tokens.db");
    auto opened = HubStore::open(path);
    REQUIRE(opened);
    HubStore& hub = **opened;
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    auto token = hub.createToken("Puskesmas Kota Agung", kNow, 3600);
    REQUIRE(token);
    CHECK(token->token.size() >= 32);
    auto e = hub.enrol(token->token, "tablet 1", kNow + 10);
    REQUIRE(e);
    auto again = hub.enrol(token->token, "tablet 2", kNow + 20);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == "bad_token");
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
    REQUIRE(hub.revoke(e->device_id, kNow + 100));
    CHECK(hub.device(e->device_id)->value().revoked_at == kNow + 100);
    CHECK(hub.revoke("nobody", kNow).error().code == "unknown_device");
    CHECK(hub.devices()->size() == 1);

    // Only the token's hash is in the file.
    auto t2 = hub.createToken("plain?", kNow, 3600);
    REQUIRE(t2);
    auto probe = sql::Connection::open(path, true);
    REQUIRE(probe);
    CHECK(probe->queryInt("SELECT COUNT(*) FROM tokens WHERE token_hash = '" + t2->token + "'")
              .value() == 0);
}

TEST_CASE("hub: the same batch twice is stored once, and a changed event with a used id is refused",
          "[hub]") {
    auto hub = openHub("hub_idem.db");
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
}

TEST_CASE("hub: one bad event does not hold back the others", "[hub]") {
    auto hub = openHub("hub_mixed.db");
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
}

TEST_CASE("hub: the same NIK from two devices is kept twice and both are told", "[hub]") {
    auto hub = openHub("hub_dupnik.db");
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

TEST_CASE("hub: imported statuses become changes for the devices that registered the person",
          "[hub]") {
    auto hub = openHub("hub_status.db");
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
    auto for_a = hub->changes(a, 0, 10);
    REQUIRE(for_a->size() == 1);
    CHECK((*for_a)[0].type == "card.issued");
    auto data = parseJson((*for_a)[0].data);
    CHECK((*data)["member_id"] == "ma");
    CHECK((*data)["card_number"] == "0001234567890");
    CHECK((*data)["faskes"] == "Puskesmas Kota Agung");
    CHECK((*for_a)[0].data.find("1806011505800001") == std::string::npos);
    CHECK(hub->changes(b, 0, 10)->empty());
}
