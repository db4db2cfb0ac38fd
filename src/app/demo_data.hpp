#pragma once

#include <string>

#include "codec/assets.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace pekon::cli {

// PINs of the demo users (documented in the README; a demo database holds no real person).
inline constexpr const char* kDemoSupervisorPin = "246810";
inline constexpr const char* kDemoVolunteerPin = "135790";

// Fills an empty database with a supervisor, two volunteers and a dozen Tanggamus
// households, synced once, with the office's decisions on the first household listed (a
// correction requested for its head, the others verified). Does nothing when the database
// already has users.
Status seedDemo(Store& store, const Assets& assets, UnixSeconds now, const Date& today);

}  // namespace pekon::cli
