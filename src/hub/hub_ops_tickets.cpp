// The complaints inbox (office_tickets.hpp): reading tickets, acting on them, the office's
// rules for their clocks, and the dashboard's counts.
#include <algorithm>
#include <array>

#include "codec/json_writer.hpp"
#include "core/kiosk_area.hpp"
#include "core/number.hpp"
#include "hub/hub_ops.hpp"
#include "hub/office_staff.hpp"
#include "hub/office_tickets.hpp"

namespace pekon::hub {

namespace {

// --- Settings --------------------------------------------------------------------------------

constexpr const char* kResponseDays = "complaint.response_days";
constexpr const char* kResolutionDays = "complaint.resolution_days";
constexpr const char* kHolidays = "complaint.holidays";
constexpr HubSql kReadRules{"complaint_rules",
                            "SELECT name, value FROM office_settings WHERE name {in ?}", 2};
constexpr HubSql kSaveSetting{
    "save_office_setting",
    "INSERT INTO office_settings (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) "
    "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"};

// --- Reading tickets -------------------------------------------------------------------------

#define PEKON_TICKET_COLUMNS                                                                   \
    "t.event_id, t.number, t.area, t.state, t.staff_id, s.display_name, f.category, f.rating, " \
    "f.complaint, f.phone, t.opened_at, t.responded_at, t.answered_at, t.closed_at"
constexpr int kTicketWidth = 14;
#define PEKON_TICKET_FROM                                                     \
    " FROM tickets t JOIN office_feedback f ON f.event_id = t.event_id LEFT " \
    "JOIN staff s ON s.id = t.staff_id"

constexpr HubSql kTicketByNumber{
    "ticket_by_number",
    "SELECT " PEKON_TICKET_COLUMNS ", f.text, t.answer, d.name" PEKON_TICKET_FROM
    " LEFT JOIN devices d ON d.id = t.device_id WHERE t.number = ? ORDER BY t.opened_at, "
    "t.event_id LIMIT 1",
    kTicketWidth + 3};

// The page's conditions, in the order of their parameters; each variant is one statement, so
// every one is a plain search (no `? = '' OR ...`, no list parameter). The states: those
// waiting (the default), all, or one (a parameter).
enum TicketBit : unsigned {
    kStaff = 1,
    kArea = 2,
    kOverdue = 4,
    kAfter = 8,
    kAllStates = 16,
    kOneState = 32
};
constexpr unsigned kTicketVariants = 64;

struct NamedSql {
    std::string name;
    std::string text;
};

NamedSql ticketPageSql(unsigned mask) {
    // Waiting tickets are most of the table: read in the page's order (tickets_opened) and
    // filtered, not gathered by state and sorted ({+...}: SQLite does not search an index by it).
    std::string where = (mask & kAllStates)  ? " WHERE 1 = 1"
                        : (mask & kOneState) ? " WHERE t.state = ?"
                                             : " WHERE {+t.state} IN ('open', 'in_progress')";
    if (mask & kStaff) where += " AND t.staff_id = CAST(? AS BIGINT)";
    if (mask & kArea) where += " AND (t.area = ? OR t.area LIKE ?)";
    if (mask & kOverdue)
        where +=
            " AND (({+t.state} = 'open' AND t.opened_at < CAST(? AS BIGINT)) OR ({+t.state} IN "
            "('open', 'in_progress') AND t.opened_at < CAST(? AS BIGINT)))";
    if (mask & kAfter) where += " AND (t.opened_at, t.event_id) > (CAST(? AS BIGINT), ?)";
    return {"ticket_page_" + std::to_string(mask),
            "SELECT " PEKON_TICKET_COLUMNS PEKON_TICKET_FROM + where +
                " ORDER BY t.opened_at, t.event_id LIMIT CAST(? AS BIGINT)"};
}

const NamedSql& ticketPageStatement(unsigned mask) {
    // Made once, never changed: the SQLite backend keeps statement names by reference.
    static const std::vector<NamedSql> all = [] {
        std::vector<NamedSql> out;
        for (unsigned m = 0; m < kTicketVariants; ++m) out.push_back(ticketPageSql(m));
        return out;
    }();
    return all[mask];
}

TicketRow ticketRowAt(const RowSet& r, int i, const ComplaintRules& rules, const Date& today) {
    TicketRow t;
    t.event_id = r.text(i, 0);
    t.number = r.text(i, 1);
    t.area = r.text(i, 2);
    t.state = parseTicketState(r.text(i, 3)).value_or(TicketState::open);
    if (!r.isNull(i, 4)) t.staff_id = r.integer(i, 4);
    t.staff_name = r.text(i, 5);
    t.category = r.text(i, 6);
    t.rating = static_cast<int>(r.integer(i, 7));
    t.flagged = r.integer(i, 8) != 0;
    t.has_phone = !r.text(i, 9).empty();
    t.opened_at = r.integer(i, 10);
    t.responded_at = r.integer(i, 11);
    t.answered_at = r.integer(i, 12);
    t.closed_at = r.integer(i, 13);
    const Date opened = officeDay(t.opened_at);
    auto doneOn = [](UnixSeconds at) {
        return at > 0 ? std::optional<Date>(officeDay(at)) : std::nullopt;
    };
    t.response =
        ticketClock(opened, rules.response_days, doneOn(t.responded_at), today, rules.holidays);
    t.resolution =
        ticketClock(opened, rules.resolution_days, doneOn(t.answered_at), today, rules.holidays);
    return t;
}

Error badTicketCursor() {
    return Error{"bad_cursor", "Penanda halaman tidak sah; mulai lagi dari halaman pertama.",
                 "The page cursor is not valid; start again from the first page."};
}

// --- Acting on tickets --------------------------------------------------------------------------

constexpr HubSql kTicketForUpdate{
    "ticket_for_update",
    "SELECT event_id, state, staff_id, area, answer, responded_at, answered_at FROM tickets WHERE "
    "number = ? ORDER BY opened_at, event_id LIMIT 1",
    7};
constexpr HubSql kUpdateTicket{
    "update_ticket",
    "UPDATE tickets SET state = ?, staff_id = CAST(? AS BIGINT), responded_at = CAST(? AS BIGINT), "
    "answered_at = CAST(? AS BIGINT), closed_at = CAST(? AS BIGINT), answer = ?, updated_at = "
    "CAST(? AS BIGINT) WHERE event_id = ?"};
constexpr HubSql kStaffRole{"ticket_staff_role",
                            "SELECT role, disabled_at FROM staff WHERE id = CAST(? AS BIGINT)", 2};

Error ticketError(const char* code, const char* id, const char* en) {
    return Error{code, id, en};
}

const char* auditActionOf(TicketAction action) {
    switch (action) {
        case TicketAction::assign:
            return "ticket_assign";
        case TicketAction::take_up:
            return "ticket_take_up";
        case TicketAction::answer:
            return "ticket_answer";
        case TicketAction::close:
            return "ticket_close";
    }
    return "ticket_assign";
}

// The kiosks a ticket's word goes to: those whose area holds the ticket's kiosk, or lies inside
// a regency-wide kiosk's area; every kiosk when the ticket has no area.
std::vector<NewChange> kioskWord(const std::vector<KioskDevice>& kiosks, const std::string& area,
                                 const std::string& number, TicketState state,
                                 const std::string& answer, UnixSeconds now) {
    JsonObjectWriter w;
    w.field("ticket", number)
        .field("state", ticketStateCode(state))
        .field("answer", answer)
        .field("date", formatIsoDate(officeDay(now)));
    const std::string data = std::move(w).finish();
    std::vector<NewChange> out;
    for (const KioskDevice& k : kiosks)
        if (area.empty() || kioskAreaCovers(k.area, area) || kioskAreaCovers(area, k.area))
            out.push_back({k.device_id, "complaint.status", data});
    return out;
}

// --- Counting -----------------------------------------------------------------------------------

constexpr HubSql kCountByState{
    "ticket_counts",
    "SELECT state, COUNT(*) FROM tickets WHERE opened_at >= CAST(? AS BIGINT) AND opened_at < "
    "CAST(? AS BIGINT) GROUP BY state",
    2};
constexpr HubSql kCountByStateArea{
    "ticket_counts_area",
    "SELECT state, COUNT(*) FROM tickets WHERE opened_at >= CAST(? AS BIGINT) AND opened_at < "
    "CAST(? AS BIGINT) AND (area = ? OR area LIKE ?) GROUP BY state",
    2};
// Past a deadline now, whenever they arrived: open past the response's, open or in progress
// past the resolution's.
constexpr HubSql kCountOverdue{
    "ticket_overdue",
    "SELECT (SELECT COUNT(*) FROM tickets WHERE state = 'open' AND opened_at < CAST(? AS BIGINT)), "
    "(SELECT COUNT(*) FROM tickets WHERE state IN ('open', 'in_progress') AND opened_at < "
    "CAST(? AS BIGINT))",
    2};
constexpr HubSql kCountOverdueArea{
    "ticket_overdue_area",
    "SELECT (SELECT COUNT(*) FROM tickets WHERE state = 'open' AND opened_at < CAST(? AS BIGINT) "
    "AND (area = ? OR area LIKE ?)), (SELECT COUNT(*) FROM tickets WHERE state IN ('open', "
    "'in_progress') AND opened_at < CAST(? AS BIGINT) AND (area = ? OR area LIKE ?))",
    2};

}  // namespace

Date officeDay(UnixSeconds at) {
    return dateOf(at + kWibOffset);
}

UnixSeconds officeDayStart(const Date& day) {
    return toDays(day) * 86400 - kWibOffset;
}

// --- Settings ------------------------------------------------------------------------------------

Result<ComplaintRules> complaintRules(HubDb& db) {
    return inTx<ComplaintRules>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<ComplaintRules> {
        auto rows = tx.run(kReadRules,
                           {std::vector<std::string>{kResponseDays, kResolutionDays, kHolidays}},
                           "read the complaint rules");
        if (!rows) return rows.error();
        const ComplaintRules defaults;
        std::string response = std::to_string(defaults.response_days);
        std::string resolution = std::to_string(defaults.resolution_days);
        std::string holidays;
        for (int i = 0; i < rows->count(); ++i) {
            const std::string name = rows->text(i, 0);
            if (name == kResponseDays) response = rows->text(i, 1);
            if (name == kResolutionDays) resolution = rows->text(i, 1);
            if (name == kHolidays) holidays = rows->text(i, 1);
        }
        return parseComplaintRules(response, resolution, holidays);
    });
}

Status saveComplaintRules(HubDb& db, const ComplaintRules& rules, std::int64_t staff_id,
                          const std::string& username, UnixSeconds now) {
    return db.transaction(TxMode::write, [&](HubTx& tx) -> Status {
        const std::pair<const char*, std::string> values[] = {
            {kResponseDays, std::to_string(rules.response_days)},
            {kResolutionDays, std::to_string(rules.resolution_days)},
            {kHolidays, formatHolidays(rules.holidays)}};
        for (const auto& [name, value] : values) {
            auto saved = tx.run(kSaveSetting, {std::string(name), value, now},
                                "save the complaint rules");
            if (!saved) return saved.error();
        }
        JsonObjectWriter detail;
        detail.field("response_days", static_cast<std::int64_t>(rules.response_days))
            .field("resolution_days", static_cast<std::int64_t>(rules.resolution_days))
            .field("holidays", static_cast<std::int64_t>(rules.holidays.size()));
        AuditEntry entry;
        entry.at = now;
        entry.staff_id = staff_id;
        entry.username = username;
        entry.action = "complaint_rules";
        entry.detail = std::move(detail).finish();
        return appendAudit(tx, entry);
    });
}

// --- Reading -------------------------------------------------------------------------------------

Result<TicketPage> ticketPage(HubDb& db, const TicketFilter& filter, const std::string& after,
                              const ComplaintRules& rules, UnixSeconds now, int limit) {
    if (!filter.state.empty() && filter.state != "all" && !parseTicketState(filter.state))
        return Error{"bad_filter", "Saring menurut keadaan dari daftar.",
                     "Filter by a state of the list."};
    const int page = std::clamp(limit, 1, 500);
    const Date today = officeDay(now);
    unsigned mask = 0;
    std::vector<SqlParam> params;
    if (filter.state == "all") {
        mask |= kAllStates;
    } else if (!filter.state.empty()) {
        mask |= kOneState;
        params.emplace_back(filter.state);
    }
    if (filter.staff) {
        mask |= kStaff;
        params.emplace_back(*filter.staff);
    }
    if (!filter.area.empty()) {
        mask |= kArea;
        params.emplace_back(filter.area);
        params.emplace_back(filter.area + ".%");
    }
    if (filter.overdue) {
        mask |= kOverdue;
        params.emplace_back(
            officeDayStart(overdueBefore(today, rules.response_days, rules.holidays)));
        params.emplace_back(
            officeDayStart(overdueBefore(today, rules.resolution_days, rules.holidays)));
    }
    if (!after.empty()) {
        // "<opened_at>:<event id>"
        const size_t colon = after.find(':');
        auto at = parseNumber<std::int64_t>(after.substr(0, colon));
        if (colon == std::string::npos || !at || after.size() > 200) return badTicketCursor();
        mask |= kAfter;
        params.emplace_back(*at);
        params.emplace_back(after.substr(colon + 1));
    }
    params.emplace_back(static_cast<std::int64_t>(page + 1));
    const NamedSql& sql = ticketPageStatement(mask);
    return inTx<TicketPage>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<TicketPage> {
        auto rows = tx.run(HubSql{sql.name.c_str(), sql.text.c_str(), kTicketWidth}, params,
                           "read the complaints inbox");
        if (!rows) return rows.error();
        TicketPage out;
        for (int i = 0; i < std::min(rows->count(), page); ++i)
            out.rows.push_back(ticketRowAt(*rows, i, rules, today));
        if (rows->count() > page)
            out.next = std::to_string(out.rows.back().opened_at) + ":" + out.rows.back().event_id;
        return out;
    });
}

Result<std::optional<TicketView>> ticketView(HubDb& db, const std::string& number,
                                             const ComplaintRules& rules, std::int64_t viewer,
                                             const std::string& username, UnixSeconds now) {
    using Found = std::optional<TicketView>;
    auto found = inTx<Found>(db, TxMode::autocommit, [&](HubTx& tx) -> Result<Found> {
        auto rows = tx.run(kTicketByNumber, {number}, "read a ticket");
        if (!rows) return rows.error();
        if (rows->count() == 0) return Found();
        TicketView v;
        v.row = ticketRowAt(*rows, 0, rules, officeDay(now));
        v.text = rows->text(0, kTicketWidth);
        v.answer = rows->text(0, kTicketWidth + 1);
        v.kiosk = rows->text(0, kTicketWidth + 2);
        // The phone number left with a complaint: for the one who handles it.
        if (v.row.has_phone && v.row.staff_id == viewer) v.phone = rows->text(0, 9);
        return Found(std::move(v));
    });
    if (!found || !*found || (*found)->phone.empty()) return found;
    // ... and on the record: a page whose reading cannot be recorded shows no number.
    AuditEntry entry;
    entry.at = now;
    entry.staff_id = viewer;
    entry.username = username;
    entry.action = "view_complaint_phone";
    entry.target = number;
    if (auto s = appendAudit(db, entry); !s) return s.error();
    return found;
}

// --- Acting ----------------------------------------------------------------------------------------

Status actOnTicket(HubDb& db, const TicketRequest& request, UnixSeconds now) {
    std::string answer;
    if (request.action == TicketAction::answer) {
        auto checked = checkTicketAnswer(request.answer);
        if (!checked) return checked.error();
        answer = std::move(checked.value());
    }
    return db.transaction(TxMode::write, [&](HubTx& tx) -> Status {
        auto found = tx.run(kTicketForUpdate, {request.number}, "find the ticket");
        if (!found) return found.error();
        if (found->count() == 0)
            return ticketError("ticket_unknown", "Tiket tidak ditemukan.", "No such ticket.");
        const std::string event_id = found->text(0, 0);
        const TicketState state = parseTicketState(found->text(0, 1)).value_or(TicketState::open);
        SqlParam staff = found->isNull(0, 2) ? SqlParam() : SqlParam(found->integer(0, 2));
        const std::string area = found->text(0, 3);
        std::int64_t responded = found->integer(0, 5), answered = found->integer(0, 6), closed = 0;
        if (request.action != TicketAction::answer) answer = found->text(0, 4);
        TicketState to = state;
        const auto refuse = [] {
            return ticketError("ticket_move", "Tiket dalam keadaan ini tidak bisa diubah begitu.",
                               "The ticket cannot be changed that way in its state.");
        };
        switch (request.action) {
            case TicketAction::assign: {
                if (state == TicketState::closed) return refuse();
                auto who = tx.run(kStaffRole, {request.assignee}, "check the assignee");
                if (!who) return who.error();
                const auto role = who->count() ? parseStaffRole(who->text(0, 0)) : std::nullopt;
                if (!role || !canDecide(*role) || !who->isNull(0, 1))
                    return ticketError("ticket_assignee",
                                       "Tiket hanya bisa diserahkan ke admin atau verifikator aktif.",
                                       "A ticket goes only to an active admin or verifier.");
                staff = request.assignee;
                break;
            }
            case TicketAction::take_up:
                to = TicketState::in_progress;
                break;
            case TicketAction::answer:
                to = TicketState::answered;
                if (answered == 0) answered = now;
                break;
            case TicketAction::close:
                to = TicketState::closed;
                closed = now;
                break;
        }
        if (request.action != TicketAction::assign) {
            if (!canMoveTicket(state, to)) return refuse();
            if (responded == 0) responded = now;
            if (std::holds_alternative<std::monostate>(staff)) staff = request.staff_id;
        }
        auto updated = tx.run(kUpdateTicket,
                              {std::string(ticketStateCode(to)), staff, responded, answered,
                               closed, answer, now, event_id},
                              "update the ticket");
        if (!updated) return updated.error();

        JsonObjectWriter detail;
        detail.field("state", ticketStateCode(to));
        if (request.action == TicketAction::assign) detail.field("assignee", request.assignee);
        AuditEntry entry;
        entry.at = now;
        entry.staff_id = request.staff_id;
        entry.username = request.username;
        entry.action = auditActionOf(request.action);
        entry.target = request.number;
        entry.detail = std::move(detail).finish();
        if (auto s = appendAudit(tx, entry); !s) return s;

        if (request.action == TicketAction::assign) return {};
        auto kiosks = activeKiosks(tx);
        if (!kiosks) return kiosks.error();
        return insertChanges(tx, kioskWord(*kiosks, area, request.number, to, answer, now), now);
    });
}

// --- Counting --------------------------------------------------------------------------------------

Result<TicketCounts> ticketCounts(HubDb& db, const ComplaintRules& rules, UnixSeconds now,
                                  UnixSeconds from, UnixSeconds to, const std::string& area) {
    const Date today = officeDay(now);
    const std::int64_t response_cut =
        officeDayStart(overdueBefore(today, rules.response_days, rules.holidays));
    const std::int64_t resolution_cut =
        officeDayStart(overdueBefore(today, rules.resolution_days, rules.holidays));
    return inTx<TicketCounts>(db, TxMode::read, [&](HubTx& tx) -> Result<TicketCounts> {
        const std::string inside = area + ".%";
        auto states = area.empty()
                          ? tx.run(kCountByState, {from, to}, "count the tickets")
                          : tx.run(kCountByStateArea, {from, to, area, inside}, "count the tickets");
        if (!states) return states.error();
        TicketCounts c;
        for (int i = 0; i < states->count(); ++i) {
            const std::int64_t n = states->integer(i, 1);
            switch (parseTicketState(states->text(i, 0)).value_or(TicketState::open)) {
                case TicketState::open:
                    c.open += n;
                    break;
                case TicketState::in_progress:
                    c.in_progress += n;
                    break;
                case TicketState::answered:
                    c.answered += n;
                    break;
                case TicketState::closed:
                    c.closed += n;
                    break;
            }
        }
        auto overdue =
            area.empty()
                ? tx.run(kCountOverdue, {response_cut, resolution_cut},
                         "count the overdue tickets")
                : tx.run(kCountOverdueArea,
                         {response_cut, area, inside, resolution_cut, area, inside},
                         "count the overdue tickets");
        if (!overdue) return overdue.error();
        c.response_overdue = overdue->integer(0, 0);
        c.resolution_overdue = overdue->integer(0, 1);
        return c;
    });
}

}  // namespace pekon::hub
