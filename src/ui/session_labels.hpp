#pragma once

#include <string>

#include "store/sessions.hpp"
#include "ui/ui_context.hpp"

// The texts the outreach screens share: a session's pekon, time, method, topic and state, and
// an attendee as shown on a shared screen (the NIK masked).
namespace pekon::ui {

std::string villageName(UiContext& ui, const std::string& village_code);
std::string sessionWhen(const SessionPlan& plan);  // "2026-11-22 09:00"
std::string methodLabel(UiContext& ui, const std::string& code);
std::string partnerLabel(UiContext& ui, const std::string& code);
std::string topicTitle(UiContext& ui, const std::string& topic_key);
std::string stateLabel(UiContext& ui, SessionState state);
ImU32 stateColor(SessionState state);
// The head of the session and summary screens: topic and method, when and where, the state.
void sessionHeading(UiContext& ui, const SessionRecord& session);
// "Siti Aminah · NIK ************0003", or just one of them.
std::string attendeeLabel(const AttendeeInput& person);

}  // namespace pekon::ui
