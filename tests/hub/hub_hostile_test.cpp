// pekon-hub under hostile or careless clients (issue 12, section 2), the real binary on
// loopback on each backend: a thousand slow or idle connections, endless bodies and headers,
// a sync's connection kept throughout, a kiosk pushing what kiosks do not make, paths with
// encoded separators.
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "hub/hub_store.hpp"
#include "proto/signature.hpp"
#include "proto/sync_json.hpp"
#include "store/households.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"
#include "support/raw_http.hpp"
#include "support/running_hub.hpp"
#include "support/sample_households.hpp"
#include "sync/client.hpp"

using namespace pekon;
using test::PostgreSQL;
using test::RawSocket;
using test::SQLite;
using Clock = std::chrono::steady_clock;

namespace {

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A device database with `households` sample households of four (five events each),
// enrolled with the hub at `hub_url`.
std::unique_ptr<Store> enrolledDevice(const std::string& name, const std::string& hub_db,
                                      const std::string& hub_url, int households) {
    auto store = Store::open(test::tempPath(name));
    REQUIRE(store);
    for (int done = 0; done < households; done += 500) {
        std::vector<HouseholdInput> batch;
        for (int i = done; i < std::min(households, done + 500); ++i)
            batch.push_back(test::sampleHousehold(i, i * 4, 4));
        REQUIRE(registerHouseholds(**store, batch, test::regions(),
                                   {"volunteer", unixNow(), test::kToday})
                    .ok());
    }
    REQUIRE(sync::enrolDevice(**store, test::newEnrolmentUri(hub_db, hub_url), "tablet"));
    return std::move(store.value());
}

// The protocol's error code in an answer's body; "" when the body is not such an answer.
std::string errorCode(const std::string& body) {
    auto json = parseJson(body);
    if (!json || !json->is_object() || !(*json)["error"].is_object() ||
        !(*json)["error"]["code"].is_string())
        return "";
    return (*json)["error"]["code"].get<std::string>();
}

// GET /v1/health on a new connection: its status and how long the answer took.
std::pair<int, double> probeHealth(int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(5);
    c.set_read_timeout(5);
    const auto start = Clock::now();
    auto res = c.Get("/v1/health");
    return {res ? res->status : 0, secondsSince(start)};
}

}  // namespace

TEMPLATE_TEST_CASE(
    "hub under 1,000 slow and idle connections: health answers in under 1 s and a sync "
    "completes",
    "[hub_hostile]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_crowd.db");
    test::RunningHub hub(test_db.url());
    auto device = enrolledDevice("crowd_device.db", test_db.url(), hub.url(), 20);

    // 500 connections that say nothing, and 500 that send a request head one byte at a time,
    // a byte a second each, never finishing it.
    std::vector<RawSocket> idle, slow;
    for (int i = 0; i < 500; ++i) idle.emplace_back(hub.port());
    for (int i = 0; i < 500; ++i) {
        slow.emplace_back(hub.port());
        REQUIRE(slow.back().send("GET /v1/health HTTP/1.1\r\nX-Slow: "));
    }
    std::atomic<bool> done{false};
    std::thread trickle([&] {
        while (!done) {
            for (RawSocket& s : slow) s.send("a");
            for (int i = 0; i < 10 && !done; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));

    for (int probe = 0; probe < 3; ++probe) {
        const auto [status, seconds] = probeHealth(hub.port());
        std::cout << "1,000 slow/idle connections (" << TestType::kName << "): health probe "
                  << probe << " HTTP " << status << " in " << seconds * 1000 << " ms\n";
        CHECK(status == 200);
        CHECK(seconds < 1.0);
    }
    const auto start = Clock::now();
    auto run = sync::syncOnce(*device, unixNow());
    const double sync_seconds = secondsSince(start);
    done = true;
    trickle.join();
    std::cout << "1,000 slow/idle connections (" << TestType::kName << "): sync of 100 events in "
              << sync_seconds << " s\n";
    REQUIRE(run);
    CHECK(run->accepted == 100);
    CHECK(sync_seconds < 10.0);
    // The crowd is still connected: nothing was dropped to make room.
    int still_open = 0;
    for (RawSocket& s : slow) still_open += !s.closedByPeer(0);
    CHECK(still_open == 500);
    CHECK(hub.stop() == 0);  // SIGTERM with the crowd still connected: a clean exit
}

namespace {

// A request head with `Transfer-Encoding: chunked`, then 1 MiB chunks until `total` bytes or
// the hub closes; the bytes of body sent.
std::size_t sendChunked(int port, const std::string& target,
                        const std::vector<std::string>& headers, std::size_t total) {
    RawSocket s(port);
    std::string head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const std::string& h : headers) head += h + "\r\n";
    if (!s.send(head + "Transfer-Encoding: chunked\r\n\r\n")) return 0;
    const std::string chunk = "100000\r\n" + std::string(1u << 20, '{') + "\r\n";
    std::size_t sent = 0;
    while (sent < total && s.send(chunk)) sent += 1u << 20;
    return sent;
}

// 4 clients at once, each running `attack`.
template <class Attack>
void fourAtOnce(Attack attack) {
    std::vector<std::thread> clients;
    for (int i = 0; i < 4; ++i) clients.emplace_back(attack);
    for (auto& c : clients) c.join();
}

const std::vector<std::string> kForgedHeaders = {
    "X-Pekon-Device: 00000000-0000-4000-8000-000000000000",
    "X-Pekon-Timestamp: " + std::to_string(unixNow()), "X-Pekon-Signature: AAAA",
    "Content-Type: application/json"};

}  // namespace

TEMPLATE_TEST_CASE(
    "hub: whatever unauthenticated clients send, its memory stays under 128 MB and it answers",
    "[hub_hostile]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_hostile_memory.db");
    test::RunningHub hub(test_db.url());
    constexpr std::size_t kBig = 256u << 20;

    // Endless chunked bodies, to the unauthenticated enrolment and (with forged signature
    // headers) to the events: each is cut off long before it is all sent.
    fourAtOnce([&] { CHECK(sendChunked(hub.port(), "/v1/devices/enrol", {}, kBig) < kBig); });
    fourAtOnce([&] { CHECK(sendChunked(hub.port(), "/v1/events", kForgedHeaders, kBig) < kBig); });

    // A Content-Length of 10^12, and one of 256 MB with the body coming: 413 at once, unread.
    for (const std::string& target :
         {std::string("/v1/devices/enrol"), std::string("/v1/events")}) {
        for (const std::string& length : {std::string("1000000000000"), std::to_string(kBig)}) {
            RawSocket s(hub.port());
            const auto start = Clock::now();
            REQUIRE(s.send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                           length + "\r\n\r\n"));
            const RawSocket::Reply reply = s.readReply(5000);
            INFO(target << " Content-Length " << length);
            CHECK(reply.status == 413);
            CHECK(errorCode(reply.body) == "too_large");
            CHECK(secondsSince(start) < 1.0);
        }
    }
    // A forged push of a plausible size is refused before its body is read.
    {
        RawSocket s(hub.port());
        std::string head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const std::string& h : kForgedHeaders) head += h + "\r\n";
        REQUIRE(s.send(head + "Content-Length: 1000000\r\n\r\n"));
        const RawSocket::Reply reply = s.readReply(5000);
        CHECK(reply.status == 401);
        CHECK(errorCode(reply.body) == "unauthorized");
    }

    // 10,000 headers; and four heads of 128 MB each.
    {
        RawSocket s(hub.port());
        std::string head = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (int i = 0; i < 10000; ++i) head += "X-H" + std::to_string(i) + ": v\r\n";
        s.send(head + "\r\n");
        const RawSocket::Reply reply = s.readReply(5000);
        CHECK(reply.status != 200);
    }
    fourAtOnce([&] {
        RawSocket s(hub.port());
        s.send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");
        CHECK(s.sendRepeated(std::string(1u << 20, 'a'), 128u << 20) < (128u << 20));
    });

    const test::Resident memory = test::residentOf(hub.pid());
    std::cout << "hostile bodies and headers (" << TestType::kName << "): pekon-hub peak resident "
              << memory.peak_kib / 1024 << " MiB, now " << memory.now_kib / 1024 << " MiB, of it "
              << memory.file_kib / 1024 << " MiB mapped from its program and libraries\n";
    CHECK(memory.peak_kib > 0);
    CHECK(memory.file_kib > 0);
    // Its own memory, not the pages of its (Debug, ASan) program, which grow with the code.
    CHECK(memory.ownPeakKib() < 128 * 1024);
    const auto [status, seconds] = probeHealth(hub.port());
    CHECK(status == 200);
    CHECK(seconds < 1.0);
    CHECK(hub.stop() == 0);
}

TEMPLATE_TEST_CASE(
    "hub: a whole sync (health, every push batch, every pull page) uses one "
    "connection",
    "[hub_hostile]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_one_connection.db");
    test::RunningHub hub(test_db.url());
    test::CountingRelay relay(hub.port());
    // 1,001 households: 5,005 events, six batches of at most 1,000.
    auto device = enrolledDevice("one_connection_device.db", test_db.url(), relay.url(), 1001);
    const int after_enrolment = relay.connections();
    auto run = sync::syncOnce(*device, unixNow());
    REQUIRE(run);
    CHECK(run->pushed == 5005);
    CHECK(run->accepted == 5005);
    CHECK(relay.connections() - after_enrolment == 1);
}

namespace {

struct Credentials {
    std::string device_id;
    sync::DeviceSecret secret;
    bool kiosk = false;
};

// A token made in the hub's database (a kiosk's when `kiosk_area` is given), spent over HTTP.
Credentials enrolOverHttp(const std::string& db, int port, const std::string& kiosk_area = "") {
    std::string token;
    {
        auto store = hub::openHubStore(db);
        REQUIRE(store);
        token = (*store)->createToken("test", unixNow(), 3600, kiosk_area).value().token;
    }
    httplib::Client c("127.0.0.1", port);
    auto enrolled = c.Post("/v1/devices/enrol", R"({"token":")" + token + R"(","name":"device"})",
                           "application/json");
    REQUIRE(enrolled);
    REQUIRE(enrolled->status == 201);
    const Json answer = parseJson(enrolled->body).value();
    return {answer["device_id"].get<std::string>(),
            sync::decodeSecret(answer["secret"].get<std::string>()).value(),
            answer.contains("kiosk")};
}

// The three signature headers for `body` to `target`, as lines of a request head.
std::vector<std::string> signatureLines(const Credentials& d, const std::string& method,
                                        const std::string& target, const std::string& body) {
    const std::int64_t ts = unixNow();
    return {"X-Pekon-Device: " + d.device_id, "X-Pekon-Timestamp: " + std::to_string(ts),
            "X-Pekon-Signature: " + sync::sign(d.secret, method, target, ts, body)};
}

std::string memberEvent(int n) {
    const std::string id = std::to_string(n);
    char nik[17];
    std::snprintf(nik, sizeof nik, "18060115058%05d", n);
    return R"({"id":"e)" + id + R"(","seq":)" + id +
           R"(,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u1","data":{"member_id":"m)" +
           id + R"(","household_id":"h)" + id + R"(","nik":")" + nik +
           R"(","name":"Budi Santoso","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}})";
}

}  // namespace

TEMPLATE_TEST_CASE("hub: SIGTERM lets a push under way finish and be answered, then exits 0",
                   "[hub_hostile]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_drain.db");
    const std::string& db = test_db.url();
    test::RunningHub hub(db);
    const Credentials device = enrolOverHttp(db, hub.port());
    std::string body = R"({"events":[)";
    for (int i = 1; i <= 200; ++i) body += (i > 1 ? "," : "") + memberEvent(i);
    body += "]}";
    const std::string request = test::httpRequest(
        "POST", "/v1/events", signatureLines(device, "POST", "/v1/events", body), body);
    // Half the push is on its way when the hub is told to stop; then the rest comes.
    RawSocket s(hub.port());
    REQUIRE(s.send(request.substr(0, request.size() / 2)));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(::kill(hub.pid(), SIGTERM) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(s.send(request.substr(request.size() / 2)));
    const RawSocket::Reply reply = s.readReply(10000);
    REQUIRE(reply.status == 200);
    REQUIRE(parsePushAnswer(reply.body));
    CHECK(parsePushAnswer(reply.body).value().accepted.size() == 200);
    CHECK(s.closedByPeer(5000));  // no further request on it: the hub is stopping
    CHECK(hub.stop() == 0);
    auto store = hub::openHubStore(db);
    REQUIRE(store);
    CHECK((*store)->eventCount().value() == 200);
}

TEMPLATE_TEST_CASE("hub: a kiosk may push only feedback; other types are refused per event",
                   "[hub_hostile]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_kiosk_push.db");
    const std::string& db = test_db.url();
    test::RunningHub hub(db);
    const Credentials kiosk = enrolOverHttp(db, hub.port(), "18.06");
    REQUIRE(kiosk.kiosk);
    const std::string body =
        R"({"events":[)"
        R"({"id":"k1","seq":1,"type":"feedback.submitted","at":"2026-11-22T08:15:00Z","actor":"kiosk","data":{"category":"other","rating":4,"text":""}},)"
        R"({"id":"k2","seq":2,"type":"member.registered","at":"2026-11-22T08:16:00Z","actor":"kiosk","data":{"member_id":"m1","household_id":"h1","nik":"1806011505800001","name":"Budi Santoso","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}},)"
        R"({"id":"k3","seq":3,"type":"household.registered","at":"2026-11-22T08:17:00Z","actor":"kiosk","data":{"household_id":"h1","kk_number":"1806011203150007","village_code":"18.06.01.2016","address":"Jl. Merdeka","rt":"002","rw":"001"}}]})";
    RawSocket s(hub.port());
    REQUIRE(s.send(test::httpRequest("POST", "/v1/events",
                                     signatureLines(kiosk, "POST", "/v1/events", body), body)));
    const RawSocket::Reply reply = s.readReply(10000);
    REQUIRE(reply.status == 200);
    REQUIRE(parsePushAnswer(reply.body));
    const PushAnswer pushed = parsePushAnswer(reply.body).value();
    CHECK(pushed.accepted == std::vector<std::string>{"k1"});
    REQUIRE(pushed.rejected.size() == 2);
    CHECK(pushed.rejected[0].id == "k2");
    CHECK(pushed.rejected[1].id == "k3");
    for (const Rejection& r : pushed.rejected) CHECK(r.code == "forbidden_type");
    auto store = hub::openHubStore(db);
    REQUIRE(store);
    CHECK((*store)->eventCount().value() == 1);
}

TEST_CASE(
    "hub: encoded separators, dot segments and double slashes in the path are refused "
    "before routing",
    "[hub_hostile]") {
    test::RunningHub hub(test::tempPath("hub_paths.db"));
    for (const char* target :
         {"/v1%2Fevents", "/v1/%65vents", "/v1%5Cevents", "/v1\\events", "/v1/./events",
          "/v1/../v1/events", "/v1/x/../events", "//v1/events", "/v1//events", "/v1/events/."}) {
        RawSocket s(hub.port());
        REQUIRE(s.send(test::httpRequest("POST", target, {"Content-Type: application/json"},
                                         R"({"events":[]})")));
        const RawSocket::Reply reply = s.readReply(5000);
        INFO(target << " -> HTTP " << reply.status << " " << reply.body);
        CHECK(reply.status == 400);
        CHECK(errorCode(reply.body) == "bad_path");
    }
    // The same on a GET the hub answers without a signature.
    RawSocket s(hub.port());
    REQUIRE(s.send(test::httpRequest("GET", "/v1/%68ealth")));
    CHECK(s.readReply(5000).status == 400);
    // And the plain path still works, on one kept connection, request after request.
    RawSocket kept(hub.port());
    for (int i = 0; i < 12; ++i) {
        REQUIRE(kept.send(test::httpRequest("GET", "/v1/health")));
        INFO("request " << i);
        REQUIRE(kept.readReply(5000).status == 200);
    }
}
