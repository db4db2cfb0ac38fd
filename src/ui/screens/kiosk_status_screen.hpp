#pragma once

#include <string>

#include "ui/screen.hpp"

namespace pekon::ui {

// "Check my card status" at the kiosk: the NIK and the KK number (family card) on the keypad or
// from scanned codes, or a scanned registration receipt and the birth date on the date picker
// (never NIK and birth date: a NIK holds the birth date, issue 12), then the status from the kiosk's table (store/card_check): the
// step on the pipeline, class, faskes, card ETA, the card number and name masked, and how
// fresh the data is. Five failures in a row cost a minute's wait (core/lookup_limiter).
// The personal data stays in UiContext::kiosk.citizen, which the idle reset wipes.
class KioskStatusScreen : public Screen {
  public:
    std::string_view name() const override { return "kiosk.status"; }
    Chrome chrome() const override { return {Chrome::Bar::kiosk, "kiosk.check"}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;

    // Why the last check could not run (bad NIK, no table yet); not personal.
    const std::string& problem() const { return problem_; }

  private:
    void check(UiContext& ui);
    void drawNotice(UiContext& ui);  // under the form: the cool-down, a problem, or how to
    void drawAnswer(UiContext& ui);  // found or not found, in place of the form
    std::string problem_;
    std::string notice_;  // what a scanned receipt said (a date and a count, nothing personal)
};

}  // namespace pekon::ui
