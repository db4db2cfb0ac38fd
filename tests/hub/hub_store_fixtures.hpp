#pragma once

// What the hub-store tests share: opening the store under test, and a push batch from the
// events' JSON as a device would send them.
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hub/hub_store.hpp"
#include "proto/sync_json.hpp"
#include "support/postgres_test_db.hpp"

namespace pekon::test {

inline std::unique_ptr<hub::HubStore> openHub(const HubTestDb& db) {
    auto hub = hub::openHubStore(db.url());
    INFO(db.url());
    REQUIRE(hub);
    return std::move(hub.value());
}

// With `clock_offset`, the batch declares it (hub - device seconds) as a device does.
inline std::vector<WireEvent> batch(const std::vector<std::string>& events,
                                    std::optional<std::int64_t> clock_offset = std::nullopt) {
    std::string body = "{";
    if (clock_offset) body += R"("clock_offset":)" + std::to_string(*clock_offset) + ",";
    body += R"("events":[)";
    for (size_t i = 0; i < events.size(); ++i) body += (i ? "," : "") + events[i];
    auto parsed = parsePushRequest(body + "]}");
    REQUIRE(parsed);
    return std::move(parsed.value());
}

}  // namespace pekon::test
