#include "support/fault_proxy.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace pekon::test {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxHead = 64 * 1024;
constexpr int kClientIdleMs = 30000;  // a client that sends nothing for this long is dropped

// A socket closed when it goes out of scope.
class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = other.fd_;
            other.fd_ = -1;
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return fd_; }
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    // Closes with a TCP reset instead of a FIN (SO_LINGER with a zero timeout).
    void resetConnection() {
        if (fd_ < 0) return;
        linger l{1, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        reset();
    }
    // A FIN after what was sent, then the close.
    void finish() {
        if (fd_ < 0) return;
        ::shutdown(fd_, SHUT_WR);
        reset();
    }

  private:
    int fd_ = -1;
};

// Waits until `fd` is ready for `events`, in short ticks so a stopping proxy is noticed.
// False on timeout or stop.
bool ready(int fd, short events, int timeout_ms, const std::atomic<bool>& stop) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!stop) {
        pollfd p{fd, events, 0};
        const int rc = ::poll(&p, 1, 100);
        if (rc > 0) return true;  // readable, writable, or an error/hang-up the next call sees
        if (rc < 0 && errno != EINTR) return false;
        if (Clock::now() >= deadline) return false;
    }
    return false;
}

bool sendAll(int fd, std::string_view data, const std::atomic<bool>& stop) {
    while (!data.empty()) {
        if (!ready(fd, POLLOUT, kClientIdleMs, stop)) return false;
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Appends what arrives; 0 at the end of the stream, -1 on an error, timeout or stop.
ssize_t receive(int fd, std::string& into, int timeout_ms, const std::atomic<bool>& stop) {
    for (;;) {
        if (!ready(fd, POLLIN, timeout_ms, stop)) return -1;
        char buf[16 * 1024];
        const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
        if (n > 0) into.append(buf, static_cast<std::size_t>(n));
        return n;
    }
}

// Reads until `into` holds at least `size` bytes.
bool receiveAtLeast(int fd, std::string& into, std::size_t size, const std::atomic<bool>& stop) {
    while (into.size() < size)
        if (receive(fd, into, kClientIdleMs, stop) <= 0) return false;
    return true;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// An HTTP message head: the first line and the header lines, without the blank line.
struct Head {
    std::string first_line;
    std::vector<std::pair<std::string, std::string>> headers;  // name as sent, value trimmed

    std::string value(const std::string& name) const {
        for (const auto& [n, v] : headers)
            if (lower(n) == name) return v;
        return {};
    }
    // The head again, without hop-by-hop headers, with `Connection: close`.
    std::string closing() const {
        std::string out = first_line + "\r\n";
        for (const auto& [n, v] : headers) {
            const std::string l = lower(n);
            if (l == "connection" || l == "keep-alive" || l == "proxy-connection" || l == "expect")
                continue;
            out += n + ": " + v + "\r\n";
        }
        return out + "Connection: close\r\n\r\n";
    }
};

Head parseHead(std::string_view text) {
    Head head;
    std::size_t at = 0;
    bool first = true;
    while (at < text.size()) {
        std::size_t end = text.find("\r\n", at);
        if (end == std::string_view::npos) end = text.size();
        const std::string line(text.substr(at, end - at));
        at = end + 2;
        if (first) {
            head.first_line = line;
            first = false;
        } else if (!line.empty()) {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
                head.headers.emplace_back(line.substr(0, colon), trim(line.substr(colon + 1)));
        }
    }
    return head;
}

std::string cannedReply(const std::string& status, const std::string& type, const std::string& body,
                        const std::string& extra = "") {
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + type +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra +
           "Connection: close\r\n\r\n" + body;
}

// The client closed its end (or reset it): nothing sent to it will arrive.
bool hungUp(int fd) {
    pollfd p{fd, POLLIN | POLLRDHUP, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    if (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) return true;
    char byte;
    return ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
}

// A connection to the hub on 127.0.0.1:`port`; an invalid Fd when it cannot be made.
Fd connectTo(int port) {
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (fd.get() >= 0 && ::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        fd.reset();
    return fd;
}

// A request as read from the client: its head, and what of its body has arrived.
struct Request {
    Head head;
    std::string method;
    std::string target;
    std::size_t length = 0;  // Content-Length
    std::string body;        // grows to `length` as it is read
};

// Reads a request head; nothing when the client closes, stalls or sends what the Pekon client
// never sends (a chunked body, a head over 64 KiB).
std::optional<Request> readRequest(int fd, const std::atomic<bool>& stop) {
    std::string in;
    std::size_t end;
    while ((end = in.find("\r\n\r\n")) == std::string::npos)
        if (in.size() > kMaxHead || receive(fd, in, kClientIdleMs, stop) <= 0) return std::nullopt;
    Request r;
    r.head = parseHead(std::string_view(in).substr(0, end));
    r.body = in.substr(end + 4);
    if (!r.head.value("transfer-encoding").empty()) return std::nullopt;
    if (const std::string cl = r.head.value("content-length"); !cl.empty()) {
        char* stop_at = nullptr;
        r.length = std::strtoull(cl.c_str(), &stop_at, 10);
        if (*stop_at != '\0') return std::nullopt;
    }
    std::istringstream line(r.head.first_line);
    line >> r.method >> r.target;
    return r;
}

// The hub's reply is whole: its head and the Content-Length bytes after it (or, without a
// length, when the hub closed).
bool replyComplete(const std::string& reply) {
    const auto end = reply.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const std::string cl =
        parseHead(std::string_view(reply).substr(0, end)).value("content-length");
    return !cl.empty() && reply.size() >= end + 4 + std::strtoull(cl.c_str(), nullptr, 10);
}

// The proxy's own answers.
std::string ownAnswer(Fault fault) {
    switch (fault) {
        case Fault::answer_500:
            return cannedReply("500 Internal Server Error", "application/json",
                               R"({"error":{"code":"internal","message":"proxy failure"}})");
        case Fault::answer_503:
            return cannedReply("503 Service Unavailable", "text/html",
                               "<html><body><h1>503 Service Unavailable</h1></body></html>",
                               "Retry-After: 1\r\n");
        case Fault::captive_portal:
            return cannedReply("200 OK", "text/html",
                               "<html><head><title>WiFi.id</title></head><body>"
                               "<form action=\"/login\">Masuk ke WiFi.id</form></body></html>");
        default:
            return {};
    }
}

bool needsBody(Fault f) {
    return f == Fault::drop_mid_body || f == Fault::reset_after_commit;
}

}  // namespace

std::string_view faultName(Fault fault) {
    switch (fault) {
        case Fault::none:
            return "none";
        case Fault::delay:
            return "delay";
        case Fault::drop_before_forward:
            return "drop_before_forward";
        case Fault::drop_mid_body:
            return "drop_mid_body";
        case Fault::stall_timeout:
            return "stall_timeout";
        case Fault::truncate_reply:
            return "truncate_reply";
        case Fault::answer_500:
            return "answer_500";
        case Fault::answer_503:
            return "answer_503";
        case Fault::reset_after_commit:
            return "reset_after_commit";
        case Fault::captive_portal:
            return "captive_portal";
    }
    return "?";
}

std::vector<Fault> failingFaults() {
    return {Fault::drop_before_forward, Fault::drop_mid_body, Fault::stall_timeout,
            Fault::truncate_reply,      Fault::answer_500,    Fault::answer_503,
            Fault::reset_after_commit,  Fault::captive_portal};
}

FaultProxy::FaultProxy(FaultProxyOptions options)
    : options_(std::move(options)), rng_(options_.seed) {
    Fd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (listener.get() < 0) throw std::runtime_error("fault proxy: socket");
    const int on = 1;
    ::setsockopt(listener.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listener.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener.get(), 64) != 0)
        throw std::runtime_error("fault proxy: bind/listen");
    socklen_t len = sizeof addr;
    ::getsockname(listener.get(), reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    if (::pipe2(wake_, O_CLOEXEC) != 0) throw std::runtime_error("fault proxy: pipe");
    listen_fd_ = listener.release();
    acceptor_ = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
    stop();
}

void FaultProxy::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_.exchange(true)) return;
    }
    wake_sleepers_.notify_all();
    const char byte = 1;
    [[maybe_unused]] const ssize_t w = ::write(wake_[1], &byte, 1);
    if (acceptor_.joinable()) acceptor_.join();
    reapWorkers(true);
    for (int fd : {listen_fd_, wake_[0], wake_[1]})
        if (fd >= 0) ::close(fd);
    listen_fd_ = wake_[0] = wake_[1] = -1;
}

void FaultProxy::setRates(double failure_rate, double delay_rate) {
    std::lock_guard lock(mutex_);
    options_.failure_rate = failure_rate;
    options_.delay_rate = delay_rate;
}

void FaultProxy::forceFaults(const std::string& path, const std::vector<Fault>& faults) {
    std::lock_guard lock(mutex_);
    auto& queue = forced_[path];
    queue.insert(queue.end(), faults.begin(), faults.end());
}

std::array<int, kFaultKinds> FaultProxy::counts() const {
    std::lock_guard lock(mutex_);
    return counts_;
}

int FaultProxy::requests() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(history_.size());
}

std::vector<ProxiedRequest> FaultProxy::history() const {
    std::lock_guard lock(mutex_);
    return history_;
}

std::string FaultProxy::table() const {
    // One row per fault that happened, one column per endpoint.
    const std::vector<ProxiedRequest> seen = history();
    const char* columns[] = {"/v1/health", "/v1/events", "/v1/changes", "other"};
    auto column = [&](const std::string& target) {
        for (std::size_t i = 0; i < 3; ++i)
            if (target.rfind(columns[i], 0) == 0) return i;
        return std::size_t{3};
    };
    std::array<std::array<int, 5>, kFaultKinds> cells{};
    for (const ProxiedRequest& r : seen) {
        auto& row = cells[static_cast<std::size_t>(r.fault)];
        ++row[column(r.target)];
        ++row[4];
    }
    auto cell = [](const std::string& text, std::size_t width) {
        std::string t = text;
        if (t.size() < width) t.insert(0, width - t.size(), ' ');
        return t;
    };
    std::ostringstream out;
    out << "fault proxy, seed " << options_.seed << ": " << seen.size() << " requests on "
        << connections() << " connections, " << clientsGone()
        << " clients gone before their reply\n";
    out << "  fault               ";
    for (const char* c : columns) out << cell(c, 12);
    out << cell("all", 8) << "\n";
    for (std::size_t k = 0; k < kFaultKinds; ++k) {
        if (cells[k][4] == 0 && k != 0) continue;
        std::string name(faultName(static_cast<Fault>(k)));
        name.resize(20, ' ');
        out << "  " << name;
        for (std::size_t i = 0; i < 4; ++i) out << cell(std::to_string(cells[k][i]), 12);
        out << cell(std::to_string(cells[k][4]), 8) << "\n";
    }
    return out.str();
}

void FaultProxy::reapWorkers(bool all) {
    for (auto it = workers_.begin(); it != workers_.end();) {
        if (all || (*it)->done) {
            if ((*it)->thread.joinable()) (*it)->thread.join();
            it = workers_.erase(it);
        } else {
            ++it;
        }
    }
}

void FaultProxy::acceptLoop() {
    while (!stopping_) {
        pollfd p[2] = {{listen_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        const int rc = ::poll(p, 2, 200);
        reapWorkers(false);
        if (rc <= 0 || (p[1].revents & POLLIN)) continue;
        if (!(p[0].revents & POLLIN)) continue;
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        ++connections_;
        auto worker = std::make_unique<Worker>();
        Worker* w = worker.get();
        w->thread = std::thread([this, fd, w] {
            serve(fd);
            w->done = true;
        });
        workers_.push_back(std::move(worker));
    }
}

bool FaultProxy::pause(int ms) {
    std::unique_lock lock(mutex_);
    wake_sleepers_.wait_for(lock, std::chrono::milliseconds(ms),
                            [this] { return stopping_.load(); });
    return !stopping_;
}

FaultProxy::Decision FaultProxy::decide(const std::string& method, const std::string& target,
                                        std::size_t body) {
    std::lock_guard lock(mutex_);
    const std::string path = target.substr(0, target.find('?'));
    // Every draw is made for every request, in the same order, so a seed replays the same
    // decisions for the same sequence of requests.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double fail_draw = unit(rng_);
    const double delay_draw = unit(rng_);
    const double kind_draw = unit(rng_);
    Decision d;
    d.cut = 0.05 + 0.9 * unit(rng_);
    d.delay_after = unit(rng_) < 0.5;
    d.delay_ms = std::uniform_int_distribution<int>(
        options_.delay_min_ms, std::max(options_.delay_min_ms, options_.delay_max_ms))(rng_);
    if (fail_draw < options_.failure_rate) {
        std::vector<Fault> fits;
        for (Fault f : options_.failures) {
            if (needsBody(f) && body < 2) continue;
            if (f == Fault::stall_timeout &&
                counts_[static_cast<std::size_t>(f)] >= options_.stall_limit)
                continue;
            fits.push_back(f);
        }
        if (options_.balanced && !fits.empty()) {
            // The least used here (this path), then the least used anywhere.
            const auto& here = per_path_[path];
            auto used = [&](Fault f) {
                const auto k = static_cast<std::size_t>(f);
                return std::pair(here[k], counts_[k]);
            };
            auto least = used(fits.front());
            for (Fault f : fits) least = std::min(least, used(f));
            std::erase_if(fits, [&](Fault f) { return used(f) > least; });
        }
        if (!fits.empty())
            d.fault =
                fits[std::min(fits.size() - 1, static_cast<std::size_t>(kind_draw * fits.size()))];
    } else if (delay_draw < options_.delay_rate) {
        d.fault = Fault::delay;
    }
    if (auto forced = forced_.find(path); forced != forced_.end() && !forced->second.empty()) {
        d.fault = forced->second.front();
        forced->second.pop_front();
    }
    ++counts_[static_cast<std::size_t>(d.fault)];
    ++per_path_[path][static_cast<std::size_t>(d.fault)];
    history_.push_back({method, target, body, d.fault});
    return d;
}

void FaultProxy::serve(int raw_client) {
    Fd client(raw_client);
    const std::atomic<bool>& stop = stopping_;
    std::optional<Request> r = readRequest(client.get(), stop);
    if (!r) return;
    const Decision d = decide(r->method, r->target, r->length);
    if (d.fault == Fault::drop_before_forward) return;  // closed after the head

    if (lower(r->head.value("expect")) == "100-continue" &&
        !sendAll(client.get(), "HTTP/1.1 100 Continue\r\n\r\n", stop))
        return;
    if (d.fault == Fault::drop_mid_body) {
        const std::size_t part = std::clamp<std::size_t>(
            static_cast<std::size_t>(static_cast<double>(r->length) * d.cut), 1, r->length - 1);
        if (!receiveAtLeast(client.get(), r->body, part, stop)) return;
        if (Fd hub = connectTo(options_.upstream_port); hub.get() >= 0)
            sendAll(hub.get(), r->head.closing() + r->body.substr(0, part), stop);
        client.resetConnection();
        return;  // the hub's socket is closed too: its request cut short
    }
    if (!receiveAtLeast(client.get(), r->body, r->length, stop)) return;
    r->body.resize(r->length);

    if (const std::string own = ownAnswer(d.fault); !own.empty()) {
        sendAll(client.get(), own, stop);
        client.finish();
        return;
    }
    if (d.fault == Fault::delay && !d.delay_after && !pause(d.delay_ms)) return;

    // The whole request to the hub, the hub's whole reply back.
    std::string reply;
    {
        Fd hub = connectTo(options_.upstream_port);
        if (hub.get() < 0) {
            sendAll(client.get(), cannedReply("502 Bad Gateway", "text/plain", "no hub\n"), stop);
            client.finish();
            return;
        }
        if (!sendAll(hub.get(), r->head.closing() + r->body, stop)) return;
        while (!replyComplete(reply)) {
            const ssize_t n = receive(hub.get(), reply, options_.upstream_timeout_ms, stop);
            if (n == 0) break;
            if (n < 0) return;  // the hub did not answer in time (or the proxy is stopping)
        }
    }
    const bool push = r->method == "POST" && r->target.rfind("/v1/events", 0) == 0;
    if (push) ++push_replies_;
    if (const auto end = reply.find("\r\n\r\n"); end != std::string::npos)
        reply = parseHead(std::string_view(reply).substr(0, end)).closing() + reply.substr(end + 4);

    switch (d.fault) {
        case Fault::reset_after_commit:
            client.resetConnection();
            return;
        case Fault::truncate_reply: {
            if (reply.size() < 2) return;  // nothing to cut: closed without a word
            const std::size_t keep = std::clamp<std::size_t>(
                static_cast<std::size_t>(static_cast<double>(reply.size()) * d.cut), 1,
                reply.size() - 1);
            sendAll(client.get(), std::string_view(reply).substr(0, keep), stop);
            client.finish();
            return;
        }
        case Fault::stall_timeout: {
            // The reply held until the client hangs up (its low-speed timeout).
            std::string ignored;
            if (receive(client.get(), ignored, options_.stall_max_ms, stop) == 0) ++clients_gone_;
            client.resetConnection();
            return;
        }
        default:
            break;
    }
    if (d.fault == Fault::delay && d.delay_after && !pause(d.delay_ms)) return;
    if (const int hold = push_reply_hold_ms_; push && hold > 0 && !pause(hold)) return;
    if (hungUp(client.get()) || !sendAll(client.get(), reply, stop)) {
        ++clients_gone_;
        return;
    }
    client.finish();
}

}  // namespace pekon::test
