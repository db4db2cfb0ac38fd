#pragma once

#include <string>
#include <vector>

#include "scan/decoder.hpp"
#include "ui/ui_context.hpp"

namespace pekon::ui {

// The scanner's code types and camera, from the device settings.
scan::Symbologies scanFormatsSetting(UiContext& ui);
std::string cameraSetting(UiContext& ui);  // a device path, "none", or "" (the first camera)
// Picks the payload to use among the codes of one frame: the first Pekon recognises.
ScanPayload choosePayload(UiContext& ui, const std::vector<scan::Code>& codes);

}  // namespace pekon::ui
