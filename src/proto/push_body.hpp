#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "proto/sync_json.hpp"

// The `POST /v1/events` body (docs/sync-protocol.md), written once: the device's outbox sends
// it, and tests, benchmarks and anything else that plays a device use the same encoder. The
// hub reads it with parsePushRequest (proto/sync_json.hpp).
namespace pekon {

// The body for these events, written straight from their stored JSON without building a
// document (the sync hot path): each event is {"id","seq","type","at","actor","data"} in that
// order, `at` in RFC 3339 UTC, `data` the stored text as is. Data that is somehow not a JSON
// object goes as {} and the hub rejects that event. With a `clock_offset` (hub - device
// seconds, as last measured) the body says it too, before `events`.
std::string pushBody(const std::vector<Event>& events,
                     std::optional<std::int64_t> clock_offset = std::nullopt);

// The events as the hub reads them (what parsePushRequest(pushBody(events)) yields, without
// the canonical `content`): for checking device events with checkEvent.
std::vector<WireEvent> toWire(const std::vector<Event>& events);

}  // namespace pekon
