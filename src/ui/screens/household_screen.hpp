#pragma once

#include <optional>
#include <string>

#include "store/households.hpp"
#include "store/store.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// One household: its address, its members with each one's status pipeline and card ETA,
// and Edit for a member (a correction, never an overwrite).
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

  private:
    std::string member_id_;
    MemberInput input_;
    std::string problem_;
};

}  // namespace pekon::ui
