#pragma once

#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

#include "store/event_log.hpp"
#include "store/store.hpp"

namespace pekon::test {

// The events of one type in the store's log, oldest first.
inline std::vector<Event> eventsOf(Store& store, std::string_view type) {
    auto all = readEvents(store, 0, 10'000);
    REQUIRE(all.ok());
    std::vector<Event> out;
    for (Event& e : *all) {
        if (e.type == type) out.push_back(std::move(e));
    }
    return out;
}

}  // namespace pekon::test
