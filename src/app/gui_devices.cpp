#include "app/gui_devices.hpp"

#include <SDL_opengl.h>

#include <cmath>
#include <numbers>

#include "platform/camera.hpp"
#include "platform/paths.hpp"

namespace pekon::cli {

namespace {

// platform::Camera as the UI's frame source.
class CameraSource : public ui::FrameSource {
  public:
    explicit CameraSource(std::unique_ptr<platform::Camera> camera) : camera_(std::move(camera)) {}
    Result<bool> next(scan::GrayImage& frame, int timeout_ms) override {
        auto got = camera_->nextFrame(buffer_, timeout_ms);
        if (!got || !*got) return got;
        frame.width = buffer_.width;
        frame.height = buffer_.height;
        frame.pixels.swap(buffer_.pixels);
        return true;
    }

  private:
    std::unique_ptr<platform::Camera> camera_;
    platform::GrayFrame buffer_;
};

constexpr int kToneRate = 22050;

}  // namespace

GuiDevices::GuiDevices() = default;

void GuiDevices::openAudio() {
    // Opened on the first beep, not at start: a device without sound (or a screenshot run)
    // never touches the audio stack.
    audio_tried_ = true;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return;
    SDL_AudioSpec want{}, have{};
    want.freq = kToneRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    audio_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    // A 1.6 kHz beep of 120 ms with soft edges, as a handheld scanner makes.
    const int n = kToneRate * 120 / 1000;
    tone_.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double edge = std::min(1.0, std::min(i, n - i) / (kToneRate * 0.01));
        tone_[static_cast<size_t>(i)] = static_cast<std::int16_t>(
            9000.0 * edge * std::sin(2 * std::numbers::pi * 1600.0 * i / kToneRate));
    }
}

GuiDevices::~GuiDevices() {
    if (texture_) {
        GLuint t = texture_;
        glDeleteTextures(1, &t);
    }
    if (audio_) SDL_CloseAudioDevice(audio_);
}

ImTextureID GuiDevices::upload(const scan::GrayImage& frame) {
    if (frame.pixels.empty()) return nullptr;
    if (!texture_) {
        GLuint t = 0;
        glGenTextures(1, &t);
        texture_ = t;
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    // Gray to RGBA on the CPU: portable to every GL 3 driver (no swizzle extension needed).
    rgba_.resize(frame.pixels.size() * 4);
    for (size_t i = 0; i < frame.pixels.size(); ++i) {
        const std::uint8_t v = frame.pixels[i];
        rgba_[4 * i] = rgba_[4 * i + 1] = rgba_[4 * i + 2] = v;
        rgba_[4 * i + 3] = 255;
    }
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, frame.width, frame.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 rgba_.data());
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture_));
}

void GuiDevices::beep() {
    if (!audio_tried_) openAudio();
    if (!audio_) return;
    SDL_ClearQueuedAudio(audio_);
    SDL_QueueAudio(audio_, tone_.data(), static_cast<Uint32>(tone_.size() * sizeof(std::int16_t)));
    SDL_PauseAudioDevice(audio_, 0);
}

ui::Devices GuiDevices::devices() {
    ui::Devices d;
    d.list_cameras = [] {
        std::vector<ui::CameraChoice> out;
        for (const auto& c : platform::listCameras()) out.push_back({c.path, c.name});
        return out;
    };
    d.open_camera = [](const std::string& path) -> Result<std::unique_ptr<ui::FrameSource>> {
        auto camera = platform::Camera::open(path);
        if (!camera) return camera.error();
        return std::unique_ptr<ui::FrameSource>(
            std::make_unique<CameraSource>(std::move(camera.value())));
    };
    d.upload_preview = [this](const scan::GrayImage& frame) { return upload(frame); };
    d.beep = [this] { beep(); };
    d.photo_folders = [] { return platform::photoFolders(); };
    return d;
}

}  // namespace pekon::cli
