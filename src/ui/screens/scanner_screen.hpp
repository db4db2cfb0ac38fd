#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "scan/decoder.hpp"
#include "ui/scanner_session.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The scanner overlay: the live camera preview with an aiming box, decoding on a worker
// thread; on a code it beeps, closes itself and hands the payload to the screen below it.
// "Import photo" reads a picture instead. Without a camera it says so and still offers that.
class ScannerScreen : public Screen {
  public:
    std::string_view name() const override { return "scanner"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "scanner.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    bool cameraOpen() const { return session_ != nullptr; }
    // What the preview says when it shows no picture (no camera, opening, an error); "" when
    // the live preview is running.
    const std::string& status() const { return status_; }

  private:
    void start(UiContext& ui);
    bool started_ = false;
    scan::Symbologies formats_ = scan::kAllSymbologies;
    std::unique_ptr<ScannerSession> session_;
    std::string no_camera_;  // why there is no preview
    std::string status_;     // the message drawn over the preview this frame
    scan::GrayImage frame_;
    std::uint64_t frame_seen_ = 0;
    ImTextureID texture_ = nullptr;
};

}  // namespace pekon::ui
