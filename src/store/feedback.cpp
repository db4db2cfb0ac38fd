// Store::submitFeedback: the kiosk's feedback and complaints, queued for the hub.
#include "codec/event_data.hpp"
#include "store/store.hpp"

namespace pekon {

Result<Event> Store::submitFeedback(const Feedback& feedback, const WriteContext& ctx) {
    if (auto s = writable(); !s) return s.error();
    auto checked = checkFeedback(feedback);
    if (!checked) return checked.error();
    return appendEvent(event_type::feedback_submitted, feedbackSubmittedData(*checked), ctx);
}

}  // namespace pekon
