#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "codec/json.hpp"
#include "core/date.hpp"
#include "core/event.hpp"
#include "proto/event_check.hpp"
#include "proto/sync_json.hpp"

namespace pekon::test {

// The canonical content of a stored event as docs/sync-protocol.md defines it (id, seq, type,
// at, actor and data; keys sorted, no spaces), built independently of the hub's decoder so
// that tests can hold the decoder's `content` to it.
inline std::string canonicalContent(const Event& e) {
    Json object = Json::object();
    object["id"] = e.id;
    object["seq"] = e.seq;
    object["type"] = e.type;
    object["at"] = formatRfc3339(e.at);
    object["actor"] = e.actor;
    object["data"] = parseJson(e.data).value();
    return object.dump();
}

// That the hub read `received` (parsePushRequest) as exactly the device's `sent` event: every
// field, the data value for value, the canonical content, and a well-formed event.
inline void checkArrivedAsSent(const Event& sent, const WireEvent& received) {
    INFO(sent.type << " seq " << sent.seq);
    CHECK(received.id == sent.id);
    CHECK(received.seq == sent.seq);
    CHECK(received.type == sent.type);
    CHECK(received.at == formatRfc3339(sent.at));
    CHECK(received.actor == sent.actor);
    CHECK(received.data == parseJson(sent.data).value());
    CHECK(received.content == canonicalContent(sent));
    CHECK_FALSE(checkEvent(received));
}

}  // namespace pekon::test
