#pragma once

#include <cstdint>
#include <vector>

namespace pekon::scan {

// A read-only view of 8-bit grayscale pixels (a camera's luma plane, a decoded photo).
struct GrayView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;  // bytes from one row to the next (>= width)

    bool empty() const { return data == nullptr || width <= 0 || height <= 0; }
    std::uint8_t at(int x, int y) const { return data[static_cast<long>(y) * stride + x]; }
};

// An owned grayscale image, rows packed (stride == width).
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    GrayView view() const { return {pixels.data(), width, height, width}; }
};

}  // namespace pekon::scan
