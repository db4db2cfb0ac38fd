#pragma once

// A fault-injecting HTTP/1.1 proxy for the sync tests: listens on 127.0.0.1 (a port the kernel
// picks), forwards each request to the real pekon-hub and, chosen by a seeded RNG, breaks some
// of them the way a 2G link, a tired proxy or a captive portal does. Plain POSIX sockets and
// one thread per client connection.
//
// One request per connection: the request goes to the hub with `Connection: close` and the
// reply comes back with `Connection: close`, so a client never reuses a connection and every
// request gets its own decision. Request bodies are framed by Content-Length (what the Pekon
// client sends); `Expect: 100-continue` is answered by the proxy itself.
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace pekon::test {

enum class Fault {
    none,                 // forwarded as is
    delay,                // forwarded, held a little before the request or before the reply
    drop_before_forward,  // the connection closed after the request head; the hub sees nothing
    drop_mid_body,        // part of the body forwarded, then both connections closed
    stall_timeout,        // forwarded, the hub's reply held until the client gives up
    truncate_reply,       // forwarded, the hub's reply cut short, then closed
    answer_500,           // the proxy answers 500 itself; the hub sees nothing
    answer_503,           // the proxy answers 503 itself (an HTML page); the hub sees nothing
    reset_after_commit,   // forwarded, the hub's whole reply read, then RST to the client
    captive_portal,       // the proxy answers 200 with a Wi-Fi login page
};
inline constexpr std::size_t kFaultKinds = 10;
std::string_view faultName(Fault fault);

// The faults that make a request fail (all but none and delay).
std::vector<Fault> failingFaults();

struct FaultProxyOptions {
    int upstream_port = 0;  // the hub, on 127.0.0.1
    std::uint64_t seed = 1;
    double failure_rate = 0.3;  // share of requests given one of `failures`
    std::vector<Fault> failures = failingFaults();
    // Failing faults in turn: the kind that fits the request and was least used on its path
    // (then least used anywhere; ties drawn by the RNG), so every kind shows up on every
    // endpoint in a short run. Otherwise drawn uniformly.
    bool balanced = true;
    double delay_rate = 0.1;  // share of the other requests delayed
    int delay_min_ms = 50;
    int delay_max_ms = 400;
    int stall_limit = 1;              // at most this many stalls (each costs the client's timeout)
    int stall_max_ms = 20000;         // a stall ends when the client gives up, or after this
    int upstream_timeout_ms = 60000;  // the hub's whole reply must arrive within this
};

// One request as the proxy saw it.
struct ProxiedRequest {
    std::string method;
    std::string target;
    std::size_t body_bytes = 0;
    Fault fault = Fault::none;
};

class FaultProxy {
  public:
    explicit FaultProxy(FaultProxyOptions options);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // Stops accepting, interrupts delays and stalls, joins every thread, closes every socket.
    void stop();

    // Changes the failure and delay rates for the requests that come next.
    void setRates(double failure_rate, double delay_rate);
    // The next requests on `path` (a target without its query, "/v1/changes") get `faults` in
    // turn, whatever was drawn for them (the draws are still made, so the rest of a seed's
    // decisions stay as they were); Fault::none passes one through as is. For a test that
    // needs a kind of fault at a certain point, such as a page of changes cut short.
    void forceFaults(const std::string& path, const std::vector<Fault>& faults);
    // Holds the hub's answers to pushes this long before passing them on (0: not at all), so
    // a test can act after the hub committed and before the client heard of it.
    void setPushReplyHold(int ms) { push_reply_hold_ms_ = ms; }
    // Replies the hub gave to pushes (POST /v1/events), read whole by the proxy.
    int pushRepliesRead() const { return push_replies_; }

    // How many requests got each fault so far.
    std::array<int, kFaultKinds> counts() const;
    int count(Fault fault) const { return counts()[static_cast<std::size_t>(fault)]; }
    int requests() const;
    int connections() const { return connections_; }
    // Requests whose client had gone before the reply could be given (a timeout, a kill).
    int clientsGone() const { return clients_gone_; }
    std::vector<ProxiedRequest> history() const;
    // A small table of the counts, for the test's output.
    std::string table() const;

  private:
    struct Decision {
        Fault fault = Fault::none;
        int delay_ms = 0;
        bool delay_after = false;  // delay the reply (after the hub committed), not the request
        double cut = 0.5;          // where a body or reply is cut, as a fraction
    };
    struct Worker {
        std::thread thread;
        std::atomic<bool> done{false};
    };

    void acceptLoop();
    void serve(int client_fd);
    Decision decide(const std::string& method, const std::string& target, std::size_t body);
    // Sleeps up to `ms`; false when the proxy is stopping.
    bool pause(int ms);
    void reapWorkers(bool all);

    FaultProxyOptions options_;
    int listen_fd_ = -1;
    int wake_[2] = {-1, -1};  // a pipe that wakes the accept loop on stop()
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    std::vector<std::unique_ptr<Worker>> workers_;  // the accept loop's (then stop()'s)

    mutable std::mutex mutex_;  // the RNG, the counts, the history
    std::condition_variable wake_sleepers_;
    std::mt19937_64 rng_;
    std::array<int, kFaultKinds> counts_{};
    std::map<std::string, std::array<int, kFaultKinds>> per_path_;
    std::map<std::string, std::deque<Fault>> forced_;
    std::vector<ProxiedRequest> history_;
    std::atomic<int> push_reply_hold_ms_{0};
    std::atomic<int> push_replies_{0};
    std::atomic<int> connections_{0};
    std::atomic<int> clients_gone_{0};
};

}  // namespace pekon::test
