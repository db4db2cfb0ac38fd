#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

// A citizen's complaint as a ticket (issue 15): its number, its states, the office's answer and
// the clocks of Indonesian public-service complaint handling (a first response and a resolution
// within so many working days). Pure: the kiosk gives the number, the hub keeps the ticket, the
// console shows the clocks, all from these functions.
namespace pekon {

// --- The number ---------------------------------------------------------------------------
// "PK-7QX2-M9KD-4T8R": 11 characters of Crockford base32 (no I, L, O, U) derived from the
// feedback event's id, then one check character, so a kiosk and the hub reach the same number
// without talking, and a mistyped number is told apart from one not answered yet.
inline constexpr std::string_view kTicketPrefix = "PK-";
std::string ticketNumber(std::string_view event_id);
// A number as typed or scanned: case, spaces, dashes and the prefix are optional, O is read as
// 0 and I/L as 1. Gives the canonical form. Errors: ticket_empty, ticket_chars, ticket_length,
// ticket_check (a character is wrong: the check does not match).
Result<std::string> parseTicketNumber(std::string_view typed);
// The ticket's QR content: "pekon://ticket?n=PK-...".
std::string ticketUri(std::string_view number);

// --- When feedback is a complaint -----------------------------------------------------------
// The citizen ticked "this is a complaint", or rated 1 or 2.
inline constexpr int kComplaintRatingMax = 2;
bool isComplaint(int rating, bool flagged);

// --- States ----------------------------------------------------------------------------------
// open -> in_progress -> answered -> closed. An open ticket may be answered at once; an answer
// may be revised before the ticket is closed; a closed ticket stays closed.
enum class TicketState { open, in_progress, answered, closed };
inline constexpr TicketState kTicketStates[] = {TicketState::open, TicketState::in_progress,
                                                TicketState::answered, TicketState::closed};
std::string_view ticketStateCode(TicketState state);  // "open", "in_progress", ...
std::optional<TicketState> parseTicketState(std::string_view code);
bool canMoveTicket(TicketState from, TicketState to);

// The office's answer, as the citizen reads it at any kiosk: 1 to kTicketAnswerMax bytes of
// UTF-8 (trimmed), no control characters but line breaks, and no personal data: no run of 9
// or more digits (a NIK, a KK or card number, a phone number). Errors: ticket_answer_empty,
// ticket_answer_long, ticket_answer_chars, ticket_answer_personal.
inline constexpr std::size_t kTicketAnswerMax = 1000;
Result<std::string> checkTicketAnswer(std::string_view text);

// --- Clocks ------------------------------------------------------------------------------------
// The office's rules: a first response within `response_days` working days of the day the
// complaint arrived, a resolution (the answer) within `resolution_days`. Working days are Monday
// to Friday except the office's holidays.
struct ComplaintRules {
    int response_days = 5;
    int resolution_days = 10;
    std::vector<Date> holidays;  // sorted, distinct
};
inline constexpr int kComplaintDaysMax = 60;
// The rules from the settings' texts ("5", "10", holidays as YYYY-MM-DD separated by commas,
// spaces or line breaks). Errors: complaint_days (not 1..kComplaintDaysMax, or the resolution
// before the response), complaint_holiday (a date that is not one; the message names it).
Result<ComplaintRules> parseComplaintRules(std::string_view response_days,
                                           std::string_view resolution_days,
                                           std::string_view holidays);
std::string formatHolidays(const std::vector<Date>& holidays);  // "2026-12-25, 2027-01-01"

bool isWorkingDay(const Date& day, const std::vector<Date>& holidays);
// The n-th working day after `from` (n >= 0; n = 0 gives `from`).
Date addWorkingDays(const Date& from, int n, const std::vector<Date>& holidays);
// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
int workingDaysBetween(const Date& from, const Date& to, const std::vector<Date>& holidays);
// The first opening day whose deadline of `days` working days has not passed on `today`: a
// ticket that arrived before it and is still waiting is overdue. Lets a store count overdue
// tickets with one range condition.
Date overdueBefore(const Date& today, int days, const std::vector<Date>& holidays);

enum class DeadlineState {
    running,   // not yet done, deadline not passed
    overdue,   // not yet done, deadline passed
    met,       // done by the deadline
    late,      // done after it
};
struct TicketClock {
    Date due;
    DeadlineState state = DeadlineState::running;
    int days = 0;  // running: working days left; overdue/late: working days past the deadline
};
// One clock: started on `opened`, stopped on `done` (when it is done).
TicketClock ticketClock(const Date& opened, int days, std::optional<Date> done, const Date& today,
                        const std::vector<Date>& holidays);
std::string_view deadlineStateCode(DeadlineState state);  // "running", "overdue", "met", "late"

}  // namespace pekon
