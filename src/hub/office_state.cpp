#include "hub/office_state.hpp"

#include <algorithm>
#include <array>

#include "core/status_reason.hpp"

namespace pekon::hub {

namespace {

constexpr std::array<std::string_view, 9> kStateCodes{
    "new",  "corrected",       "needs_correction", "verified",      "rejected",
    "payment_pending", "paid", "card_issued",      "card_delivered"};
static_assert(kStateCodes.size() == std::size(kAllOfficeStates));

constexpr std::array<std::string_view, 3> kDecisionCodes{"verified", "needs_correction",
                                                         "rejected"};

constexpr std::string_view kCheckCodes[] = {
    "nik_pending", "nik_structure", "nik_region", "nik_birth_date", "nik_sex",   "nik_elsewhere",
    "kk_region",   "kk_date",       "relation_age", "pbi_basis",      "prior_card"};

constexpr std::array<std::string_view, 3> kRoleCodes{"admin", "verifier", "viewer"};

template <class E, size_t N>
std::optional<E> parseCode(const std::array<std::string_view, N>& codes, std::string_view code) {
    const auto it = std::find(codes.begin(), codes.end(), code);
    if (it == codes.end()) return std::nullopt;
    return static_cast<E>(it - codes.begin());
}

}  // namespace

std::string_view officeStateCode(OfficeState state) {
    return kStateCodes[static_cast<size_t>(state)];
}
std::optional<OfficeState> parseOfficeState(std::string_view code) {
    return parseCode<OfficeState>(kStateCodes, code);
}
bool awaitsDecision(OfficeState state) {
    return state == OfficeState::fresh || state == OfficeState::corrected;
}

std::string_view decisionCode(Decision decision) {
    return kDecisionCodes[static_cast<size_t>(decision)];
}
std::optional<Decision> parseDecision(std::string_view code) {
    return parseCode<Decision>(kDecisionCodes, code);
}

// The lists are the protocol's (core/status_reason): the device shows the same codes.
std::span<const std::string_view> correctionReasons() { return correctionReasonCodes(); }
std::span<const std::string_view> rejectionReasons() { return rejectionReasonCodes(); }
bool isReasonFor(Decision decision, std::string_view reason) {
    if (decision == Decision::verified) return reason.empty();
    const auto list = decision == Decision::needs_correction ? correctionReasons()
                                                              : rejectionReasons();
    return std::find(list.begin(), list.end(), reason) != list.end();
}

std::span<const std::string_view> checkCodes() { return kCheckCodes; }

std::string_view staffRoleCode(StaffRole role) { return kRoleCodes[static_cast<size_t>(role)]; }
std::optional<StaffRole> parseStaffRole(std::string_view code) {
    return parseCode<StaffRole>(kRoleCodes, code);
}
bool canDecide(StaffRole role) { return role != StaffRole::viewer; }
bool canManage(StaffRole role) { return role == StaffRole::admin; }

}  // namespace pekon::hub
