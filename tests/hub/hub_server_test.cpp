// pekon-hub as a real process on loopback, spoken to over real HTTP, on each storage backend;
// and its commands (token, device, status import, stats) on each backend.
#include <httplib.h>
#include <sys/wait.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "hub/hub_store.hpp"
#include "proto/gzip.hpp"
#include "proto/signature.hpp"
#include "proto/sync_json.hpp"
#include "support/fixtures.hpp"
#include "support/postgres_test_db.hpp"
#include "support/running_hub.hpp"
#include "proto/gzip.hpp"
#include "proto/signature.hpp"
#include "support/sample_household.hpp"

using namespace pekon;
using test::PostgreSQL;
using test::SQLite;

namespace {

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class RunningHub : public test::RunningHub {
  public:
    using test::RunningHub::RunningHub;
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port());
        c.set_decompress(false);
        return c;
    }
};

struct Enrolled {
    std::string device_id;
    sync::DeviceSecret secret;
};

std::string newToken(const std::string& db, std::int64_t ttl = 3600) {
    auto store = hub::openHubStore(db);
    REQUIRE(store);
    auto token = (*store)->createToken("test", unixNow(), ttl);
    REQUIRE(token);
    return token->token;
}

Enrolled enrol(RunningHub& hub, const std::string& db) {
    auto c = hub.client();
    auto res = c.Post("/v1/devices/enrol", R"({"token":")" + newToken(db) + R"(","name":"tablet"})",
                      "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
    auto json = parseJson(res->body);
    REQUIRE(json);
    auto secret = sync::decodeSecret((*json)["secret"].get<std::string>());
    REQUIRE(secret);
    return {(*json)["device_id"].get<std::string>(), *secret};
}

httplib::Headers signedHeaders(const Enrolled& d, const std::string& method,
                               const std::string& target, const std::string& body,
                               std::int64_t ts = 0) {
    if (ts == 0) ts = unixNow();
    return {{"X-Pekon-Device", d.device_id},
            {"X-Pekon-Timestamp", std::to_string(ts)},
            {"X-Pekon-Signature", sync::sign(d.secret, method, target, ts, body)}};
}

std::string member(const std::string& id, const std::string& member_id,
                   const std::string& household_id, const std::string& nik) {
    return R"({"id":")" + id +
           R"(","seq":1,"type":"member.registered","at":"2026-11-22T08:15:00Z","actor":"u1","data":{"member_id":")" +
           member_id + R"(","household_id":")" + household_id + R"(","nik":")" + nik +
           R"(","name":"Budi Santoso","birth_date":"1980-05-15","sex":"M","relation":"head","segment":"PBPU","class":3}})";
}

std::int64_t storedEvents(const std::string& db) {
    auto store = hub::openHubStore(db);
    REQUIRE(store);
    return (*store)->eventCount().value();
}

}  // namespace

TEMPLATE_TEST_CASE("hub over HTTP: health, enrolment, a signed push stored once, gzip",
                   "[hub_server]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_http.db");
    const std::string& db = test_db.url();
    RunningHub hub(db);
    auto c = hub.client();
    auto health = c.Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    auto h = parseJson(health->body);
    REQUIRE(h);
    CHECK((*h)["status"] == "ok");
    CHECK(std::abs((*h)["time"].get<std::int64_t>() - unixNow()) < 5);

    const Enrolled d = enrol(hub, db);
    const std::string body = R"({"events":[)" + member("e1", "m1", "h1", test::sample::kHeadNik) + "," +
                             member("e2", "m2", "h1", "1806015505820002") + "]}";
    for (int round = 0; round < 2; ++round) {
        auto res = c.Post("/v1/events", signedHeaders(d, "POST", "/v1/events", body), body,
                          "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        auto answer = parsePushAnswer(res->body);
        REQUIRE(answer);
        CHECK((round == 0 ? answer->accepted : answer->duplicates) ==
              std::vector<std::string>{"e1", "e2"});
    }
    CHECK(storedEvents(db) == 2);

    // gzip on the wire: the signature covers the compressed bytes.
    const std::string plain =
        R"({"events":[)" + member("e3", "m3", "h2", "1806011505800003") + "]}";
    const std::string packed = sync::gzip(plain);
    httplib::Headers headers = signedHeaders(d, "POST", "/v1/events", packed);
    headers.emplace("Content-Encoding", "gzip");
    auto res = c.Post("/v1/events", headers, packed, "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(parsePushAnswer(res->body)->accepted == std::vector<std::string>{"e3"});
    CHECK(hub.stop() == 0);  // SIGTERM: a clean exit
    CHECK(storedEvents(db) == 3);
}

TEMPLATE_TEST_CASE(
    "hub over HTTP: unsigned, forged, stale, unknown and revoked requests store nothing",
    "[hub_server]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_security.db");
    const std::string& db = test_db.url();
    RunningHub hub(db);
    auto c = hub.client();
    const Enrolled d = enrol(hub, db);
    const std::string body = R"({"events":[)" + member("e1", "m1", "h1", test::sample::kHeadNik) + "]}";
    auto post = [&](const httplib::Headers& headers, const std::string& b = "") {
        auto res = c.Post("/v1/events", headers, b.empty() ? body : b, "application/json");
        REQUIRE(res);
        return std::make_pair(res->status,
                              parseJson(res->body).value()["error"]["code"].get<std::string>());
    };
    CHECK(post({}) == std::make_pair(401, std::string("unauthorized")));
    auto forged = signedHeaders(d, "POST", "/v1/events", body);
    forged.erase("X-Pekon-Signature");
    forged.emplace("X-Pekon-Signature",
                   sync::sign(d.secret, "POST", "/v1/events", unixNow(), body + " "));
    CHECK(post(forged).first == 401);
    CHECK(post(signedHeaders(d, "POST", "/v1/events", body, unixNow() - 301)).first == 401);
    Enrolled stranger{"no-such-device", sync::newDeviceSecret()};
    CHECK(post(signedHeaders(stranger, "POST", "/v1/events", body)).first == 401);
    // Signed for another path: refused.
    CHECK(post(signedHeaders(d, "POST", "/v1/changes", body)).first == 401);
    CHECK(storedEvents(db) == 0);

    // Malformed and oversized bodies.
    CHECK(post(signedHeaders(d, "POST", "/v1/events", "{not json"), "{not json") ==
          std::make_pair(400, std::string("bad_request")));
    std::string many = R"({"events":[)";
    for (int i = 0; i < 1001; ++i)
        many += (i ? "," : "") + member("x" + std::to_string(i), "m", "h", test::sample::kHeadNik);
    many += "]}";
    CHECK(post(signedHeaders(d, "POST", "/v1/events", many), many).first == 413);
    // A small gzip body that would unpack to far more than 1 MiB.
    const std::string bomb = sync::gzip(std::string(8u << 20, ' '));
    auto bomb_headers = signedHeaders(d, "POST", "/v1/events", bomb);
    bomb_headers.emplace("Content-Encoding", "gzip");
    auto res = c.Post("/v1/events", bomb_headers, bomb, "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(storedEvents(db) == 0);

    // A used token, then a revoked device.
    auto token = newToken(db);
    CHECK(c.Post("/v1/devices/enrol", R"({"token":")" + token + R"("})", "application/json")
              ->status == 201);
    auto again = c.Post("/v1/devices/enrol", R"({"token":")" + token + R"("})", "application/json");
    CHECK(again->status == 401);
    CHECK(parseJson(again->body).value()["error"]["code"] == "bad_token");
    {
        auto store = hub::openHubStore(db);
        REQUIRE((*store)->revoke(d.device_id, unixNow()));
    }
    CHECK(post(signedHeaders(d, "POST", "/v1/events", body)) ==
          std::make_pair(403, std::string("revoked")));
    CHECK(storedEvents(db) == 0);
}

TEMPLATE_TEST_CASE("hub over HTTP: changes are pulled page by page with the cursor", "[hub_server]",
                   SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_changes.db");
    const std::string& db = test_db.url();
    RunningHub hub(db);
    auto c = hub.client();
    const Enrolled a = enrol(hub, db);
    const Enrolled b = enrol(hub, db);
    auto push = [&](const Enrolled& d, const std::string& body) {
        auto res = c.Post("/v1/events", signedHeaders(d, "POST", "/v1/events", body), body,
                          "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
    };
    push(a, R"({"events":[)" + member("ea1", "ma1", "ha", test::sample::kHeadNik) + "," +
                member("ea2", "ma2", "ha", "1806015505820002") + "]}");
    push(b, R"({"events":[)" + member("eb1", "mb1", "hb", test::sample::kHeadNik) + "," +
                member("eb2", "mb2", "hb", "1806015505820002") + "]}");
    std::string since;
    std::vector<std::string> seen;
    for (int page = 0; page < 5; ++page) {
        const std::string target = "/v1/changes?limit=1" + (since.empty() ? "" : "&since=" + since);
        auto res = c.Get(target, signedHeaders(a, "GET", target, ""));
        REQUIRE(res);
        REQUIRE(res->status == 200);
        auto json = parseJson(res->body);
        REQUIRE(json);
        for (const auto& change : (*json)["changes"]) {
            CHECK(change["type"] == "registration.duplicate_suspected");
            seen.push_back(change["data"]["member_id"].get<std::string>());
        }
        since = (*json)["next"].get<std::string>();
        if (!(*json)["more"].get<bool>()) break;
    }
    CHECK(seen == std::vector<std::string>{"ma1", "ma2"});
    auto bad =
        c.Get("/v1/changes?limit=5000", signedHeaders(a, "GET", "/v1/changes?limit=5000", ""));
    CHECK(bad->status == 400);
}

TEMPLATE_TEST_CASE("hub over HTTP: devices pushing at the same time are all stored, once",
                   "[hub_server]", SQLite, PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_parallel.db");
    const std::string& db = test_db.url();
    RunningHub hub(db);
    constexpr int kDevices = 4, kBatches = 5, kPerBatch = 50;
    std::vector<Enrolled> devices;
    for (int d = 0; d < kDevices; ++d) devices.push_back(enrol(hub, db));
    std::vector<std::thread> pushers;
    std::atomic<int> accepted{0};
    for (int d = 0; d < kDevices; ++d) {
        pushers.emplace_back([&, d] {
            auto c = hub.client();
            for (int b = 0; b < kBatches; ++b) {
                std::string body = R"({"events":[)";
                for (int i = 0; i < kPerBatch; ++i) {
                    const int n = (d * kBatches + b) * kPerBatch + i;
                    char nik[17];
                    // Every device also registers one shared NIK, in a household of its own.
                    std::snprintf(nik, sizeof nik, "18060115058%05d", b == 0 && i == 0 ? 99999 : n);
                    const std::string id = std::to_string(n);
                    body += (i ? "," : "") +
                            member("e" + id, "m" + id, "h" + std::to_string(d) + "-" + id, nik);
                }
                body += "]}";
                auto res = c.Post(
                    "/v1/events",
                    signedHeaders(devices[static_cast<size_t>(d)], "POST", "/v1/events", body),
                    body, "application/json");
                if (res && res->status == 200)
                    accepted += static_cast<int>(parsePushAnswer(res->body)->accepted.size());
            }
        });
    }
    for (auto& t : pushers) t.join();
    CHECK(accepted == kDevices * kBatches * kPerBatch);
    CHECK(storedEvents(db) == kDevices * kBatches * kPerBatch);
    // The shared NIK: each device is told of each of the three others, exactly once.
    auto store = hub::openHubStore(db);
    REQUIRE(store);
    for (const Enrolled& d : devices) CHECK((*store)->changes(d.device_id, 0, 100)->size() == 3);
}

namespace {

struct HubRun {
    int exit_code = -1;
    std::string out;
};

// Runs `pekon-hub ARGS...` to the end; its standard output and exit code.
HubRun runHub(const std::vector<std::string>& args) {
    test::Child child = test::spawnChild(PEKON_HUB, args);
    HubRun run;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, child.out)) > 0) run.out.append(buffer, n);
    std::fclose(child.out);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

}  // namespace

TEMPLATE_TEST_CASE("pekon-hub's commands all take --db for either backend", "[hub_server]", SQLite,
                   PostgreSQL) {
    PEKON_HUB_TEST_DB(TestType, test_db, "hub_cli.db");
    const std::string& db = test_db.url();

    const HubRun token = runHub({"token", "create", "--db", db, "--hub-url",
                                 "http://127.0.0.1:8080", "--label", "Puskesmas Kota Agung"});
    REQUIRE(token.exit_code == 0);
    const std::string first_line = token.out.substr(0, token.out.find('\n'));
    CHECK(token.out.find("pekon://enrol?hub=http%3A%2F%2F127.0.0.1%3A8080&token=" + first_line) !=
          std::string::npos);
    std::string device_id;
    {
        auto store = hub::openHubStore(db);
        REQUIRE(store);
        auto enrolled = (*store)->enrol(first_line, "tablet", unixNow());
        REQUIRE(enrolled);
        device_id = enrolled->device_id;
        const std::string body =
            R"({"events":[)" + member("e1", "m1", "h1", test::sample::kHeadNik) + "]}";
        REQUIRE(
            (*store)->push(device_id, parsePushRequest(body).value(), unixNow())->accepted.size() ==
            1);
    }

    const HubRun list = runHub({"device", "list", "--db", db});
    REQUIRE(list.exit_code == 0);
    auto listed = parseJson(list.out);
    REQUIRE(listed);
    CHECK((*listed)["device_id"] == device_id);
    CHECK((*listed)["revoked"] == false);

    const std::string csv = test::tempPath("decisions.csv");
    {
        std::ofstream out(csv);
        out << "nik,birth_date,status,card_number,class,faskes,date\n"
               "1806011505800001,1980-05-15,verified,,,,2026-12-01\n"
               "not-a-nik,1980-05-15,verified,,,,2026-12-01\n";
    }
    const HubRun imported = runHub({"status", "import", "--db", db, csv});
    CHECK(imported.exit_code == 1);  // one bad row, reported; the good one still imports
    auto summary = parseJson(imported.out);
    REQUIRE(summary);
    CHECK((*summary)["imported"] == 1);
    CHECK((*summary)["bad_rows"] == 1);
    CHECK((*summary)["changes"] == 1);

    const HubRun stats = runHub({"stats", "--db", db});
    REQUIRE(stats.exit_code == 0);
    CHECK(parseJson(stats.out).value() ==
          Json{{"events", 1}, {"devices", 1}, {"time_flagged", 0}, {"time_flags", Json::object()}});

    CHECK(runHub({"device", "revoke", device_id, "--db", db}).exit_code == 0);
    CHECK(runHub({"device", "revoke", "nobody", "--db", db}).exit_code == 1);
    CHECK(parseJson(runHub({"device", "list", "--db", db}).out).value()["revoked"] == true);
}

TEST_CASE("pekon-hub with a PostgreSQL server it cannot reach exits 1, for every command",
          "[hub_server]") {
    const std::string down = "postgresql://pekon@127.0.0.1:1/pekon";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"serve", "--listen", "127.0.0.1:0", "--db", down},
             {"token", "create", "--db", down, "--hub-url", "http://127.0.0.1:8080"},
             {"device", "list", "--db", down},
             {"stats", "--db", down}}) {
        const HubRun run = runHub(args);
        INFO(args[0]);
        CHECK(run.exit_code == 1);
        CHECK(run.out.empty());
    }
    CHECK(runHub({"stats"}).exit_code == 2);  // no --db at all: a usage error
}
