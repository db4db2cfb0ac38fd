#include "ui/screens/scanner_screen.hpp"

#include "ui/scan_settings.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void ScannerScreen::start(UiContext& ui) {
    started_ = true;
    formats_ = scanFormatsSetting(ui);
    std::string path = cameraSetting(ui);
    if (path == "none") {
        no_camera_ = ui.t("scanner.camera_off");
        return;
    }
    if (!ui.devices.open_camera) {
        no_camera_ = ui.t("scanner.no_camera");
        return;
    }
    if (path.empty() && ui.devices.list_cameras) {
        const auto cameras = ui.devices.list_cameras();
        if (cameras.empty()) {
            no_camera_ = ui.t("scanner.no_camera");
            return;
        }
        path = cameras.front().path;
    }
    session_ = std::make_unique<ScannerSession>(
        [open = ui.devices.open_camera, path] { return open(path); }, formats_);
}

void ScannerScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!started_) start(ui);

    std::string& status = status_;
    status = no_camera_;
    if (session_) {
        ui.animating = true;  // the preview moves
        const ScannerSession::State state = session_->state();
        if (!state.codes.empty()) {
            nav.pop();
            nav.deliverScan(choosePayload(ui, state.codes));
        } else if (state.error) {
            no_camera_ = status = ui.errorText(*state.error);
            session_.reset();  // release the camera at once
        } else if (state.opening) {
            status = ui.t("scanner.opening");
        } else {
            // A frame the decoder crashed on was skipped: said under the preview, reading goes on.
            if (state.skip_error) status = ui.errorText(*state.skip_error);
            if (session_->latestFrame(frame_, frame_seen_) && ui.devices.upload_preview)
                texture_ = ui.devices.upload_preview(frame_);
        }
    }

    // The preview in the camera's own shape (16:9 until a frame came), with the aiming box in
    // the middle, no taller than the room left above the buttons.
    const float aspect = frame_.width > 0 && frame_.height > 0
                             ? static_cast<float>(frame_.height) / static_cast<float>(frame_.width)
                             : 9.0f / 16.0f;
    float width = std::min(ImGui::GetContentRegionAvail().x, ui.px(960));
    const float room = ImGui::GetContentRegionAvail().y - ui.px(150);
    if (room > 0 && width * aspect > room) width = room / aspect;
    const ImVec2 size(width, width * aspect);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (texture_ && session_) {
        ImGui::Image(texture_, size);
    } else {
        ImGui::Dummy(size);
        draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(40, 44, 48, 255),
                            ui.px(8));
    }
    ui.probe("scanner.preview");
    const ImVec2 box(size.x * 0.45f, size.y * 0.6f);
    const ImVec2 a(at.x + (size.x - box.x) / 2, at.y + (size.y - box.y) / 2);
    draw->AddRect(a, ImVec2(a.x + box.x, a.y + box.y), IM_COL32(255, 255, 255, 220), ui.px(12), 0,
                  ui.px(4));
    if (!status.empty()) {
        const ImVec2 text = ImGui::CalcTextSize(status.c_str(), nullptr, false, size.x - ui.px(40));
        draw->AddText(nullptr, 0,
                      ImVec2(at.x + (size.x - text.x) / 2, at.y + size.y - text.y - ui.px(24)),
                      IM_COL32(255, 255, 255, 255), status.c_str(), nullptr, size.x - ui.px(40));
    }
    textMuted(ui.t("scanner.hint"));
    if (button(ui, "scanner.photo", ui.t("scanner.photo"), ImVec2(ui.px(320), ui.px(64)),
               ButtonStyle::secondary))
        nav.replace(route::PhotoImport{formats_});
}

}  // namespace pekon::ui
