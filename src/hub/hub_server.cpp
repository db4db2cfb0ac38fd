#include "hub/hub_server.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include "codec/sync_json.hpp"
#include "hub/hub_store.hpp"
#include "platform/clock.hpp"
#include "sync/gzip.hpp"
#include "sync/signature.hpp"

namespace pekon::hub {

namespace {

// Debian's cpp-httplib is a compiled library whose listening socket has a backlog of 5: a
// district's devices reconnecting at once would overflow it, and a device whose handshake the
// kernel dropped waits for its timeout. The socket is found among this process's descriptors
// (listening, bound to `port`) and listen() is called again with a deep backlog, which Linux
// allows on a listening socket.
void widenBacklog(int port) {
    for (int fd = 3; fd < 1024; ++fd) {
        int listening = 0;
        socklen_t size = sizeof listening;
        if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening)
            continue;
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
        const int bound = address.ss_family == AF_INET
                              ? ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port)
                          : address.ss_family == AF_INET6
                              ? ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port)
                              : -1;
        if (bound == port) ::listen(fd, 1024);
    }
}

constexpr const char* kJson = "application/json";
constexpr const char* kVersion = "0.1.0";

void fail(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    res.status = status;
    res.set_content(errorBodyJson(code, message), kJson);
}

// A store that is not concurrent (SQLite: one connection, and it writes one at a time anyway)
// is used by one request at a time; the PostgreSQL store has a pool and is called directly.
class Hub {
  public:
    explicit Hub(std::unique_ptr<HubStore> store) : store_(std::move(store)) {}

    std::unique_lock<std::mutex> turn() {
        return store_->concurrent() ? std::unique_lock<std::mutex>()
                                    : std::unique_lock<std::mutex>(mutex_);
    }

    // Checks the three signature headers; on failure fills `res` and returns nothing.
    std::optional<Device> authenticate(const httplib::Request& req, std::string_view wire_body,
                                       httplib::Response& res) {
        const std::string id = req.get_header_value("X-Pekon-Device");
        const std::string ts = req.get_header_value("X-Pekon-Timestamp");
        const std::string sig = req.get_header_value("X-Pekon-Signature");
        if (id.empty() || ts.empty() || sig.empty()) {
            fail(res, 401, "unauthorized", "Missing signature headers.");
            return std::nullopt;
        }
        std::int64_t timestamp = 0;
        try {
            size_t used = 0;
            timestamp = std::stoll(ts, &used);
            if (used != ts.size()) throw std::invalid_argument("ts");
        } catch (...) {
            fail(res, 401, "unauthorized", "Bad timestamp.");
            return std::nullopt;
        }
        std::optional<Device> device;
        {
            auto lock = turn();
            auto found = store_->device(id);
            if (!found) {
                fail(res, 500, "storage", found.error().message_en);
                return std::nullopt;
            }
            device = *found;
        }
        if (!device ||
            !sync::verify(device->secret, req.method, req.target, timestamp, wire_body, sig)) {
            fail(res, 401, "unauthorized", "Unknown device or wrong signature.");
            return std::nullopt;
        }
        // Signed by the device but dated off: its clock is wrong. Say so, with the hub's time,
        // so the device corrects its offset (never "enrol again").
        if (const UnixSeconds hub_now = platform::nowSeconds();
            !sync::timestampFresh(timestamp, hub_now)) {
            res.status = 401;
            res.set_content(clockSkewBodyJson(hub_now), kJson);
            return std::nullopt;
        }
        if (device->revoked_at) {
            fail(res, 403, "revoked", "This device was revoked by the district office.");
            return std::nullopt;
        }
        return device;
    }

    void enrol(const httplib::Request& req, httplib::Response& res) {
        auto json = parseJson(req.body);
        if (!json || !json->is_object() || !(*json)["token"].is_string())
            return fail(res, 400, "bad_request", "Expected {\"token\":\"...\",\"name\":\"...\"}.");
        const std::string name =
            (*json)["name"].is_string() ? (*json)["name"].get<std::string>() : "";
        auto lock = turn();
        auto e = store_->enrol((*json)["token"].get<std::string>(), name, platform::nowSeconds());
        if (!e)
            return fail(res, e.error().code == "bad_token" ? 401 : 500, e.error().code,
                        e.error().message_en);
        res.status = 201;
        OrderedJson answer{{"device_id", e->device_id},
                           {"secret", sync::encodeSecret(e->secret)},
                           {"hub_time", platform::nowSeconds()}};
        // Only a kiosk token's device learns the district's kiosk key (and its area).
        if (e->kiosk)
            answer["kiosk"] =
                OrderedJson{{"area", e->kiosk->area}, {"key", sync::encodeSecret(e->kiosk->key)}};
        res.set_content(dumpJson(answer), kJson);
    }

    void events(const httplib::Request& req, httplib::Response& res) {
        // req.body holds the bytes as sent (see the pre-routing handler): the signature covers
        // them.
        auto device = authenticate(req, req.body, res);
        if (!device) return;
        std::string plain;
        if (req.get_header_value(kOriginalEncoding) == "gzip") {
            auto unpacked = sync::gunzipBounded(req.body, kMaxPushBytes);
            if (!unpacked)
                return fail(res, unpacked.error().code == "too_large" ? 413 : 400,
                            unpacked.error().code, unpacked.error().message_en);
            plain = std::move(unpacked.value());
        } else {
            plain = req.body;
        }
        auto batch = parsePushRequest(plain);
        if (!batch)
            return fail(res, batch.error().code == "too_large" ? 413 : 400, batch.error().code,
                        batch.error().message_en);
        auto lock = turn();
        auto answer = store_->push(device->id, *batch, platform::nowSeconds());
        if (!answer) return fail(res, 503, "storage", answer.error().message_en);
        res.set_content(pushAnswerJson(*answer), kJson);
    }

    void changes(const httplib::Request& req, httplib::Response& res) {
        auto device = authenticate(req, "", res);
        if (!device) return;
        std::int64_t since = 0;
        int limit = 500;
        try {
            if (req.has_param("since") && !req.get_param_value("since").empty())
                since = std::stoll(req.get_param_value("since"));
            if (req.has_param("limit")) limit = std::stoi(req.get_param_value("limit"));
        } catch (...) {
            return fail(res, 400, "bad_request",
                        "since is a cursor from an earlier page; limit is 1..1000.");
        }
        if (limit < 1 || limit > 1000 || since < 0)
            return fail(res, 400, "bad_request",
                        "since is a cursor from an earlier page; limit is 1..1000.");
        auto lock = turn();
        auto page = store_->changes(device->id, since, limit + 1);
        if (!page) return fail(res, 503, "storage", page.error().message_en);
        const bool more = static_cast<int>(page->size()) > limit;
        if (more) page->pop_back();
        ChangesPage out;
        out.more = more;
        out.next = page->empty() ? std::to_string(since) : std::to_string(page->back().cursor);
        for (const Change& c : *page) {
            // Stored by the hub itself as a JSON object.
            Json data = Json::parse(c.data, nullptr, false);
            out.changes.push_back({std::to_string(c.cursor), c.type,
                                   data.is_object() ? std::move(data) : Json::object()});
        }
        res.set_content(changesPageJson(out), kJson);
    }

    // httplib inflates gzip bodies before a handler sees them, but the signature is over the
    // bytes as sent; so the encoding header is moved aside and the hub inflates (bounded).
    static constexpr const char* kOriginalEncoding = "X-Pekon-Original-Content-Encoding";

  private:
    std::mutex mutex_;
    std::unique_ptr<HubStore> store_;
};

}  // namespace

Status serve(const ServeOptions& options) {
    // One connection per worker thread, at most 8 (PostgreSQL; SQLite has one).
    auto store = openHubStore(options.db_url, HubStoreOptions{std::clamp(options.threads, 1, 8)});
    if (!store) return store.error();
    Hub hub(std::move(store.value()));

    // SIGTERM/SIGINT are taken by one thread, which stops the server; the others never see them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    httplib::Server server;
    const int threads = std::max(1, options.threads);
    server.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    server.set_payload_max_length(kMaxPushBytes + 64 * 1024);
    server.set_read_timeout(30, 0);
    // A device keeps its connection for a whole sync: without this, the answer's body waits
    // for the ACK of its headers (Nagle against delayed ACK, 40 ms a batch).
    server.set_tcp_nodelay(true);
    // A kept connection whose device has gone quiet gives its thread back after 2 s (libcurl
    // opens a new one when it comes back).
    server.set_keep_alive_timeout(2);
    server.set_write_timeout(30, 0);
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
        auto& r = const_cast<httplib::Request&>(req);  // owned by the server's connection loop
        if (r.has_header("Content-Encoding")) {
            r.set_header(Hub::kOriginalEncoding, r.get_header_value("Content-Encoding"));
            r.headers.erase("Content-Encoding");
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        const char* code = res.status == 413   ? "too_large"
                           : res.status == 404 ? "not_found"
                                               : "bad_request";
        res.set_content(errorBodyJson(code, "HTTP " + std::to_string(res.status)), kJson);
    });
    server.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(
            dumpJson(OrderedJson{
                {"status", "ok"}, {"version", kVersion}, {"time", platform::nowSeconds()}}),
            kJson);
    });
    server.Post("/v1/devices/enrol", [&hub](const httplib::Request& req, httplib::Response& res) {
        hub.enrol(req, res);
    });
    server.Post("/v1/events", [&hub](const httplib::Request& req, httplib::Response& res) {
        hub.events(req, res);
    });
    server.Get("/v1/changes", [&hub](const httplib::Request& req, httplib::Response& res) {
        hub.changes(req, res);
    });

    int port = options.port;
    if (port == 0) {
        port = server.bind_to_any_port(options.host);
    } else if (!server.bind_to_port(options.host, port)) {
        port = -1;
    }
    if (port < 0)
        return Error{"listen_failed",
                     "Tidak bisa mendengar di " + options.host + ":" + std::to_string(options.port),
                     "Cannot listen on " + options.host + ":" + std::to_string(options.port)};
    widenBacklog(port);
    std::printf("pekon-hub listening on %s:%d\n", options.host.c_str(), port);
    std::fflush(stdout);

    std::atomic<bool> done{false};
    std::thread stopper([&server, &done, stop_signals] {
        const timespec tick{0, 200'000'000};
        while (!done) {
            if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
                server.stop();
                return;
            }
        }
    });
    server.listen_after_bind();
    done = true;
    stopper.join();
    return {};
}

}  // namespace pekon::hub
