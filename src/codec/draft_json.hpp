#pragma once

#include <string>
#include <string_view>

#include "core/household_draft.hpp"
#include "core/result.hpp"

namespace pekon {

// A wizard draft as JSON and back (error `draft_invalid`). Every field is kept as typed.
std::string draftToJson(const HouseholdDraft& draft);
Result<HouseholdDraft> draftFromJson(std::string_view json);

}  // namespace pekon
