#pragma once

#include <optional>
#include <string>

#include "store/households.hpp"
#include "store/store.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The line shown for the office's last word on a member (core/status_reason): asked for a
// correction, refused, or the correction sent and waiting, each with the reason's words; ""
// when there is none (also for a member refused by a hub that gave no reason).
std::string officeRequestText(UiContext& ui, const MemberRecord& record);

// One household: its address, its members with each one's status pipeline and card ETA,
// and Edit for a member (a correction, never an overwrite). A member the office asked to
// correct shows the reason and the office's note and a large Correct button instead.
class HouseholdScreen : public Screen {
  public:
    explicit HouseholdScreen(std::string household_id) : id_(std::move(household_id)) {}
    std::string_view name() const override { return "household"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "household.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;

  private:
    std::string id_;
    std::optional<HouseholdDetail> detail_;
    bool loaded_ = false;
    std::string problem_;
};

// The correction of one member.
class MemberEditScreen : public Screen {
  public:
    explicit MemberEditScreen(const MemberRecord& record);
    std::string_view name() const override { return "member_edit"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "member_edit.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;
    const std::string& memberId() const { return member_id_; }

  private:
    std::string member_id_;
    MemberInput input_;
    MemberRecord record_;  // as opened: the office's request shown above the form
    std::string problem_;
};

}  // namespace pekon::ui
