#pragma once

#include <cstdint>
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
// A setting that holds a whole number; absent, unreadable or damaged reads as nullopt.
std::optional<std::int64_t> readSettingNumber(Store& store, const std::string& key);
Status deleteSetting(Store& store, const std::string& key);  // absent already: fine

}  // namespace pekon
