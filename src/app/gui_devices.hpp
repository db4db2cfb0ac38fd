#pragma once

#include <SDL.h>

#include "ui/devices.hpp"

namespace pekon::cli {

// The window's devices for the headless UI: V4L2 cameras (platform/linux), the preview as an
// OpenGL texture, a short beep through SDL audio (silent when there is no audio device), and
// the photo folders. Lives as long as the window; frees the texture and the audio device.
class GuiDevices {
  public:
    GuiDevices();
    ~GuiDevices();
    GuiDevices(const GuiDevices&) = delete;
    GuiDevices& operator=(const GuiDevices&) = delete;

    ui::Devices devices();

  private:
    ImTextureID upload(const scan::GrayImage& frame);
    void beep();
    void openAudio();
    unsigned texture_ = 0;
    bool audio_tried_ = false;
    std::vector<std::uint8_t> rgba_;
    SDL_AudioDeviceID audio_ = 0;
    std::vector<std::int16_t> tone_;
};

}  // namespace pekon::cli
