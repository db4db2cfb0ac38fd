#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "store/store.hpp"

// Outreach sessions on the device (migration 8): planning, holding, attendance, quizzes,
// leads and the summary. Every intent writes its rows and its outbox event in one transaction.
namespace pekon {

struct SessionRecord {
    std::string id;
    SessionPlan plan;
    SessionState state = SessionState::planned;
    UnixSeconds created_at = 0;
    std::optional<UnixSeconds> started_at;
    std::optional<UnixSeconds> closed_at;
    int attendees = 0;
};

struct AttendeeRecord {
    std::string id;
    AttendeeInput person;  // nik, name, household_id
    UnixSeconds at = 0;
    std::string lead_id;            // empty: not a lead
    std::string lead_draft_id;      // the wizard draft opened for the lead
    std::string lead_household_id;  // the household registered through the lead
    bool pre_done = false;
    bool post_done = false;
};

struct QuizResultRecord {
    std::string attendee_id;
    QuizPhase phase = QuizPhase::pre;
    QuizScore score;
};

// Plans a session (validateSessionPlan; errors by field in `errors`, the first returned).
// A device-local row, no event yet. Returns its id.
Result<std::string> planSession(Store& store, const SessionPlan& plan,
                                const std::vector<MaterialTopic>& topics,
                                const RegionTable& regions, const WriteContext& context,
                                FieldErrors* errors = nullptr);
// Starts a planned session: state `held` and a `session.held` event (started_at = now).
// `session_already_held` when it is not planned.
Status holdSession(Store& store, const std::string& session_id, const WriteContext& context);
// Ends a held session: no more attendance or quizzes (device-local, no event).
Status closeSession(Store& store, const std::string& session_id, const WriteContext& context);

// Newest first (by creation).
Result<std::vector<SessionRecord>> listSessions(Store& store);
Result<std::optional<SessionRecord>> findSession(Store& store, const std::string& session_id);

// Records one attendee of a held session (validateAttendee) with a `session.attended` event.
// When no household is given and the NIK belongs to a member on this device, that member's
// household is used. `attendee_duplicate` when the NIK is already in the session.
// Returns the attendee's id.
Result<std::string> recordAttendance(Store& store, const std::string& session_id,
                                     const AttendeeInput& attendee, const RegionTable& regions,
                                     const WriteContext& context);
// The member of this device holding a KIS card number (a scanned card), as an attendee.
Result<std::optional<AttendeeInput>> attendeeByCard(Store& store, const std::string& card_number);
// The household of this device with this KK number ("" when none).
Result<std::string> householdByKk(Store& store, const std::string& kk_number);

// In the order they came.
Result<std::vector<AttendeeRecord>> listAttendees(Store& store, const std::string& session_id);

// Scores the answers (core scoreQuiz) and records them with a `quiz.answered` event; once
// per attendee and phase (`quiz_already_taken`). Returns the score.
Result<QuizScore> recordQuiz(Store& store, const std::string& session_id,
                             const std::string& attendee_id, const Quiz& quiz, QuizPhase phase,
                             const std::vector<std::optional<int>>& answers,
                             const WriteContext& context);
Result<std::vector<QuizResultRecord>> listQuizResults(Store& store, const std::string& session_id);

// Marks an attendee as interested in registering: a lead (device-local). Marking twice
// returns the same lead. Returns the lead's id.
Result<std::string> markLead(Store& store, const std::string& session_id,
                             const std::string& attendee_id, const WriteContext& context);
// Notes the wizard draft opened for the lead; registering that draft
// (registerHouseholds with its draft id) links the lead to the new household.
Status setLeadDraft(Store& store, const std::string& lead_id, const std::string& draft_id);

// Head count, households reached, registrations from leads and the quiz means and gain.
Result<SessionNumbers> sessionNumbers(Store& store, const std::string& session_id);

}  // namespace pekon
