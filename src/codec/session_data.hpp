#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/session.hpp"

// The `data` of the sync protocol's outreach events (docs/sync-protocol.md §4), as JSON text,
// and the small JSON lists the session rows keep.
namespace pekon {

// session.held: session_id, village_code, method, topic, started_at, facilitators; and the
// place, the planned date/time and the partners.
std::string sessionHeldData(const std::string& session_id, const SessionPlan& plan,
                            UnixSeconds started_at);
// session.attended: session_id, attendee (NIK if known, else the name), attendee_id, and
// household_id when known.
std::string sessionAttendedData(const std::string& session_id, const std::string& attendee_id,
                                const AttendeeInput& attendee);
// quiz.answered: session_id, attendee_id, quiz, phase, score, max_score.
std::string quizAnsweredData(const std::string& session_id, const std::string& attendee_id,
                             const std::string& quiz_key, QuizPhase phase, const QuizScore& score);

// session.lead (added in issue 15): lead_id, session_id, attendee_id: an attendee who wants to
// register.
std::string sessionLeadData(const std::string& lead_id, const std::string& session_id,
                            const std::string& attendee_id);
// lead.registered (added in issue 15): lead_id, household_id: the household registered
// through the lead.
std::string leadRegisteredData(const std::string& lead_id, const std::string& household_id);

// ["a","b"] and back (anything that is not an array of strings reads as empty).
std::string textListJson(const std::vector<std::string>& items);
std::vector<std::string> textListFromJson(std::string_view json);
// The chosen answers: [0, 2, null, ...].
std::string answersJson(const std::vector<std::optional<int>>& answers);

}  // namespace pekon
