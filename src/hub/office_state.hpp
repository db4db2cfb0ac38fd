#pragma once

#include <optional>
#include <span>
#include <string_view>

// The words the office console and its read models share: where a member stands at the
// office, the decisions staff make and their reasons, the checks the hub computes, and the
// staff's roles. Codes are stored and sent as written here; what staff see comes from the
// hub's i18n files (assets/i18n/hub.{id,en}.json, keys office.state.<code>...).
namespace pekon::hub {

// Where a registration stands at the office, in order of the pipeline.
enum class OfficeState {
    fresh,             // "new": registered, not yet decided
    corrected,         // the volunteer corrected it after a decision: back in the queue
    needs_correction,  // sent back to the device with a reason
    verified,
    rejected,
    payment_pending,   // from status import (BPJS's own data) from here on
    paid,
    card_issued,
    card_delivered,
};
inline constexpr OfficeState kAllOfficeStates[] = {
    OfficeState::fresh,    OfficeState::corrected,       OfficeState::needs_correction,
    OfficeState::verified, OfficeState::rejected,        OfficeState::payment_pending,
    OfficeState::paid,     OfficeState::card_issued,     OfficeState::card_delivered};
std::string_view officeStateCode(OfficeState state);  // "new", "corrected", ...
std::optional<OfficeState> parseOfficeState(std::string_view code);
// Whether the queue shows it by default (new and corrected: waiting for a decision).
bool awaitsDecision(OfficeState state);

// A decision staff make on a member.
enum class Decision { verified, needs_correction, rejected };
std::string_view decisionCode(Decision decision);
std::optional<Decision> parseDecision(std::string_view code);

// The reasons staff pick from (plus free text). Codes; the words are in the i18n files
// (office.reason.<code>).
std::span<const std::string_view> correctionReasons();
std::span<const std::string_view> rejectionReasons();
bool isReasonFor(Decision decision, std::string_view reason);

// The checks the hub computes for each member (hub/member_checks), as stored in
// office_members.checks; i18n office.check.<code>.
std::span<const std::string_view> checkCodes();

// Staff roles: admin (staff, devices, codes, and everything a verifier does), verifier
// (review and decide), viewer (read only).
enum class StaffRole { admin, verifier, viewer };
std::string_view staffRoleCode(StaffRole role);
std::optional<StaffRole> parseStaffRole(std::string_view code);
bool canDecide(StaffRole role);       // admin, verifier
bool canManage(StaffRole role);       // admin: staff, devices, enrolment codes

}  // namespace pekon::hub
