#pragma once

#include <optional>
#include <string>

#include "store/complaints.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// "Check a complaint" at the kiosk: the citizen types the ticket number they were given (or
// scans its QR code here or on the kiosk's home screen) and reads where the complaint stands
// and the office's answer, from what this kiosk last pulled (store/complaints), offline.
// A mistyped number is told apart from one the kiosk has no word on yet.
class KioskComplaintScreen : public Screen {
  public:
    explicit KioskComplaintScreen(std::string scanned = {}) : scanned_(std::move(scanned)) {}
    std::string_view name() const override { return "kiosk.complaint"; }
    Chrome chrome() const override { return {Chrome::Bar::kiosk, "kiosk.ticket_check"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;

    const std::string& problem() const { return problem_; }
    bool checked() const { return checked_; }
    const std::optional<ComplaintStatus>& found() const { return found_; }

  private:
    void check(UiContext& ui);
    void drawAnswer(UiContext& ui);
    std::string scanned_;
    std::string problem_;
    bool checked_ = false;
    std::string checked_number_;
    std::optional<ComplaintStatus> found_;
};

}  // namespace pekon::ui
