#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.hpp"

// The office's word on a member it sent back (protocol §5: `registration.correction_requested`
// and `registration.rejected` carry a `reason` code and a free-text `note`), as the device
// keeps and shows it. Pure: the store keeps what these return, the screens show the words of
// the i18n files (reason.<status>.<code>).
namespace pekon {

// The reason codes the office picks from, for `needs_correction` and for `rejected`; each
// list ends with "other".
std::span<const std::string_view> correctionReasonCodes();
std::span<const std::string_view> rejectionReasonCodes();

// The code whose words are shown for `reason` given with a `decision` (needs_correction or
// rejected): `reason` when that decision's list holds it, else "other" (a code from a newer
// hub, or none at all).
std::string_view shownReasonCode(MemberStatus decision, std::string_view reason);

// What the device keeps of the data's `reason` and `note`. A reason is kept as sent when it
// looks like a code (1 to 64 bytes of a-z, 0-9, '_', '.', '-'), else "other" ("" stays "").
// A note is at most 500 bytes (protocol §5); longer text is cut at a character boundary, and
// text that is not UTF-8 is dropped.
inline constexpr size_t kReasonCodeMaxBytes = 64;
inline constexpr size_t kOfficeNoteMaxBytes = 500;
std::string keptReasonCode(std::string_view reason);
std::string keptOfficeNote(std::string_view note);

// Where a member stands with the office's last word on it:
//   needs_correction  the office asked for a correction: the volunteer should correct it
//   rejected          the office refused it
//   correction_sent   corrected after either, queued or synced, until the office decides again
//   none              anything else (never sent back, or the office has moved it on)
enum class OfficeRequest { none, needs_correction, rejected, correction_sent };
// `status` is the member's status, `decision` the code of the office's last sending-back
// decision the device keeps ("needs_correction", "rejected" or "" when none is kept).
OfficeRequest officeRequest(MemberStatus status, std::string_view decision);
std::string_view officeRequestCode(OfficeRequest request);  // snake_case, as above

// The i18n keys of the line the screens and the command line show for it: `line`
// (household.needs_correction, household.rejected_reason or household.correction_sent, each
// with {reason}) and `reason` (reason.<decision>.<shownReasonCode>). nullopt when there is
// nothing to say: no request, or a refusal from a hub before issue 14 (no reason kept).
struct OfficeRequestKeys {
    std::string line;
    std::string reason;
};
std::optional<OfficeRequestKeys> officeRequestKeys(MemberStatus status, std::string_view decision,
                                                   std::string_view reason);

}  // namespace pekon
