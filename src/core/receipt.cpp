#include "core/receipt.hpp"

namespace pekon {

std::string receiptUri(const std::string& household_id, const Date& date, int members) {
    return "pekon://receipt?v=1&id=" + household_id + "&date=" + formatIsoDate(date) +
           "&members=" + std::to_string(members);
}

}  // namespace pekon
