#pragma once
// A hub's sealing key for device tests that push (issue 16): a sealed device seals the
// personal part of its events for the hub, and holds them back until it knows the hub's key.

#include <catch2/catch.hpp>

#include "store/outbox.hpp"
#include "vault/sealed_box.hpp"

namespace pekon::test {

// Makes a hub key pair and gives its public half to the device, as an enrolment does.
inline vault::BoxKeys giveHubSealKey(Store& store) {
    auto keys = vault::newBoxKeys();
    REQUIRE(keys);
    REQUIRE(saveHubSealKey(store, vault::toBase64(keys->public_key)));
    return std::move(*keys);
}

}  // namespace pekon::test
