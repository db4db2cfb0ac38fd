// findComplaintStatus (store/complaints.hpp) and the rows behind it.
#include "store/complaints.hpp"

#include "store/internal/complaint_rows.hpp"
#include "store/internal/database.hpp"

namespace pekon {

Status keepComplaintStatus(sql::Connection& db, const ComplaintStatus& status, bool only_new) {
    auto stmt = db.cached(
        only_new ? "INSERT INTO complaint_answers (ticket, state, answer, updated_on) VALUES "
                   "(?, ?, ?, ?) ON CONFLICT (ticket) DO NOTHING"
                 : "INSERT INTO complaint_answers (ticket, state, answer, updated_on) VALUES "
                   "(?, ?, ?, ?) ON CONFLICT (ticket) DO UPDATE SET state = excluded.state, "
                   "answer = excluded.answer, updated_on = excluded.updated_on");
    if (!stmt) return stmt.error();
    (*stmt)
        ->bind(1, status.ticket)
        .bind(2, std::string(ticketStateCode(status.state)))
        .bind(3, status.answer)
        .bind(4, formatIsoDate(status.updated_on));
    return (*stmt)->run("keep a complaint's status");
}

Result<std::optional<ComplaintStatus>> findComplaintStatus(Store& store, const std::string& ticket) {
    auto stmt = connection(store).cached(
        "SELECT state, answer, updated_on FROM complaint_answers WHERE ticket = ?");
    if (!stmt) return stmt.error();
    (*stmt)->bind(1, ticket);
    const int rc = (*stmt)->step();
    if (rc == SQLITE_DONE) return std::optional<ComplaintStatus>();
    if (rc != SQLITE_ROW)
        return sql::sqliteError(connection(store).handle(), rc, "look up a complaint");
    ComplaintStatus out;
    out.ticket = ticket;
    out.state = parseTicketState((*stmt)->text(0)).value_or(TicketState::open);
    out.answer = (*stmt)->text(1);
    if (auto day = parseIsoDate((*stmt)->text(2))) out.updated_on = *day;
    return std::optional<ComplaintStatus>(std::move(out));
}

}  // namespace pekon
