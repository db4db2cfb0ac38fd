#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/feedback.hpp"
#include "core/household.hpp"
#include "core/result.hpp"

namespace pekon {

// The `data` objects of the sync protocol's household and member events, as JSON text.
std::string householdRegisteredData(const Household& household);
std::string memberRegisteredData(const Member& member);

// `member.corrected`: the member id and only the fields that changed.
struct MemberChange {
    std::string member_id;
    std::optional<std::string> nik, name, birth_date, sex, relation, segment;
    std::optional<int> care_class;
};
std::string memberCorrectedData(const MemberChange& change);
Result<MemberChange> parseMemberCorrected(std::string_view data);

// `feedback.submitted`: category, rating, text (empty when none); phone only when given.
std::string feedbackSubmittedData(const Feedback& feedback);

// And back, for replaying the event log (error code `event_data_invalid`).
Result<Household> parseHouseholdRegistered(std::string_view data);
Result<Member> parseMemberRegistered(std::string_view data);

}  // namespace pekon
