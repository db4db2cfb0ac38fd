// submitFeedback (store/feedback.hpp): the kiosk's feedback and complaints, queued for the hub.
#include "store/feedback.hpp"

#include "codec/event_data.hpp"
#include "core/complaint.hpp"
#include "store/internal/complaint_rows.hpp"
#include "store/internal/database.hpp"

namespace pekon {

Result<Event> submitFeedback(Store& store, const Feedback& feedback, const WriteContext& ctx) {
    if (auto s = store.writable(); !s) return s.error();
    auto checked = checkFeedback(feedback);
    if (!checked) return checked.error();
    sql::Connection& db = connection(store);
    auto tx = sql::Transaction::begin(db);
    if (!tx) return tx.error();
    auto event = appendEvent(store, event_type::feedback_submitted, feedbackSubmittedData(*checked),
                             ctx);
    if (!event) return event.error();
    // A complaint's ticket is known here from the moment it is sent (open), until the office's
    // word about it arrives.
    if (isComplaint(checked->rating, checked->complaint)) {
        ComplaintStatus own;
        own.ticket = ticketNumber(event->id);
        own.updated_on = ctx.today;
        if (auto s = keepComplaintStatus(db, own, true); !s) return s.error();
    }
    if (auto s = tx->commit(); !s) return s.error();
    return event;
}

}  // namespace pekon
