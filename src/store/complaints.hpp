#pragma once

#include <optional>
#include <string>

#include "core/complaint.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

// A kiosk's complaint tickets (issue 15): where each stands and the office's answer, as the
// hub's `complaint.status` changes said (store/hub_changes), or as this kiosk sent it. Looked up
// by the number the citizen was given. Nothing here names anyone.
namespace pekon {

struct ComplaintStatus {
    std::string ticket;  // canonical PK-XXXX-XXXX-XXXX
    TicketState state = TicketState::open;
    std::string answer;  // "" until answered
    Date updated_on;
};

// The ticket as this kiosk knows it; nothing when no kiosk word about it has arrived.
Result<std::optional<ComplaintStatus>> findComplaintStatus(Store& store, const std::string& ticket);

}  // namespace pekon
