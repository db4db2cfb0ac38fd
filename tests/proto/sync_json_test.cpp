#include "proto/sync_json.hpp"

#include "core/date.hpp"
#include "proto/event_check.hpp"
#include "proto/push_body.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace pekon;

namespace {

std::string memberEvent(const std::string& id, const std::string& nik = "1806011505800001",
                        const std::string& extra = "") {
    return R"({"id":")" + id +
           R"(","seq":41,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u1","data":{"member_id":"m1","household_id":"h1","nik":")" +
           nik +
           R"(","name":"Budi Santoso","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3)" +
           extra + "}}";
}

WireEvent only(const std::string& body) {
    auto events = parsePushRequest(body);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    return events->front();
}

}  // namespace

TEST_CASE("a push request parses into events with canonical content", "[sync_json]") {
    auto events =
        parsePushRequest(R"({"events":[)" + memberEvent("e1") + "," + memberEvent("e2") + "]}");
    REQUIRE(events);
    REQUIRE(events->size() == 2);
    CHECK((*events)[0].id == "e1");
    CHECK((*events)[0].seq == 41);
    CHECK((*events)[0].type == "member.registered");
    CHECK((*events)[0].data["nik"] == "1806011505800001");
    CHECK_FALSE(checkEvent((*events)[0]));
    // The same content with keys in another order and other spacing: the same canonical text.
    const WireEvent a = only(R"({"events":[)" + memberEvent("e1") + "]}");
    const WireEvent b = only(
        R"({"events":[ {"data":{"class":3,"segment":"PBPU","relation":"head","sex":"M","birth_date":"1980-05-15","name":"Budi Santoso","nik":"1806011505800001","household_id":"h1","member_id":"m1"}, "actor":"u1", "at":"2026-11-22T08:15:00Z", "type":"member.registered", "seq":41, "id":"e1"} ]})");
    CHECK(a.content == b.content);
    const WireEvent c = only(R"({"events":[)" + memberEvent("e1", "1806011505800002") + "]}");
    CHECK(a.content != c.content);
    // The device's encoder (pushBody) writes the same event with the same content.
    Event stored{.id = "e2", .seq = 41, .type = "member.registered", .actor = "u1",
                 .data = dumpJson((*events)[1].data)};
    stored.at = parseRfc3339("2026-11-22T08:15:00Z").value();
    auto again = parsePushRequest(pushBody({stored}));
    REQUIRE(again);
    CHECK((*again)[0].content == (*events)[1].content);
}

TEST_CASE("malformed and oversized push requests are refused whole", "[sync_json]") {
    CHECK(parsePushRequest("not json").error().code == "bad_request");
    CHECK(parsePushRequest("[]").error().code == "bad_request");
    CHECK(parsePushRequest(R"({"event":[]})").error().code == "bad_request");
    CHECK(parsePushRequest(R"({"events":{}})").error().code == "bad_request");
    CHECK(parsePushRequest(R"({"events":[{"seq":1}]})").error().code == "bad_request");
    CHECK(parsePushRequest(R"({"events":[7]})").error().code == "bad_request");
    std::string many = R"({"events":[)";
    for (int i = 0; i < 1001; ++i)
        many += (i ? "," : "") + std::string(R"({"id":"x)") + std::to_string(i) + "\"}";
    many += "]}";
    CHECK(parsePushRequest(many).error().code == "too_large");
    CHECK(parsePushRequest(std::string(kMaxPushBytes + 1, ' ')).error().code == "too_large");
    auto empty = parsePushRequest(R"({"events":[]})");
    REQUIRE(empty);
    CHECK(empty->empty());
}

TEST_CASE("each event is checked against its version-1 type", "[sync_json]") {
    CHECK_FALSE(checkEvent(only(R"({"events":[)" + memberEvent("e1") + "]}")));
    auto problem = [](const std::string& body) {
        auto e = checkEvent(only(body));
        REQUIRE(e);
        return *e;
    };
    const Error bad_nik = problem(R"({"events":[)" + memberEvent("e1", "12345") + "]}");
    CHECK(bad_nik.code == "invalid");
    CHECK(bad_nik.message_en.find("nik") != std::string::npos);
    CHECK(bad_nik.message_id != bad_nik.message_en);
    CHECK(
        problem(
            R"({"events":[{"id":"e","seq":1,"type":"member.registered","at":"yesterday","data":{}}]})")
            .code == "invalid");
    CHECK(
        problem(
            R"({"events":[{"id":"e","seq":0,"type":"member.registered","at":"2026-11-22T08:15:00Z","data":{}}]})")
            .code == "invalid");
    CHECK(
        problem(
            R"({"events":[{"id":"e","seq":1,"type":"alien.landed","at":"2026-11-22T08:15:00Z","data":{}}]})")
            .code == "unknown_type");
    CHECK(
        problem(
            R"({"events":[{"id":"e","seq":1,"type":"quiz.answered","at":"2026-11-22T08:15:00Z","data":{"session_id":"s","phase":"pre","score":9,"max_score":8}}]})")
            .code == "invalid");
    CHECK_FALSE(checkEvent(only(
        R"({"events":[{"id":"e","seq":1,"type":"quiz.answered","at":"2026-11-22T08:15:00Z","data":{"session_id":"s","phase":"post","score":8,"max_score":8}}]})")));
    CHECK_FALSE(checkEvent(only(
        R"({"events":[{"id":"e","seq":2,"type":"household.registered","at":"2026-11-22T08:15:00Z","data":{"household_id":"h","kk_number":"1806011203150007","village_code":"18.06.01.2016","address":"Jl. Merdeka","rt":"","rw":""}}]})")));
    CHECK(
        problem(
            R"({"events":[{"id":"e","seq":1,"type":"feedback.submitted","at":"2026-11-22T08:15:00Z","data":{"category":"card","rating":6,"text":""}}]})")
            .code == "invalid");
    CHECK(
        problem(
            R"({"events":[{"id":"e","seq":1,"type":"member.registered","at":"2026-11-22T08:15:00Z","data":[]}]})")
            .code == "invalid");
}

TEST_CASE("the hub's answer round-trips, and anything else is not an answer", "[sync_json]") {
    PushAnswer a;
    a.accepted = {"e1", "e2"};
    a.duplicates = {"e3"};
    a.rejected = {{"e4", "invalid", "Field nik must be 16 digits."}};
    auto back = parsePushAnswer(pushAnswerJson(a));
    REQUIRE(back);
    CHECK(back->accepted == a.accepted);
    CHECK(back->duplicates == a.duplicates);
    REQUIRE(back->rejected.size() == 1);
    CHECK(back->rejected[0].code == "invalid");
    // A captive portal's 200, a proxy page, a truncated answer, a different shape: nothing.
    for (const char* body : {"<html><body>Login to WiFi.id</body></html>", "", "{}",
                             R"({"accepted":["e1"],"duplicates":[]})",
                             R"({"accepted":["e1"],"duplicates":[],"rejected":[)",
                             R"({"accepted":[1],"duplicates":[],"rejected":[]})",
                             R"({"accepted":[],"duplicates":[],"rejected":[{"code":"x"}]})"}) {
        INFO(body);
        CHECK(parsePushAnswer(body).error().code == "not_hub_answer");
    }
}

TEST_CASE("error bodies have the protocol's shape", "[sync_json]") {
    auto json = parseJson(errorBodyJson("too_large", "More than 1000 events in one request."));
    REQUIRE(json);
    CHECK((*json)["error"]["code"] == "too_large");
    CHECK((*json)["error"]["message"] == "More than 1000 events in one request.");
}

TEST_CASE("a baby without a NIK and a pregnancy are additive fields of member.registered",
          "[sync_json]") {
    auto check = [](const std::string& nik, const std::string& extra) {
        return checkEvent(only(R"({"events":[)" + memberEvent("e1", nik, extra) + "]}"));
    };
    CHECK_FALSE(check("", R"(,"nik_pending":true)"));
    CHECK_FALSE(check("1806011505800001", R"(,"nik_pending":false)"));
    CHECK_FALSE(check("1806011505800001", R"(,"pregnancy_due":"2027-03")"));
    // Without nik_pending an empty NIK is what it always was: invalid.
    REQUIRE(check("", ""));
    CHECK(check("", "")->message_en.find("nik") != std::string::npos);
    REQUIRE(check("1806011505800001", R"(,"nik_pending":true)"));
    CHECK(check("1806011505800001", R"(,"nik_pending":true)")->message_en.find("empty") !=
          std::string::npos);
    CHECK(check("", R"(,"nik_pending":"yes")"));
    for (const char* bad : {R"("2027-13")", R"("2027-3")", R"("March")", "202703", "null"}) {
        INFO(bad);
        auto e = check("1806011505800001", std::string(R"(,"pregnancy_due":)") + bad);
        REQUIRE(e);
        CHECK(e->message_en.find("pregnancy_due") != std::string::npos);
        CHECK(e->message_id != e->message_en);
    }
}
