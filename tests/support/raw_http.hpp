#pragma once

// Raw sockets against a server on loopback, for the tests that play hostile or careless
// clients (slow headers, idle connections, endless bodies and headers) and for counting the
// TCP connections a client opens (CountingRelay). Plain POSIX; a failure throws.
#include <sys/types.h>

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace pekon::test {

// A connected TCP socket to 127.0.0.1:`port`, closed on destruction.
class RawSocket {
  public:
    explicit RawSocket(int port);
    ~RawSocket();
    RawSocket(RawSocket&& other) noexcept;
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;
    RawSocket& operator=(RawSocket&&) = delete;

    // Sends all of `bytes`; false when the peer has closed or reset the connection.
    bool send(std::string_view bytes);
    // Sends `total` bytes of `piece` repeated; how many were sent before the peer closed.
    std::size_t sendRepeated(std::string_view piece, std::size_t total);
    // One HTTP response (head and a Content-Length body), waiting up to `timeout_ms`; its
    // status (0 when none came: closed or timed out) and body.
    struct Reply {
        int status = 0;
        std::string body;
    };
    Reply readReply(int timeout_ms);
    // Whether the peer has closed the connection (waits up to `timeout_ms` for it; 0 looks
    // once). Bytes that come meanwhile are dropped.
    bool closedByPeer(int timeout_ms);

  private:
    int fd_ = -1;
    std::string pending_;  // bytes read past the last reply
};

// A plain HTTP/1.1 request head (and body) as text.
std::string httpRequest(const std::string& method, const std::string& target,
                        const std::vector<std::string>& headers = {}, const std::string& body = "");

// A process's peak and current resident memory (VmHWM, VmRSS of /proc/PID/status), in KiB.
struct Resident {
    long peak_kib = 0;
    long now_kib = 0;
    // Of now_kib, the pages mapped from files (the program and its libraries: 85 MiB of a
    // Debug ASan pekon-hub's text and data, which grow with the code, not with clients).
    long file_kib = 0;
    // The peak of the process's own memory, as near as /proc tells it: the peak less the
    // file-backed pages (which do not shrink while it runs).
    long ownPeakKib() const { return peak_kib - file_kib; }
};
Resident residentOf(pid_t pid);

// A TCP relay on 127.0.0.1 (a port the kernel picks) to `upstream_port`, byte for byte both
// ways, that counts the connections clients open through it.
class CountingRelay {
  public:
    explicit CountingRelay(int upstream_port);
    ~CountingRelay();
    CountingRelay(const CountingRelay&) = delete;
    CountingRelay& operator=(const CountingRelay&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int connections() const { return connections_; }

  private:
    void run();

    int upstream_port_;
    int listen_fd_ = -1;
    int wake_[2] = {-1, -1};
    int port_ = 0;
    std::atomic<int> connections_{0};
    std::thread thread_;
};

}  // namespace pekon::test
