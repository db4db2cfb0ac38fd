#pragma once

#include <optional>

#include "ui/screen.hpp"

namespace pekon::ui {

// The kiosk's start screen: check my card status, classes and premiums, feedback; the
// language toggle; and a staff button that asks for a supervisor PIN. Scanning a KTP, KIS
// card or receipt QR here starts a card-status check with the NIK filled in.
class KioskHomeScreen : public Screen {
  public:
    std::string_view name() const override { return "kiosk.home"; }
    Chrome chrome() const override { return {Chrome::Bar::signed_out, "kiosk.title"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;

  private:
    std::optional<UnixSeconds> synced_;  // the last completed sync (0: never), read once
};

}  // namespace pekon::ui
