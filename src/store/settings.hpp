#pragma once

#include <optional>
#include <string>

#include "store/store.hpp"

namespace pekon {

// Device settings by key: "scan.camera" (a V4L2 device path, or "none"), "scan.formats"
// (a list for scan::parseSymbologies). Values are plain text.
inline constexpr const char* kSettingCamera = "scan.camera";
inline constexpr const char* kSettingScanFormats = "scan.formats";

Result<std::optional<std::string>> readSetting(Store& store, const std::string& key);
Status writeSetting(Store& store, const std::string& key, const std::string& value);
Status deleteSetting(Store& store, const std::string& key);  // absent already: fine

}  // namespace pekon
