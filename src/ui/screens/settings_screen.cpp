#include "ui/screens/settings_screen.hpp"

#include "scan/decoder.hpp"
#include "store/settings.hpp"
#include "store/card_check.hpp"
#include "ui/kiosk_nav.hpp"
#include "ui/pickers.hpp"
#include "ui/scan_settings.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

struct FormatChoice {
    scan::Symbology symbology;
    const char* key;
};
constexpr FormatChoice kFormats[] = {
    {scan::kQr, "settings.format.qr"},
    {scan::kPdf417, "settings.format.pdf417"},
    {scan::kDataMatrix, "settings.format.datamatrix"},
    {scan::kAztec, "settings.format.aztec"},
    {scan::kCode128, "settings.format.code128"},
    {scan::kCode39, "settings.format.code39"},
    {scan::kItf, "settings.format.itf"},
    {scan::kEanUpc, "settings.format.ean"},
};

}  // namespace

void SettingsScreen::load(UiContext& ui) {
    loaded_ = true;
    if (ui.devices.list_cameras) cameras_ = ui.devices.list_cameras();
    camera_ = cameraSetting(ui);
    formats_ = scanFormatsSetting(ui);
    auto kiosk = isKioskDevice(ui.store());
    kiosk_ready_ = !kiosk || *kiosk;  // a read error is not news about the kiosk table
}

void SettingsScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!loaded_) load(ui);
    ImGui::BeginChild("settings", ImVec2(0, 0), false);
    dragScroll();

    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("settings.camera").c_str());
    ImGui::PopFont();
    std::vector<Choice> choices = {{"", ui.t("settings.camera_auto")}};
    for (const CameraChoice& c : cameras_)
        choices.push_back({c.path, c.name + " (" + c.path + ")"});
    choices.push_back({"none", ui.t("settings.camera_none")});
    if (cameras_.empty()) textMuted(ui.t("scanner.no_camera"));
    if (choiceGrid(ui, "settings.camera", choices, &camera_, 2)) {
        auto saved = writeSetting(ui.store(), kSettingCamera, camera_);
        problem_ = saved ? "" : ui.errorText(saved.error());
    }

    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("settings.formats").c_str());
    ImGui::PopFont();
    textMuted(ui.t("settings.formats_detail"));
    for (const FormatChoice& f : kFormats) {
        bool on = (formats_ & f.symbology) != 0;
        if (toggle(ui, f.key, ui.t(f.key), &on)) {
            const std::uint32_t next = on ? (formats_ | f.symbology) : (formats_ & ~f.symbology);
            if (next == 0) {
                problem_ = ui.t("settings.formats_one");  // the scanner must read something
                continue;
            }
            formats_ = next;
            auto saved =
                writeSetting(ui.store(), kSettingScanFormats, scan::symbologiesText(formats_));
            problem_ = saved ? "" : ui.errorText(saved.error());
        }
    }
    if (!problem_.empty()) textError(problem_);

    // A supervisor may hand the device to citizens as a self-service kiosk.
    if (nav.user() && nav.user()->role == Role::supervisor) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted(ui.t("settings.kiosk").c_str());
        ImGui::PopFont();
        textMuted(ui.t("settings.kiosk_detail"));
        // Without the district's key (a kiosk enrolment at the office) the card check has no
        // table to read; the other kiosk services still work.
        if (!kiosk_ready_) {
            textError(ui.t("settings.kiosk_no_table"));
            ui.probe("settings.kiosk_no_table");
        }
        if (button(ui, "settings.kiosk_start", ui.t("settings.kiosk_start"),
                   ImVec2(ui.px(360), ui.px(64)))) {
            if (auto entered = enterKioskMode(ui, nav); !entered)
                problem_ = ui.errorText(entered.error());
        }
    }
    data_access_.draw(ui, nav);
    ImGui::EndChild();
}

}  // namespace pekon::ui
