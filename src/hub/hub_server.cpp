#include "hub/hub_server.hpp"

#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <thread>

#include "core/number.hpp"
#include "hub/hub_api.hpp"
#include "hub/kiosk_worker.hpp"
#include "hub/web/console.hpp"
#include "hub/work_pool.hpp"
#include "proto/sync_json.hpp"

// The HTTP layer of pekon-hub over libmicrohttpd, event-driven: one epoll thread holds every
// connection (idle, slow or busy, each costs a little memory and no thread), answers health
// itself, and hands store work (enrolment, pushes, changes, and the device check before a
// push's body is read) to a small pool of workers while the connection is suspended. What each
// request means is hub_api's (the protocol, /v1/...) or web/console's (the office console, / and
// /office/...); this file only moves bytes and enforces the limits.
namespace pekon::hub {

namespace {

constexpr const char* kJson = "application/json";

// The largest body each route takes, counted on the wire (a gzip body before inflating). A
// larger Content-Length is answered 413 at once, unread; a body without one (chunked) that
// grows past it has its connection closed (libmicrohttpd cannot answer in the middle of a
// body).
constexpr std::size_t kEnrolMaxBytes = 4 * 1024;
constexpr std::size_t kPushMaxWireBytes = kMaxPushBytes + 64 * 1024;
constexpr std::size_t kGetMaxBytes = 4 * 1024;  // read and ignored: a GET carries no body
// Bodies held by all connections together; a push that would go past it is answered
// 503 `busy` (devices retry with backoff).
constexpr std::size_t kBodyBudget = 64u << 20;
// Per connection, for the request line and headers (and the read buffer): larger headers
// are refused by libmicrohttpd with 431 before more is buffered.
constexpr std::size_t kConnectionMemory = 32 * 1024;
// A connection that sends nothing for this long is closed (also a kept, idle one).
constexpr unsigned kIdleTimeoutSeconds = 30;
// How long SIGTERM waits for the requests under way before closing what is left.
constexpr auto kDrainLimit = std::chrono::seconds(30);
// The kiosk queue's worker: how often it looks for rows queued by another process (a command
// line's import, a crash's leftovers), and how many rows a step takes (its lookups, up to two
// Argon2id hashes a person, are what a stop waits for).
constexpr auto kKioskWorkerPeriod = std::chrono::seconds(5);
constexpr size_t kKioskWorkerBatch = 64;

enum class Route { none, health, enrol, events, changes, console };
enum class Stage { headers, admitting, body, working };

// One request on one connection, from its request line to its completion.
struct Exchange {
    std::string raw_target;  // exactly as received (libmicrohttpd decodes the one it routes)
    Stage stage = Stage::headers;
    Route route = Route::none;
    std::size_t cap = 0;
    std::size_t received = 0;
    std::size_t budget_held = 0;
    std::size_t declared = 0;  // Content-Length, when given
    bool started = false;      // the headers were complete and the request was counted
    ApiRequest request;
    std::optional<ApiResponse> answer;      // written by a worker before it resumes the connection
    web::WebRequest page;                   // the console's request (Route::console)
    std::optional<web::WebResponse> shown;  // and its answer
};

class Server {
  public:
    Server(HubApi& api, web::Console& console, int workers)
        : api_(api), console_(console), pool_(workers) {}

    std::atomic<bool> stopping{false};
    std::atomic<int> active{0};  // requests past their headers, not yet completed

    WorkPool& pool() { return pool_; }

    static void* onRequestLine(void*, const char* uri, MHD_Connection*) {
        auto* x = new Exchange;
        x->raw_target = uri ? uri : "";
        return x;
    }

    static void onCompleted(void* self, MHD_Connection*, void** context,
                            MHD_RequestTerminationCode) {
        auto* server = static_cast<Server*>(self);
        auto* x = static_cast<Exchange*>(*context);
        if (!x) return;
        server->release(*x);
        if (x->started) --server->active;
        delete x;
        *context = nullptr;
    }

    static void onConnection(void*, MHD_Connection* connection, void**,
                             MHD_ConnectionNotificationCode code) {
        if (code != MHD_CONNECTION_NOTIFY_STARTED) return;
        // A device keeps its connection for a whole sync: without this, an answer's body may
        // wait for the ACK of its headers (Nagle against delayed ACK, 40 ms a batch).
        const MHD_ConnectionInfo* info =
            MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (!info) return;
        const int one = 1;
        ::setsockopt(info->connect_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }

    static MHD_Result onRequest(void* self, MHD_Connection* connection, const char*,
                                const char* method, const char*, const char* upload,
                                size_t* upload_size, void** context) {
        auto* server = static_cast<Server*>(self);
        auto* x = static_cast<Exchange*>(*context);
        if (!x) return MHD_NO;
        return server->step(connection, method, upload, upload_size, *x);
    }

  private:
    MHD_Result step(MHD_Connection* c, const char* method, const char* upload, size_t* size,
                    Exchange& x) {
        switch (x.stage) {
            case Stage::headers:
                return begin(c, method, x);
            case Stage::admitting:
                // Back from the device check: refused, or on to the body.
                if (x.answer) return send(c, *x.answer);
                if (x.shown) return show(c, *x.shown);
                x.stage = Stage::body;
                x.request.body.reserve(x.declared);
                return MHD_YES;
            case Stage::body:
                if (*size > 0) {
                    const bool kept = take(x, upload, *size);
                    *size = 0;
                    return kept ? MHD_YES : MHD_NO;  // over the cap: the connection is closed
                }
                return finish(c, x);
            case Stage::working:
                if (x.shown) return show(c, *x.shown);
                if (!x.answer) return MHD_NO;
                return send(c, *x.answer);
        }
        return MHD_NO;
    }

    // The headers are complete: check the target, route, refuse what is too large.
    MHD_Result begin(MHD_Connection* c, const char* method_text, Exchange& x) {
        x.started = true;
        ++active;
        // The console's start page is /office/, with the trailing slash the target check
        // refuses anywhere else.
        const std::string_view raw = x.raw_target;
        const bool office_home = raw == "/office/" || raw.rfind("/office/?", 0) == 0;
        auto target =
            parseRequestTarget(office_home ? "/office" + std::string(raw.substr(8)) : x.raw_target);
        if (target && office_home) target->path = "/office/";
        if (!target)
            return send(c, errorResponse(400, target.error().code, target.error().message_en));
        const std::string method = method_text ? method_text : "";
        const std::string& path = target->path;
        const bool get = method == "GET" || method == "HEAD";
        if (get && path == "/v1/health") {
            x.route = Route::health, x.cap = kGetMaxBytes;
        } else if (method == "POST" && path == "/v1/devices/enrol") {
            x.route = Route::enrol, x.cap = kEnrolMaxBytes;
        } else if (method == "POST" && path == "/v1/events") {
            x.route = Route::events, x.cap = kPushMaxWireBytes;
        } else if (get && path == "/v1/changes") {
            x.route = Route::changes, x.cap = kGetMaxBytes;
        } else if (web::Console::owns(path)) {
            return beginConsole(c, method, std::move(target.value()), x);
        } else {
            return send(c, errorResponse(404, "not_found", "No such endpoint."));
        }
        ApiRequest& r = x.request;
        r.method = method == "HEAD" ? "GET" : method;
        r.target = x.raw_target;
        r.parsed = std::move(target.value());
        r.device = header(c, "X-Pekon-Device");
        r.timestamp = header(c, "X-Pekon-Timestamp");
        r.signature = header(c, "X-Pekon-Signature");
        r.content_encoding = header(c, MHD_HTTP_HEADER_CONTENT_ENCODING);
        const std::string length = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!length.empty()) {
            // libmicrohttpd has already refused a malformed one.
            const unsigned long long declared =
                parseNumber<unsigned long long>(length).value_or(ULLONG_MAX);
            if (declared > x.cap) return send(c, tooLarge());
            if (x.route == Route::events && heldBodies() + declared > kBodyBudget)
                return send(c, busy());
            if (x.route != Route::changes && x.route != Route::health)
                x.declared = static_cast<std::size_t>(declared);
        }
        if (x.route == Route::events) {
            // Only a known, unrevoked device with fresh headers may send a body this large.
            x.stage = Stage::admitting;
            return handOff(c, x, [this, &x] { x.answer = api_.admit(x.request); });
        }
        x.stage = Stage::body;
        x.request.body.reserve(x.declared);
        return MHD_YES;
    }

    // A console request: its headers, its cap; answered at once when it needs no store (the
    // stylesheet, "/") or is refused by its size.
    MHD_Result beginConsole(MHD_Connection* c, const std::string& method, RequestTarget target,
                            Exchange& x) {
        x.route = Route::console;
        web::WebRequest& r = x.page;
        r.method = method == "HEAD" ? "GET" : method;
        r.path = std::move(target.path);
        r.query = std::move(target.query);
        r.host = header(c, MHD_HTTP_HEADER_HOST);
        r.cookie = header(c, MHD_HTTP_HEADER_COOKIE);
        r.origin = header(c, "Origin");
        r.referer = header(c, MHD_HTTP_HEADER_REFERER);
        r.sec_fetch_site = header(c, "Sec-Fetch-Site");
        r.accept_language = header(c, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
        r.content_type = header(c, MHD_HTTP_HEADER_CONTENT_TYPE);
        if (auto quick = console_.quick(r)) {
            x.cap = kGetMaxBytes;
            x.shown = std::move(quick);
            x.stage = Stage::body;  // read (and drop) a small body, then answer in finish()
            return MHD_YES;
        }
        x.cap = console_.bodyCap(r);
        const std::string length = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!length.empty()) {
            const unsigned long long declared =
                parseNumber<unsigned long long>(length).value_or(ULLONG_MAX);
            if (declared > x.cap) return show(c, console_.refusal(r, 413, "error.too_large"));
            if (heldBodies() + declared > kBodyBudget)
                return show(c, console_.refusal(r, 503, "error.busy"));
            x.declared = static_cast<std::size_t>(declared);
        }
        x.stage = Stage::body;
        r.body.reserve(x.declared);
        return MHD_YES;
    }

    // A piece of the body: kept, unless the route's cap or the shared budget is passed.
    bool take(Exchange& x, const char* data, std::size_t size) {
        x.received += size;
        if (x.received > x.cap) return false;
        if (x.route == Route::changes || x.route == Route::health) return true;  // ignored
        if (x.route == Route::console && x.shown) return true;  // answered already: dropped
        held_ += size;
        x.budget_held += size;
        if (held_ > kBodyBudget) return false;
        (x.route == Route::console ? x.page.body : x.request.body).append(data, size);
        return true;
    }

    // The whole request is in. Health is answered here, on the event loop; the rest on a
    // worker. (An answer queued before the body is read closes the connection afterwards, so
    // every answer but a refusal waits for this point.)
    MHD_Result finish(MHD_Connection* c, Exchange& x) {
        if (x.route == Route::health) return send(c, HubApi::health());
        if (x.route == Route::console && x.shown) return show(c, *x.shown);
        x.stage = Stage::working;
        if (x.route == Route::console)
            return handOff(c, x, [this, &x] {
                x.shown = console_.handle(x.page);
                std::string().swap(x.page.body);
                release(x);
            });
        return handOff(c, x, [this, &x] {
            switch (x.route) {
                case Route::enrol:
                    x.answer = api_.enrol(x.request);
                    break;
                case Route::events:
                    x.answer = api_.events(x.request);
                    break;
                case Route::changes:
                    x.answer = api_.changes(x.request);
                    break;
                default:
                    x.answer = errorResponse(404, "not_found", "No such endpoint.");
            }
            // The body is not needed any more: give its share of the budget back now.
            std::string().swap(x.request.body);
            release(x);
        });
    }

    // Suspends the connection and runs `work` on a worker, which resumes it; the next call of
    // the handler for this request finds the answer.
    template <class Work>
    MHD_Result handOff(MHD_Connection* c, Exchange& x, Work work) {
        MHD_suspend_connection(c);
        const bool queued = pool_.submit([this, c, work, &x] {
            try {
                work();
            } catch (const std::exception& e) {  // a bug, not the client's: answer, go on
                if (x.route == Route::console)
                    x.shown = console_.refusal(x.page, 500, "error.internal");
                else
                    x.answer = errorResponse(500, "internal", e.what());
            }
            MHD_resume_connection(c);
        });
        if (!queued) {
            if (x.route == Route::console)
                x.shown = console_.refusal(x.page, 503, "error.stopping");
            else
                x.answer = errorResponse(503, "stopping", "pekon-hub is stopping; try again.");
            MHD_resume_connection(c);
        }
        return MHD_YES;
    }

    MHD_Result send(MHD_Connection* c, const ApiResponse& answer) {
        MHD_Response* response = MHD_create_response_from_buffer(
            answer.body.size(), const_cast<char*>(answer.body.data()), MHD_RESPMEM_MUST_COPY);
        if (!response) return MHD_NO;
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, kJson);
        // While stopping, no connection is kept for another request.
        if (stopping) MHD_add_response_header(response, MHD_HTTP_HEADER_CONNECTION, "close");
        const MHD_Result queued =
            MHD_queue_response(c, static_cast<unsigned>(answer.status), response);
        MHD_destroy_response(response);
        return queued;
    }

    // A console answer: a page, or a file streamed from its descriptor (which libmicrohttpd
    // closes).
    MHD_Result show(MHD_Connection* c, web::WebResponse&& answer) { return show(c, answer); }
    MHD_Result show(MHD_Connection* c, web::WebResponse& answer) {
        MHD_Response* response = nullptr;
        if (answer.download) {
            response = MHD_create_response_from_fd64(answer.download->size, answer.download->fd);
            if (response) answer.download->fd = -1;
        } else {
            response = MHD_create_response_from_buffer(
                answer.body.size(), const_cast<char*>(answer.body.data()), MHD_RESPMEM_MUST_COPY);
        }
        if (!response) return MHD_NO;
        MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE,
                                answer.content_type.c_str());
        for (const auto& [name, value] : answer.headers)
            MHD_add_response_header(response, name.c_str(), value.c_str());
        if (stopping) MHD_add_response_header(response, MHD_HTTP_HEADER_CONNECTION, "close");
        const MHD_Result queued =
            MHD_queue_response(c, static_cast<unsigned>(answer.status), response);
        MHD_destroy_response(response);
        return queued;
    }

    static ApiResponse tooLarge() {
        return errorResponse(413, "too_large",
                             "The request body is larger than this endpoint takes.");
    }
    static ApiResponse busy() {
        return errorResponse(503, "busy", "pekon-hub is receiving many pushes; try again.");
    }

    static std::string header(MHD_Connection* c, const char* name) {
        const char* value = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
        return value ? value : "";
    }

    std::size_t heldBodies() const { return held_; }
    void release(Exchange& x) {
        held_ -= x.budget_held;
        x.budget_held = 0;
    }

    HubApi& api_;
    web::Console& console_;
    WorkPool pool_;
    std::atomic<std::size_t> held_{0};
};

// The listening socket: the host's first address, SO_REUSEADDR, a deep backlog (a district's
// devices reconnecting at once), non-blocking for the event loop. Returns -1 on failure.
int listenOn(const std::string& host, int port, int& bound_port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.empty() ? nullptr : host.c_str(), std::to_string(port).c_str(), &hints,
                      &found) != 0)
        return -1;
    int fd = -1;
    for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0) continue;
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(found);
    if (fd < 0) return -1;
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    bound_port = address.ss_family == AF_INET6
                     ? ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port)
                     : ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
    return fd;
}

// Every connection is a descriptor: take all the kernel allows this process. Returns how
// many connections to accept (what is left after the store's files and sockets).
unsigned connectionLimit() {
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
    }
    const rlim_t usable = files.rlim_cur > 512 ? files.rlim_cur - 256 : files.rlim_cur / 2;
    return static_cast<unsigned>(std::min<rlim_t>(usable, 60000));
}

Error listenFailed(const ServeOptions& options) {
    const std::string where = options.host + ":" + std::to_string(options.port);
    return Error{"listen_failed", "Tidak bisa mendengar di " + where, "Cannot listen on " + where};
}

}  // namespace

Status serve(const ServeOptions& options) {
    // One connection per worker thread, at most 8 (PostgreSQL; SQLite has one).
    auto store = openHubStore(options.db_url, HubStoreOptions{std::clamp(options.threads, 1, 8)});
    if (!store) return store.error();
    HubApi api(std::move(store.value()));
    auto console = web::Console::make(api, web::ConsoleOptions{options.behind_tls});
    if (!console) return console.error();

    // SIGTERM/SIGINT are taken by this thread, which stops the server; the others (started
    // below, inheriting the mask) never see them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    const unsigned connections = connectionLimit();
    int port = 0;
    const int listen_fd = listenOn(options.host, options.port, port);
    if (listen_fd < 0) return listenFailed(options);

    // The kiosks' table follows decisions and status uploads from the queue, in the background.
    KioskWorker kiosk_worker(api, kKioskWorkerPeriod, kKioskWorkerBatch);
    api.setKioskWaker([&kiosk_worker] { kiosk_worker.wake(); });

    Server server(api, console.value(), std::max(1, options.threads));
    MHD_Daemon* daemon = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME, 0, nullptr, nullptr,
        &Server::onRequest, &server, MHD_OPTION_LISTEN_SOCKET, listen_fd,
        MHD_OPTION_CONNECTION_LIMIT, connections, MHD_OPTION_CONNECTION_TIMEOUT,
        kIdleTimeoutSeconds, MHD_OPTION_CONNECTION_MEMORY_LIMIT, kConnectionMemory,
        MHD_OPTION_URI_LOG_CALLBACK, &Server::onRequestLine, &server, MHD_OPTION_NOTIFY_COMPLETED,
        &Server::onCompleted, &server, MHD_OPTION_NOTIFY_CONNECTION, &Server::onConnection, &server,
        MHD_OPTION_END);
    if (!daemon) {
        ::close(listen_fd);
        return listenFailed(options);
    }
    std::printf("pekon-hub listening on %s:%d\n", options.host.c_str(), port);
    std::fflush(stdout);

    while (sigwaitinfo(&stop_signals, nullptr) < 0) {
    }
    // Stop accepting; let the requests under way finish (an answer is sent only after its
    // commit, so nothing acknowledged is lost), closing each connection after its answer.
    server.stopping = true;
    const MHD_socket quiesced = MHD_quiesce_daemon(daemon);
    if (quiesced != MHD_INVALID_SOCKET) ::close(quiesced);
    const auto deadline = std::chrono::steady_clock::now() + kDrainLimit;
    while (server.active > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    server.pool().close();  // runs what was handed over, so no connection stays suspended
    MHD_stop_daemon(daemon);
    api.setKioskWaker({});
    kiosk_worker.stop();  // what it leaves queued, the next run drains
    return {};
}

}  // namespace pekon::hub
