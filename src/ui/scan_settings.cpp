#include "ui/scan_settings.hpp"

#include "store/settings.hpp"

namespace pekon::ui {

scan::Symbologies scanFormatsSetting(UiContext& ui) {
    auto value = readSetting(ui.store(), kSettingScanFormats);
    if (value && value->has_value()) {
        if (auto set = scan::parseSymbologies(**value)) return *set;
    }
    return scan::kAllSymbologies;
}

std::string cameraSetting(UiContext& ui) {
    auto value = readSetting(ui.store(), kSettingCamera);
    return value && value->has_value() ? **value : std::string();
}

ScanPayload choosePayload(UiContext& ui, const std::vector<scan::Code>& codes) {
    ScanPayload first;
    for (size_t i = 0; i < codes.size(); ++i) {
        ScanPayload p = ui.parseScan(codes[i].text);
        if (p.kind != PayloadKind::unknown) return p;
        if (i == 0) first = std::move(p);
    }
    return first;
}

}  // namespace pekon::ui
