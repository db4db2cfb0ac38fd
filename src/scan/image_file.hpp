#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "scan/gray_image.hpp"

// Photos and image files for scanning (PNG, JPEG, BMP, GIF), read as grayscale with a
// bounded cost: a file's header is checked before any pixel is decoded.
namespace pekon::scan {

inline constexpr std::uint64_t kMaxImageFileBytes = 64ull << 20;  // 64 MiB
inline constexpr std::uint64_t kMaxImagePixels = 40'000'000;      // 40 MP: more than any phone
inline constexpr int kMaxImageSide = 16384;

// Errors (each bilingual): image_unreadable (cannot open or read the file), image_empty
// (zero bytes), image_too_large (file size, or a header claiming more pixels than allowed),
// image_format (not an image format Pekon reads), image_truncated (the data stops early),
// image_corrupt (the pixels do not decode).
Result<GrayImage> loadImageFile(const std::string& path);
Result<GrayImage> decodeImage(std::string_view bytes);

}  // namespace pekon::scan
