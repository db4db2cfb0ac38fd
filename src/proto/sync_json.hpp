#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json.hpp"
#include "core/result.hpp"
#include "vault/sealed_box.hpp"

// The JSON bodies of sync protocol version 1 (docs/sync-protocol.md): pushing events, the
// hub's per-event answer, the pull's page of changes, and error bodies. Shared by pekon-hub
// and the device's client.
namespace pekon {

inline constexpr std::size_t kMaxPushEvents = 1000;
inline constexpr std::size_t kMaxPushBytes = 1u << 20;  // decompressed JSON

// One event as it travels. `data` is kept as parsed; `content` is its canonical text (keys
// sorted, no spaces) over id, seq, type, at, actor and data: equal content, equal text.
struct WireEvent {
    std::string id;
    std::int64_t seq = 0;
    std::string type;
    std::string at;  // RFC 3339 UTC
    std::string actor;
    Json data;
    std::string content;
    // The batch's `clock_offset` (hub time - device time in seconds, as the device last
    // measured it), when the device sent one; not part of the content.
    std::optional<std::int64_t> clock_offset;
    // Its data carried a `sealed` part (issue 16) that did not open with the hub's key, or
    // did not hold a JSON object of fields the rest of the data lacks (openSealedEvents).
    bool seal_unreadable = false;
};

// `POST /v1/events` body: an object with an `events` array. Errors: `too_large` (over 1000
// events or 1 MiB), `bad_request` (not JSON, not such an object, an element that is not an
// object with a string `id`). Fields other than `id` are checked per event by checkEvent
// (proto/event_check.hpp). An integer `clock_offset` beside `events` is copied to every
// event; any other value is ignored.
Result<std::vector<WireEvent>> parsePushRequest(std::string_view body);
// The body itself is written by pushBody (proto/push_body.hpp), the one encoder.

// Opens the personal part a sealed device sent with each event (`data.sealed`: base64 of a
// sealed box to the hub's key holding a JSON object) and merges it into `data`, so that the
// event is what the device wrote: its content (duplicate or id_conflict) and every check are
// those of the plain event. An event whose part does not open is marked seal_unreadable.
void openSealedEvents(std::vector<WireEvent>& events, const vault::BoxKeys& hub_keys);

struct Rejection {
    std::string id;
    std::string code;
    std::string message;
};
struct PushAnswer {
    std::vector<std::string> accepted;
    std::vector<std::string> duplicates;
    std::vector<Rejection> rejected;
};
std::string pushAnswerJson(const PushAnswer& answer);
// Strict: only a JSON object with the three arrays (of strings; of {id,code,message}) is an
// answer. Anything else (a Wi-Fi login page, a proxy's error page) is `not_hub_answer`, and
// the device marks nothing.
Result<PushAnswer> parsePushAnswer(std::string_view body);

// `GET /v1/changes` answer: `{"changes":[{"cursor","type","data"}...],"next","more"}`.
inline constexpr int kMaxChangesPage = 1000;
struct HubChange {
    std::string cursor;  // opaque
    std::string type;
    Json data;  // an object
};
struct ChangesPage {
    std::vector<HubChange> changes;
    std::string next;  // stored only after the page is applied
    bool more = false;
    // The hub's public key for sealed boxes (base64; issue 16), so a device enrolled before
    // it learns it; "" from an older hub (the field is absent).
    std::string seal_key;
};
std::string changesPageJson(const ChangesPage& page);
// Strict like parsePushAnswer: anything but such an object is `not_hub_answer`.
Result<ChangesPage> parseChangesPage(std::string_view body);

// `{"error":{"code":"...","message":"..."}}`
std::string errorBodyJson(std::string_view code, std::string_view message);

// The 401 of a correctly signed request whose timestamp is more than 300 s from the hub's
// clock: `{"error":{"code":"clock_skew","message":"...","hub_time":N}}` (additive: older
// devices read it as any 401). clockSkewHubTime reads `hub_time` back from such a body.
std::string clockSkewBodyJson(std::int64_t hub_time);
std::optional<std::int64_t> clockSkewHubTime(std::string_view body);

}  // namespace pekon
