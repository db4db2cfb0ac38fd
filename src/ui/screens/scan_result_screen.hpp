#pragma once

#include "ui/screen.hpp"

namespace pekon::ui {

// What a scan read when no screen could use it: its kind and fields, or the raw text of a code
// Pekon does not recognise (so the user can still read it), with a search for the person.
class ScanResultScreen : public Screen {
  public:
    explicit ScanResultScreen(ScanPayload payload) : payload_(std::move(payload)) {}
    std::string_view name() const override { return "scan_result"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "scan_result.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    const ScanPayload& payload() const { return payload_; }

  private:
    ScanPayload payload_;
};

}  // namespace pekon::ui
