#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/outreach.hpp"
#include "core/regions.hpp"
#include "core/result.hpp"

// An outreach (socialization) session: planned, held (attendance and quizzes are taken), then
// closed. What the team plans and how it is checked; the store keeps it, the UI asks for it.
namespace pekon {

// How the team reaches people (codes as stored and sent to the hub).
inline constexpr std::string_view kSessionMethods[] = {"penyuluhan", "door_to_door", "workshop",
                                                       "brochure", "social_media"};
// Who the team works with at a session.
inline constexpr std::string_view kSessionPartners[] = {"village_head", "puskesmas", "kader", "ngo",
                                                        "private_sector"};

enum class SessionState { planned, held, closed };
std::string_view sessionStateCode(SessionState state);  // "planned", "held", "closed"
std::optional<SessionState> parseSessionState(std::string_view text);

enum class QuizPhase { pre, post };
std::string_view quizPhaseCode(QuizPhase phase);  // "pre", "post"
std::optional<QuizPhase> parseQuizPhase(std::string_view text);

inline constexpr size_t kMaxPlaceBytes = 100;
inline constexpr size_t kMaxPersonNameBytes = 80;
inline constexpr size_t kMaxFacilitators = 10;

// A session as planned, raw from the form.
struct SessionPlan {
    std::string village_code;
    std::string place;  // balai pekon, the mosque, a house...
    std::string date;   // YYYY-MM-DD, local (WIB)
    std::string time;   // HH:MM, local
    std::string method;
    std::string topic;                      // a MaterialTopic key
    std::vector<std::string> facilitators;  // names
    std::vector<std::string> partners;      // codes of kSessionPartners
};

// Every problem of the plan, by field: village_code, place, date, time, method, topic,
// facilitators, partners. `topics`: the material topics the app has.
FieldErrors validateSessionPlan(const SessionPlan& plan, const RegionTable& regions,
                                const std::vector<MaterialTopic>& topics);

// Someone who came: a NIK (typed or scanned) and/or a name; the household when it is known on
// the device (their NIK is registered, a KK or Pekon receipt was scanned).
struct AttendeeInput {
    std::string nik;
    std::string name;
    std::string household_id;
};

// A valid attendee, trimmed: either a NIK that parses, or a name (or both).
// Errors: `attendee_empty`, `attendee_name_too_long`, or the NIK's own error.
Result<AttendeeInput> validateAttendee(const AttendeeInput& input, const RegionTable& regions,
                                       const Date& today);

// What goes in `session.attended` as `attendee`: the NIK when known, else the name.
const std::string& attendeeKey(const AttendeeInput& attendee);

// Households reached: the distinct households among the attendees. An attendee whose household
// is known counts for that household (two people of one household count once); one whose
// household is not known on this device counts as a household of their own (people at a
// session mostly come from different homes, and no better guess exists offline).
int householdsReached(const std::vector<AttendeeInput>& attendees);

// The session's numbers for its summary.
struct SessionNumbers {
    int head_count = 0;
    int households = 0;
    int registrations = 0;  // households registered through the session's leads
    int leads = 0;
    int pre_taken = 0;
    int post_taken = 0;
    QuizGain quiz;
};

// Errors of the session's life, in both languages.
Error sessionNotFound();
Error sessionNotHeld();      // attendance and quizzes need a session under way
Error sessionAlreadyHeld();  // Hold on a session that is not planned
Error attendeeDuplicate();   // this NIK is already in the session
Error quizAlreadyTaken();    // this attendee has done this phase
Error attendeeNotFound();

}  // namespace pekon
