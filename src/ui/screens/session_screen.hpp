#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sessions.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// One outreach session. Planned: its plan and Start (writes `session.held`). Under way:
// attendance by scanning (KTP/KIS codes add the person; a KK or a Pekon receipt names the
// household of the next person) or by typing a name, the live head count and households
// reached, the attendees (NIKs masked) with "interested" (a lead) and "register" (the
// household wizard, prefilled); Materials, the pre/post quiz and the summary.
class SessionScreen : public Screen {
  public:
    explicit SessionScreen(std::string session_id) : session_id_(std::move(session_id)) {}
    std::string_view name() const override { return "session"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "session.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;

    const std::string& sessionId() const { return session_id_; }
    const std::string& problem() const { return problem_; }
    const std::string& message() const { return message_; }
    const SessionNumbers& numbers() const { return numbers_; }
    const std::vector<AttendeeRecord>& attendees() const { return attendees_; }

  private:
    void load(UiContext& ui);
    void drawPlanned(UiContext& ui, Navigator& nav);
    void drawNumbers(UiContext& ui, Navigator& nav);
    void drawEntry(UiContext& ui, Navigator& nav);
    void drawAttendees(UiContext& ui, Navigator& nav);
    void add(UiContext& ui, const Navigator& nav, AttendeeInput person);
    void openLead(UiContext& ui, Navigator& nav, const AttendeeRecord& attendee);
    WriteContext context(UiContext& ui, const Navigator& nav) const;

    std::string session_id_;
    bool loaded_ = false;
    std::optional<SessionRecord> session_;
    std::vector<AttendeeRecord> attendees_;
    SessionNumbers numbers_;
    std::string name_;               // typed
    std::string nik_;                // typed (optional)
    std::string pending_household_;  // from a scanned KK or receipt, for the next attendee
    std::string problem_;
    std::string message_;
};

}  // namespace pekon::ui
