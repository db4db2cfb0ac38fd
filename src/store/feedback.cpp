// submitFeedback (store/feedback.hpp): the kiosk's feedback and complaints, queued for the hub.
#include "store/feedback.hpp"

#include "codec/event_data.hpp"
#include "store/internal/database.hpp"

namespace pekon {

Result<Event> submitFeedback(Store& store, const Feedback& feedback, const WriteContext& ctx) {
    if (auto s = store.writable(); !s) return s.error();
    auto checked = checkFeedback(feedback);
    if (!checked) return checked.error();
    return appendEvent(store, event_type::feedback_submitted, feedbackSubmittedData(*checked), ctx);
}

}  // namespace pekon
