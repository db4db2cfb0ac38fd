#pragma once

#include <string>

#include "ui/screen.hpp"

namespace pekon::ui {

// Feedback and complaints at the kiosk: a category, satisfaction 1-5, and optionally a
// message (on-screen keyboard) and a phone number for a call back (keypad). Saved to the
// outbox as `feedback.submitted` (store/feedback: submitFeedback); the text and phone live in
// UiContext::kiosk.citizen until sent or wiped by the idle reset.
class KioskFeedbackScreen : public Screen {
  public:
    std::string_view name() const override { return "kiosk.feedback"; }
    Chrome chrome() const override { return {Chrome::Bar::kiosk, "kiosk.feedback"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;

    const std::string& problem() const { return problem_; }
    bool sent() const { return sent_; }

  private:
    void send(UiContext& ui);
    std::string category_;
    int rating_ = 0;
    std::string problem_;
    bool sent_ = false;
};

}  // namespace pekon::ui
