#pragma once

#include "core/event.hpp"
#include "core/feedback.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace pekon {

// A citizen's feedback or complaint (core/checkFeedback first), queued for the hub as
// `feedback.submitted`; errors as checkFeedback's. A complaint (core isComplaint) is kept in
// the kiosk's own tickets as well (store/complaints), numbered ticketNumber(event id).
Result<Event> submitFeedback(Store& store, const Feedback& feedback, const WriteContext& context);

}  // namespace pekon
