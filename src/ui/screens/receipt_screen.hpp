#pragma once

#include <optional>
#include <string>

#include "scan/qr_encode.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// After saving: a QR code the citizen photographs (pekon://receipt?...), with the receipt id.
class ReceiptScreen : public Screen {
  public:
    ReceiptScreen(std::string household_id, int members)
        : household_id_(std::move(household_id)), members_(members) {}
    std::string_view name() const override { return "receipt"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "receipt.title", false}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    const std::string& uri() const { return uri_; }

  private:
    std::string household_id_;
    int members_;
    std::string uri_;
    std::optional<QrMatrix> qr_;
    std::string problem_;
};

}  // namespace pekon::ui
