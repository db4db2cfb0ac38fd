// Camera frames to 8-bit luma: YUYV, NV12/NV21/YV12/YUV420 (the Y plane), GREY, and
// MJPEG/JPEG checked by scan::checkJpeg before stb_image decodes it. Also the order in which
// pixel formats are preferred.
#include <linux/videodev2.h>

#include <algorithm>
#include <cstring>

#include "platform/camera.hpp"
#include "platform/linux/v4l2.hpp"
#include "scan/jpeg_check.hpp"

// stb_image, private to this file (static functions) so it cannot clash with another copy
// in the same program. JPEG only; the size cap keeps a corrupt header from asking for
// gigabytes.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MAX_DIMENSIONS 8192
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image.h>
#pragma GCC diagnostic pop

namespace pekon::platform {

namespace {

// ---- JPEG -------------------------------------------------------------------------------

// stb_image trusts its input more than a camera frame deserves (a DHT with more than 256
// codes overflows its tables; a scan may use tables that were never defined), so a frame is
// first checked by scan::checkJpeg (see src/scan/jpeg_check.hpp) and must be one complete
// baseline JPEG with a single scan. Frames without Huffman tables (UVC MJPEG) are checked
// with the standard tables of JPEG Annex K and rebuilt with them inserted before the scan.
// false for anything else: truncated frames (no EOI, scan data running out), progressive or
// arithmetic-coded JPEG, malformed segments. `input` is the JPEG to decode: the frame
// itself up to its EOI (padding after it dropped), or `rebuilt`.
bool prepareJpeg(const std::uint8_t* d, std::size_t size, std::vector<std::uint8_t>& rebuilt,
                 const std::uint8_t*& input, std::size_t& input_size) {
    scan::JpegCheckOptions options;
    options.standard_huffman_tables = true;
    const auto layout = scan::checkJpeg(d, size, options);
    if (!layout || layout->progressive || layout->scans != 1) return false;
    if (layout->huffman_tables) {
        input = d;
        input_size = layout->end;
        return true;
    }
    const std::vector<std::uint8_t>& standard_dht = scan::standardHuffmanSegment();
    rebuilt.clear();
    rebuilt.reserve(layout->end + standard_dht.size());
    rebuilt.insert(rebuilt.end(), d, d + layout->first_scan);
    rebuilt.insert(rebuilt.end(), standard_dht.begin(), standard_dht.end());
    rebuilt.insert(rebuilt.end(), d + layout->first_scan, d + layout->end);
    input = rebuilt.data();
    input_size = rebuilt.size();
    return true;
}

// Sizes `out` for a width x height gray frame; false (and empty) for an empty frame.
bool sizeGray(int width, int height, std::vector<std::uint8_t>& out) {
    if (width <= 0 || height <= 0) {
        out.clear();
        return false;
    }
    out.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    return true;
}

}  // namespace

// ---- conversions --------------------------------------------------------------------------

namespace detail {

void yuyvToGray(const std::uint8_t* src, int width, int height, int stride,
                std::vector<std::uint8_t>& out) {
    if (!sizeGray(width, height, out)) return;
    const auto w = static_cast<std::size_t>(width);
    std::uint8_t* dst = out.data();
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* row = src + static_cast<std::size_t>(y) * stride;
        for (std::size_t x = 0; x < w; ++x) dst[x] = row[2 * x];
        dst += w;
    }
}

void nv12ToGray(const std::uint8_t* src, int width, int height, int stride,
                std::vector<std::uint8_t>& out) {
    if (!sizeGray(width, height, out)) return;
    const auto w = static_cast<std::size_t>(width);
    for (int y = 0; y < height; ++y) {
        std::memcpy(out.data() + static_cast<std::size_t>(y) * w,
                    src + static_cast<std::size_t>(y) * stride, w);
    }
}

bool mjpegToGray(const std::uint8_t* data, std::size_t size, GrayFrame& out) {
    if (data == nullptr) return false;
    std::vector<std::uint8_t> rebuilt;
    const std::uint8_t* input = nullptr;
    std::size_t input_size = 0;
    if (!prepareJpeg(data, size, rebuilt, input, input_size)) return false;
    if (input_size > static_cast<std::size_t>(INT_MAX)) return false;

    int w = 0, h = 0, channels = 0;
    stbi_uc* gray =
        stbi_load_from_memory(input, static_cast<int>(input_size), &w, &h, &channels, 1);
    if (gray == nullptr) return false;
    if (w <= 0 || h <= 0) {
        stbi_image_free(gray);
        return false;
    }
    out.width = w;
    out.height = h;
    out.pixels.assign(gray, gray + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    stbi_image_free(gray);
    return true;
}

bool convertFrame(std::uint32_t fourcc, const std::uint8_t* data, std::size_t size, int width,
                  int height, int stride, GrayFrame& out) {
    if (v4l2::isCompressed(fourcc)) return mjpegToGray(data, size, out);
    if (data == nullptr || width <= 0 || height <= 0) return false;
    const auto w = static_cast<std::size_t>(width);
    const auto h = static_cast<std::size_t>(height);
    std::size_t row_bytes = 0;
    switch (fourcc) {
        case V4L2_PIX_FMT_YUYV:
            row_bytes = 2 * w;
            break;
        case V4L2_PIX_FMT_GREY:
        case V4L2_PIX_FMT_NV12:
        case V4L2_PIX_FMT_NV21:
        case V4L2_PIX_FMT_YUV420:
        case V4L2_PIX_FMT_YVU420:
            row_bytes = w;
            break;
        default:
            return false;
    }
    const std::size_t pitch = std::max(row_bytes, stride > 0 ? std::size_t(stride) : 0);
    if (pitch > static_cast<std::size_t>(INT_MAX) || size < pitch * (h - 1) + row_bytes) {
        return false;
    }
    if (fourcc == V4L2_PIX_FMT_YUYV) {
        yuyvToGray(data, width, height, static_cast<int>(pitch), out.pixels);
    } else {
        nv12ToGray(data, width, height, static_cast<int>(pitch), out.pixels);
    }
    out.width = width;
    out.height = height;
    return true;
}

std::vector<std::uint32_t> rankFormats(const std::vector<std::uint32_t>& offered) {
    std::vector<std::uint32_t> ranked;
    for (std::uint32_t f : v4l2::formatPreference()) {
        if (std::find(offered.begin(), offered.end(), f) != offered.end()) ranked.push_back(f);
    }
    return ranked;
}

std::string fourccName(std::uint32_t fourcc) {
    std::string name;
    for (int i = 0; i < 4; ++i) {
        const char c = static_cast<char>((fourcc >> (8 * i)) & 0xFF);
        name.push_back(c >= 0x20 && c < 0x7F ? c : '?');
    }
    while (!name.empty() && name.back() == ' ') name.pop_back();
    return name;
}

}  // namespace detail

}  // namespace pekon::platform
