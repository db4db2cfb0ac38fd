#pragma once

#include <string>

#include "core/result.hpp"

// A QR code as inline SVG markup (one path of dark modules, quiet zone included), scalable
// for the screen and for print.
namespace pekon::hub::web {

// `qr_encode_failed` when `text` does not fit a QR code. `label` is the SVG's accessible name.
Result<std::string> qrSvg(const std::string& text, const std::string& label);

}  // namespace pekon::hub::web
