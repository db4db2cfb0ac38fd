#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "hub/hub_store.hpp"
#include "hub/request_target.hpp"

// What pekon-hub answers to each request of sync protocol version 1, independent of the HTTP
// library that carries it (hub_server is only the HTTP layer): authentication, enrolment,
// events, changes. Each call may touch the store and so may take a while: the HTTP layer
// runs them off its event loop.
namespace pekon::hub {

// A request as the HTTP layer hands it over: the headers the protocol reads, and the body
// bytes exactly as sent (a gzip body still packed).
struct ApiRequest {
    std::string method;  // upper case
    std::string target;  // path and query exactly as received (what the signature covers)
    RequestTarget parsed;
    std::string device;     // X-Pekon-Device
    std::string timestamp;  // X-Pekon-Timestamp
    std::string signature;  // X-Pekon-Signature
    std::string content_encoding;
    std::string body;
};

struct ApiResponse {
    int status = 200;
    std::string body;  // JSON
};

// The protocol's error answer: `{"error":{"code":...,"message":...}}`.
ApiResponse errorResponse(int status, const std::string& code, const std::string& message);

class HubApi {
  public:
    explicit HubApi(std::unique_ptr<HubStore> store);

    static ApiResponse health();
    ApiResponse enrol(const ApiRequest& req);
    ApiResponse events(const ApiRequest& req);
    ApiResponse changes(const ApiRequest& req);

    // Before a signed request's body is read: its headers are present and its device known
    // and not revoked (everything authenticate checks but the signature, which covers the
    // body, and the timestamp, which is judged with the signature so that a device with a
    // wrong clock is told `clock_skew`). Nothing: read the body; otherwise the refusal, sent
    // at once.
    std::optional<ApiResponse> admit(const ApiRequest& headers_only);

    // The office console's way to the store: the store, and for as long as it is kept, the
    // store's turn (the same lock the protocol's requests take when it is not concurrent).
    struct StoreTurn {
        std::unique_lock<std::mutex> lock;
        HubStore& store;
    };
    StoreTurn storeTurn() { return StoreTurn{turn(), *store_}; }

    // After a request queued rows for the kiosks' table (a decision, a status upload): wakes
    // what drains the queue (serve's KioskWorker), if anything does. `wake` is set before the
    // server serves and cleared after it stopped.
    void kioskRowsQueued() const {
        if (kiosk_waker_) kiosk_waker_();
    }
    void setKioskWaker(std::function<void()> wake) { kiosk_waker_ = std::move(wake); }

  private:
    // Checks the three signature headers (with `check_signature`, the signature over
    // `req.body` too). On failure fills `refusal` and returns nothing.
    std::optional<Device> authenticate(const ApiRequest& req, bool check_signature,
                                       ApiResponse& refusal);
    // A store that is not concurrent (SQLite: one connection, and it writes one at a time
    // anyway) is used by one request at a time; the PostgreSQL store has a pool and is called
    // directly.
    std::unique_lock<std::mutex> turn();
    // The hub's sealed-box keys, read once (under turn()).
    Result<const vault::BoxKeys*> sealKeys();
    std::optional<vault::BoxKeys> seal_keys_;

    std::mutex mutex_;
    std::unique_ptr<HubStore> store_;
    std::function<void()> kiosk_waker_;
};

}  // namespace pekon::hub
