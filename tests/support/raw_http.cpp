#include "support/raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace pekon::test {

namespace {

int connectLoopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(fd);
        throw std::runtime_error("connect: " + std::string(std::strerror(error)));
    }
    return fd;
}

constexpr ssize_t kTimedOut = -2;

// recv() of what `fd` has by `deadline` (a deadline already past still looks once): the bytes
// read, 0 when the peer has closed, -1 on a reset, kTimedOut when nothing came.
ssize_t receiveBy(int fd, std::chrono::steady_clock::time_point deadline, char* buffer,
                  size_t size) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::max<long>(left, 0))) <= 0) return kTimedOut;
    return ::recv(fd, buffer, size, 0);
}

}  // namespace

RawSocket::RawSocket(int port) : fd_(connectLoopback(port)) {}

RawSocket::~RawSocket() {
    if (fd_ >= 0) ::close(fd_);
}

RawSocket::RawSocket(RawSocket&& other) noexcept
    : fd_(other.fd_), pending_(std::move(other.pending_)) {
    other.fd_ = -1;
}

bool RawSocket::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

std::size_t RawSocket::sendRepeated(std::string_view piece, std::size_t total) {
    std::size_t sent = 0;
    while (sent < total) {
        const std::size_t n = std::min(piece.size(), total - sent);
        if (!send(piece.substr(0, n))) break;
        sent += n;
    }
    return sent;
}

RawSocket::Reply RawSocket::readReply(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::string& in = pending_;
    auto more = [&] {
        char buffer[16384];
        const ssize_t n = receiveBy(fd_, deadline, buffer, sizeof buffer);
        if (n <= 0) return false;
        in.append(buffer, static_cast<size_t>(n));
        return true;
    };
    size_t head_end;
    while ((head_end = in.find("\r\n\r\n")) == std::string::npos)
        if (!more()) return {};
    Reply reply;
    const std::string head = in.substr(0, head_end);
    if (head.rfind("HTTP/1.", 0) == 0 && head.size() > 12)
        reply.status = std::stoi(head.substr(9, 3));
    size_t length = 0;
    for (size_t at = 0; (at = head.find("\r\n", at)) != std::string::npos;) {
        at += 2;
        static const char kLength[] = "content-length:";
        std::string name = head.substr(at, sizeof kLength - 1);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name == kLength) length = std::stoul(head.substr(at + sizeof kLength - 1));
    }
    while (in.size() < head_end + 4 + length)
        if (!more()) break;
    reply.body = in.substr(head_end + 4, length);
    in.erase(0, std::min(in.size(), head_end + 4 + length));
    return reply;
}

bool RawSocket::closedByPeer(int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        char buffer[16384];
        const ssize_t n = receiveBy(fd_, deadline, buffer, sizeof buffer);
        if (n == kTimedOut) return false;
        if (n <= 0) return true;  // closed (0) or reset
    }
}

std::string httpRequest(const std::string& method, const std::string& target,
                        const std::vector<std::string>& headers, const std::string& body) {
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const std::string& h : headers) text += h + "\r\n";
    if (!body.empty() || method == "POST")
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return text + "\r\n" + body;
}

Resident residentOf(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    Resident r;
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") status >> r.peak_kib;
        if (key == "VmRSS:") status >> r.now_kib;
        if (key == "RssFile:") status >> r.file_kib;
    }
    return r;
}

CountingRelay::CountingRelay(int upstream_port) : upstream_port_(upstream_port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(listen_fd_, 64) != 0 || ::pipe(wake_) != 0)
        throw std::runtime_error("relay: cannot listen");
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { run(); });
}

CountingRelay::~CountingRelay() {
    const char stop = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_[1], &stop, 1);
    thread_.join();
    ::close(listen_fd_);
    ::close(wake_[0]);
    ::close(wake_[1]);
}

// One thread, poll() over the listening socket and every pair: a client's bytes go to its
// upstream connection and back; when either side closes, both are closed.
void CountingRelay::run() {
    std::vector<std::pair<int, int>> pairs;  // client, upstream
    for (;;) {
        std::vector<pollfd> fds{{wake_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
        for (const auto& [client, upstream] : pairs) {
            fds.push_back({client, POLLIN, 0});
            fds.push_back({upstream, POLLIN, 0});
        }
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[0].revents) break;
        std::vector<std::pair<int, int>> open;
        for (size_t i = 0; i < pairs.size(); ++i) {
            auto [client, upstream] = pairs[i];
            bool closed = false;
            for (int side = 0; side < 2 && !closed; ++side) {
                if (!(fds[2 + 2 * i + side].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                const int from = side == 0 ? client : upstream;
                const int to = side == 0 ? upstream : client;
                char buffer[65536];
                const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
                closed = n <= 0;
                for (ssize_t sent = 0; !closed && sent < n;) {
                    const ssize_t m =
                        ::send(to, buffer + sent, static_cast<size_t>(n - sent), MSG_NOSIGNAL);
                    closed = m <= 0;
                    sent += std::max<ssize_t>(m, 0);
                }
            }
            if (closed) {
                ::close(client);
                ::close(upstream);
            } else {
                open.emplace_back(client, upstream);
            }
        }
        pairs = std::move(open);
        if (fds[1].revents & POLLIN) {
            const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) {
                ++connections_;
                pairs.emplace_back(client, connectLoopback(upstream_port_));
            }
        }
    }
    for (const auto& [client, upstream] : pairs) {
        ::close(client);
        ::close(upstream);
    }
}

}  // namespace pekon::test
