#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/result.hpp"
#include "core/status.hpp"

namespace pekon {

// The district office's decisions as exported from BPJS data, for `pekon-hub status import`:
// CSV with the header `nik,birth_date,status,card_number,class,faskes,date`; status one of
// verified, rejected, payment_pending, paid, card_issued, card_delivered.
struct StatusRow {
    int line = 0;  // in the file (the header is line 1)
    std::string nik;
    Date birth_date;
    MemberStatus status = MemberStatus::verified;
    std::string card_number;  // 13 digits; required for card_issued
    std::optional<int> care_class;
    std::string faskes;  // the assigned first-level health facility
    Date date;
};

struct StatusImport {
    std::vector<StatusRow> rows;                  // the good rows
    std::vector<std::pair<int, Error>> problems;  // line and reason of each bad row
};

// Errors only when the file as a whole cannot be read (broken CSV, wrong header); a bad row is
// a problem of its own and the good rows still come through.
Result<StatusImport> parseStatusCsv(std::string_view text);

// The change type a device receives for a status (protocol §5): registration.verified,
// registration.correction_requested (an addition: needs_correction, with a reason and a
// note), registration.rejected, payment.pending (an addition), payment.confirmed,
// card.issued, card.delivered. A status CSV never holds needs_correction.
std::string_view statusChangeType(MemberStatus status);
// The other way, for the device applying a pulled change: nullopt for other change types.
std::optional<MemberStatus> statusOfChangeType(std::string_view type);

}  // namespace pekon
