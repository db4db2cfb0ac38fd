#pragma once

#include <optional>

#include "core/error.hpp"
#include "proto/sync_json.hpp"

// The checks every pushed event passes (docs/sync-protocol.md, "event types"): the hub runs
// them on each event it receives; device tests run them on what the device writes, so both
// sides hold the same rules.
namespace pekon {

// Why the hub would reject one event: `unknown_type` or `invalid` (with the field), or
// nothing when it is a well-formed event of a version-1 type.
std::optional<Error> checkEvent(const WireEvent& event);

}  // namespace pekon
