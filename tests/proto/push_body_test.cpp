// The one push-body encoder (proto/push_body) against the hub's decoder (proto/sync_json):
// what the device writes is what the hub reads, field for field, and the bytes the protocol
// fixes (the body as signed and gzipped, each event's canonical content) are exact.
#include "proto/push_body.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "codec/json.hpp"
#include "core/date.hpp"
#include "proto/event_check.hpp"
#include "proto/gzip.hpp"
#include "proto/signature.hpp"
#include "proto/sync_json.hpp"
#include "support/pushed_event.hpp"

using namespace pekon;

namespace {

UnixSeconds at(const char* rfc3339) {
    auto t = parseRfc3339(rfc3339);
    REQUIRE(t);
    return *t;
}

Event event(std::string id, std::int64_t seq, std::string type, std::string actor,
            std::string data) {
    Event e;
    e.id = std::move(id);
    e.seq = seq;
    e.type = std::move(type);
    e.at = at("2026-11-22T08:15:00Z");
    e.actor = std::move(actor);
    e.data = std::move(data);
    return e;
}

}  // namespace

TEST_CASE("the push body is exactly the protocol's bytes", "[push_body]") {
    const Event e = event("e1", 7, "session.attended", "u1",
                          R"({"session_id":"s1","attendee":"m1"})");
    const std::string one =
        R"({"id":"e1","seq":7,"type":"session.attended","at":"2026-11-22T08:15:00Z",)"
        R"("actor":"u1","data":{"session_id":"s1","attendee":"m1"}})";
    CHECK(pushBody({e}) == R"({"events":[)" + one + "]}");
    CHECK(pushBody({e, e}) == R"({"events":[)" + one + "," + one + "]}");
    CHECK(pushBody({e}, -42) == R"({"clock_offset":-42,"events":[)" + one + "]}");
    CHECK(pushBody({}) == R"({"events":[]})");
    CHECK(pushBody({}, 0) == R"({"clock_offset":0,"events":[]})");
}

TEST_CASE("the hub decodes the device's push body to exactly the events sent", "[push_body]") {
    std::vector<Event> sent{
        event("7f9c1c2e-0001-4000-8000-000000000001", 1, "household.registered", "u1",
              R"({"household_id":"h1","kk_number":"1806010101010001","village_code":"18.06.01.2001","address":"Jl. \"Mawar\" 3\\4","rt":"001","rw":"002"})"),
        event("7f9c1c2e-0001-4000-8000-000000000002", 2, "member.registered", "u1",
              R"({"member_id":"m1","household_id":"h1","nik":"1806011505800001","name":"Sémbiring\nBr. Ginting","birth_date":"1980-05-15","sex":"F","relation":"head","segment":"PBPU","class":3})"),
        event("7f9c1c2e-0001-4000-8000-000000000003", 3, "feedback.submitted",
              "actor \"quoted\" \\ \x01 tab\t", R"({"category":"card","rating":5,"text":""})"),
    };
    const std::string body = pushBody(sent, 3600);
    auto received = parsePushRequest(body);
    REQUIRE(received);
    REQUIRE(received->size() == sent.size());
    const std::vector<WireEvent> wire = toWire(sent);
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const WireEvent& r = (*received)[i];
        test::checkArrivedAsSent(sent[i], r);
        CHECK(r.clock_offset == 3600);
        // toWire is what the hub reads, too.
        CHECK(wire[i].id == r.id);
        CHECK(wire[i].seq == r.seq);
        CHECK(wire[i].type == r.type);
        CHECK(wire[i].at == r.at);
        CHECK(wire[i].actor == r.actor);
        CHECK(wire[i].data == r.data);
    }
    // Without a measured offset the hub sees none.
    auto plain = parsePushRequest(pushBody(sent));
    REQUIRE(plain);
    CHECK_FALSE(plain->front().clock_offset);
    CHECK(plain->front().content == received->front().content);
}

TEST_CASE("the signed, gzipped push body arrives byte for byte", "[push_body]") {
    const std::vector<Event> sent{event("e1", 1, "session.attended", "u1",
                                        R"({"session_id":"s1","attendee":"m1"})")};
    const std::string body = sync::gzip(pushBody(sent));
    const sync::DeviceSecret secret = sync::newDeviceSecret();
    const std::string signature = sync::sign(secret, "POST", "/v1/events", 1764000000, body);
    CHECK(sync::verify(secret, "POST", "/v1/events", 1764000000, body, signature));
    auto inflated = sync::gunzipBounded(body, kMaxPushBytes);
    REQUIRE(inflated);
    CHECK(*inflated == pushBody(sent));
}

TEST_CASE("data that is not a JSON object goes as {} and the hub rejects that event",
          "[push_body]") {
    for (const char* data : {"", "[1,2]", "{\"unclosed\":", "7", "\"text\""}) {
        INFO(data);
        auto received = parsePushRequest(pushBody({event("e1", 1, "session.attended", "u1", data)}));
        REQUIRE(received);
        CHECK(received->front().data == Json::object());
        auto problem = checkEvent(received->front());
        REQUIRE(problem);
        CHECK(problem->code == "invalid");
    }
}

TEST_CASE("text that is not UTF-8 reaches the hub as U+FFFD, never as a broken body",
          "[push_body]") {
    auto received = parsePushRequest(
        pushBody({event("e1", 1, "session.attended", "u\xff\xfe", R"({"session_id":"s1","attendee":"m1"})")}));
    REQUIRE(received);
    CHECK(received->front().actor == "u\xef\xbf\xbd\xef\xbf\xbd");
}
