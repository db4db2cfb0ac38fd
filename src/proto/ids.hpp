#pragma once

#include <string>

// The ids both sides make (docs/sync-protocol.md): the device for its events, households,
// members and the rest; the hub for the devices it enrols.
namespace pekon {

// A fresh random UUID v4 (libsodium's generator): event ids and device ids, as the protocol
// asks.
std::string newUuid();
// A fresh time-ordered UUID v7: household and member ids, kept in indexes.
std::string newEntityId();

}  // namespace pekon
