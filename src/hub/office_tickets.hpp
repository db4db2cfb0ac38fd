#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/complaint.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "hub/hub_store.hpp"

// The complaints inbox (issue 15): the tickets pekon-hub opens for kiosk feedback that is a
// complaint (hub_ops_office_read_project opens them in the push's transaction; schema step 8),
// what staff do with them, the clocks they run against, and the office's settings for those
// clocks. The answer and every change of state travel to the kiosks of the ticket's area as
// `complaint.status` changes (docs/sync-protocol.md); nothing personal travels with them.
namespace pekon::hub {

// The office's complaint rules (office_settings; core defaults when never set).
Result<ComplaintRules> complaintRules(HubDb& db);
// Saves them, audited (complaint_rules).
Status saveComplaintRules(HubDb& db, const ComplaintRules& rules, std::int64_t staff_id,
                          const std::string& username, UnixSeconds now);

// The office's day of a moment (WIB), and a day's first second.
Date officeDay(UnixSeconds at);
UnixSeconds officeDayStart(const Date& day);

struct TicketFilter {
    // "" waiting (open and in progress), "all", or a state code.
    std::string state;
    bool overdue = false;               // only those past a deadline (response or resolution)
    std::optional<std::int64_t> staff;  // only those this staff member handles
    std::string area;                   // only those of kiosks inside this kecamatan or regency
};

struct TicketRow {
    std::string event_id;
    std::string number;
    std::string area;
    TicketState state = TicketState::open;
    std::optional<std::int64_t> staff_id;
    std::string staff_name;  // the handler's display name, "" when nobody
    std::string category;    // a feedback category code
    int rating = 0;
    bool flagged = false;    // the citizen ticked "complaint"
    bool has_phone = false;
    UnixSeconds opened_at = 0;
    UnixSeconds responded_at = 0;  // 0: not yet
    UnixSeconds answered_at = 0;
    UnixSeconds closed_at = 0;
    TicketClock response;    // the first response's clock
    TicketClock resolution;  // the answer's clock
};

struct TicketPage {
    std::vector<TicketRow> rows;
    std::string next;  // keyset cursor for the next page, "" at the end
};
inline constexpr int kTicketPageSize = 50;
// Oldest first (they are due first). `after`: the cursor of the page before.
Result<TicketPage> ticketPage(HubDb& db, const TicketFilter& filter, const std::string& after,
                              const ComplaintRules& rules, UnixSeconds now,
                              int limit = kTicketPageSize);

struct TicketView {
    TicketRow row;
    std::string text;    // the citizen's words
    std::string phone;   // only for the staff member handling it (see ticketView)
    std::string answer;  // the office's answer so far
    std::string kiosk;   // the kiosk's device name
};
// The ticket with this number (canonical form). `viewer`: the staff member reading it; the
// phone number is filled only when they are its handler, and that reading is audited
// (view_complaint_phone).
Result<std::optional<TicketView>> ticketView(HubDb& db, const std::string& number,
                                             const ComplaintRules& rules, std::int64_t viewer,
                                             const std::string& username, UnixSeconds now);

enum class TicketAction {
    assign,  // to `assignee` (admin or verifier, not disabled)
    take_up, // open -> in_progress: the first response
    answer,  // -> answered, with `answer` (checkTicketAnswer); again to revise it
    close,   // answered -> closed
};
struct TicketRequest {
    std::string number;
    TicketAction action = TicketAction::assign;
    std::int64_t assignee = 0;
    std::string answer;
    std::int64_t staff_id = 0;
    std::string username;
};
// Does it, audited (ticket_assign, ticket_take_up, ticket_answer, ticket_close), and queues
// complaint.status for the kiosks of the area on every change a citizen may read. Errors:
// ticket_unknown, ticket_move (not allowed from the ticket's state), ticket_assignee, and
// checkTicketAnswer's.
Status actOnTicket(HubDb& db, const TicketRequest& request, UnixSeconds now);

// For the dashboard: the tickets opened in [from, to) by state, and how many are past a
// deadline now (whenever they arrived), of kiosks in `area` ("" everywhere).
struct TicketCounts {
    std::int64_t open = 0, in_progress = 0, answered = 0, closed = 0;
    std::int64_t response_overdue = 0;    // still open past the response deadline
    std::int64_t resolution_overdue = 0;  // not answered past the resolution deadline
};
Result<TicketCounts> ticketCounts(HubDb& db, const ComplaintRules& rules, UnixSeconds now,
                                  UnixSeconds from, UnixSeconds to, const std::string& area);

}  // namespace pekon::hub
