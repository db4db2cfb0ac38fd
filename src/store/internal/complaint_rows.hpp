#pragma once
// Inside the store only: writing a kiosk's complaint rows (store/complaints.hpp).

#include "sqlite/sqlite.hpp"
#include "store/complaints.hpp"

namespace pekon {

// Keeps the ticket's row; `only_new`: only when the kiosk has none yet (the kiosk's own word
// at sending never overwrites the office's).
Status keepComplaintStatus(sql::Connection& db, const ComplaintStatus& status, bool only_new);

}  // namespace pekon
