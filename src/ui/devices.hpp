#pragma once

#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "scan/gray_image.hpp"

// What the window gives the headless UI: cameras, a texture for the live preview, a sound.
// The SDL shell fills these in from platform/; tests give real image-file sources; a missing
// function means the device does not exist (the overlay then says so).
namespace pekon::ui {

// Live grayscale frames, read on the scanner's worker thread.
class FrameSource {
  public:
    virtual ~FrameSource() = default;
    // Waits up to `timeout_ms` for the next frame; false on timeout, an Error when it failed.
    virtual Result<bool> next(scan::GrayImage& frame, int timeout_ms) = 0;
};

struct CameraChoice {
    std::string path;  // e.g. "/dev/video0"
    std::string name;  // the device's own name
};

struct Devices {
    std::function<std::vector<CameraChoice>()> list_cameras;
    std::function<Result<std::unique_ptr<FrameSource>>(const std::string& path)> open_camera;
    // Uploads a frame into the one preview texture (reused) and returns it for ImGui::Image.
    std::function<ImTextureID(const scan::GrayImage& frame)> upload_preview;
    std::function<void()> beep;
    // Folders "import photo" lists (pictures, downloads, camera roll, removable media).
    std::function<std::vector<std::string>()> photo_folders;
};

}  // namespace pekon::ui
