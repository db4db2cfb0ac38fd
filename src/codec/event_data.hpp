#pragma once

#include <string>
#include <string_view>

#include "core/household.hpp"
#include "core/result.hpp"

namespace pekon {

// The `data` objects of the sync protocol's household and member events, as JSON text.
std::string householdRegisteredData(const Household& household);
std::string memberRegisteredData(const Member& member);

// And back, for replaying the event log (error code `event_data_invalid`).
Result<Household> parseHouseholdRegistered(std::string_view data);
Result<Member> parseMemberRegistered(std::string_view data);

}  // namespace pekon
