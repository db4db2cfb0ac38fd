#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace pekon {

// A QR code as a square of modules (true = dark), with its quiet zone.
struct QrMatrix {
    int size = 0;
    std::vector<bool> modules;  // row by row
    bool dark(int x, int y) const { return modules[static_cast<size_t>(y * size + x)]; }
};

// Encodes `text` as a QR code (ZXing-C++ MultiFormatWriter, error correction level M).
// Error code `qr_encode_failed` when the text does not fit.
Result<QrMatrix> encodeQr(const std::string& text);

}  // namespace pekon
