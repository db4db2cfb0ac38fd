// A device whose clock is wrong still syncs (issue 12): it signs in the hub's time, and when
// the hub says `clock_skew` it takes the hub's time from that answer and sends once more.
// In-process client against the real pekon-hub, through a forwarder whose health probe lies
// about the time (so the offset the device first measures is a day wrong).
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "proto/signature.hpp"
#include "proto/sync_json.hpp"
#include "store/clock_state.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "sync/client.hpp"
#include "sync/sync_harness.hpp"

using namespace pekon;
using namespace pekon::test;

namespace {

constexpr const char* kMovedEncoding = "X-Test-Content-Encoding";

// Forwards every request to the hub as is, except `GET /v1/health`, whose `time` is a day
// early. Counts the hub's `401 clock_skew` answers it passed back.
class LyingHealth {
  public:
    explicit LyingHealth(int hub_port) : hub_port_(hub_port) {
        // Keep a gzip body as sent (the signature covers those bytes): httplib would inflate it.
        server_.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
            auto& r = const_cast<httplib::Request&>(req);
            if (r.has_header("Content-Encoding")) {
                r.set_header(kMovedEncoding, r.get_header_value("Content-Encoding"));
                r.headers.erase("Content-Encoding");
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });
        server_.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
            const Json body{{"status", "ok"}, {"version", "lying"}, {"time", unixNow() - 86400}};
            res.set_content(body.dump(), "application/json");
        });
        auto forward = [this](const httplib::Request& req, httplib::Response& res) {
            httplib::Client hub("127.0.0.1", hub_port_);
            hub.set_decompress(false);
            httplib::Headers headers;
            for (const char* name : {"X-Pekon-Device", "X-Pekon-Timestamp", "X-Pekon-Signature"})
                headers.emplace(name, req.get_header_value(name));
            if (req.has_header(kMovedEncoding))
                headers.emplace("Content-Encoding", req.get_header_value(kMovedEncoding));
            auto answer = req.method == "GET"
                              ? hub.Get(req.target, headers)
                              : hub.Post(req.target, headers, req.body, "application/json");
            if (!answer) {
                res.status = 502;
                return;
            }
            if (answer->status == 401 && clockSkewHubTime(answer->body)) ++clock_skews;
            res.status = answer->status;
            res.set_content(answer->body, "application/json");
        };
        server_.Get("/v1/changes", forward);
        server_.Post("/v1/events", forward);
        server_.Post("/v1/devices/enrol", forward);
        // Bound and listening here: a connection waits in the backlog until the thread accepts.
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~LyingHealth() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::atomic<int> clock_skews{0};

  private:
    int hub_port_;
    int port_ = 0;
    httplib::Server server_;
    std::thread thread_;
};

}  // namespace

TEST_CASE(
    "sync: a clock_skew answer gives the hub's time; the request is signed again and the "
    "sync completes",
    "[sync][clock]") {
    const std::string hub_db = tempPath("clock_skew_hub.db");
    RunningHub hub(hub_db);
    LyingHealth lying(hub.port());

    // The hub's own answer to a signed request dated a day off: clock_skew with its time.
    {
        auto store = Store::open(tempPath("clock_skew_probe.db"));
        REQUIRE(store);
        REQUIRE(sync::enrolDevice(**store, newEnrolmentUri(hub_db, hub.url()), "probe"));
        auto link = readHubLink(**store);
        REQUIRE(link);
        REQUIRE(link->has_value());
        const auto secret = sync::decodeSecret((*link)->secret).value();
        const std::int64_t stale = unixNow() - 86400;
        httplib::Client c("127.0.0.1", hub.port());
        httplib::Headers headers{
            {"X-Pekon-Device", (*link)->device_id},
            {"X-Pekon-Timestamp", std::to_string(stale)},
            {"X-Pekon-Signature", sync::sign(secret, "GET", "/v1/changes?limit=1", stale, "")}};
        auto res = c.Get("/v1/changes?limit=1", headers);
        REQUIRE(res);
        CHECK(res->status == 401);
        const auto hub_time = clockSkewHubTime(res->body);
        REQUIRE(hub_time);
        CHECK(std::abs(*hub_time - unixNow()) < 60);
        // A wrong signature learns nothing of the kind.
        headers.erase("X-Pekon-Signature");
        headers.emplace("X-Pekon-Signature", sync::sign(secret, "GET", "/v1/other", stale, ""));
        auto forged = c.Get("/v1/changes?limit=1", headers);
        REQUIRE(forged);
        CHECK(forged->status == 401);
        CHECK_FALSE(clockSkewHubTime(forged->body));
        CHECK(parseJson(forged->body).value()["error"]["code"] == "unauthorized");
    }

    const std::string db = tempPath("clock_skew_device.db");
    auto store = Store::open(db);
    REQUIRE(store);
    const int events = addHouseholds(**store, 1, 2);
    REQUIRE(sync::enrolDevice(**store, newEnrolmentUri(hub_db, lying.url()), "tablet"));
    REQUIRE(readHubOffset(**store));
    CHECK(std::abs(*readHubOffset(**store)) < 60);  // from the enrolment's hub_time

    // The lying probe makes the device believe it is a day fast; the hub corrects it.
    auto summary = sync::syncOnce(**store, unixNow());
    INFO((summary ? std::string("ok") : summary.error().message_en));
    REQUIRE(summary);
    CHECK(summary->accepted == events);
    CHECK(lying.clock_skews >= 1);
    REQUIRE(readHubOffset(**store));
    CHECK(std::abs(*readHubOffset(**store)) < 60);  // the hub's time was kept
    auto counts = outboxCounts(**store);
    REQUIRE(counts);
    CHECK(counts->pending == 0);
}
