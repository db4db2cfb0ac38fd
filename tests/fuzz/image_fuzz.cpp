// libFuzzer target over image files: scan::decodeImage (src/scan/image_file.cpp), i.e. the
// JPEG check (src/scan/jpeg_check.cpp) and then stb_image for PNG, JPEG, BMP and GIF, as
// "import photo" and `pekon scan FILE` use it. The input is the file's bytes.
//
// The camera's MJPEG path is covered too: a JPEG that passes the check with the standard
// Huffman tables allowed and has no DHT of its own is rebuilt the way platform/linux/
// camera.cpp rebuilds it (the standard DHT inserted before the first scan) and decoded again.
//
// Seed corpus (image_corpus/, copied by run_fuzz.cmake): tiny files made with ImageMagick,
// cjpeg and jpegtran (gray, 4:2:0, progressive with restarts, a DHT-less MJPEG frame; PNG
// gray, palette, RGBA, interlaced; GIF; BMP 24-bit and palette), and crash_*: inputs that
// once crashed stb_image through decodeImage, kept as regression inputs (the scan tests
// decode them too).
//
// Besides the sanitizers, invariants that must hold for every input trap
// (__builtin_trap) when broken, so that libFuzzer records the input as a crash.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "scan/image_file.hpp"
#include "scan/jpeg_check.hpp"

namespace {

using namespace pekon;
using namespace pekon::scan;

void checkError(const Error& e) {
    static const std::set<std::string> codes = {"image_empty", "image_too_large", "image_format",
                                                "image_truncated", "image_corrupt"};
    PEKON_CHECK(codes.count(e.code) == 1);
    PEKON_CHECK(!e.message_id.empty());
    PEKON_CHECK(!e.message_en.empty());
    PEKON_CHECK(e.message_id != e.message_en);
}

void decode(std::string_view bytes) {
    auto image = decodeImage(bytes);
    if (!image) {
        checkError(image.error());
        return;
    }
    PEKON_CHECK(image->width > 0 && image->height > 0);
    PEKON_CHECK(image->width <= kMaxImageSide && image->height <= kMaxImageSide);
    PEKON_CHECK(image->pixels.size() ==
                static_cast<std::size_t>(image->width) * static_cast<std::size_t>(image->height));
}

void cameraFrame(const std::uint8_t* data, std::size_t size) {
    JpegCheckOptions options;
    options.standard_huffman_tables = true;
    auto layout = checkJpeg(data, size, options);
    if (!layout) {
        checkError(layout.error());
        return;
    }
    PEKON_CHECK(layout->first_scan > 0 && layout->first_scan < layout->end);
    PEKON_CHECK(layout->end <= size);
    PEKON_CHECK(layout->scans >= 1);
    PEKON_CHECK(layout->width > 0 && layout->height > 0);
    if (layout->huffman_tables) return;  // decoded as it is by decode() already
    const std::vector<std::uint8_t>& dht = standardHuffmanSegment();
    std::string rebuilt(reinterpret_cast<const char*>(data), layout->first_scan);
    rebuilt.append(dht.begin(), dht.end());
    rebuilt.append(reinterpret_cast<const char*>(data) + layout->first_scan,
                   layout->end - layout->first_scan);
    // With the tables in place the plain check must agree.
    PEKON_CHECK(checkJpeg(rebuilt).ok());
    decode(rebuilt);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    decode(bytes);
    if (looksLikeJpeg(bytes)) cameraFrame(data, size);
    return 0;
}
