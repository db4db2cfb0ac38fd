#pragma once

#include <optional>
#include <string>

#include "scan/qr_encode.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// Feedback and complaints at the kiosk: a category, satisfaction 1-5, and optionally a
// message (on-screen keyboard) and a phone number for a call back (keypad). Saved to the
// outbox as `feedback.submitted` (store/feedback: submitFeedback); the text and phone live in
// UiContext::kiosk.citizen until sent or wiped by the idle reset. A complaint (marked as one,
// or rated 1-2) gets its ticket number on screen and as a QR code to photograph; the answer is
// read at any kiosk of the area ("Check a complaint", KioskComplaintScreen).
class KioskFeedbackScreen : public Screen {
  public:
    std::string_view name() const override { return "kiosk.feedback"; }
    Chrome chrome() const override { return {Chrome::Bar::kiosk, "kiosk.feedback"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;

    const std::string& problem() const { return problem_; }
    bool sent() const { return sent_; }
    const std::string& ticket() const { return ticket_; }  // "" unless a complaint was sent

  private:
    void send(UiContext& ui);
    void drawSent(UiContext& ui, Navigator& nav);
    std::string category_;
    std::string kind_ = "feedback";  // or "complaint"
    int rating_ = 0;
    std::string ticket_;
    std::optional<QrMatrix> qr_;
    std::string problem_;
    bool sent_ = false;
};

}  // namespace pekon::ui
