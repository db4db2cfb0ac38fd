#pragma once

#include <string>
#include <vector>

#include "ui/data_access_panel.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// Device settings: which camera the scanner uses (or none), and which code types it reads.
// Saved in the device's settings table as soon as they change. Also the kiosk mode (for a
// supervisor) and data access for users made before the data was sealed (DataAccessPanel).
class SettingsScreen : public Screen {
  public:
    std::string_view name() const override { return "settings"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "settings.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    const std::string& problem() const { return problem_; }  // a refused change, or a save error

  private:
    void load(UiContext& ui);
    bool loaded_ = false;
    std::vector<CameraChoice> cameras_;
    std::string camera_;         // "" = the first camera found, "none", or a device path
    std::uint32_t formats_ = 0;  // scan::Symbologies
    std::string problem_;
    bool kiosk_ready_ = true;  // the office enrolled this device as a kiosk (it has the key)
    DataAccessPanel data_access_;
};

}  // namespace pekon::ui
