#pragma once
// A device's export sealed for the office (issue 16): a sealed device writes nothing personal
// in the clear, so `pekon export` seals each CSV file for the hub's key, and only
// `pekon-hub open-export` (with the hub's secret key) gives it back.

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "vault/sealed_box.hpp"

namespace pekon {

// The file's text: a first line naming the format, then base64 of the sealed box.
Result<std::string> sealExport(std::string_view hub_public_key, std::string_view content);
// The content back: `export_not_sealed` (not such a file) or `export_unreadable` (another
// hub's, or altered).
Result<std::string> openExport(const vault::BoxKeys& hub_keys, std::string_view file_text);

}  // namespace pekon
