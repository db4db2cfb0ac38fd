#include "core/status_reason.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace pekon {

namespace {

// The codes of the office console's lists (pekon-hub office_state), which the hub sends.
constexpr std::string_view kCorrectionReasons[] = {
    "nik_unreadable", "nik_mismatch",  "nik_missing",       "kk_mismatch", "name_spelling",
    "birth_date",     "relation",      "segment_class",     "documents_missing", "other"};
constexpr std::string_view kRejectionReasons[] = {"already_covered", "duplicate",  "not_resident",
                                                  "deceased",        "no_consent", "other"};

bool isCodeByte(char c) {
    return (c >= 'a' && c <= 'z') || isAsciiDigit(c) || c == '_' || c == '.' || c == '-';
}

}  // namespace

std::span<const std::string_view> correctionReasonCodes() {
    return kCorrectionReasons;
}
std::span<const std::string_view> rejectionReasonCodes() {
    return kRejectionReasons;
}

std::string_view shownReasonCode(MemberStatus decision, std::string_view reason) {
    const auto list =
        decision == MemberStatus::rejected ? rejectionReasonCodes() : correctionReasonCodes();
    const auto it = std::find(list.begin(), list.end(), reason);
    return it != list.end() ? *it : std::string_view("other");
}

std::string keptReasonCode(std::string_view reason) {
    if (reason.empty()) return "";
    if (reason.size() > kReasonCodeMaxBytes ||
        !std::all_of(reason.begin(), reason.end(), isCodeByte))
        return "other";
    return std::string(reason);
}

std::string keptOfficeNote(std::string_view note) {
    if (!isValidUtf8(note)) return "";
    if (note.size() <= kOfficeNoteMaxBytes) return std::string(note);
    size_t cut = kOfficeNoteMaxBytes;
    // Back to the first byte of a character (a continuation byte is 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;
    return std::string(note.substr(0, cut));
}

OfficeRequest officeRequest(MemberStatus status, std::string_view decision) {
    switch (status) {
        case MemberStatus::needs_correction:
            return OfficeRequest::needs_correction;
        case MemberStatus::rejected:
            return OfficeRequest::rejected;
        case MemberStatus::queued:
        case MemberStatus::synced:
            return decision.empty() ? OfficeRequest::none : OfficeRequest::correction_sent;
        default:
            return OfficeRequest::none;
    }
}

std::string_view officeRequestCode(OfficeRequest request) {
    switch (request) {
        case OfficeRequest::needs_correction:
            return "needs_correction";
        case OfficeRequest::rejected:
            return "rejected";
        case OfficeRequest::correction_sent:
            return "correction_sent";
        case OfficeRequest::none:
            return "none";
    }
    return "none";
}

std::optional<OfficeRequestKeys> officeRequestKeys(MemberStatus status, std::string_view decision,
                                                   std::string_view reason) {
    const OfficeRequest request = officeRequest(status, decision);
    if (request == OfficeRequest::none || (request == OfficeRequest::rejected && decision.empty()))
        return std::nullopt;
    // Once corrected, the decision kept says which list the reason is from.
    const MemberStatus decided =
        request == OfficeRequest::correction_sent
            ? parseStatus(decision).value_or(MemberStatus::needs_correction)
            : status;
    const char* line = request == OfficeRequest::needs_correction ? "household.needs_correction"
                       : request == OfficeRequest::rejected       ? "household.rejected_reason"
                                                                  : "household.correction_sent";
    return OfficeRequestKeys{line, "reason." + std::string(statusCode(decided)) + "." +
                                       std::string(shownReasonCode(decided, reason))};
}

}  // namespace pekon
