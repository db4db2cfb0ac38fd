#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace pekon {

// Event types of sync protocol version 1 (docs/sync-protocol.md).
namespace event_type {
inline constexpr std::string_view household_registered = "household.registered";
inline constexpr std::string_view member_registered = "member.registered";
inline constexpr std::string_view member_corrected = "member.corrected";
inline constexpr std::string_view session_held = "session.held";
inline constexpr std::string_view session_attended = "session.attended";
inline constexpr std::string_view quiz_answered = "quiz.answered";
inline constexpr std::string_view session_lead = "session.lead";        // added in issue 15
inline constexpr std::string_view lead_registered = "lead.registered";  // added in issue 15
inline constexpr std::string_view feedback_submitted = "feedback.submitted";
}  // namespace event_type

// Where an event stands with the hub.
enum class SyncState {
    pending,    // in the outbox, not yet acknowledged
    accepted,   // the hub stored it
    duplicate,  // the hub had it already (same content)
    rejected,   // the hub refused it; stays on the device with the hub's reason
};

std::string_view syncStateCode(SyncState state);
std::optional<SyncState> parseSyncState(std::string_view text);

// One immutable entry of the device's event log.
struct Event {
    std::string id;        // UUID v4
    std::int64_t seq = 0;  // device-local sequence number, from 1
    std::string type;
    UnixSeconds at = 0;  // UTC
    std::string actor;   // user id on the device
    std::string data;    // JSON object, as sent to the hub
    SyncState sync_state = SyncState::pending;
    std::string hub_code;  // for rejected events: the hub's code and message
    std::string hub_message;
};

}  // namespace pekon
